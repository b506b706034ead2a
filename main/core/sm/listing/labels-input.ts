import { z } from 'zod';
import type { Labels } from '../model';
import { invalidLabels, labelKeyProblem, labelValueSchema } from './label-schema';

// Keys are checked on the raw input: zod's record parsing silently drops a `__proto__` key.
export const createLabelsSchema = z
  .unknown()
  .superRefine((input, context) => {
    if (typeof input !== 'object' || input === null || Array.isArray(input)) return;
    for (const key of Object.keys(input)) {
      const problem = labelKeyProblem(key);
      if (problem) context.addIssue({ code: 'custom', path: [key], message: problem });
    }
  })
  .pipe(z.record(z.string(), z.array(labelValueSchema).min(1, 'a label needs at least one value')));

/** The `labels` of a POST body, `{key: [values]}`; absent means none. Repeated values are kept once. */
export function parseLabelsForCreate(input: unknown): Labels {
  if (input === undefined) return {};
  const parsed = createLabelsSchema.safeParse(input);
  if (!parsed.success) invalidLabels(parsed.error);
  return Object.fromEntries(Object.entries(parsed.data).map(([key, values]) => [key, [...new Set(values)]]));
}
