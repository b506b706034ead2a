import express, { type Express, type RequestHandler } from 'express';
import type { Limits } from '../../core/limits';
import type { Logger } from '../../logging';
import type { BasicCredentials } from './basic-auth';
import { credentialsOffLoopback } from './credentials-off-loopback';
import { jsonErrorHandler, jsonNotFound } from './errors';
import { hostCheck } from './host-check';
import { jsonBody } from './json-body';
import { knownMethods } from './known-methods';
import { pathLengths } from './path-lengths';
import { safePath } from './safe-path';
import { sameOriginOnly } from './same-origin';

/**
 * What the rules know of the server they guard. A rule that needs more (e.g. `auth` for a non-loopback
 * `--host`) adds an optional field here and the composition root (main/simulator.ts) fills it in.
 */
export interface FrontDoorOptions {
  /** The address the server binds (`--host`, default 127.0.0.1). */
  host: string;
  /** Config key `limits`. */
  limits: Limits;
  /** For refusals that are the simulator's own fault; rules' 4xx are not logged. */
  log?: Logger;
  /** Off loopback, every server accepts these besides its own credentials (user `smsim`). */
  controlToken?: BasicCredentials;
  /** Off loopback, the server's own credentials (e.g. the SM's admin and platforms). */
  auth?: (given: BasicCredentials) => boolean;
  /** Paths whose bodies may exceed `limits.maxBodyBytes`, with their own fixed limit (the HAR import). */
  largeBodies?: Readonly<Record<string, number>>;
  /**
   * Records external clients' calls under `path` (the OSB routes); runs before the rules, so a refusal is
   * recorded as the answer it got, with no body.
   */
  capture?: { path: string; handler: RequestHandler };
}

/** The settings a server's starter passes to `listen`; `host` comes from `listen` itself. */
export type FrontDoorSettings = Omit<FrontDoorOptions, 'host'>;

/** One check every request passes before the server's app; refuses by calling `next(apiError)`. */
export type RequestRule = (options: FrontDoorOptions) => RequestHandler;

/**
 * The request rules of every server (control, SM, platforms, sample broker, mock brokers), in the order
 * they run. To add one: write it in its own file under main/servers/http/ as a `RequestRule` and list it
 * here; it sees `FrontDoorOptions`.
 */
export const REQUEST_RULES: readonly RequestRule[] = [
  hostCheck,
  sameOriginOnly,
  credentialsOffLoopback,
  safePath,
  knownMethods,
  pathLengths,
  jsonBody,
];

/**
 * `app` behind the front door: every request passes REQUEST_RULES first; what `app` does not answer gets
 * a JSON 404, and every refusal leaves as JSON `{error, description}`.
 */
export function frontDoor(app: Express, options: FrontDoorOptions): Express {
  const door = express();
  door.disable('x-powered-by');
  if (options.capture) door.use(options.capture.path, options.capture.handler);
  for (const rule of REQUEST_RULES) door.use(rule(options));
  door.use(app);
  door.use(jsonNotFound);
  door.use(jsonErrorHandler(options.log));
  return door;
}
