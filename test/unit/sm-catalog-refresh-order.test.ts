import { afterEach, describe, expect, it, vi } from 'vitest';
import type { BrokerClient } from '../../main/core/sm/broker-client';
import { freshResource } from '../../main/core/sm/clock';
import type { BrokerRecord } from '../../main/core/sm/model';
import { testCatalogCache } from '../helpers/sm-harness';

const brokerOf = (name: string): BrokerRecord => ({
  ...freshResource(`broker-${name}`),
  name,
  description: '',
  broker_url: `http://127.0.0.1:9/${name}`,
  credentials: { basic: { username: 'u', password: 'p' } },
});

const catalogOf = (name: string) => ({
  services: [
    {
      id: `svc-${name}`,
      name: `svc-${name}`,
      description: 'A service',
      bindable: true,
      plans: [{ id: `plan-${name}`, name: 'basic', description: 'Basic' }],
    },
  ],
});

describe('a refresh of all brokers', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('starts with the brokers that took longest last time and lists the records in the brokers order', async () => {
    // Only the clock is faked: the slow broker's answer takes 30 ms of it, without waiting them out.
    vi.useFakeTimers({ toFake: ['Date'] });
    const called: string[] = [];
    const client: BrokerClient = {
      async call(broker) {
        called.push(broker.name);
        if (broker.name === 'slow') vi.setSystemTime(Date.now() + 30);
        return { status: 200, headers: {}, body: catalogOf(broker.name), rawBody: '' };
      },
    };
    const cache = testCatalogCache(client);
    const brokers = ['a', 'b', 'slow', 'c'].map(brokerOf);

    const first = await cache.refreshAll(brokers, 'manual');
    expect(called).toEqual(['a', 'b', 'slow', 'c']);
    expect(first.map((record) => record.broker_name)).toEqual(['a', 'b', 'slow', 'c']);

    called.length = 0;
    const second = await cache.refreshAll(brokers, 'manual');
    expect(called[0]).toBe('slow');
    expect(second.map((record) => [record.broker_name, record.result])).toEqual([
      ['a', 'unchanged'],
      ['b', 'unchanged'],
      ['slow', 'unchanged'],
      ['c', 'unchanged'],
    ]);
  });
});
