import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHECKS, type CheckProgress, type CheckReport, check } from '../../main/workflows/conformance';
import { startTestSimulator, type TestSimulator } from '../helpers/simulator';

/** The only check the sample broker cannot pass, and why: its catalog has no rotatable plan. */
const JUSTIFIED = { 'binding.rotation': { status: 'skip', reason: /no plan is binding_rotatable/ } };

let sim: TestSimulator;
let report: CheckReport;
const progress: CheckProgress[] = [];

beforeAll(async () => {
  sim = await startTestSimulator({ config: { sampleBroker: { asyncDelayMs: 600, retryAfterSeconds: 0 } } });
  const broker = sim.simulator.endpoints.sampleBroker!;
  report = await check({
    brokerUrl: broker.url,
    username: broker.credentials.username,
    password: broker.credentials.password,
    onProgress: (event) => progress.push(event),
  });
});

afterAll(() => sim.cleanup());

describe('smsim check against the sample broker', () => {
  it('passes every check but the justified skip', () => {
    const notPassed = report.checks.filter((result) => result.status !== 'pass');
    expect(notPassed.map((result) => result.id)).toEqual(Object.keys(JUSTIFIED));
    for (const result of notPassed) {
      const expected = JUSTIFIED[result.id as keyof typeof JUSTIFIED];
      expect(result.status).toBe(expected.status);
      expect(result.reason).toMatch(expected.reason);
    }
    expect(report.summary).toEqual({
      total: CHECKS.length,
      pass: CHECKS.length - 1,
      fail: 0,
      warn: 0,
      skip: 1,
    });
    expect(report.checks.map((result) => result.id)).toEqual(CHECKS.map((definition) => definition.id));
  });

  it('picks a plan for every role from the catalog', () => {
    expect(report.plans).toMatchObject({
      sync: { offering: 'sample-db', plan: 'small' },
      async: { offering: 'sample-async', plan: 'standard' },
      bindable: { offering: 'sample-app-agent', plan: 'agent' },
      schema: { offering: 'sample-configurable', plan: 'custom' },
      updateRefused: { offering: 'sample-db', plan: 'shared' },
      maintenance: { offering: 'sample-db', plan: 'small' },
    });
  });

  it('proves each result with exchanges, secrets redacted', () => {
    for (const result of report.checks.filter((entry) => entry.status === 'pass')) {
      expect(result.evidence.length, result.id).toBeGreaterThan(0);
      expect(result.reason, result.id).not.toContain('\n');
    }
    const exchanges = report.checks.flatMap((result) => result.evidence);
    expect(exchanges.every((exchange) => !exchange.requestHeaders.authorization?.startsWith('Basic'))).toBe(
      true,
    );
    const fetched = report.checks.find((result) => result.id === 'binding.async-fetch')!.evidence.at(-1)!;
    const credentials = (fetched.responseBody as { credentials: Record<string, unknown> }).credentials;
    expect(Object.keys(credentials)).toContain('password');
    expect(new Set(Object.values(credentials))).toEqual(new Set(['[redacted]']));
  });

  it('polls the async operations honouring Retry-After', () => {
    const retry = report.checks.find((result) => result.id === 'polling.retry-after')!;
    expect(retry.reason).toMatch(/^Retry-After 0 honoured/);
    expect(retry.evidence.some((exchange) => exchange.responseHeaders['retry-after'] === '0')).toBe(true);
  });

  it('leaves nothing behind and reports progress as it goes', () => {
    expect(report.orphans).toEqual([]);
    const left = Object.values(sim.simulator.store.data.sampleBroker.instances);
    expect(left.every((instance) => instance.operation?.kind === 'deprovision')).toBe(true);
    expect(progress.at(-1)).toMatchObject({ done: CHECKS.length, total: CHECKS.length });
    expect(progress.filter((event) => event.result).length).toBe(CHECKS.length);
    expect(new Set(progress.map((event) => event.step)).size).toBeGreaterThan(5);
  });
});
