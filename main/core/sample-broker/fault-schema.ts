import { z } from 'zod';
import { asyncOperations, osbOperations } from '../../../shared/osb-operations';
import { findPlanById } from './catalog';

export const faultKinds = ['latency', 'status', 'timeout', 'malformed', 'failLastOperation', 'down'] as const;
export type FaultKind = (typeof faultKinds)[number];

const common = {
  /** Only requests for this plan (catalog requests never match a plan). */
  planId: z
    .string()
    .min(1)
    .refine((id) => findPlanById(id) !== undefined, 'is not the id of a plan in the sample catalog')
    .optional(),
  operations: z.array(z.enum(osbOperations)).min(1).optional(),
  /** Fires this many times, then removes itself. */
  times: z.number().int().min(1).max(1_000_000).optional(),
  description: z.string().min(1).max(1000).optional(),
};
const errorCode = z
  .string()
  .regex(/^[A-Z][A-Za-z0-9]*$/, 'must be a CamelCase word such as ConcurrencyError')
  .optional();

const SUCCESS_ONLY =
  'must be a 2xx success status: a malformed fault corrupts the body of a successful answer (leave it out to keep the status the operation answers)';

export const faultInputSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('latency'), latencyMs: z.number().int().min(1).max(600_000), ...common }),
  z
    .strictObject({
      kind: z.literal('status'),
      status: z.number().int().min(200).max(599),
      error: errorCode,
      ...common,
    })
    // OSB error bodies carry `error`; a success answer has none.
    .refine((fault) => fault.error === undefined || fault.status >= 400, {
      path: ['error'],
      message: 'goes with an error status (400–599) only; a success answer carries no OSB error code',
    }),
  z.strictObject({ kind: z.literal('timeout'), ...common }),
  z.strictObject({
    kind: z.literal('malformed'),
    status: z.number().int().min(200, SUCCESS_ONLY).max(299, SUCCESS_ONLY).optional(),
    ...common,
  }),
  z.strictObject({
    kind: z.literal('failLastOperation'),
    ...common,
    // What an asynchronous operation can fail.
    operations: z.array(z.enum(asyncOperations)).min(1).optional(),
  }),
  z.strictObject({ kind: z.literal('down'), ...common }),
]);
export type FaultInput = z.infer<typeof faultInputSchema>;

export type Fault = FaultInput & {
  id: string;
  createdAt: string;
  /** Left of `times`. */
  remaining?: number;
};
