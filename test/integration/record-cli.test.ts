import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SHIPPED_SCENARIOS_DIR } from '../../main/workflows/scenarios';
import { runCli, waitForOutput } from '../helpers/cli';
import { control, fastSimulatorForFile, readHar, runRecord } from '../helpers/recorded-session';

const setup = fastSimulatorForFile();

/** `smsim record` of broker `sample` into `name`.har, started and waiting for the end. */
async function startRecording(name: string, extra: string[] = []) {
  const out = join(setup.dir.path, `${name}.har`);
  const run = runRecord(setup.controlUrl, out, extra);
  await waitForOutput(run, 'press Ctrl-C to stop');
  return { run, out };
}

/** A provision through cf-dev while the recording runs: one more exchange than the catalog. */
const provision = (name: string) =>
  control(setup.controlUrl, 'POST', '/platforms/cf-dev/service_instances?wait=true', {
    name,
    service: 'sample-db',
    plan: 'small',
  });

async function expectWritten(out: string) {
  const har = await readHar(out);
  const operations = har.log.entries.map(
    (entry) => (entry as { _osb?: { operation: string } })._osb?.operation,
  );
  await readFile(out.replace(/\.har$/, '.rules.json'), 'utf8');
  return operations;
}

async function serverSideStatuses() {
  const { body } = await control(setup.controlUrl, 'GET', '/recordings');
  return (body.items as Array<{ status: string }>).map((item) => item.status);
}

describe('smsim record', () => {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    it(`records until ${signal}, then writes the HAR and ends the recording on the simulator: exit 0`, async () => {
      const { run, out } = await startRecording(signal.toLowerCase());
      expect((await provision(`rec-${signal.toLowerCase()}`)).status).toBe(201);
      run.child.kill(signal);
      expect(await run.exited, run.output()).toBe(0);
      expect(run.output()).toMatch(/recording stopped \(SIG(INT|TERM)\)\n\d+ exchanges written to /);
      expect(await expectWritten(out)).toEqual(expect.arrayContaining(['catalog', 'provision']));
      expect(await serverSideStatuses()).not.toContain('recording');
    });
  }

  it('--duration 1 ends by itself with a HAR', async () => {
    const { run, out } = await startRecording('timed', ['--duration', '1']);
    expect(await run.exited, run.output()).toBe(0);
    expect(run.output()).toContain('recording stopped (1 s passed)');
    expect(await expectWritten(out)).toContain('catalog');
    expect(await serverSideStatuses()).not.toContain('recording');
  });

  it('--scenario: records while the scenario runs, then writes the HAR: exit 0', async () => {
    const out = join(setup.dir.path, 'scenario.har');
    const scenario = join(SHIPPED_SCENARIOS_DIR, 'lifecycle.json');
    const run = runRecord(setup.controlUrl, out, ['--scenario', scenario]);
    expect(await run.exited, run.output()).toBe(0);
    expect(await expectWritten(out)).toEqual(expect.arrayContaining(['provision', 'bind', 'lastOperation']));
    expect(await serverSideStatuses()).not.toContain('recording');
  });

  it('a bad --duration or an unknown broker is a usage error: exit 2, as --help says', async () => {
    const out = join(setup.dir.path, 'none.har');
    const bad = runRecord(setup.controlUrl, out, ['--duration', '0']);
    const unknown = runRecord(setup.controlUrl, out, [], 'nope');
    expect(await Promise.all([bad.exited, unknown.exited])).toEqual([2, 2]);
    expect(unknown.output()).toContain('There is no broker named nope');
    const help = runCli(['record', '--help']);
    expect(await help.exited).toBe(0);
    expect(help.output()).toMatch(/Exit codes:\n {2}0 .*\n {2}1 .*\n {2}2 /);
  });

  it('an unreachable simulator: one sentence, exit 2', async () => {
    const run = runRecord('http://127.0.0.1:1', 'x.har');
    expect(await run.exited).toBe(2);
    expect(run.output().trim()).toBe('smsim record: http://127.0.0.1:1 is unreachable');
  });
});
