import { type Simulator, startSimulator } from 'smsim';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp-dir';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function start(): Promise<Simulator> {
  const dir = await tempDir();
  const simulator = await startSimulator({ portBase: 0, dataDir: dir.path, logLevel: 'silent' });
  cleanups.push(dir.remove, simulator.stop);
  return simulator;
}

describe("import { startSimulator } from 'smsim'", () => {
  it('starts two simulators in one process on free ports that do not interfere', async () => {
    const [a, b] = await Promise.all([start(), start()]);
    expect(a.endpoints.control.url).not.toBe(b.endpoints.control.url);
    expect(a.endpoints.sampleBroker?.url).not.toBe(b.endpoints.sampleBroker?.url);
    expect(a.endpoints.sampleBroker?.credentials.password).not.toBe(
      b.endpoints.sampleBroker?.credentials.password,
    );

    const fromA = await (await fetch(`${a.endpoints.control.url}/api/endpoints`)).json();
    expect(fromA).toEqual(a.endpoints);

    await a.stop();
    const stillUp = await fetch(`${b.endpoints.control.url}/api/health`);
    expect(stillUp.status).toBe(200);
  });

  it('answers an unknown control route with a JSON 404', async () => {
    const simulator = await start();
    const response = await fetch(`${simulator.endpoints.control.url}/api/nope`);
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ error: 'NotFound' });
  });
});
