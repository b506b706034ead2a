import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHECKS } from '../../main/workflows/conformance';
import { runCli } from '../helpers/cli';
import { startTestSimulator, type TestSimulator } from '../helpers/simulator';
import { tempDir } from '../helpers/temp-dir';

let sim: TestSimulator;
let out: { path: string; remove: () => Promise<void> };

beforeAll(async () => {
  sim = await startTestSimulator({ config: { sampleBroker: { asyncDelayMs: 600, retryAfterSeconds: 0 } } });
  out = await tempDir('smsim-check-cli-');
});

afterAll(async () => {
  await sim.cleanup();
  await out.remove();
});

async function smsimCheck(extra: string[], env: NodeJS.ProcessEnv = {}) {
  const broker = sim.simulator.endpoints.sampleBroker!;
  const run = runCli(
    ['check', '--broker-url', broker.url, '--broker-username', broker.credentials.username, ...extra],
    {
      SMSIM_BROKER_PASSWORD: broker.credentials.password,
      ...env,
    },
  );
  return { code: await run.exited, output: run.output() };
}

type JUnitCase = { '@_name': string; failure?: { '@_message': string }; skipped?: unknown };
type JUnitSuite = { '@_name': string; testcase: JUnitCase[] };

async function readJUnit(file: string): Promise<JUnitSuite[]> {
  const xml = await readFile(file, 'utf8');
  expect(XMLValidator.validate(xml)).toBe(true);
  const parser = new XMLParser({
    ignoreAttributes: false,
    isArray: (name) => name === 'testsuite' || name === 'testcase',
  });
  return parser.parse(xml).testsuites.testsuite;
}

describe('smsim check (the CLI)', () => {
  it('exits 0 against the sample broker and writes the JSON and JUnit reports', async () => {
    const json = join(out.path, 'ok.json');
    const junit = join(out.path, 'ok.xml');
    const { code, output } = await smsimCheck(['--json', json, '--junit', junit]);
    expect(code, output).toBe(0);
    expect(output).toContain(`${CHECKS.length} checks: `);
    expect(output).toContain('binding.rotation');

    const report = JSON.parse(await readFile(json, 'utf8'));
    expect(report).toMatchObject({
      broker: sim.simulator.endpoints.sampleBroker!.url,
      apiVersion: '2.17',
      summary: { total: CHECKS.length, fail: 0 },
    });
    for (const result of report.checks) {
      expect(Object.keys(result)).toEqual(
        expect.arrayContaining(['id', 'name', 'area', 'status', 'reason', 'evidence']),
      );
      expect(['pass', 'warn', 'skip']).toContain(result.status);
    }

    const suites = await readJUnit(junit);
    expect(suites.map((suite) => suite['@_name'])).toContain('Catalog');
    expect(suites.flatMap((suite) => suite.testcase)).toHaveLength(CHECKS.length);
    const skipped = suites.flatMap((suite) => suite.testcase).filter((testCase) => 'skipped' in testCase);
    expect(skipped.map((testCase) => testCase['@_name'])).toEqual([
      expect.stringMatching(/^binding\.rotation: /),
    ]);
  });

  it('exits 1 when a check fails and lists the failures in the JUnit report', async () => {
    const faults = `${sim.simulator.endpoints.control.url}/api/sample-broker/faults`;
    await fetch(faults, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ kind: 'status', status: 500, operations: ['provision'] }),
    });
    const junit = join(out.path, 'failed.xml');
    const { code, output } = await smsimCheck(['--junit', junit, '--timeout-ms', '2000']);
    await fetch(faults, { method: 'DELETE' });
    expect(code, output).toBe(1);
    const failures = (await readJUnit(junit))
      .flatMap((suite) => suite.testcase)
      .filter((testCase) => testCase.failure);
    expect(failures.map((testCase) => testCase['@_name'])).toContainEqual(
      expect.stringMatching(/^provision\.valid: /),
    );
    expect(failures[0]!.failure!['@_message']).toMatch(/answered 500/);
  });

  it('exits 2 on a usage error', async () => {
    const missing = runCli(['check', '--broker-username', 'u', '--broker-password', 'p']);
    const badUrl = runCli([
      'check',
      '--broker-url',
      'not a url',
      '--broker-username',
      'u',
      '--broker-password',
      'p',
    ]);
    expect(await Promise.all([missing.exited, badUrl.exited])).toEqual([2, 2]);
    expect(missing.output()).toContain("required option '--broker-url <url>' not specified");
    expect(badUrl.output()).toContain('give an absolute URL');
  });
});
