import { describe, expect, it } from 'vitest';
import { freshResource } from '../../main/core/sm/clock';
import type { BrokerRecord } from '../../main/core/sm/model';
import { FakeBrokerClient, testCatalogCache } from '../helpers/sm-harness';

const catalogWith = (sharing: boolean) => ({
  services: [
    {
      id: 'svc-db',
      name: 'db',
      description: 'A database',
      bindable: true,
      plans: [
        {
          id: 'plan-shared',
          name: 'shared',
          description: 'Shareable',
          metadata: { supportsInstanceSharing: sharing },
        },
        { id: 'plan-small', name: 'small', description: 'Small' },
      ],
    },
  ],
});

const broker: BrokerRecord = {
  ...freshResource('broker-1'),
  name: 'test',
  description: '',
  broker_url: 'http://127.0.0.1:9/broker',
  credentials: { basic: { username: 'u', password: 'p' } },
};

describe('a catalog refresh and shared instances', () => {
  it('refuses turning sharing off for a plan with shared instances (400) and keeps the old catalog', async () => {
    const client = new FakeBrokerClient(catalogWith(true));
    let shared: string[] = [];
    const cache = testCatalogCache(client, {
      plansShared: (planIds) => planIds.filter((id) => shared.includes(id)),
    });
    const views = await cache.soft(broker);
    shared = [views.plans.find((plan) => plan.catalog_name === 'shared')!.id];
    client.catalog = catalogWith(false);
    await expect(cache.forced(broker, 'manual')).rejects.toMatchObject({
      status: 400,
      description: expect.stringMatching(/turns instance sharing off for plan "shared".*Unshare them first/),
    });
    expect(cache.catalogOf(broker.id)).toEqual(catalogWith(true));
    expect(cache.history().at(-1)).toMatchObject({ result: 'invalid' });

    shared = [];
    await cache.forced(broker, 'manual');
    expect(cache.catalogOf(broker.id)).toEqual(catalogWith(false));
  });
});
