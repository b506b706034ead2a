// Replay: a recording of 1,000 SM→broker exchanges (made here: real traffic through the cf-dev broker proxy to
// the sample broker, recorded by the simulator) replayed against the sample broker by the real replay code, against
// the same requests (fresh ids, same order, one at a time as replay sends them) sent by a plain fetch loop.
// Target: replay's requests/s ≥ 0.5 of the loop's. Sides alternate after a warm-up; medians of the rounds.
// Run: node bin/run-ts.js bench/replay.ts [--quick]
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Har } from 'har-format';
import { SAMPLE_IDS } from '../main/core/sample-broker/ids';
import { replay, startSimulator } from '../main/index';
import { writeRecording } from '../main/workflows/recordings/har-file';
import { median, runLoad } from './load';
import { sized } from './quick';
import { figure, report } from './report';

const EXCHANGES = sized(1000);
const ROUNDS = 3;

const basic = ({ username, password }: { username: string; password: string }) =>
  `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;

type Api = (method: string, path: string, expected: number, body?: unknown) => Promise<unknown>;

function jsonApi(base: string, authorization?: string): Api {
  return async (method, path, expected, body) => {
    const headers: Record<string, string> = { 'X-Broker-API-Version': '2.17' };
    if (authorization) headers.Authorization = authorization;
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const response = await fetch(`${base}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (response.status !== expected) throw new Error(`${method} ${path}: ${response.status} ${text}`);
    return text ? JSON.parse(text) : undefined;
  };
}

/** Provision, bind, unbind, deprovision of a sample-db instance through a broker proxy: four broker exchanges. */
async function lifecycle(proxy: Api, n: number) {
  const id = randomUUID();
  const bindingId = randomUUID();
  const plan = `service_id=${SAMPLE_IDS.db.service}&plan_id=${SAMPLE_IDS.db.small}`;
  const context = { platform: 'cloudfoundry', organization_guid: 'org', space_guid: 'space' };
  await proxy('PUT', `/v2/service_instances/${id}?accepts_incomplete=true`, 201, {
    service_id: SAMPLE_IDS.db.service,
    plan_id: SAMPLE_IDS.db.small,
    organization_guid: 'org',
    space_guid: 'space',
    context: { ...context, instance_name: `db-${n}` },
  });
  await proxy('PUT', `/v2/service_instances/${id}/service_bindings/${bindingId}`, 201, {
    service_id: SAMPLE_IDS.db.service,
    plan_id: SAMPLE_IDS.db.small,
    bind_resource: { app_guid: `app-${n}` },
    context,
  });
  await proxy('DELETE', `/v2/service_instances/${id}/service_bindings/${bindingId}?${plan}`, 200);
  await proxy('DELETE', `/v2/service_instances/${id}?${plan}&accepts_incomplete=true`, 200);
}

/** Records lifecycles through the cf-dev proxy until the broker saw `EXCHANGES`; the HAR keeps the first ones. */
async function record(simulator: Awaited<ReturnType<typeof startSimulator>>): Promise<Har> {
  const controlApi = jsonApi(`${simulator.endpoints.control.url}/api`);
  const sm = jsonApi(
    simulator.endpoints.serviceManager!.url,
    basic(simulator.endpoints.serviceManager!.admin),
  );
  const { items } = (await sm('GET', '/v1/service_brokers', 200)) as {
    items: Array<{ id: string; name: string }>;
  };
  const cf = simulator.endpoints.platforms.find((platform) => platform.type === 'cloudfoundry')!;
  const sampleId = items.find((broker) => broker.name === 'sample')!.id;
  const proxy = jsonApi(`${cf.url}/osb/${sampleId}`, basic(cf.proxyCredentials));
  const { id } = (await controlApi('POST', '/recordings', 201, { broker: 'sample' })) as { id: string };
  // The recording starts with the broker's catalog; four exchanges per lifecycle after it.
  await runLoad(Math.ceil(EXCHANGES / 4), 8, (n) => lifecycle(proxy, n));
  await controlApi('POST', `/recordings/${id}/stop`, 200);
  const har = (await controlApi('GET', `/recordings/${id}/har`, 200)) as Har;
  har.log.entries = har.log.entries.slice(0, EXCHANGES);
  if (har.log.entries.length !== EXCHANGES)
    throw new Error(`recorded only ${har.log.entries.length} exchanges`);
  return har;
}

