import { performance } from 'node:perf_hooks';
import type { RequestHandler, Response } from 'express';
import { nowIso } from '../../core/clock';
import { type LoggedRequest, loggableBody, type RequestLog, redactHeaders } from '../../core/sample-broker';

const entryOf = (res: Response) => res.locals.logEntry as LoggedRequest | undefined;

/** Starts an entry in the broker's request log and completes it when the exchange ends (answered or not). */
export function logRequests(requests: RequestLog): RequestHandler {
  return (req, res, next) => {
    const started = performance.now();
    const entry = requests.start({
      at: nowIso(),
      method: req.method,
      path: req.path,
      query: { ...req.query },
      headers: redactHeaders(req.headers),
      body: undefined,
    });
    res.locals.logEntry = entry;
    res.on('close', () => {
      entry.durationMs = Math.round(performance.now() - started);
      entry.status = res.headersSent ? res.statusCode : null;
      entry.outcome = res.headersSent ? 'answered' : 'no answer';
    });
    next();
  };
}

/** Runs after the body parser: the parsed body joins the entry (while the request may still hang). */
export const logRequestBody: RequestHandler = (req, res, next) => {
  const entry = entryOf(res);
  if (entry) entry.body = loggableBody(req.body);
  next();
};

/** Marks the entry with the fault that decides the answer (at once: the answer may never come). */
export function noteFault(res: Response, faultId: string): void {
  const entry = entryOf(res);
  if (entry) entry.faultId = faultId;
}
