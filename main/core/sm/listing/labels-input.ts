import { z } from 'zod';
import type { Labels } from '../model';
import { invalidLabels, labelKeyProblem, labelValueSchema, perNameLimit } from './label-schema';

// Keys are checked on the raw input: zod's record parsing silently drops a `__proto__` key.
export const createLabelsSchema = perNameLimit((maxNameLength) =>
  z
    .unknown()
    .superRefine((input, context) => {
      if (typeof input !== 'object' || input === null || Array.isArray(input)) return;
      for (const key of Object.keys(input)) {
        const problem = labelKeyProblem(key, maxNameLength);
        if (problem) context.addIssue({ code: 'custom', path: [key], message: problem });
      }
    })
    .pipe(
      z.record(
        z.string(),
        z.array(labelValueSchema(maxNameLength)).min(1, 'a label needs at least one value'),
      ),
    ),
);

/** The `labels` of a POST body, `{key: [values]}`; absent means none. Repeated values are kept once. */
export function parseLabelsForCreate(input: unknown, maxNameLength?: number): Labels {
  if (input === undefined) return {};
  const parsed = createLabelsSchema(maxNameLength).safeParse(input);
  if (!parsed.success) invalidLabels(parsed.error);
  return Object.fromEntries(Object.entries(parsed.data).map(([key, values]) => [key, [...new Set(values)]]));
}
