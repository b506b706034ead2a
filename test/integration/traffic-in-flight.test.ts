import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FlowDetail, FlowPage, FlowSummary } from '../../main/traffic';
import { eventually, type PlatformSimulator, startPlatformSimulator } from '../helpers/platform-harness';
import { firstEvent } from '../helpers/sse';

let sim: PlatformSimulator;
beforeAll(async () => {
  sim = await startPlatformSimulator({
    config: {
      sampleBroker: { asyncDelayMs: 300, retryAfterSeconds: 0 },
      platforms: [
        { name: 'cf-dev', type: 'cloudfoundry', pollIntervalSeconds: 0.1 },
        { name: 'k8s-dev', type: 'kubernetes', pollIntervalSeconds: 0.1 },
      ],
    },
  });
});
afterAll(() => sim?.cleanup());

const flows = async (query: string): Promise<FlowSummary[]> =>
  ((await sim.call('GET', `${sim.control}/api/flows?${query}`)).body as FlowPage).items;
const flow = async (id: string): Promise<FlowDetail> =>
  (await sim.call('GET', `${sim.control}/api/flows/${id}`)).body;

const provision = (name: string, service = 'sample-db', plan = 'small') =>
  sim.platform('cf-dev')('POST', '/service_instances', { name, service, plan });

describe('calls in flight', () => {
  it('lists a flow pending while the broker is slow, each hop as it starts, then its answer', async () => {
    await sim.clearBroker();
    await sim.addFault({ kind: 'latency', latencyMs: 1500, operations: ['provision'], times: 1 });
    let answered = false;
    const started = Date.now();
    const created = provision('slow-one').then((answer) => {
      answered = true;
      return answer;
    });
    const [listed] = await eventually(async () => {
      const found = await flows('operation=provision&platform=cf-dev&limit=1');
      return found[0]?.hopCount === 3 && found;
    }, 'the pending provision with its three hops');
    expect(answered).toBe(false);
    expect(Date.now() - started).toBeLessThan(1500);
    expect(listed).toMatchObject({ pending: true, status: null, outcome: 'pending', platform: 'cf-dev' });
    const inFlight = await flow(listed!.id);
    expect(inFlight.hops.map((hop) => [hop.hop, hop.pending, hop.response?.status])).toEqual([
      ['platform→proxy', true, undefined],
      ['proxy→sm', true, undefined],
      ['sm→broker', true, undefined],
    ]);
    expect(await flows('status=error&operation=provision')).toEqual([]);

    expect((await created).status).toBe(201);
    const done = await flow(listed!.id);
    expect(done).toMatchObject({ status: 201, outcome: 'succeeded', hopCount: 3 });
    expect(done.pending).toBeUndefined();
    expect(done.durationMs).toBeGreaterThanOrEqual(1500);
    for (const hop of done.hops) expect(hop).toMatchObject({ response: { status: 201 } });
  });

  it('pushes the pending flow on the event stream before the answer', async () => {
    await sim.clearBroker();
    await sim.addFault({ kind: 'latency', latencyMs: 800, operations: ['provision'], times: 1 });
    let created: ReturnType<typeof provision> | undefined;
    const { data } = await firstEvent(
      sim.control,
      (event) => event.type === 'traffic.started' && event.data.hop === 'platform→proxy',
      () => {
        created = provision('slow-two');
      },
    );
    expect(data).toMatchObject({ pending: true, status: null, flow: { pending: true, outcome: 'pending' } });
    expect((await created!).status).toBe(201);
  });
});

describe('operations as one flow', () => {
  it('files the polls of an asynchronous provision under it, labelled, with its outcome and total time', async () => {
    await sim.clearBroker();
    const created = await provision('async-one', 'sample-async', 'standard');
    expect(created.status).toBe(202);
    const id = created.body.id as string;
    await eventually(
      async () =>
        (await sim.platform('cf-dev')('GET', `/service_instances/${id}`)).body.state === 'succeeded',
      'the provision to succeed',
    );
    const rows = await flows('operation=provision&platform=cf-dev&limit=5');
    const row = await eventually(async () => {
      const found = (await flows('operation=provision&platform=cf-dev&limit=5'))[0];
      return found?.outcome === 'succeeded' && found;
    }, 'the outcome');
    expect(rows.filter((candidate) => candidate.id === row.id)).toHaveLength(1);
    expect(await flows(`operation=lastOperation&platform=cf-dev`)).toEqual([]);
    const whole = await flow(row.id);
    const outer = whole.hops.filter((hop) => hop.hop === 'platform→proxy');
    expect(outer[0]).toMatchObject({ method: 'PUT', response: { status: 202 } });
    const polls = outer.slice(1);
    expect(polls.length).toBeGreaterThan(0);
    expect(polls.map((hop) => hop.step)).toEqual(polls.map((_, n) => `poll ${n + 1}`));
    expect(polls.every((hop) => hop.osb?.operation === 'lastOperation')).toBe(true);
    // Each poll keeps its own request identity on the wire, as a platform sends one per request.
    const identities = outer.map((hop) => hop.request.headers['x-broker-api-request-identity']);
    expect(new Set(identities).size).toBe(outer.length);
    // Every hop of a poll (proxy, SM, broker) is in the flow, labelled as the poll.
    expect(whole.hops.filter((hop) => hop.step === 'poll 1').map((hop) => hop.hop)).toEqual([
      'platform→proxy',
      'proxy→sm',
      'sm→broker',
    ]);
    const last = polls.at(-1)!;
    expect(JSON.parse(last.response!.body!)).toMatchObject({ state: 'succeeded' });
    expect(whole.durationMs).toBeCloseTo(last.startMs + last.durationMs - outer[0]!.startMs, 0);
    expect(whole.durationMs).toBeGreaterThanOrEqual(300);
  });

  it('fails an asynchronous provision its polls report failed', async () => {
    await sim.clearBroker();
    await sim.addFault({ kind: 'failLastOperation', operations: ['provision'], times: 1 });
    const created = await provision('async-failing', 'sample-async', 'standard');
    expect(created.status).toBe(202);
    const row = await eventually(async () => {
      const found = (await flows('operation=provision&platform=cf-dev&limit=1'))[0];
      return found?.outcome === 'failed' && found;
    }, 'the failed outcome');
    const steps = (await flow(row.id)).hops.flatMap((hop) =>
      hop.hop === 'platform→proxy' ? [hop.step] : [],
    );
    expect(steps[0]).toBeUndefined();
    expect(steps.slice(1)).toContain('poll 1');
  });

  it('labels the orphan mitigation of a failed create as a step of its flow', async () => {
    await sim.clearBroker();
    await sim.addFault({ kind: 'status', operations: ['provision'], status: 500, times: 1 });
    const refused = await provision('orphaned');
    expect(refused.status).toBe(500);
    const row = (await flows('operation=provision&platform=cf-dev&limit=1'))[0]!;
    const mitigation = await eventually(async () => {
      const hops = (await flow(row.id)).hops;
      const found = hops.find((hop) => hop.step === 'orphan mitigation' && hop.hop === 'platform→proxy');
      return found?.response && found;
    }, 'the mitigating DELETE in the flow');
    expect(mitigation).toMatchObject({ method: 'DELETE', osb: { operation: 'deprovision' } });
    expect((await flow(row.id)).outcome).toBe('failed');
    expect(await flows('operation=deprovision&platform=cf-dev')).toEqual([]);
  });
});
