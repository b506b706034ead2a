import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { type AddressInfo, createServer } from 'node:net';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli';
import { startTestSimulator, type TestSimulator } from '../helpers/simulator';
import { tempDir } from '../helpers/temp-dir';

let sim: TestSimulator;
let out: { path: string; remove: () => Promise<void> };
let brokers: string;

const NAMES = ['alpha', 'bravo', 'charlie'];

beforeAll(async () => {
  sim = await startTestSimulator();
  out = await tempDir('smsim-check-brokers-');
  brokers = join(out.path, 'brokers');
  await mkdir(brokers);
  const { url, credentials } = sim.simulator.endpoints.sampleBroker!;
  // A password in the file, one read from ${env.NAME}, one left out to come from SMSIM_BROKER_PASSWORD.
  await writeFile(
    join(brokers, 'a.json'),
    JSON.stringify({ name: 'alpha', url, username: credentials.username, password: credentials.password }),
  );
  await writeFile(join(brokers, 'b.yaml'), `name: bravo\nurl: ${url}\npassword: \${env.BRAVO_PASSWORD}\n`);
  await writeFile(join(brokers, 'charlie.yml'), `url: ${url}\nusername: ${credentials.username}\n`);
});

afterAll(async () => {
  await sim.cleanup();
  await out.remove();
});

async function smsimCheck(args: string[]) {
  const { credentials } = sim.simulator.endpoints.sampleBroker!;
  const run = runCli(['check', '--skip-destructive', ...args], {
    SMSIM_BROKER_USERNAME: credentials.username,
    SMSIM_BROKER_PASSWORD: credentials.password,
    BRAVO_PASSWORD: credentials.password,
  });
  return { code: await run.exited, output: run.output() };
}

async function suiteNames(file: string): Promise<string[]> {
  const xml = await readFile(file, 'utf8');
  expect(XMLValidator.validate(xml)).toBe(true);
  const parser = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'testsuite' });
  return (parser.parse(xml).testsuites.testsuite ?? []).map((suite: { '@_name': string }) => suite['@_name']);
}

describe('smsim check --brokers (the CLI)', () => {
  it('checks every broker under its heading; shards 1/2 and 2/2 partition the set', async () => {
    const runs = await Promise.all(
      [[], ['--shard', '1/2'], ['--shard', '2/2']].map(async (shard, index) => {
        const junit = join(out.path, `brokers-${index}.xml`);
        const json = join(out.path, `brokers-${index}.json`);
        const run = await smsimCheck(['--brokers', brokers, ...shard, '--junit', junit, '--json', json]);
        return { ...run, suites: await suiteNames(junit), reports: JSON.parse(await readFile(json, 'utf8')) };
      }),
    );
    const [all, first, second] = runs as [(typeof runs)[0], (typeof runs)[0], (typeof runs)[0]];
    for (const run of runs) expect(run.code, run.output).toBe(0);
    expect(all.suites).toEqual(NAMES);
    expect(all.reports.map((report: { name: string }) => report.name)).toEqual(NAMES);
    expect(all.reports[0]).toMatchObject({
      broker: sim.simulator.endpoints.sampleBroker!.url,
      summary: { fail: 0 },
    });
    for (const name of NAMES)
      expect(all.output).toContain(`${name} (${sim.simulator.endpoints.sampleBroker!.url})`);
    expect(first.suites.length + second.suites.length).toBe(NAMES.length);
    expect([...first.suites, ...second.suites]).toEqual(all.suites);
    expect(first.output).toContain(`shard 1/2: ${first.suites.length} of 3 brokers`);
    expect(all.output).not.toContain(sim.simulator.endpoints.sampleBroker!.credentials.password);
  });

  it('checks the other brokers when one is unreachable and exits 2', async () => {
    // A port that was free a moment ago: nothing listens on it.
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    await new Promise((resolve) => server.close(resolve));
    const folder = join(out.path, 'with-unreachable');
    await mkdir(folder);
    await writeFile(join(folder, 'a-down.json'), JSON.stringify({ url }));
    await writeFile(
      join(folder, 'b-up.json'),
      JSON.stringify({ url: sim.simulator.endpoints.sampleBroker!.url }),
    );
    const junit = join(out.path, 'with-unreachable.xml');
    const { code, output } = await smsimCheck(['--brokers', `${folder}/*.json`, '--junit', junit]);
    expect(code, output).toBe(2);
    expect(output).toContain('smsim check: a-down: ');
    expect(output).toMatch(/\d+ checks: \d+ passed, 0 failed/);
    expect(await suiteNames(junit)).toEqual(['a-down', 'b-up']);
  });

  it('exits 2 naming the broker file with a bad field, before any broker is checked', async () => {
    const folder = join(out.path, 'bad');
    await mkdir(folder);
    await writeFile(
      join(folder, 'good.json'),
      JSON.stringify({ url: sim.simulator.endpoints.sampleBroker!.url }),
    );
    const bad = join(folder, 'typo.json');
    await writeFile(bad, JSON.stringify({ url: 'ftp://example.test', usernme: 'x' }));
    const { code, output } = await smsimCheck(['--brokers', folder]);
    expect(code, output).toBe(2);
    expect(output).toContain(`the broker file ${bad} is invalid`);
    expect(output).not.toContain('checks: ');
  });

  it('refuses --brokers together with --broker-url, and --shard without --brokers', async () => {
    const { code, output } = await smsimCheck(['--brokers', brokers, '--broker-url', 'http://127.0.0.1:1']);
    expect(code).toBe(2);
    expect(output).toContain("cannot be used with option '--broker-url <url>'");
    const shardAlone = await smsimCheck(['--broker-url', 'http://127.0.0.1:1', '--shard', '1/2']);
    expect(shardAlone.code).toBe(2);
    expect(shardAlone.output).toContain("option '--shard <i/n>' splits --brokers");
  });
});
