import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli, startServe } from '../helpers/cli';
import { tempDir } from '../helpers/temp-dir';

let dir: Awaited<ReturnType<typeof tempDir>>;
beforeEach(async () => {
  dir = await tempDir();
});
afterEach(() => dir.remove());

/** As a CI runner or `smsim serve | tee` starts it: colours not turned off by the environment. */
const PIPED = { NO_COLOR: undefined, CI: undefined, FORCE_COLOR: undefined, TERM: 'xterm-256color' };

async function serveOnce(extra: string[] = []) {
  const run = await startServe(dir.path, extra, PIPED);
  run.child.kill('SIGTERM');
  expect(await run.exited).toBe(0);
  return { stdout: run.stdout(), output: run.output() };
}

describe('smsim serve output', () => {
  it('piped: a plain start-up table on stdout, the logs as JSON lines apart from it (on stderr)', async () => {
    const { stdout, output } = await serveOnce();
    expect(output).not.toContain('\x1b[');
    expect(stdout).toMatch(/^┌/);
    expect(stdout).not.toContain('"level"');
    const logs = output
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line));
    expect(logs).toContainEqual(expect.objectContaining({ level: 30, msg: 'registered the sample broker' }));
  });

  it('--log-level silent writes no log line; an unknown level is a usage error (exit code 2)', async () => {
    const { output } = await serveOnce(['--log-level', 'silent']);
    expect(output).not.toContain('"level"');

    const wrong = runCli(['serve', '--data', dir.path, '--log-level', 'loud']);
    expect(await wrong.exited).toBe(2);
    expect(wrong.output()).toMatch(/Allowed choices are silent, error, warn, info, debug/);
  });

  it('an unknown command is a usage error: exit code 2', async () => {
    const run = runCli(['serv']);
    expect(await run.exited).toBe(2);
    expect(run.output()).toMatch(/unknown command 'serv'/);
  });
});
