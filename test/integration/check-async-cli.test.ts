import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CheckReport, CheckResult } from '../../main/workflows/conformance';
import {
  ASYNC_BROKER_CREDENTIALS,
  type AsyncTestBrokerOptions,
  startAsyncTestBroker,
} from '../helpers/async-test-broker';
import { runCli } from '../helpers/cli';
import { tempDir } from '../helpers/temp-dir';

let out: { path: string; remove: () => Promise<void> };

beforeAll(async () => {
  out = await tempDir('smsim-check-async-');
});

afterAll(() => out.remove());

async function smsimCheck(url: string, extra: string[] = [], password = ASYNC_BROKER_CREDENTIALS.password) {
  const run = runCli(
    ['check', '--broker-url', url, '--broker-username', ASYNC_BROKER_CREDENTIALS.username, ...extra],
    {
      SMSIM_BROKER_PASSWORD: password,
    },
  );
  let stderr = '';
  run.child.stderr?.on('data', (chunk) => {
    stderr += chunk;
  });
  return { code: await run.exited, output: run.output(), stderr };
}

/** Checks a fresh test broker through the CLI; gives the exit code, the output, the JSON report and what the broker received. */
async function checkBroker(options: AsyncTestBrokerOptions, extra: string[] = []) {
  const broker = await startAsyncTestBroker(options);
  try {
    const json = join(out.path, `${Date.now()}-${Math.random()}.json`);
    const { code, output } = await smsimCheck(broker.url, [
      '--json',
      json,
      '--poll-limit-ms',
      '5000',
      ...extra,
    ]);
    const report = JSON.parse(await readFile(json, 'utf8')) as CheckReport;
    return { code, output, report, received: broker.received, ids: broker.ids };
  } finally {
    await broker.close();
  }
}

const result = (report: CheckReport, id: string): CheckResult =>
  report.checks.find((entry) => entry.id === id)!;
const polls = (received: { method: string; path: string }[]) =>
  received.filter((request) => request.method === 'GET' && request.path.endsWith('/last_operation'));

describe('smsim check on asynchronous brokers', () => {
  it('a broker that answers 202 even without accepts_incomplete: polled, async checks run, the 202 is a finding', async () => {
    const { code, output, report, received } = await checkBroker({ provision: 'always-202' });
    expect(code, output).toBe(1);
    expect(polls(received).length).toBeGreaterThan(0);
    expect(result(report, 'provision.async-required')).toMatchObject({
      status: 'fail',
      reason: expect.stringMatching(/without accepts_incomplete=true answered 202 \(operation "create"\)/),
      spec: expect.stringMatching(/spec\.md#asynchronous-operations$/),
    });
    for (const id of [
      'provision.valid',
      'polling.state-valid',
      'polling.terminal-repeated',
      'binding.create',
    ]) {
      expect(result(report, id), id).toMatchObject({ status: 'pass' });
    }
    expect(report.plans.async).toMatchObject({ plan: 'async-test-plan' });
    expect(output).not.toContain('no plan could be provisioned');
    expect(output).toContain(
      'https://github.com/openservicebrokerapi/servicebroker/blob/v2.17/spec.md#asynchronous-operations',
    );
  });

  it('a broker that answers 201 without and 202 with accepts_incomplete is checked as async too', async () => {
    const { report, received } = await checkBroker({ provision: '202-when-accepted' });
    expect(polls(received).length).toBeGreaterThan(0);
    expect(report.plans).toMatchObject({
      sync: { plan: 'async-test-plan' },
      async: { plan: 'async-test-plan' },
    });
    expect(result(report, 'polling.state-valid')).toMatchObject({ status: 'pass' });
    expect(result(report, 'provision.async-required')).toMatchObject({
      status: 'skip',
      reason: expect.stringMatching(/answered 201 without accepts_incomplete and 202 with it/),
    });
    const failed = report.checks.filter((entry) => entry.status === 'fail').map((entry) => entry.id);
    expect(failed).not.toContain('provision.async-required');
  });

  it('--async-plans forces a plan async by name', async () => {
    const { report, received } = await checkBroker({ provision: '202-when-accepted' }, [
      '--async-plans',
      'async-test-plan',
    ]);
    expect(report.plans.async).toMatchObject({ plan: 'async-test-plan' });
    expect(report.plans.sync).toBeUndefined();
    expect(polls(received).length).toBeGreaterThan(0);
    expect(result(report, 'polling.state-valid').status).toBe('pass');
  });

  it('a bind accepted with 201 on an unknown instance id is a warning', async () => {
    const { report, received } = await checkBroker({
      provision: '202-when-accepted',
      bindUnknownInstance: 201,
    });
    expect(result(report, 'binding.unknown-instance')).toMatchObject({
      status: 'warn',
      reason: expect.stringMatching(
        /^PUT \/v2\/service_instances\/[^/ ]+\/service_bindings\/\S+ answered 201/,
      ),
      spec: expect.stringMatching(/spec\.md#binding$/),
    });
    const binds = received.filter(
      (request) => request.method === 'PUT' && request.path.includes('/service_bindings/'),
    );
    expect(binds.length).toBeGreaterThan(1);
  });

  it('prints every reason with full paths, never cut with "…"', async () => {
    const { output } = await checkBroker({ provision: 'always-202' });
    expect(output).not.toContain('…');
    expect(output).toMatch(/PUT \/v2\/service_instances\/[0-9a-f-]{36} without accepts_incomplete/);
  });
});

describe('smsim check when the broker cannot be checked', () => {
  it('a dead broker URL: one sentence on stderr and exit 2', async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    await new Promise((resolve) => server.close(resolve));
    const { code, output, stderr } = await smsimCheck(`http://127.0.0.1:${port}`);
    expect(code, output).toBe(2);
    expect(output).toBe(stderr);
    expect(stderr.trim().split('\n')).toEqual([
      expect.stringMatching(
        /^smsim check: cannot reach the broker at http:\/\/127\.0\.0\.1:\d+ \(ECONNREFUSED/,
      ),
    ]);
  });

  it('a wrong password: one sentence on stderr and exit 2', async () => {
    const broker = await startAsyncTestBroker({ provision: 'always-202' });
    try {
      const { code, output, stderr } = await smsimCheck(broker.url, [], 'not-the-password');
      expect(code, output).toBe(2);
      expect(output).toBe(stderr);
      expect(stderr.trim().split('\n')).toEqual([
        expect.stringMatching(
          /^smsim check: the broker at \S+ answered 401 to user "broker": check --broker-username and --broker-password/,
        ),
      ]);
      expect(broker.received).toEqual([]);
    } finally {
      await broker.close();
    }
  });
});
