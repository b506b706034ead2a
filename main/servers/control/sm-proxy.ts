import { type Request, type Response, Router } from 'express';
import { badRequest } from '../../core/errors';
import { confinedUrl } from '../http/confined-url';

export interface SmProxyOptions {
  /** The SM's base URL (known once it listens). */
  url: () => string;
  admin: { username: string; password: string };
}

/**
 * Mounted on the control server at `/api/sm`: forwards `/api/sm/<path>` to the SM's `/v1/<path>` with the
 * admin credentials, so the UI reads and changes SM data without ever holding the admin password. The
 * control server listens on the loopback interface only.
 */
export function smProxyRouter({ url, admin }: SmProxyOptions): Router {
  const authorization = `Basic ${Buffer.from(`${admin.username}:${admin.password}`).toString('base64')}`;
  const router = Router();
  router.use(async (req: Request, res: Response) => {
    const target = confinedUrl(url(), `/v1${req.url}`, '/v1/');
    if (!target) throw badRequest('The path leaves /api/sm/; send a plain Service Manager path.');
    const hasBody = !['GET', 'HEAD', 'DELETE'].includes(req.method) && req.body !== undefined;
    const answer = await fetch(target, {
      method: req.method,
      headers: {
        Authorization: authorization,
        Accept: 'application/json',
        'Content-Type': 'application/json',
      },
      ...(hasBody ? { body: JSON.stringify(req.body) } : {}),
    });
    res.status(answer.status);
    const type = answer.headers.get('content-type');
    if (type) res.type(type);
    res.send(Buffer.from(await answer.arrayBuffer()));
  });
  return router;
}