interface PlainRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string | undefined;
}

/** The recording's requests as a plain client would send them, every instance and binding id a fresh one. */
function plainRequests(har: Har, brokerUrl: string, authorization: string): PlainRequest[] {
  const fresh = new Map<string, string>();
  const freshId = (id: string) => fresh.get(id) ?? fresh.set(id, randomUUID()).get(id)!;
  return har.log.entries.map(({ request }) => {
    const url = new URL(request.url);
    const path = url.pathname
      .slice(url.pathname.indexOf('/v2/'))
      .replace(
        /(service_instances|service_bindings)\/([^/]+)/g,
        (_all, kind, id) => `${kind}/${freshId(id)}`,
      );
    const headers: Record<string, string> = { authorization, 'x-broker-api-version': '2.17' };
    if (request.postData?.text) headers['content-type'] = 'application/json';
    return {
      method: request.method,
      url: `${brokerUrl}${path}${url.search}`,
      headers,
      body: request.postData?.text,
    };
  });
}

async function plainLoop(requests: readonly PlainRequest[]) {
  for (const { method, url, headers, body } of requests) {
    const response = await fetch(url, { method, headers, body });
    await response.text();
    if (response.status >= 400) throw new Error(`plain loop: ${method} ${url} answered ${response.status}`);
  }
}

const dataDir = await mkdtemp(join(tmpdir(), 'smsim-bench-replay-'));
const simulator = await startSimulator({ portBase: 0, dataDir, logLevel: 'silent' });
try {
  const har = await record(simulator);
  const file = join(dataDir, 'bench-session.har');
  await writeRecording(file, har);
  const broker = simulator.endpoints.sampleBroker!;
  const target = {
    brokerUrl: broker.url,
    username: broker.credentials.username,
    password: broker.credentials.password,
  };

  /** Requests per second of one run of a side (the loop's requests are made before its clock starts). */
  const rateOf = async (name: string) => {
    const requests = name === 'loop' ? plainRequests(har, broker.url, basic(broker.credentials)) : [];
    const start = performance.now();
    if (name === 'loop') await plainLoop(requests);
    else {
      const { summary } = await replay(file, target);
      if (summary.failed > 0 || summary.total !== EXCHANGES)
        throw new Error(`replay: ${summary.failed} of ${summary.total} exchanges failed`);
    }
    return EXCHANGES / ((performance.now() - start) / 1000);
  };

  const names = ['replay', 'loop'];
  for (const name of names) await rateOf(name);
  const rates = new Map<string, number[]>(names.map((name) => [name, []]));
  for (let round = 0; round < ROUNDS; round++)
    for (const name of round % 2 ? [...names].reverse() : names) rates.get(name)!.push(await rateOf(name));

  const replayRate = median(rates.get('replay')!);
  const loopRate = median(rates.get('loop')!);
  console.log(`replay: ${EXCHANGES} recorded exchanges, one at a time, median of ${ROUNDS} rounds per side`);
  console.log(
    `  replay    : ${rates
      .get('replay')!
      .map((rate) => rate.toFixed(0))
      .join(', ')} requests/s`,
  );
  console.log(
    `  plain loop: ${rates
      .get('loop')!
      .map((rate) => rate.toFixed(0))
      .join(', ')} requests/s`,
  );
  report(
    figure('replay: requests/s of a replay vs a plain fetch loop', replayRate, 'requests/s', loopRate, {
      atLeast: 0.5,
    }),
  );
} finally {
  await simulator.stop();
  await rm(dataDir, { recursive: true, force: true });
}
