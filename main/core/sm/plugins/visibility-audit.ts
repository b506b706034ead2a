import { z } from 'zod';
import { isObject } from '../../is-object';
import type { OsbPlugin, PluginDeps } from './types';

export const visibilityAuditOptionsSchema = z.strictObject({}).optional();

const listOf = (value: unknown): Record<string, unknown>[] =>
  Array.isArray(value) ? value.filter(isObject) : [];

/** Built-in `visibility-audit`: on every catalog fetch, logs and emits what the platform was allowed to see. */
export function visibilityAuditPlugin(deps: PluginDeps): OsbPlugin {
  return {
    name: 'visibility-audit',
    async after(operation, ctx, answer) {
      if (operation !== 'catalog' || answer.status !== 200 || !isObject(answer.body)) return;
      const plans = listOf(answer.body.services).flatMap((service) =>
        listOf(service.plans).map((plan) => ({
          offering: service.name,
          plan: plan.name,
          sm_plan_id: isObject(plan.metadata) ? plan.metadata.sm_plan_id : undefined,
        })),
      );
      const audit = {
        platform: { id: ctx.platform.id, name: ctx.platform.name, type: ctx.platform.type },
        broker: { id: ctx.broker.id, name: ctx.broker.name },
        plan_count: plans.length,
        plans,
        flow_id: ctx.flowId,
      };
      deps.log.info(
        audit,
        `visibility audit: platform "${ctx.platform.name}" sees ${plans.length} plan(s) of broker "${ctx.broker.name}"`,
      );
      deps.events.emit('sm.visibility-audit', audit);
    },
  };
}
