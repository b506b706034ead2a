import { z } from 'zod';
import type { Labels } from '../model';
import { invalidLabels, labelKeySchema, labelValueSchema, perNameLimit } from './label-schema';

export const labelOperations = ['add', 'add_values', 'remove', 'remove_values'] as const;

const labelChangesSchema = perNameLimit((maxNameLength) =>
  z
    .array(
      z
        .object({
          op: z.enum(labelOperations, { error: `op must be one of ${labelOperations.join(', ')}` }),
          key: labelKeySchema(maxNameLength),
          values: z.array(labelValueSchema(maxNameLength)).optional(),
        })
        .strict()
        .superRefine((change, context) => {
          if (change.op !== 'remove' && !change.values?.length) {
            context.addIssue({
              code: 'custom',
              path: ['values'],
              message: `op "${change.op}" needs a non-empty values array`,
            });
          }
        }),
    )
    .optional(),
);

export type LabelChange = NonNullable<z.infer<ReturnType<typeof labelChangesSchema>>>[number];

/** The `labels` member of a PATCH body; absent means no change. */
export function parseLabelChanges(input: unknown, maxNameLength?: number): LabelChange[] {
  const parsed = labelChangesSchema(maxNameLength).safeParse(input);
  if (!parsed.success) invalidLabels(parsed.error);
  return parsed.data ?? [];
}

/**
 * Applies label changes in order, as Peripli does: `add` and `add_values` both add the values that are
 * not there yet, creating the key when missing; `remove` drops the key whatever values are given;
 * `remove_values` drops the listed values and the key once it has none. Removing what is absent is no
 * error. The input is not modified.
 */
export function applyLabelChanges(labels: Labels, changes: unknown, maxNameLength?: number): Labels {
  const result = new Map(Object.entries(labels).map(([key, values]) => [key, [...values]]));
  for (const { op, key, values = [] } of parseLabelChanges(changes, maxNameLength)) {
    const current = result.get(key) ?? [];
    if (op === 'add' || op === 'add_values') {
      result.set(key, [...new Set([...current, ...values])]);
      continue;
    }
    const kept = op === 'remove' ? [] : current.filter((value) => !values.includes(value));
    if (kept.length > 0) result.set(key, kept);
    else result.delete(key);
  }
  return Object.fromEntries(result);
}
