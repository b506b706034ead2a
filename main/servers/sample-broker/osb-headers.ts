import type { RequestHandler } from 'express';
import { ApiError } from '../../core/errors';
import { apiVersionRefusal } from '../../core/osb/api-version';

/** Echoes `X-Broker-API-Request-Identity`, as the spec asks brokers to. */
export const echoRequestIdentity: RequestHandler = (req, res, next) => {
  const identity = req.get('X-Broker-API-Request-Identity');
  if (identity) res.setHeader('X-Broker-API-Request-Identity', identity);
  next();
};

/** 412 unless `X-Broker-API-Version` is 2.17 or a later 2.x. */
export const requireApiVersion: RequestHandler = (req, _res, next) => {
  const refusal = apiVersionRefusal(req.get('X-Broker-API-Version'), 'this broker');
  next(refusal ? new ApiError(412, 'PreconditionFailed', refusal) : undefined);
};
