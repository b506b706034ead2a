import { copyFile, mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shippedFixture } from '../../main/package-root';
import { rulesFileOf } from '../../main/workflows/recordings/rules';
import { runCli } from '../helpers/cli';
import { freePort } from '../helpers/free-port';
import { fastSimulator } from '../helpers/recorded-session';
import { startTestSimulator, type TestSimulator } from '../helpers/simulator';
import { tempDir } from '../helpers/temp-dir';

const RECORDING = shippedFixture('recordings/sample-session.har');

let sim: TestSimulator;
let out: Awaited<ReturnType<typeof tempDir>>;

beforeAll(async () => {
  sim = await startTestSimulator(fastSimulator);
  out = await tempDir('smsim-replay-cli-');
});
afterAll(async () => {
  await sim?.cleanup();
  await out?.remove();
});

/** `smsim replay` of the shipped recording (or `recordings`) against the sample broker (or `brokerUrl`). */
async function smsimReplay(
  extra: string[],
  overrides: { brokerUrl?: string; password?: string; recordings?: string[] } = {},
) {
  const { url, credentials } = sim.simulator.endpoints.sampleBroker!;
  const run = runCli(
    [
      'replay',
      ...(overrides.recordings ?? [RECORDING]),
      '--broker-url',
      overrides.brokerUrl ?? url,
      '--broker-username',
      credentials.username,
      ...extra,
    ],
    { SMSIM_BROKER_PASSWORD: overrides.password ?? credentials.password },
  );
  const code = await run.exited;
  return { code, output: run.output(), stdout: () => run.stdout() };
}

describe('smsim replay (the CLI)', { timeout: 90_000 }, () => {
  it('--json prints the report on stdout alone, with the counts and each exchange', async () => {
    const { code, output, stdout } = await smsimReplay(['--json']);
    expect(code, output).toBe(0);
    const { summary, reports } = JSON.parse(stdout());
    expect(reports).toHaveLength(1);
    const [report] = reports;
    expect(report.summary.total).toBeGreaterThan(5);
    expect(report.summary).toEqual({ total: report.summary.total, passed: report.summary.total, failed: 0 });
    expect(summary).toEqual({ recordings: 1, ...report.summary });
    expect(report.results).toHaveLength(report.summary.total);
    expect(report.results[0]).toMatchObject({
      label: '#0 GET /v2/catalog (catalog)',
      passed: true,
      durationMs: expect.any(Number),
      requests: [{ method: 'GET', url: expect.stringMatching(/\/v2\/catalog$/), status: 200 }],
    });
    expect(report.file).toBe(RECORDING);
    expect(output).toContain(`${report.summary.total} exchanges: ${report.summary.total} same`);
  });

  it('--junit writes each exchange with its time and the requests it sent in system-out', async () => {
    const junit = join(out.path, 'replay.xml');
    const { code, output } = await smsimReplay(['--junit', junit]);
    expect(code, output).toBe(0);
    const xml = await readFile(junit, 'utf8');
    expect(XMLValidator.validate(xml)).toBe(true);
    const parser = new XMLParser({
      ignoreAttributes: false,
      isArray: (name) => name === 'testsuite' || name === 'testcase',
    });
    const [suite] = parser.parse(xml).testsuites.testsuite;
    expect(Number(suite['@_time'])).toBeGreaterThan(0);
    const cases = suite.testcase as Array<{ '@_name': string; '@_time': string; 'system-out': string }>;
    for (const testCase of cases) {
      expect(Number.isFinite(Number(testCase['@_time'])), testCase['@_name']).toBe(true);
      expect(testCase['system-out'], testCase['@_name']).toMatch(
        /^(GET|PUT|PATCH|DELETE) http:\/\/\S+ → \d{3} \(\d+ ms\)/,
      );
    }
    const provision = cases.find((testCase) => testCase['@_name'].includes('(provision)'))!;
    expect(provision['system-out']).toMatch(/\n {2}request: \{.*"plan_id"/);
    expect(provision['system-out']).toMatch(/\n {2}answer: \{/);
    const bind = cases.find((testCase) => testCase['@_name'].includes('(bind)'))!;
    expect(bind['system-out']).toContain('"password":"[redacted]"');
  });

  it('a broker nobody listens on: one sentence and exit 2, no differences', async () => {
    const brokerUrl = `http://127.0.0.1:${await freePort()}`;
    const { code, output } = await smsimReplay([], { brokerUrl });
    expect(code, output).toBe(2);
    expect(output.trim()).toBe(
      `smsim replay: the broker at ${brokerUrl} gave no answer (ECONNREFUSED); is it running there?`,
    );
  });

  it('a wrong password (401): one sentence and exit 2', async () => {
    const { code, output } = await smsimReplay(['--json'], { password: 'wrong' });
    expect(code, output).toBe(2);
    expect(output.trim()).toMatch(
      /^smsim replay: the broker at \S+ refused the credentials \(401 Unauthorized\); check the user and password\.$/,
    );
  });

  it('--shard i/n: the shards of a folder partition its recordings, their union is the unsharded run', async () => {
    const folder = join(out.path, 'recordings');
    await mkdir(join(folder, 'more'), { recursive: true });
    const names = ['b.har', 'a.har', 'more/d.har', 'c.har'];
    for (const name of names) {
      await copyFile(RECORDING, join(folder, name));
      await copyFile(rulesFileOf(RECORDING), rulesFileOf(join(folder, name)));
    }
    const replayed = async (args: string[], recordings = [folder]) => {
      const { code, output, stdout } = await smsimReplay(['--json', ...args], { recordings });
      expect(code, output).toBe(0);
      const { reports } = JSON.parse(stdout()) as { reports: Array<{ file: string; summary: unknown }> };
      return reports;
    };
    const unsharded = await replayed([]);
    const sorted = names.map((name) => join(folder, name)).sort();
    expect(unsharded.map((report) => report.file)).toEqual(sorted);
    const shards = [];
    for (const index of [1, 2, 3]) shards.push(await replayed(['--shard', `${index}/3`]));
    const files = shards.map((reports) => reports.map((report) => report.file));
    expect(files.every((part) => part.length >= 1)).toBe(true);
    expect(files.flat()).toEqual(sorted);
    expect(new Set(files.flat()).size).toBe(sorted.length);
    expect(shards.flat().map((report) => [report.file, report.summary])).toEqual(
      unsharded.map((report) => [report.file, report.summary]),
    );
    const globbed = await replayed([], [`${folder}/**/*.har`]);
    expect(globbed.map((report) => report.file)).toEqual(sorted);
  });

  it('--shard that is not i/n, or a folder without recordings: exit 2', async () => {
    const badShard = await smsimReplay(['--shard', '4/3']);
    expect(badShard.code, badShard.output).toBe(2);
    expect(badShard.output).toContain('give i/n with 1 ≤ i ≤ n');
    const empty = join(out.path, 'empty');
    await mkdir(empty);
    const none = await smsimReplay([], { recordings: [empty] });
    expect(none.code, none.output).toBe(2);
    expect(none.output.trim()).toBe(`smsim replay: no recording (.har) matches ${empty}`);
  });

  it('--help states the exit codes', async () => {
    const run = runCli(['replay', '--help']);
    expect(await run.exited).toBe(0);
    expect(run.output()).toMatch(/Exit codes:\n\s+0 .*\n\s+1 .*difference.*\n\s+2 .*unreachable.*401/);
  });
});
