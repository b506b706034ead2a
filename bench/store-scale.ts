// Store scale: provisions per second through the data store's `update` (concurrency 16, group commit) with
// 100, 10,000 and 100,000 instances already stored, each a provision's SM, sample-broker and platform records
// (~1 KB), each after a lookup of its id among the SM's instances as the core makes one (findById).
// Target: 10,000 stored ≥ 0.8 of the rate with 100, 100,000 ≥ 0.6.
// Run: node bin/run-ts.js bench/store-scale.ts [--quick]
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { findById } from '../main/core/record-index';
import {
  collections,
  dataSchema,
  emptyData,
  migrations,
  SCHEMA_VERSION,
  type SimData,
} from '../main/store/data';
import { openJsonFileStore } from '../main/store/json-file-store';
import { sized } from './quick';
import { figure, report } from './report';

const CONCURRENCY = 16;
/** Not scaled by --quick: fewer would be a handful of commits, too few to compare. */
const PROVISIONS = 800;
const ROUNDS = 3;
const SIZES = [100, 10_000, 100_000].map(sized);
const TARGETS = [1, 0.8, 0.6];
const NOW = new Date().toISOString();
const CONTEXT = {
  platform: 'cloudfoundry',
  organization_guid: 'org-guid-0001',
  space_guid: 'space-guid-0001',
};

/** Stores what a provision through a platform proxy stores: records in the SM, the sample broker, the platform. */
/** `checkId`: looked up first, as the SM does (not while seeding, before the store indexes the records). */
function provision(data: SimData, i: number, checkId = true): void {
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

function seeded(count: number): SimData {
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

async function provisionsPerSecond(stored: number) {
  const dir = await mkdtemp(join(tmpdir(), 'smsim-bench-scale-'));
  try {
    const store = await openJsonFileStore({
      path: join(dir, 'smsim-data.json'),
      schema: dataSchema,
      version: SCHEMA_VERSION,
      migrations,
      empty: () => seeded(stored),
      collections,
    });
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
    await store.flush();
    return rates.sort((a, b) => a - b)[Math.floor(rates.length / 2)]!; // the median round
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

console.log(
  `store scale: ${PROVISIONS} provisions at concurrency ${CONCURRENCY} through the store's update, median of ${ROUNDS} rounds`,
);
await provisionsPerSecond(SIZES[0]!); // warms the JIT up, so the first size is not measured cold
const rates: number[] = [];
for (const stored of SIZES) {
  rates.push(await provisionsPerSecond(stored));
  console.log(`  ${String(stored).padStart(7)} stored: ${rates.at(-1)!.toFixed(0).padStart(5)} provisions/s`);
}
for (const index of [1, 2])
  report(
    figure(
      `store scale: provisions/s with ${SIZES[index]!.toLocaleString('en')} stored vs ${SIZES[0]}`,
      rates[index]!,
      'provisions/s',
      rates[0]!,
      { atLeast: TARGETS[index]! },
    ),
  );
