import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Simulator, startSimulator } from '../main/simulator';
import type { ExchangeInput } from '../main/traffic';

const CHUNK = 10_000;

/**
 * A simulator on free ports (a temp data folder, no logs) whose traffic buffer has room for `exchanges` more
 * than its own start leaves in it; `stop()` also removes the folder.
 */
export async function startTrafficSimulator(exchanges: number): Promise<Simulator> {
  const dataDir = await mkdtemp(join(tmpdir(), 'smsim-bench-traffic-'));
  const simulator = await startSimulator({
    portBase: 0,
    dataDir,
    logLevel: 'silent',
    config: { traffic: { bufferSize: exchanges + 1000, maxBufferBytes: 2 ** 31 } },
  });
  return {
    ...simulator,
    stop: async () => {
      await simulator.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** Puts `inputs` into the simulator's traffic store, as a HAR import does, a chunk at a time. */
export function insertExchanges(simulator: Simulator, inputs: readonly ExchangeInput[]): void {
  for (let at = 0; at < inputs.length; at += CHUNK) simulator.traffic.insert(inputs.slice(at, at + CHUNK));
}
