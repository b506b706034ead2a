import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Har } from 'har-format';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_IDS } from '../../main/core/sample-broker/ids';
import { writeRecording } from '../../main/workflows/recordings/har-file';
import { DEFAULT_RULES, rulesFileOf } from '../../main/workflows/recordings/rules';
import { type CliRun, runCli, waitForOutput } from '../helpers/cli';
import { control, fastSimulator, recordSession } from '../helpers/recorded-session';
import { startTestSimulator } from '../helpers/simulator';
import { tempDir } from '../helpers/temp-dir';

let dir: Awaited<ReturnType<typeof tempDir>>;
let file: string;
/** The recorded provision of plan db/small: its body as the SM sent it. */
let recordedProvision: Record<string, unknown>;
const running: CliRun[] = [];

beforeAll(async () => {
  const sim = await startTestSimulator(fastSimulator);
  dir = await tempDir();
  try {
    const { har } = await recordSession(sim.simulator.endpoints.control.url);
    file = join(dir.path, 'session.har');
    await writeRecording(file, har as Har);
    const provision = (har as Har).log.entries.find(
      (entry) => entry.request.method === 'PUT' && !entry.request.url.includes('service_bindings'),
    );
    recordedProvision = JSON.parse(provision!.request.postData!.text!);
  } finally {
    await sim.cleanup();
  }
});
afterAll(async () => {
  for (const run of running) run.child.kill('SIGKILL');
  await dir?.remove();
});

/** `smsim mock-broker` on a free port; resolves with its URL once it serves. */
async function startMock(args: string[], env: NodeJS.ProcessEnv = {}) {
  const run = runCli(['mock-broker', ...args], env);
  running.push(run);
  await waitForOutput(run, 'mock broker serving');
  const url = run.output().match(/at (http:\/\/127\.0\.0\.1:\d+)/)?.[1];
  if (!url) throw new Error(`no URL in:\n${run.output()}`);
  return { ...run, url };
}

const NEW_INSTANCE = '9d3f1e2a-0000-4000-8000-00000000abcd';

function provision(url: string, body: unknown, authorization = `Basic ${btoa('any:any')}`) {
  return fetch(`${url}/v2/service_instances/${NEW_INSTANCE}?accepts_incomplete=true`, {
    method: 'PUT',
    headers: {
      'Content-Type': 'application/json',
      'X-Broker-API-Version': '2.17',
      Authorization: authorization,
    },
    body: JSON.stringify(body),
  });
}

