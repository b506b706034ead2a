import { z } from 'zod';
import { platformsSectionSchema } from '../core/platform/state';
import { emptySampleBrokerState, sampleBrokerStateSchema } from '../core/sample-broker/state';
import { emptySmState, smStateSchema } from '../core/sm/model';
import type { CollectionSpec } from './collections';
import type { Migration } from './migrations';

/** The whole data file. Each subsystem owns one section; bump SCHEMA_VERSION and add a migration on change. */
export const SCHEMA_VERSION = 1;

export const dataSchema = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  /** Generated on first start and kept so URLs and credentials stay the same across restarts. */
  secrets: z.object({
    adminPassword: z.string().min(1).nullable(),
    sampleBrokerPassword: z.string().min(1).nullable(),
    /** The password of user `smsim` every server accepts when bound off loopback; added later, so optional. */
    controlToken: z.string().min(1).nullable().default(null),
  }),
  sm: smStateSchema,
  sampleBroker: sampleBrokerStateSchema,
  /** The simulated platforms, by name; added after version 1 shipped, so files without it still load. */
  platforms: platformsSectionSchema.default({}),
});

export type SimData = z.infer<typeof dataSchema>;

export const migrations: readonly Migration[] = [];

export const emptyData = (): SimData => ({
  schemaVersion: SCHEMA_VERSION,
  secrets: { adminPassword: null, sampleBrokerPassword: null, controlToken: null },
  sm: emptySmState(),
  sampleBroker: emptySampleBrokerState(),
  platforms: {},
});

/** The records that grow with the landscape, journaled one at a time; the rest of the file is small. */
export const collections: readonly CollectionSpec[] = [
  ...['brokers', 'platforms', 'visibilities', 'instances', 'bindings', 'operations', 'notifications'].map(
    (name) => ({ path: `sm.${name}`, kind: 'array' as const }),
  ),
  { path: 'sampleBroker.instances', kind: 'map' },
  { path: 'sampleBroker.bindings', kind: 'map' },
  { path: 'platforms.*.instances', kind: 'array' },
  { path: 'platforms.*.bindings', kind: 'array' },
];
