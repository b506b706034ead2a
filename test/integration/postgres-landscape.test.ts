import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describePostgres, type PostgresCluster, startPostgres } from '../helpers/postgres';
import { startSharingSimulator } from '../helpers/sharing-harness';

let cluster: PostgresCluster;

async function rowsByCollection(url: string): Promise<Record<string, number>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ collection: string; count: string }>(
      'SELECT collection, count(*) FROM smsim_records GROUP BY collection',
    );
    return Object.fromEntries(rows.map((row) => [row.collection, Number(row.count)]));
  } finally {
    await client.end();
  }
}

const names = (items: Array<{ name: string }>) => items.map((item) => item.name).sort();

describePostgres('a landscape kept in PostgreSQL', () => {
  beforeAll(async () => {
    cluster = await startPostgres();
  }, 60_000);
  afterAll(() => cluster?.remove());

  it('runs the SM, platform and sharing flow, keeps each record as a row and finds it all after a restart', async () => {
    const url = await cluster.createDatabase();
    const first = await startSharingSimulator({}, { store: url });
    let sharedId: string;
    let referenceId: string;
    try {
      sharedId = await first.provision('db-shared');
      expect((await first.share(sharedId)).status).toBe(200);
      const reference = await first.reference('ref', { referenced_instance_id: sharedId });
      expect(reference.status).toBe(201);
      referenceId = reference.body.id;
      const bound = await first.k8s('POST', '/service_bindings', {
        name: 'b1',
        service_instance_id: referenceId,
      });
      expect(bound.status).toBe(201);
      expect(first.sim.simulator.store.path).not.toContain(cluster.password);
    } finally {
      await first.sim.cleanup();
    }

    const rows = await rowsByCollection(url);
    expect(rows).toMatchObject({
      'sm.brokers': 1,
      'sm.platforms': 2,
      'sm.instances': 2,
      'sm.bindings': 1,
      'sampleBroker.instances': 1,
      'sampleBroker.bindings': 1,
      'platforms.cf-dev.instances': 1,
      'platforms.k8s-dev.instances': 1,
      'platforms.k8s-dev.bindings': 1,
    });

    const second = await startSharingSimulator({}, { store: url });
    try {
      const instances = await second.sim.smCall('GET', '/v1/service_instances');
      expect(names(instances.body.items)).toEqual(['db-shared', 'ref']);
      const [item] = await second.sharingItems();
      expect(item).toMatchObject({ id: sharedId, original: { platform: 'cf-dev', name: 'db-shared' } });
      expect(item.references.map((ref: { id: string }) => ref.id)).toEqual([referenceId]);
      expect(names((await second.k8s('GET', '/service_bindings')).body.items)).toEqual(['b1']);
      expect(names((await second.cf('GET', '/service_instances')).body.items)).toEqual(['db-shared']);
      // The landscape goes on where it was: a new binding, the reference unbound and deleted.
      const bindings = (await second.k8s('GET', '/service_bindings')).body.items;
      expect((await second.k8s('DELETE', `/service_bindings/${bindings[0].id}`)).status).toBe(200);
      expect((await second.k8s('DELETE', `/service_instances/${referenceId}`)).status).toBe(200);
    } finally {
      await second.sim.cleanup();
    }
    const after = await rowsByCollection(url);
    expect(after['sm.instances']).toBe(1);
    expect(after['sm.bindings'] ?? 0).toBe(0);
  });
});
