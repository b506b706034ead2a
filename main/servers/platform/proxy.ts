import express, { type Request, type Response, type Router } from 'express';
import { failureCode } from '../../core/failure-code';
import { PROXY_PREFIX } from '../../core/platform/hops';
import { AnswerRefusedError, type HttpSend } from '../../traffic';
import { type BasicCredentials, basicAuthHeader, matches, requireBasicAuth } from '../http/basic-auth';
import { confinedUrl } from '../http/confined-url';
import { rawBodyOf } from '../http/json-body';

export interface ProxyOptions {
  platformName: string;
  /** What OSB clients of this proxy authenticate with. */
  credentials: () => BasicCredentials;
  smUrl: string;
  /** The platform's credentials at the SM. */
  smCredentials: () => BasicCredentials;
  /** Sends and records the hop proxy→sm. */
  send: HttpSend;
  timeoutMs: number;
}

/** The OSB headers a platform sends that travel on to the SM. */
const FORWARDED = [
  'x-broker-api-version',
  'x-broker-api-originating-identity',
  'x-broker-api-request-identity',
  'x-correlation-id',
  'content-type',
  'accept',
];
/** Hop-by-hop or recomputed headers of the SM's answer that must not be copied. */
const NOT_PASSED_BACK = new Set([
  'connection',
  'keep-alive',
  'transfer-encoding',
  'content-length',
  'content-encoding',
  'date',
]);

function fail(res: Response, status: number, error: string, description: string): void {
  res.status(status).json({ error, description });
}

/**
 * The platform's broker proxy: `/osb/<sm-broker-id>/v2/*` forwards every OSB call, raw, to the SM's OSB
 * route with the platform's SM credentials, and passes the answer back unchanged.
 */
export function proxyRouter(options: ProxyOptions): Router {
  const router = express.Router();
  router.use(
    requireBasicAuth(`smsim broker proxy of ${options.platformName}`, (given) =>
      matches(given, options.credentials()),
    ),
  );
  router.all('/:brokerId/v2/{*rest}', async (req: Request, res: Response) => {
    // The front door refuses dot segments already; this keeps the SM's other routes out of reach anyway.
    const broker = req.originalUrl.split('/')[2];
    const url = confinedUrl(options.smUrl, `/v1${req.originalUrl}`, `/v1/osb/${broker}/v2/`);
    if (!url) return fail(res, 400, 'BadPath', 'The path leaves /osb/<broker>/v2/; send a plain OSB path.');
    const headers: Record<string, string> = { Authorization: basicAuthHeader(options.smCredentials()) };
    for (const name of FORWARDED) {
      const value = req.get(name);
      if (value !== undefined) headers[name] = value;
    }
    // OSB reads carry no body, and fetch cannot send one with GET or HEAD.
    const raw = req.method === 'GET' || req.method === 'HEAD' ? undefined : rawBodyOf(req);
    const signal = AbortSignal.timeout(options.timeoutMs);
    try {
      const answer = await options.send(url.href, { method: req.method, headers, body: raw, signal });
      for (const [name, value] of Object.entries(answer.headers))
        if (!NOT_PASSED_BACK.has(name)) res.setHeader(name, value);
      res.status(answer.status).send(answer.text);
    } catch (error) {
      const cause = failureCode(error);
      if (signal.aborted)
        fail(
          res,
          504,
          'ServiceManagerTimeout',
          `${PROXY_PREFIX}${options.platformName} got no answer from the Service Manager within ${options.timeoutMs} ms.`,
        );
      else if (error instanceof AnswerRefusedError)
        fail(
          res,
          502,
          'ServiceManagerAnswerRefused',
          `${PROXY_PREFIX}${options.platformName} refused the Service Manager's answer: it ${error.message}.`,
        );
      else
        fail(
          res,
          502,
          'ServiceManagerUnreachable',
          `${PROXY_PREFIX}${options.platformName} cannot reach the Service Manager at ${options.smUrl} (${cause}).`,
        );
    }
  });
  return router;
}
