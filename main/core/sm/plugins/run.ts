import type { OsbOperation } from '../../../../shared/osb-operations';
import type { OsbAnswer } from '../osb/types';
import type { OsbContext, OsbPlugin } from './types';

/** The first refusal of a `before` hook, if any. */
export async function runBefore(
  plugins: readonly OsbPlugin[],
  operation: OsbOperation,
  ctx: OsbContext,
): Promise<OsbAnswer | undefined> {
  for (const plugin of plugins) {
    const refusal = await plugin.before?.(operation, ctx);
    if (refusal) return refusal;
  }
  return undefined;
}

/** The answer after every `after` hook, innermost (last listed) first. */
export async function runAfter(
  plugins: readonly OsbPlugin[],
  operation: OsbOperation,
  ctx: OsbContext,
  answer: OsbAnswer,
): Promise<OsbAnswer> {
  let current = answer;
  for (const plugin of [...plugins].reverse())
    current = (await plugin.after?.(operation, ctx, current)) ?? current;
  return current;
}
