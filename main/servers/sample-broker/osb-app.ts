import express from 'express';
import { findPlanById, type RequestLog } from '../../core/sample-broker';
import type { Logger } from '../../logging';
import { jsonErrorHandler, jsonNotFound } from '../http/errors';
import { echoRequestIdentity } from './osb-headers';
import { type OsbRoutesOptions, osbRoutes } from './osb-routes';
import { logRequestBody, logRequests } from './request-logging';

export interface OsbAppOptions extends OsbRoutesOptions {
  requests: RequestLog;
  log: Logger;
}

/** The broker's HTTP server: OSB 2.17 under `/v2`, and a plain-text dashboard page per instance. */
export function createOsbApp(options: OsbAppOptions): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.use(echoRequestIdentity, logRequests(options.requests), logRequestBody);

  app.get('/dashboard/:instance_id', (req, res) => {
    const planId = options.core.planOf(req.params.instance_id);
    const ref = planId ? findPlanById(planId) : undefined;
    if (!ref) return jsonNotFound(req, res, () => {});
    res
      .type('text/plain')
      .send(
        `Sample broker dashboard\ninstance: ${req.params.instance_id}\nservice: ${ref.service.name}\nplan: ${ref.plan.name}\n`,
      );
  });
  app.use('/v2', osbRoutes(options));
  app.use(jsonNotFound);
  app.use(jsonErrorHandler(options.log));
  return app;
}
