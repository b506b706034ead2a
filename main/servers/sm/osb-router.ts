import { randomUUID } from 'node:crypto';
import { type Request, type RequestHandler, type Response, Router } from 'express';
import type { PlatformRecord } from '../../core/sm/model';
import type { OsbAnswer, OsbService } from '../../core/sm/osb';
import type { Logger } from '../../logging';
import { type BasicCredentials, parseBasicAuth } from '../http/basic-auth';
import { jsonErrorHandler } from '../http/errors';

export interface OsbRouterOptions {
  osb: Pick<OsbService, 'handle'>;
  authenticatePlatform: (given: BasicCredentials) => Promise<PlatformRecord | undefined>;
  log: Logger;
}

const REQUEST_IDENTITY = 'X-Broker-API-Request-Identity';

const header = (req: Request, name: string): string | undefined => {
  const value = req.headers[name.toLowerCase()];
  return typeof value === 'string' && value !== '' ? value : undefined;
};

/** Platform credentials only; an OSB error body (`description`) when they are wrong or missing. */
function requirePlatform(authenticate: OsbRouterOptions['authenticatePlatform']): RequestHandler {
  return async (req, res, next) => {
    const given = parseBasicAuth(req.headers);
    const platform = given && (await authenticate(given));
    if (platform) {
      res.locals.platform = platform;
      return next();
    }
    res.setHeader('WWW-Authenticate', 'Basic realm="smsim Service Manager OSB"');
    res.status(401).json({
      error: 'Unauthorized',
      description: given
        ? 'These are not the credentials of a platform. Use the ones POST /v1/platforms returned.'
        : 'Basic authentication with platform credentials is required (from POST /v1/platforms).',
    });
  };
}

function send(res: Response, answer: OsbAnswer, flowId: string): void {
  res.status(answer.status).setHeader(REQUEST_IDENTITY, flowId);
  for (const [name, value] of Object.entries(answer.headers ?? {})) res.setHeader(name, value);
  if (answer.raw !== undefined) res.send(answer.raw);
  else if (answer.body === undefined) res.end();
  else res.json(answer.body);
}

/**
 * The OSB route, mounted at `/v1/osb`: `/:broker_id/v2/...` for the platforms' broker proxies. The flow id is
 * the caller's request identity or correlation id, else a new one; it is echoed and sent on to the broker.
 */
export function createOsbRouter({ osb, authenticatePlatform, log }: OsbRouterOptions): Router {
  const router = Router();
  router.use('/:broker_id/v2', requirePlatform(authenticatePlatform), async (req, res) => {
    const flowId = header(req, REQUEST_IDENTITY) ?? header(req, 'X-Correlation-ID') ?? randomUUID();
    const platform = res.locals.platform as PlatformRecord;
    const answer = await osb.handle({
      platform,
      brokerId: req.params.broker_id as string,
      method: req.method,
      path: req.path,
      query: Object.fromEntries(new URL(req.originalUrl, 'http://127.0.0.1').searchParams),
      headers: {
        version: header(req, 'X-Broker-API-Version'),
        originatingIdentity: header(req, 'X-Broker-API-Originating-Identity'),
        requestIdentity: header(req, REQUEST_IDENTITY),
      },
      body: req.body,
      flowId,
    });
    log.debug(
      { platform: platform.name, method: req.method, path: req.originalUrl, status: answer.status, flowId },
      'osb call',
    );
    send(res, answer, flowId);
  });
  router.use(jsonErrorHandler(log));
  return router;
}
