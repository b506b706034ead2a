import { z } from 'zod';
import { badRequest } from '../../errors';
import { DEFAULT_LIMITS } from '../../limits';

/** `build` for each `limits.maxNameLength` in use, built once (default: the default limit). */
export function perNameLimit<T>(build: (maxNameLength: number) => T): (maxNameLength?: number) => T {
  const built = new Map<number, T>();
  return (maxNameLength = DEFAULT_LIMITS.maxNameLength) => {
    if (!built.has(maxNameLength)) built.set(maxNameLength, build(maxNameLength));
    return built.get(maxNameLength)!;
  };
}

/** Why a label key is refused, or undefined when it is fine. */
export function labelKeyProblem(
  key: string,
  maxNameLength = DEFAULT_LIMITS.maxNameLength,
): string | undefined {
  if (!/^\S+$/.test(key)) return 'label keys must be non-empty and contain no whitespace';
  // JavaScript objects (and zod's record parsing) cannot hold this key as plain data.
  if (key === '__proto__') return '"__proto__" cannot be a label key';
  if (key.length > maxNameLength)
    return `label keys are at most ${maxNameLength} characters (limits.maxNameLength)`;
  return undefined;
}

export const labelKeySchema = perNameLimit((maxNameLength) =>
  z.string().superRefine((key, context) => {
    const problem = labelKeyProblem(key, maxNameLength);
    if (problem) context.addIssue({ code: 'custom', message: problem });
  }),
);

// Peripli refuses line breaks in label values too.
export const labelValueSchema = perNameLimit((maxNameLength) =>
  z
    .string()
    .max(maxNameLength, `label values are at most ${maxNameLength} characters (limits.maxNameLength)`)
    .regex(/^[^\r\n]*$/, 'label values must not contain line breaks'),
);

function pathText(path: readonly PropertyKey[]): string {
  return path.reduce<string>((text, part) => {
    if (typeof part === 'number') return `${text}[${part}]`;
    const name = String(part);
    return /^[A-Za-z_][\w-]*$/.test(name) ? `${text}.${name}` : `${text}[${JSON.stringify(name)}]`;
  }, 'labels');
}

/** A 400 listing every problem zod found in a `labels` member, each at its path (`labels[0].key: …`). */
export function invalidLabels(error: z.ZodError): never {
  const problems = error.issues.map((issue) => `${pathText(issue.path)}: ${issue.message}`);
  throw badRequest(problems.join('; '));
}
