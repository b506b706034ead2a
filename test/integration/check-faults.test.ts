import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type CheckReport, type CheckResult, check } from '../../main/workflows/conformance';
import { startTestSimulator, type TestSimulator } from '../helpers/simulator';

const TIMEOUT_MS = 300;

let sim: TestSimulator;

beforeAll(async () => {
  sim = await startTestSimulator({ config: { sampleBroker: { asyncDelayMs: 100, retryAfterSeconds: 0 } } });
});

afterEach(async () => {
  await fetch(`${sim.simulator.endpoints.control.url}/api/sample-broker/faults`, { method: 'DELETE' });
});

afterAll(() => sim.cleanup());

/** Injects one fault into the sample broker, then checks it. */
async function checkWithFault(fault: Record<string, unknown>): Promise<CheckReport> {
  const reply = await fetch(`${sim.simulator.endpoints.control.url}/api/sample-broker/faults`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(fault),
  });
  expect(reply.status, await reply.text()).toBe(201);
  const broker = sim.simulator.endpoints.sampleBroker!;
  return check({
    brokerUrl: broker.url,
    username: broker.credentials.username,
    password: broker.credentials.password,
    timeoutMs: TIMEOUT_MS,
    pollLimitMs: 5000,
  });
}

const result = (report: CheckReport, id: string): CheckResult =>
  report.checks.find((entry) => entry.id === id)!;

function expectFailed(report: CheckReport, ids: string[], reason: RegExp): void {
  for (const id of ids) {
    expect(result(report, id), id).toMatchObject({ status: 'fail', reason: expect.stringMatching(reason) });
  }
}

const PROVISION_CHECKS = [
  'provision.missing-ids',
  'provision.unknown-ids',
  'provision.async-required',
  'provision.valid',
];

describe('smsim check: the sample broker with one fault injected', () => {
  it('status 500 on provision: the provision checks fail with the status; the orphan DELETE is accepted', async () => {
    const report = await checkWithFault({ kind: 'status', status: 500, operations: ['provision'] });
    expectFailed(report, [...PROVISION_CHECKS, 'provision.identical-200'], /answered 500/);
    expect(result(report, 'orphan.provision')).toMatchObject({
      status: 'pass',
      reason: expect.stringMatching(/^after "PUT \S+ answered 500 .*", DELETE \S+ answered 410/),
    });
    expect(report.orphans).toEqual([]);
  });

  it('timeout on provision: the provision checks fail with "no answer within"; the orphan drill runs', async () => {
    const report = await checkWithFault({ kind: 'timeout', operations: ['provision'] });
    expectFailed(report, PROVISION_CHECKS, new RegExp(`no answer within ${TIMEOUT_MS} ms`));
    expect(result(report, 'orphan.provision')).toMatchObject({
      status: 'pass',
      reason: expect.stringMatching(/^after "PUT \S+ no answer within 300 ms", DELETE \S+ answered 410/),
    });
  });

  it('malformed provision answers: "body is not valid JSON"; the orphan DELETE removes the instance', async () => {
    const report = await checkWithFault({ kind: 'malformed', operations: ['provision'] });
    expectFailed(report, ['provision.valid', 'provision.identical-200'], /body is not valid JSON/);
    expect(result(report, 'orphan.provision')).toMatchObject({
      status: 'pass',
      reason: expect.stringMatching(/the 201 answer's body is not valid JSON", DELETE \S+ answered 200/),
    });
    expect(report.orphans).toEqual([]);
  });

  it('a failed last operation: the polling check fails with the state "failed"', async () => {
    const report = await checkWithFault({ kind: 'failLastOperation', operations: ['provision'] });
    expectFailed(
      report,
      ['polling.state-valid'],
      /^last_operation ended in state "failed": The provision failed/,
    );
    expect(result(report, 'polling.terminal-repeated').status).toBe('pass');
    expect(result(report, 'provision.valid').status).toBe('pass');
    expect(result(report, 'orphan.provision')).toMatchObject({
      status: 'pass',
      reason: expect.stringMatching(
        /^after "last_operation ended in state "failed".*", DELETE \S+ answered 200/,
      ),
    });
  });

  it('broker down: every check fails as unreachable (nothing to judge or clean up)', async () => {
    const report = await checkWithFault({ kind: 'down' });
    const others = report.checks.filter(
      (entry) => !['auth.error-bodies', 'cleanup.no-orphans'].includes(entry.id),
    );
    for (const entry of others) {
      expect(entry, entry.id).toMatchObject({ status: 'fail', reason: expect.stringMatching(/unreachable/) });
    }
    expect(result(report, 'auth.error-bodies').status).toBe('skip');
    expect(result(report, 'cleanup.no-orphans')).toMatchObject({
      status: 'pass',
      reason: 'nothing was left to delete',
    });
  });

  it('latency beyond the timeout on the catalog: the catalog and header checks time out', async () => {
    const report = await checkWithFault({
      kind: 'latency',
      latencyMs: TIMEOUT_MS * 2,
      operations: ['catalog'],
    });
    const catalogAndAuth = report.checks.filter(
      (entry) => entry.area === 'catalog' || entry.id.startsWith('auth.'),
    );
    expectFailed(
      report,
      catalogAndAuth.filter((entry) => entry.id !== 'auth.error-bodies').map((entry) => entry.id),
      /no answer within 300 ms/,
    );
  });

  it('500 on deprovision: the deletes fail and cleanup reports what it left behind', async () => {
    const report = await checkWithFault({ kind: 'status', status: 500, operations: ['deprovision'] });
    expectFailed(report, ['delete.async-deprovision', 'cleanup.no-orphans'], /answered 500/);
    expect(report.orphans.length).toBeGreaterThan(0);
    expect(report.orphans).toContainEqual(
      expect.objectContaining({ kind: 'instance', reason: expect.stringMatching(/answered 500/) }),
    );
    expect(result(report, 'binding.create').status).toBe('pass');
  });
});
