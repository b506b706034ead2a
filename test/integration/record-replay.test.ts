import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { Har } from 'har-format';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_IDS } from '../../main/core/sample-broker/ids';
import { writeRecording } from '../../main/workflows/recordings/har-file';
import { rulesFileOf, rulesSchema } from '../../main/workflows/recordings/rules';
import { replay } from '../../main/workflows/replay';
import { runCli } from '../helpers/cli';
import { control as callControl, fastSimulator, recordSession } from '../helpers/recorded-session';
import { startTestSimulator, type TestSimulator } from '../helpers/simulator';
import { tempDir } from '../helpers/temp-dir';

let sim: TestSimulator;
let dir: Awaited<ReturnType<typeof tempDir>>;
let controlUrl: string;
let file: string;
let sessionResults: Record<string, unknown>;

const control = (method: string, path: string, body?: unknown) => callControl(controlUrl, method, path, body);
const broker = () => {
  const { url, credentials } = sim.simulator.endpoints.sampleBroker!;
  return { brokerUrl: url, username: credentials.username, password: credentials.password };
};

beforeAll(async () => {
  sim = await startTestSimulator(fastSimulator);
  dir = await tempDir();
  controlUrl = sim.simulator.endpoints.control.url;
  const { har, result, recording } = await recordSession(controlUrl);
  expect(recording.status).toBe('stopped');
  sessionResults = result.results;
  file = join(dir.path, 'session.har');
  await writeRecording(file, har);
});
afterAll(async () => {
  await sim?.cleanup();
  await dir?.remove();
});

