import { afterAll, expect, it } from 'vitest';
import { check } from '../../main/workflows/conformance';
import { type MisbehavingBroker, startMisbehavingBroker } from '../helpers/misbehaving-broker';

const brokers: MisbehavingBroker[] = [];
afterAll(() => Promise.all(brokers.map((broker) => broker.close())));

it.each([
  {
    catalog: 'gzipBomb' as const,
    says: /^GET \/v2\/catalog the broker answered more than 16777216 bytes \(after decompression\)/,
  },
  {
    catalog: 'deep' as const,
    says: /^GET \/v2\/catalog the broker answered JSON nested deeper than 64 levels/,
  },
])('smsim check reads a $catalog catalog within the limits and reports it', async ({ catalog, says }) => {
  const broker = await startMisbehavingBroker(`check-${catalog}`, { catalog });
  brokers.push(broker);
  const report = await check({ brokerUrl: broker.url, username: 'u', password: 'p', skipDestructive: true });
  const fetched = report.checks.find((entry) => entry.id === 'catalog.fetch')!;
  expect(fetched.status).toBe('fail');
  expect(fetched.reason).toMatch(says);
  expect(fetched.evidence[0]).toMatchObject({ outcome: 'refused', status: null });
});
