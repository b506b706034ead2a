import type { IncomingMessage } from 'node:http';
import { Router } from 'express';
import { ApiError, notFound } from '../../core/errors';
import type { ServiceManager } from '../../core/sm/service-manager';
import type { TrafficStore } from '../../traffic';
import type { Exchange } from '../../traffic/types';
import type { BasicCredentials } from '../http/basic-auth';
import type { Endpoints } from './endpoints';

export interface HopCredentials extends BasicCredentials {
  /** Whose credentials these are, in words: "the broker proxy of cf-dev". */
  of: string;
}

interface Sources {
  traffic: TrafficStore;
  sm: Pick<ServiceManager, 'store'>;
  endpoints: () => Endpoints;
}

/** The credentials the hop's receiver takes: a platform's proxy, the SM's OSB route (the calling platform's), a broker. */
export function credentialsOfHop(hop: Exchange, { sm, endpoints }: Omit<Sources, 'traffic'>): HopCredentials {
  const { to } = hop;
  if (to.startsWith('proxy:')) {
    const name = to.slice('proxy:'.length);
    const platform = endpoints().platforms.find((candidate) => candidate.name === name);
    if (platform) return { ...platform.proxyCredentials, of: `the broker proxy of ${name}` };
  } else if (to === 'sm') {
    const name = hop.osb?.platform;
    const platform = name && sm.store.state.platforms.find((candidate) => candidate.name === name);
    if (platform) return { ...platform.credentials[0]!, of: `the platform ${name} at the Service Manager` };
  } else if (to.startsWith('broker:')) {
    const name = to.slice('broker:'.length);
    const broker = sm.store.state.brokers.find((candidate) => candidate.name === name);
    if (broker) return { ...broker.credentials.basic, of: `the broker ${name}` };
  }
  throw notFound(
    `This call went to ${to}, whose credentials smsim does not hold (any more). Copy it without credentials and fill them in.`,
  );
}

/** A fetch of the smsim UI itself: browsers mark their same-origin requests (`Sec-Fetch-Site`). */
const fromOwnPage = (req: IncomingMessage) => req.headers['sec-fetch-site'] === 'same-origin';

/**
 * `POST /api/exchanges/:id/credentials`: the credentials a captured call needs to be sent again, for the UI's
 * "Copy with credentials". Only the UI's own page gets them, and only on that explicit request (a POST);
 * scripts read every credential from `GET /api/endpoints`.
 */
export function hopCredentialsRouter(sources: Sources): Router {
  const router = Router();
  router.post('/:id/credentials', (req, res) => {
    if (!fromOwnPage(req))
      throw new ApiError(
        403,
        'NotTheUi',
        'Only the smsim UI gets a call’s credentials this way. A script reads them from GET /api/endpoints.',
      );
    const hop = sources.traffic.exchange(req.params.id);
    if (!hop)
      throw notFound(`There is no captured call ${req.params.id} (it may have been evicted or cleared).`);
    res.setHeader('Cache-Control', 'no-store');
    res.json(credentialsOfHop(hop, sources));
  });
  return router;
}
