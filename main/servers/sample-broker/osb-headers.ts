import type { RequestHandler } from 'express';
import { ApiError } from '../../core/errors';

const SUPPORTED = { major: 2, minor: 17 };

/** Echoes `X-Broker-API-Request-Identity`, as the spec asks brokers to. */
export const echoRequestIdentity: RequestHandler = (req, res, next) => {
  const identity = req.get('X-Broker-API-Request-Identity');
  if (identity) res.setHeader('X-Broker-API-Request-Identity', identity);
  next();
};

/** 412 unless `X-Broker-API-Version` is 2.17 or a later 2.x. */
export const requireApiVersion: RequestHandler = (req, _res, next) => {
  const raw = req.get('X-Broker-API-Version');
  if (!raw) {
    return next(new ApiError(412, 'PreconditionFailed', 'Send the header X-Broker-API-Version: 2.17.'));
  }
  const match = /^(\d+)\.(\d+)/.exec(raw.trim());
  const major = Number(match?.[1]);
  const minor = Number(match?.[2]);
  if (!match || major !== SUPPORTED.major || minor < SUPPORTED.minor) {
    return next(
      new ApiError(
        412,
        'PreconditionFailed',
        `X-Broker-API-Version ${raw} is not supported; this broker speaks OSB 2.17 (any 2.x from 2.17 is accepted).`,
      ),
    );
  }
  next();
};