describe('smsim mock-broker', () => {
  it('answers the recorded plan for another instance id, refuses a plan it never saw: exit 1 on SIGTERM', async () => {
    const mock = await startMock([file]);
    const recorded = await provision(mock.url, recordedProvision);
    expect(recorded.status).toBe(201);
    expect((await recorded.json()).dashboard_url).toContain(NEW_INSTANCE);

    const madeUp = '5a3b1e00-d8b0-4c1e-9000-00000000dead';
    const refused = await provision(mock.url, { ...recordedProvision, plan_id: madeUp });
    expect(refused.status).toBe(404);
    const answer = await refused.json();
    expect(answer.error).toBe('NotRecorded');
    expect(answer.description).toContain(
      `(provision); it differs at $.plan_id (recorded "${SAMPLE_IDS.db.small}", asked "${madeUp}")`,
    );
    const other = await provision(mock.url, { ...recordedProvision, plan_id: SAMPLE_IDS.db.large });
    expect(other.status).toBe(404);

    await waitForOutput(
      mock,
      `404 NotRecorded for PUT /v2/service_instances/${NEW_INSTANCE}?accepts_incomplete=true`,
    );
    mock.child.kill('SIGTERM');
    expect(await mock.exited).toBe(1);
    expect(mock.output()).toContain('stopped; 2 requests had no recorded answer');
  });

  it('extra parameters: refused by default, answered once the rules file leaves $.parameters out', async () => {
    const withParameters = { ...recordedProvision, parameters: { size: 'xl' } };
    const strict = await startMock([file]);
    const refused = await provision(strict.url, withParameters);
    expect(refused.status).toBe(404);
    expect((await refused.json()).description).toContain(
      '$.parameters.size (recorded (missing), asked "xl")',
    );
    strict.child.kill('SIGINT');

    const loose = join(dir.path, 'loose.har');
    await writeRecording(loose, JSON.parse(await readFile(file, 'utf8')));
    await writeFile(
      rulesFileOf(loose),
      JSON.stringify({
        ...DEFAULT_RULES,
        mock: { ignoredPaths: ['$.parameters.**', '$.context.instance_name'] },
      }),
    );
    const mock = await startMock([loose]);
    expect((await provision(mock.url, withParameters)).status).toBe(201);
    mock.child.kill('SIGINT');
    expect(await mock.exited).toBe(0);
    expect(await strict.exited).toBe(1);
  });

  it('the hint names the closest recorded request: the async provision for an async plan', async () => {
    const mock = await startMock([file]);
    const asyncPlan = {
      ...recordedProvision,
      service_id: SAMPLE_IDS.async.service,
      plan_id: SAMPLE_IDS.async.standard,
    };
    delete (asyncPlan as { maintenance_info?: unknown }).maintenance_info;
    const answer = await (await provision(mock.url, { ...asyncPlan, parameters: { fast: true } })).json();
    expect(answer.description).toMatch(
      /closest recorded request is #5 PUT \/v2\/service_instances\/:id \(provision\); it differs at \$\.parameters\.fast \(recorded \(missing\), asked true\)\./,
    );
    mock.child.kill('SIGINT');
  });

  it('--username/--password: the mock requires them', async () => {
    const mock = await startMock([file, '--username', 'author'], { SMSIM_MOCK_BROKER_PASSWORD: 'secret' });
    expect(mock.output()).toContain('(user author)');
    expect((await provision(mock.url, recordedProvision, `Basic ${btoa('author:wrong')}`)).status).toBe(401);
    expect((await provision(mock.url, recordedProvision, `Basic ${btoa('author:secret')}`)).status).toBe(201);
    mock.child.kill('SIGINT');
    expect(await mock.exited).toBe(0);
  });

  it('--register: the mock becomes a broker of a running smsim, its plans provisionable, removed on stop', async () => {
    const sim = await startTestSimulator({ ...fastSimulator, sampleBroker: false });
    try {
      const controlUrl = sim.simulator.endpoints.control.url;
      const mock = await startMock([file, '--register', controlUrl, '--name', 'recorded']);
      await waitForOutput(mock, 'registered as broker recorded');
      expect(mock.output()).toMatch(
        /registered as broker recorded in smsim at \S+: (\d+) plans, \1 published/,
      );
      const created = await control(controlUrl, 'POST', '/platforms/cf-dev/service_instances?wait=true', {
        name: 'from-the-mock',
        service: 'sample-db',
        plan: 'small',
      });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      const id = created.body.id as string;
      const removed = await control(
        controlUrl,
        'DELETE',
        `/platforms/cf-dev/service_instances/${id}?wait=true`,
      );
      expect(removed.status).toBeLessThan(300);
      mock.child.kill('SIGINT');
      expect(await mock.exited, mock.output()).toBe(0);
      expect(mock.output()).toContain('broker recorded removed from smsim');
      const brokers = await control(controlUrl, 'GET', '/sm/service_brokers');
      expect(brokers.body.items.map((broker: { name: string }) => broker.name)).not.toContain('recorded');
    } finally {
      await sim.cleanup();
    }
  });

  it('--register with no smsim there: one sentence, exit 2', async () => {
    const run = runCli(['mock-broker', file, '--register', 'http://127.0.0.1:1']);
    expect(await run.exited).toBe(2);
    expect(run.output()).toContain('smsim mock-broker: cannot reach smsim at http://127.0.0.1:1');
  });

  it('usage errors exit 2; --help states the exit codes', async () => {
    const half = runCli(['mock-broker', file, '--username', 'author']);
    const missing = runCli(['mock-broker', join(dir.path, 'none.har')]);
    const help = runCli(['mock-broker', '--help']);
    expect(await Promise.all([half.exited, missing.exited, help.exited])).toEqual([2, 2, 0]);
    expect(half.output()).toContain('give both --username and --password');
    expect(help.output()).toMatch(/Exit codes[\s\S]*\n {2}0 [\s\S]*\n {2}1 [\s\S]*\n {2}2 /);
  });
});
