import { afterEach, describe, expect, it } from 'vitest';
import type { BrokerRegistration } from '../../main/core/sm/broker-registration';
import { startSimulator } from '../../main/simulator';
import { startFakeBroker, validCatalog } from '../helpers/fake-broker';
import { tempDir } from '../helpers/temp-dir';

const closing: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  // Last in, first out: the simulator stops before its data folder goes.
  for (const close of closing.splice(0).reverse()) await close();
});

async function simulatorWith(brokers: BrokerRegistration[]) {
  const dir = await tempDir();
  closing.push(dir.remove);
  return startSimulator({ portBase: 0, dataDir: dir.path, logLevel: 'silent', sampleBroker: false, brokers });
}

describe('startSimulator({ brokers })', () => {
  it('registers each broker with its plans published, private ones unpublished', async () => {
    const [open, closed] = await Promise.all([
      startFakeBroker({ catalog: validCatalog(['a', 'b']) }),
      startFakeBroker({ catalog: validCatalog(['c']) }),
    ]);
    closing.push(open.close, closed.close);
    const sim = await simulatorWith([
      { name: 'open', url: open.url, username: 'u', password: 'p' },
      { name: 'closed', url: closed.url, username: 'u', password: 'p', public: false },
    ]);
    closing.push(sim.stop);
    expect(sim.brokers.map(({ name, plans, publicPlans }) => ({ name, plans, publicPlans }))).toEqual([
      { name: 'open', plans: 2, publicPlans: 2 },
      { name: 'closed', plans: 1, publicPlans: 0 },
    ]);
  });

  it('rejects with one sentence naming the broker when it is down', async () => {
    const gone = await startFakeBroker({ catalog: {} });
    await gone.close();
    await expect(
      simulatorWith([{ name: 'gone', url: gone.url, username: 'u', password: 'p' }]),
    ).rejects.toThrow(`Broker "gone" is unreachable at ${gone.url} (ECONNREFUSED). Is it running?`);
  });
});
