import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const SMSIM = fileURLToPath(new URL('../../bin/smsim.js', import.meta.url));

export interface CliRun {
  child: ChildProcess;
  output: () => string;
  /** What went to stdout alone. */
  stdout: () => string;
  exited: Promise<number | null>;
}

/** Runs the real `smsim` command, without colours (CI=true would turn them on) so its output reads as text. */
export function runCli(args: string[], env: NodeJS.ProcessEnv = {}): CliRun {
  const child = spawn(process.execPath, [SMSIM, ...args], {
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  let stdout = '';
  child.stdout?.on('data', (chunk) => {
    output += chunk;
    stdout += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    output += chunk;
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output: () => output, stdout: () => stdout, exited };
}

/**
 * Resolves once the output contains `text` (checked as each chunk comes); rejects with the output so far when
 * smsim exits first or `text` has not come within `timeoutMs`.
 */
export function waitForOutput(run: CliRun, text: string, timeoutMs = 30_000): Promise<void> {
  const { child } = run;
  return new Promise((resolve, reject) => {
    const check = () => {
      if (run.output().includes(text)) end();
    };
    const closed = () =>
      end(new Error(`smsim exited (${child.exitCode}) before "${text}":\n${run.output()}`));
    const timer = setTimeout(
      () => end(new Error(`no "${text}" within ${timeoutMs} ms:\n${run.output()}`)),
      timeoutMs,
    );
    function end(error?: Error) {
      clearTimeout(timer);
      child.stdout?.off('data', check);
      child.stderr?.off('data', check);
      child.off('close', closed);
      if (error) reject(error);
      else resolve();
    }
    // After runCli's own listeners, so each chunk is in the output when it is checked.
    child.stdout?.on('data', check);
    child.stderr?.on('data', check);
    child.once('close', closed);
    check();
    if (child.exitCode !== null) closed();
  });
}

/** `smsim serve` on free ports; resolves once it printed `smsim ready`. */
export async function startServe(dataDir: string, extra: string[] = [], env: NodeJS.ProcessEnv = {}) {
  const run = runCli(['serve', '--port-base', '0', '--data', dataDir, ...extra], {
    NODE_ENV: 'production',
    ...env,
  });
  await waitForOutput(run, 'smsim ready');
  const line = run
    .output()
    .split('\n')
    .find((candidate) => candidate.includes('control'));
  const controlUrl = line?.match(/http:\/\/127\.0\.0\.1:\d+/)?.[0];
  if (!controlUrl) throw new Error(`no control URL in:\n${run.output()}`);
  return { ...run, controlUrl };
}
