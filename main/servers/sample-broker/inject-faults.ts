import { setTimeout as sleep } from 'node:timers/promises';
import type { Request, RequestHandler, Response } from 'express';
import type { OsbOperation } from '../../../shared/osb-operations';
import type { Fault, FaultRegistry } from '../../core/sample-broker';
import { noteFault } from './request-logging';

/** Not JSON: a body cut off in the middle, as from a broker that crashed while writing. */
const MALFORMED_BODY = '{"description": "this answer was cut off by an injected fault", "operation": ';

function answerWithStatus(res: Response, fault: Fault & { kind: 'status' }): void {
  res.status(fault.status);
  if (fault.status === 204 || fault.status === 304) {
    res.end();
    return;
  }
  if (fault.status < 300) {
    res.json({});
    return;
  }
  const description = fault.description ?? `Status ${fault.status} injected by fault ${fault.id}.`;
  res.json({ ...(fault.error ? { error: fault.error } : {}), description });
}

/** Lets the operation run, then replaces a successful JSON answer by an unparsable one. */
function corruptSuccess(res: Response, status: number | undefined): void {
  const json = res.json.bind(res);
  res.json = (body?: unknown) => {
    if (res.statusCode < 200 || res.statusCode >= 300) return json(body);
    if (status) res.status(status);
    return res.type('application/json').send(MALFORMED_BODY);
  };
}

/** Applies the faults in force for `operation` to one request: latency first, then the answer they decide. */
export function injectFaults(
  operation: OsbOperation,
  faults: FaultRegistry,
  planOf: (req: Request) => string | undefined,
): RequestHandler {
  return async (req, res, next) => {
    const { latencyMs, action } = faults.forRequest(operation, planOf(req));
    if (latencyMs > 0) await sleep(latencyMs, undefined, { ref: false });
    if (!action) return next();
    noteFault(res, action.id);
    switch (action.kind) {
      case 'down':
        req.socket.destroy();
        return;
      case 'timeout':
        // Never answer: the exchange ends when the client gives up or the server closes.
        return;
      case 'status':
        return answerWithStatus(res, action);
      case 'malformed':
        corruptSuccess(res, action.status);
        return next();
      default:
        return next();
    }
  };
}
