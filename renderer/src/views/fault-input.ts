import type { FaultInput } from '../../../main/servers/sample-broker/api-types';
import { asyncOperations, osbOperations } from '../../../shared/osb-operations';

export const FAULT_KINDS = [
  'status',
  'latency',
  'timeout',
  'malformed',
  'failLastOperation',
  'down',
] as const;
export type FaultKindName = (typeof FAULT_KINDS)[number];

/** The operations a fault of `kind` can apply to: a failed operation is one that ran asynchronously. */
export const operationsFor = (kind: FaultKindName): readonly string[] =>
  kind === 'failLastOperation' ? asyncOperations : osbOperations;

/**
 * The status a kind's form starts at: an error status for `status`; none for `malformed`, which corrupts the
 * body of the success the operation answers and takes only a 2xx in its place.
 */
export const defaultStatusOf = (kind: FaultKindName): number | undefined =>
  kind === 'status' ? 500 : undefined;

/** The fault the form's fields describe; the server checks the values and says what is wrong. */
export function faultInputFrom(kind: FaultKindName, form: FormData): FaultInput {
  const text = (name: string) => String(form.get(name) ?? '').trim() || undefined;
  const number = (name: string) => (text(name) === undefined ? undefined : Number(text(name)));
  const allowed = operationsFor(kind);
  const operations = form
    .getAll('operations')
    .map(String)
    .filter((name) => allowed.includes(name));
  const fields: Record<string, unknown> = {
    kind,
    status: kind === 'status' || kind === 'malformed' ? number('status') : undefined,
    error: kind === 'status' ? text('error') : undefined,
    latencyMs: kind === 'latency' ? number('latencyMs') : undefined,
    description: text('description'),
    planId: text('planId'),
    operations: operations.length > 0 ? operations : undefined,
    times: number('times'),
  };
  return Object.fromEntries(
    Object.entries(fields).filter(([, value]) => value !== undefined),
  ) as unknown as FaultInput;
}
