import express from 'express';
import { afterEach, beforeEach, vi } from 'vitest';
import { EventBus } from '../../main/core/events';
import { SAMPLE_IDS } from '../../main/core/sample-broker';
import { createLogger } from '../../main/logging';
import { basicAuthHeader } from '../../main/servers/http/basic-auth';
import { jsonErrorHandler, jsonNotFound } from '../../main/servers/http/errors';
import { listen } from '../../main/servers/http/listen';
import { createSampleBroker } from '../../main/servers/sample-broker';
import { openDataStore } from '../../main/store';
import { tempDir } from './temp-dir';

export const CREDENTIALS = { username: 'sample-broker', password: 'test-secret-password' };
export const OSB_HEADERS = {
  authorization: basicAuthHeader(CREDENTIALS),
  'x-broker-api-version': '2.17',
  'content-type': 'application/json',
};

/** The service and plan ids of the sample broker's plans the tests provision most. */
export const DB = { service_id: SAMPLE_IDS.db.service, plan_id: SAMPLE_IDS.db.small };
export const ASYNC = { service_id: SAMPLE_IDS.async.service, plan_id: SAMPLE_IDS.async.standard };
/** The top-level guids every provision carries (REQUIRED by the spec). */
export const GUIDS = { organization_guid: 'org', space_guid: 'space' };
/** The query of a DELETE or last_operation naming the plan. */
export const idsQuery = (ids: { service_id: string; plan_id: string }, extra = '') =>
  `service_id=${ids.service_id}&plan_id=${ids.plan_id}${extra}`;

export interface Answer {
  status: number;
  headers: Headers;
  text: string;
  /** The parsed body ({} when it is not JSON; see `isJson`). */
  json: Record<string, unknown>;
  isJson: boolean;
}

async function answer(response: Response): Promise<Answer> {
  const text = await response.text();
  try {
    return { status: response.status, headers: response.headers, text, json: JSON.parse(text), isJson: true };
  } catch {
    return { status: response.status, headers: response.headers, text, json: {}, isJson: false };
  }
}

export interface CallOptions {
  body?: unknown;
  /** Sent as is (for malformed and oversized bodies). */
  rawBody?: string;
  headers?: Record<string, string | undefined>;
  signal?: AbortSignal;
}

/** The sample broker on a free port with its control router on another, state in `dataDir`. */
export async function startSampleBroker(dataDir: string, asyncDelayMs = 200) {
  const store = await openDataStore(dataDir);
  const events = new EventBus();
  const log = createLogger('silent');
  const broker = createSampleBroker({
    store,
    credentials: CREDENTIALS,
    events,
    log,
    asyncDelayMs,
    retryAfterSeconds: 1,
  });
  const control = express();
  control.use('/api/sample-broker', broker.controlRouter);
  control.use(jsonNotFound, jsonErrorHandler(log));
  const osbServer = await listen(broker.app, '127.0.0.1', 0);
  const controlServer = await listen(control, '127.0.0.1', 0);

  const send = async (base: string, method: string, path: string, options: CallOptions, defaults: object) => {
    const headers = Object.fromEntries(
      Object.entries({ ...defaults, ...options.headers }).filter(([, value]) => value !== undefined),
    ) as Record<string, string>;
    const body = options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
    return answer(await fetch(`${base}${path}`, { method, headers, body, signal: options.signal ?? null }));
  };

  return {
    store,
    events,
    broker,
    url: osbServer.url,
    osb: (method: string, path: string, options: CallOptions = {}) =>
      send(osbServer.url, method, path, options, OSB_HEADERS),
    control: (method: string, path: string, body?: unknown) =>
      send(
        controlServer.url,
        method,
        `/api/sample-broker${path}`,
        { body },
        { 'content-type': 'application/json' },
      ),
    stop: async () => {
      await Promise.all([osbServer.close(), controlServer.close()]);
      await store.flush();
    },
  };
}

export type SampleBrokerHarness = Awaited<ReturnType<typeof startSampleBroker>>;

/**
 * A sample broker of its own (fresh data folder) for each test of the calling file: the object answers for the
 * one of the running test; `restart()` stops it and starts another on the same data.
 */
export function sampleBrokerPerTest() {
  let dir: Awaited<ReturnType<typeof tempDir>>;
  let current: SampleBrokerHarness;
  beforeEach(async () => {
    dir = await tempDir('smsim-sample-broker-');
    current = await startSampleBroker(dir.path);
  });
  afterEach(async () => {
    await current.stop();
    await dir.remove();
  });
  return {
    osb: (method: string, path: string, options?: CallOptions) => current.osb(method, path, options),
    get url() {
      return current.url;
    },
    restart: async () => {
      await current.stop();
      current = await startSampleBroker(dir.path);
    },
  };
}

/** Polls `last_operation` (vi.waitFor) until it is no longer `in progress`; returns the last answer. */
export function pollLastOperation(
  harness: Pick<SampleBrokerHarness, 'osb'>,
  path: string,
  timeoutMs = 5000,
): Promise<Answer> {
  return vi.waitFor(
    async () => {
      const reply = await harness.osb('GET', path);
      if (reply.status === 200 && reply.json.state === 'in progress')
        throw new Error(`${path} still in progress after ${timeoutMs} ms`);
      return reply;
    },
    { timeout: timeoutMs, interval: 40 },
  );
}
