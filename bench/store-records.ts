// What a provision stores (SM, sample broker and platform records, ~1 KB), for the store benchmarks.
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { findById } from '../main/core/record-index';
import { emptyData, type SimData } from '../main/store/data';
import type { Store } from '../main/store/store';

export const CONCURRENCY = 16;
/** Not scaled by --quick: fewer would be a handful of commits, too few to compare. */
export const PROVISIONS = 800;
export const ROUNDS = 3;

const NOW = new Date().toISOString();
const CONTEXT = {
  platform: 'cloudfoundry',
  organization_guid: 'org-guid-0001',
  space_guid: 'space-guid-0001',
};

/** Stores what a provision through a platform proxy stores: records in the SM, the sample broker, the platform. */
/** `checkId`: looked up first, as the SM does (not while seeding, before the store indexes the records). */
export function provision(data: SimData, i: number, checkId = true): void {
  const id = randomUUID(); // as the SM makes them (ids sharing a long prefix would make lookups slower)
  if (checkId && findById(data.sm.instances, id)) throw new Error(`${id} exists`);
  const operationId = `op-${id}`;
  data.sm.instances.push({
    id,
    created_at: NOW,
    updated_at: NOW,
    labels: {},
    ready: true,
    name: `db-${i}`,
    service_plan_id: 'plan-small',
    service_offering_id: 'offering-db',
    broker_id: 'broker-sample',
    platform_id: 'platform-cf',
    context: CONTEXT,
    parameters: { size: 'small', region: 'eu-1' },
    usable: true,
    shared: false,
  });
  data.sm.operations.push({
    id: operationId,
    created_at: NOW,
    updated_at: NOW,
    labels: {},
    ready: true,
    type: 'create',
    state: 'succeeded',
    resource_id: id,
    resource_type: '/v1/service_instances',
    platform_id: 'platform-cf',
    correlation_id: `flow-${i}`,
    description: 'Provisioned by the broker.',
    errors: [],
  });
  data.sampleBroker.instances[id] = {
    id,
    serviceId: 'offering-db',
    planId: 'plan-small',
    parameters: { size: 'small' },
    context: CONTEXT,
    maintenanceVersion: null,
    dashboardUrl: `http://127.0.0.1:1/dashboard/${id}`,
    createdAt: NOW,
    updatedAt: NOW,
    operation: null,
  };
  data.platforms.cf!.instances.push({
    id,
    name: `db-${i}`,
    sm_broker_id: 'broker-sample',
    service_id: 'offering-db',
    service_name: 'sample-db',
    plan_id: 'plan-small',
    plan_name: 'small',
    context: CONTEXT,
    parameters: { size: 'small' },
    state: 'succeeded',
    last_operation: { type: 'create', state: 'succeeded', description: '', started_at: NOW, updated_at: NOW },
    created_at: NOW,
    updated_at: NOW,
  });
}

export function seeded(count: number): SimData {
  const data = emptyData();
  data.platforms.cf = {
    sm: null,
    proxyCredentials: { username: 'proxy', password: 'proxy-password' },
    revision: 0,
    brokers: [],
    visibilities: [],
    instances: [],
    bindings: [],
  };
  for (let i = 0; i < count; i++) provision(data, i, false);
  return data;
}

/** Provisions per second through `store.update` at CONCURRENCY, the median of ROUNDS rounds of PROVISIONS. */
export async function medianProvisionRate(store: Store<SimData>, stored: number): Promise<number> {
  let next = stored;
  const round = async () => {
    const end = next + PROVISIONS;
    const worker = async () => {
      while (next < end) {
        const i = next++;
        await store.update((data) => provision(data, i));
      }
    };
    const start = performance.now();
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    return PROVISIONS / ((performance.now() - start) / 1000);
  };
  const rates: number[] = [];
  for (let i = 0; i < ROUNDS; i++) rates.push(await round());
  return rates.sort((a, b) => a - b)[Math.floor(rates.length / 2)]!; // the median round
}
