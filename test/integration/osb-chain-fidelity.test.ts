import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SAMPLE_IDS } from '../../main/core/sample-broker/ids';
import { basicAuthHeader } from '../../main/servers/http/basic-auth';
import { type PlatformSimulator, startPlatformSimulator } from '../helpers/platform-harness';

/** What a client of a platform's broker proxy (platform → proxy → SM → broker) sends and gets back. */
let sim: PlatformSimulator;
beforeAll(async () => {
  sim = await startPlatformSimulator();
});
afterAll(() => sim?.cleanup());
beforeEach(() => sim.clearBroker());

const sampleBrokerId = () =>
  sim.simulator.store.data.sm.brokers.find((broker) => broker.name === 'sample')!.id;

/** One OSB call to the broker proxy of `platform`, as a platform (or a conformance suite) would send it. */
async function viaProxy(
  platform: 'cf-dev' | 'k8s-dev',
  method: string,
  path: string,
  options: { body?: unknown; version?: string | null } = {},
) {
  const proxy = sim.platformEndpoint(platform);
  const headers: Record<string, string> = { Authorization: basicAuthHeader(proxy.proxyCredentials) };
  if (options.version !== null) headers['X-Broker-API-Version'] = options.version ?? '2.17';
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(`${proxy.url}/osb/${sampleBrokerId()}/v2${path}`, {
    method,
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

const DB = { service_id: SAMPLE_IDS.db.service, plan_id: SAMPLE_IDS.db.small };
const CF_GUIDS = { organization_guid: 'org-fidelity', space_guid: 'space-fidelity' };
const cfContext = { platform: 'cloudfoundry', ...CF_GUIDS, instance_name: 'fidelity' };
const instancePath = (id: string) => `/service_instances/${id}?accepts_incomplete=true`;

/** The sample broker's log of the calls it got for one instance. */
const brokerCallsFor = async (id: string) =>
  (await sim.brokerRequests()).filter((request) => request.path.includes(id));

describe('the OSB chain: the REQUIRED top-level guids', () => {
  it('reach the broker from both platforms: Cloud Foundry its org and space, Kubernetes its cluster id and namespace', async () => {
    for (const name of ['cf-dev', 'k8s-dev'] as const) {
      const created = await sim.platform(name)('POST', '/service_instances', {
        name: `guids-${name}`,
        service: 'sample-db',
        plan: 'small',
      });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      const [put] = await brokerCallsFor(created.body.id);
      type Provision = { context: Record<string, string>; organization_guid: string; space_guid: string };
      const { context, organization_guid, space_guid } = put!.body as Provision;
      if (name === 'cf-dev')
        expect({ organization_guid, space_guid }).toEqual({
          organization_guid: context.organization_guid,
          space_guid: context.space_guid,
        });
      else
        expect({ organization_guid, space_guid }).toEqual({
          organization_guid: context.clusterid,
          space_guid: context.namespace,
        });
      expect(organization_guid).toEqual(expect.any(String));
    }
  });
});

describe('the OSB chain: statuses as the spec lists them', () => {
  it('an unknown plan_id is 400 BadRequest saying what to do, as the broker alone answers; the broker is not called', async () => {
    const id = randomUUID();
    const body = { ...DB, plan_id: 'no-such-plan', ...CF_GUIDS, context: cfContext };
    const answer = await viaProxy('cf-dev', 'PUT', instancePath(id), { body });
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({
      error: 'BadRequest',
      description: expect.stringMatching(/no-such-plan.*GET \/v2\/catalog/),
    });
    expect(await brokerCallsFor(id)).toEqual([]);
  });

  it('an update to an unknown plan_id is 400 too', async () => {
    const id = randomUUID();
    const k8s = { platform: 'kubernetes', namespace: 'ns', clusterid: 'c1', instance_name: 'fidelity' };
    const body = { ...DB, organization_guid: 'c1', space_guid: 'ns', context: k8s };
    expect((await viaProxy('k8s-dev', 'PUT', instancePath(id), { body })).status).toBe(201);
    const update = await viaProxy('k8s-dev', 'PATCH', instancePath(id), { body: { ...DB, plan_id: 'nope' } });
    expect(update.status).toBe(400);
    expect(update.body).toMatchObject({ error: 'BadRequest', description: expect.stringMatching(/nope/) });
    expect((await brokerCallsFor(id)).map((request) => request.method)).toEqual(['PUT']);
  });
});

describe('the OSB chain: the version header', () => {
  it('is checked the same way on every call: 412 for a missing or unsupported version, catalog included', async () => {
    const id = randomUUID();
    const provision = { ...DB, ...CF_GUIDS, context: cfContext };
    for (const version of ['2.13', null]) {
      const catalog = await viaProxy('cf-dev', 'GET', '/catalog', { version });
      expect(catalog.status, `catalog with version ${version}`).toBe(412);
      expect(catalog.body).toMatchObject({ error: 'PreconditionFailed', description: expect.any(String) });
      const put = await viaProxy('cf-dev', 'PUT', instancePath(id), { body: provision, version });
      expect(put.status, `provision with version ${version}`).toBe(412);
      expect(put.body).toMatchObject({ error: 'PreconditionFailed' });
    }
    expect(await brokerCallsFor(id)).toEqual([]);
  });

  it('forwards the platform header to the broker as the platform sent it', async () => {
    const id = randomUUID();
    expect((await viaProxy('cf-dev', 'GET', '/catalog', { version: '2.18' })).status).toBe(200);
    const body = { ...DB, ...CF_GUIDS, context: cfContext };
    expect((await viaProxy('cf-dev', 'PUT', instancePath(id), { body, version: '2.18' })).status).toBe(201);
    const [put] = await brokerCallsFor(id);
    expect(put?.headers['x-broker-api-version']).toBe('2.18');
  });
});

describe('the OSB chain: a Cloud Foundry client that sends only the top-level guids', () => {
  it('provisions on cf-dev without `context`: the SM derives it from organization_guid / space_guid', async () => {
    const id = randomUUID();
    const answer = await viaProxy('cf-dev', 'PUT', instancePath(id), { body: { ...DB, ...CF_GUIDS } });
    expect(answer.status, JSON.stringify(answer.body)).toBe(201);
    const [put] = await brokerCallsFor(id);
    expect(put?.body).toEqual({ ...DB, ...CF_GUIDS });
    const stored = await sim.smCall('GET', `/v1/service_instances/${id}`);
    expect(stored.body.context).toEqual({ platform: 'cloudfoundry', ...CF_GUIDS });
    const again = await viaProxy('cf-dev', 'PUT', instancePath(id), { body: { ...DB, ...CF_GUIDS } });
    expect(again.status).toBe(200);
  });

  it('still refuses a Cloud Foundry provision that names no organization at all (400)', async () => {
    const answer = await viaProxy('cf-dev', 'PUT', instancePath(randomUUID()), { body: DB });
    expect(answer.status).toBe(400);
    expect(answer.body.description).toMatch(/organization_guid/);
  });
});

describe('the OSB chain: broker errors', () => {
  it('come back to the client as the broker sent them (status and body unchanged)', async () => {
    await sim.addFault({
      kind: 'status',
      status: 500,
      error: 'DiskFull',
      description: 'the disk is full',
      operations: ['provision'],
      times: 1,
    });
    const id = randomUUID();
    const answer = await viaProxy('cf-dev', 'PUT', instancePath(id), {
      body: { ...DB, ...CF_GUIDS, context: cfContext },
    });
    expect(answer).toEqual({ status: 500, body: { error: 'DiskFull', description: 'the disk is full' } });
    const refused = await viaProxy('k8s-dev', 'PUT', instancePath(randomUUID()), {
      body: { ...DB, context: { platform: 'kubernetes', namespace: 'ns', clusterid: 'c' } },
    });
    expect(refused.status).toBe(400);
    expect(refused.body.description).toMatch(/^The provision request body is invalid: .*organization_guid/);
  });
});