describe('recording', () => {
  it('holds the sm→broker exchanges of the session, the catalog first, with the _ fields', async () => {
    const har = JSON.parse(await readFile(file, 'utf8')) as Har;
    const entries = har.log.entries as Array<Har['log']['entries'][number] & Record<string, unknown>>;
    expect(har.log.version).toBe('1.2');
    expect(entries.every((entry) => entry._hop === 'sm→broker' && entry._redacted === true)).toBe(true);
    const operations = entries.map((entry) => (entry._osb as { operation: string }).operation);
    expect(operations[0]).toBe('catalog');
    for (const operation of ['provision', 'bind', 'unbind', 'deprovision', 'lastOperation'])
      expect(operations).toContain(operation);
    expect(entries.map((entry) => entry._order)).toEqual(entries.map((_entry, index) => index));
    expect(rulesSchema.parse(JSON.parse(await readFile(rulesFileOf(file), 'utf8')))).toBeTruthy();
  });

  it('contains no password, token or credential value', async () => {
    const text = await readFile(file, 'utf8');
    const { credentials } = sim.simulator.endpoints.sampleBroker!;
    const secrets = [credentials.password, sim.simulator.endpoints.serviceManager!.admin.password];
    for (const name of ['dbBinding', 'slowBinding']) {
      const values = Object.values(
        (sessionResults[name] as { credentials: Record<string, unknown> }).credentials,
      );
      secrets.push(...values.filter((value): value is string => typeof value === 'string'));
    }
    expect(secrets.length).toBeGreaterThan(6);
    for (const secret of secrets) expect(text).not.toContain(secret);
    expect(text).toContain('\\"password\\":\\"[redacted]\\"');
    expect(text).not.toMatch(/"authorization": "Basic/i);
  });

  it('lists the recordings on the control API', async () => {
    const { body } = await control('GET', '/recordings');
    expect(body.items[0]).toMatchObject({ broker: 'sample', status: 'stopped' });
    expect((await control('POST', '/recordings', { broker: 'nope' })).status).toBe(404);
  });
});

describe('replay', () => {
  it('against the same broker: no difference', async () => {
    const report = await replay(file, broker());
    expect(report.results.filter((result) => !result.passed)).toEqual([]);
    expect(report.summary.failed).toBe(0);
    expect(report.results.some((result) => result.polls > 1 || result.label.includes('lastOperation'))).toBe(
      true,
    );
  });

  it('of a HAR document given as an object: compared by the default rules, no file named', async () => {
    const har = JSON.parse(await readFile(file, 'utf8')) as Har;
    const report = await replay(har, broker());
    expect(report.file).toBeUndefined();
    expect(report.summary.total).toBeGreaterThan(0);
    expect(report.results.filter((result) => !result.passed)).toEqual([]);
  });

  it('with faults: exit 1, a diff naming each exchange and JSON path, a JUnit file listing the failures', async () => {
    const har = JSON.parse(await readFile(file, 'utf8')) as Har;
    const [catalog] = har.log.entries;
    const catalogBody = JSON.parse(catalog!.response.content.text!);
    catalogBody.services[0].description = 'changed since the recording';
    catalog!.response.content.text = JSON.stringify(catalogBody);
    const bind = har.log.entries.find(
      (entry) => entry.request.method === 'PUT' && entry.request.url.includes('service_bindings'),
    )!;
    const bindBody = JSON.parse(bind.response.content.text!);
    bindBody.credentials.replica_host = '[redacted]';
    bind.response.content.text = JSON.stringify(bindBody);
    const faulty = join(dir.path, 'faulty.har');
    await writeRecording(faulty, har);

    const faults = `${controlUrl}/api/sample-broker/faults`;
    const addFault = (fault: unknown) =>
      fetch(faults, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(fault),
      });
    await addFault({ kind: 'status', status: 500, operations: ['deprovision'], planId: SAMPLE_IDS.db.small });
    await addFault({
      kind: 'failLastOperation',
      operations: ['provision'],
      planId: SAMPLE_IDS.async.standard,
    });
    const junit = join(dir.path, 'replay.xml');
    const { brokerUrl, username, password } = broker();
    const run = runCli(['replay', faulty, '--broker-url', brokerUrl, '--junit', junit], {
      SMSIM_BROKER_USERNAME: username,
      SMSIM_BROKER_PASSWORD: password,
    });
    const code = await run.exited;
    await fetch(faults, { method: 'DELETE' });
    const output = run.output();
    expect(code, output).toBe(1);
    expect(output).toMatch(
      /#0 GET \/v2\/catalog \(catalog\)\n\s+- \$\.services\[0\]\.description: expected "changed since the recording", got "A simulated database/,
    );
    expect(output).toMatch(
      /PUT \/v2\/service_instances\/:id\/service_bindings\/:bid \(bind\)\n\s+- \$\.credentials\.replica_host: expected "\[redacted\]", got \(missing\)/,
    );
    expect(output).toMatch(
      /DELETE \/v2\/service_instances\/:id \(deprovision\)\n\s+- status: expected 200, got 500/,
    );
    expect(output).toMatch(
      /last_operation \(lastOperation\)\n\s+- \$\.state: expected "succeeded", got "failed"/,
    );

    const xml = await readFile(junit, 'utf8');
    expect(XMLValidator.validate(xml)).toBe(true);
    const parser = new XMLParser({
      ignoreAttributes: false,
      isArray: (name) => name === 'testsuite' || name === 'testcase',
    });
    const cases = parser.parse(xml).testsuites.testsuite[0].testcase as Array<{
      '@_name': string;
      failure?: unknown;
    }>;
    const failed = cases.filter((testCase) => testCase.failure).map((testCase) => testCase['@_name']);
    expect(failed).toEqual(
      expect.arrayContaining([
        expect.stringContaining('(catalog)'),
        expect.stringContaining('(bind)'),
        expect.stringContaining('(deprovision)'),
        expect.stringContaining('(lastOperation)'),
      ]),
    );
  });

  it('a missing file is a usage error: exit 2', async () => {
    const run = runCli([
      'replay',
      join(dir.path, 'none.har'),
      '--broker-url',
      'http://127.0.0.1:1',
      '--broker-username',
      'u',
      '--broker-password',
      'p',
    ]);
    expect(await run.exited).toBe(2);
    expect(run.output()).toContain('cannot read');
  });
});
