import { z } from 'zod';
import type { OsbAnswer } from '../osb/types';
import type { OsbContext, OsbPlugin } from './types';

export const quotaOptionsSchema = z.strictObject({
  limits: z
    .array(
      z.strictObject({
        /** A platform name; without it the limit applies to every platform, each on its own. */
        platform: z.string().min(1).optional(),
        /** A plan's catalog name or SM id; without it the limit counts all of a platform's instances. */
        plan: z.string().min(1).optional(),
        max: z.number().int().min(0),
      }),
    )
    .min(1),
});
export type QuotaOptions = z.infer<typeof quotaOptionsSchema>;
type Limit = QuotaOptions['limits'][number];

/** The plan an instance would get: a new one, or the new plan of an update (nothing to count otherwise). */
function planToCount(operation: string, ctx: OsbContext) {
  const { plan, instanceId, state } = ctx;
  if (!plan) return undefined;
  const existing = state.instances.find((instance) => instance.id === instanceId);
  if (operation === 'provision') return existing ? undefined : plan;
  if (operation === 'update') return existing && existing.service_plan_id !== plan.id ? plan : undefined;
  return undefined;
}

function refusal(ctx: OsbContext, limit: Limit, planName: string, count: number): OsbAnswer {
  const what =
    limit.plan === undefined ? 'service instance(s) in all' : `service instance(s) of plan "${planName}"`;
  return {
    status: 422,
    body: {
      error: 'QuotaExceeded',
      description:
        `Platform "${ctx.platform.name}" already has ${count} ${what}; the quota plugin allows at most ${limit.max}. ` +
        'Deprovision one, or raise "max" of this limit in the options of the "quota" plugin ("plugins" in the config file).',
    },
  };
}

/** Built-in `quota`: at most `max` instances per platform (and plan); one more provision answers 422 QuotaExceeded. */
export function quotaPlugin(options: QuotaOptions): OsbPlugin {
  return {
    name: 'quota',
    async before(operation, ctx) {
      const plan = planToCount(operation, ctx);
      if (!plan) return;
      for (const limit of options.limits) {
        if (limit.platform !== undefined && limit.platform !== ctx.platform.name) continue;
        if (limit.plan !== undefined && limit.plan !== plan.catalog_name && limit.plan !== plan.id) continue;
        const count = ctx.state.instances.filter(
          (instance) =>
            instance.platform_id === ctx.platform.id &&
            (limit.plan === undefined || instance.service_plan_id === plan.id),
        ).length;
        if (count >= limit.max) return refusal(ctx, limit, plan.catalog_name, count);
      }
    },
  };
}
