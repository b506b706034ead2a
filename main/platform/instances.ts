import { randomUUID } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import { nowIso } from '../core/clock';
import { provisionInputSchema, updateInputSchema } from '../core/platform/inputs';
import { choosePlan, findPlan } from '../core/platform/marketplace';
import { instanceContext } from '../core/platform/profiles';
import { deprovisionRequest, provisionRequest, updateRequest } from '../core/platform/requests';
import { updateDecision } from '../core/platform/rules';
import type { PlatformInstance } from '../core/platform/state';
import { instanceView, startedOperation } from '../core/platform/views';
import { parseInput } from '../core/validate';
import { type ActionResult, chainRefusal, idle, refuse, stillIdle, usable } from './actions';
import { accepted, type Kind, refused } from './lifecycle';
import type { Guard, PlatformRuntime } from './runtime';

export const instances: Kind<PlatformInstance> = {
  get: (rt, id) => rt.instance(id),
  save: (rt, record, action) => rt.saveInstance(record, action),
  target: (_rt, instance) => ({ smBrokerId: instance.sm_broker_id, instance }),
  view: (rt, instance) => instanceView(instance, rt.state),
  fromAnswer: (body) => (typeof body.dashboard_url === 'string' ? { dashboard_url: body.dashboard_url } : {}),
  // An update's new plan, parameters and context count once it succeeded.
  atEnd: async (_rt, { pending }, state) => ({
    pending: undefined,
    ...(pending && state === 'succeeded' ? { ...pending, name: String(pending.context.instance_name) } : {}),
  }),
};

const organizationOf = (context: Record<string, unknown>) =>
  typeof context.organization_guid === 'string' ? context.organization_guid : undefined;

const nameFree =
  (rt: PlatformRuntime, name: string): Guard =>
  (state) => {
    if (state.instances.some((instance) => instance.name === name))
      throw refuse(rt, 409, 'Conflict', `it has an instance named "${name}" already.`);
  };

export async function provision(rt: PlatformRuntime, body: unknown, wait: boolean): Promise<ActionResult> {
  const { name, profile, defaults } = rt.deps;
  const input = parseInput(provisionInputSchema, body, `The provision request to platform ${name}`);
  const free = nameFree(rt, input.name);
  free(rt.state);
  const context = instanceContext(profile, defaults, input.name, input.context);
  const choice = choosePlan(await rt.marketplace(organizationOf(context)), input.service, input.plan);
  if (typeof choice === 'string') throw refuse(rt, 400, 'BadRequest', choice);
  const now = nowIso();
  const instance = await rt.saveInstance(
    {
      id: randomUUID(),
      name: input.name,
      sm_broker_id: choice.offering.sm_broker_id,
      service_id: choice.offering.id,
      service_name: choice.offering.name,
      plan_id: choice.plan.id,
      plan_name: choice.plan.name,
      context,
      parameters: input.parameters ?? {},
      state: 'in progress',
      last_operation: startedOperation('create', 'Provision in progress.', now),
      created_at: now,
      updated_at: now,
    },
    'created',
    free,
  );
  const startedAtMs = Date.now();
  const request = provisionRequest(profile, instance, choice.plan.maintenance_info);
  const { result, flowId } = await rt.call(instance.sm_broker_id, request, 'provision');
  const planMaxSeconds = choice.plan.maximum_polling_duration;
  if (usable(result))
    return accepted(rt, instances, instance.id, result, { startedAtMs, wait, planMaxSeconds, flowId });
  await rt.saveInstance(instance, 'deleted');
  throw chainRefusal(rt, result, instance.sm_broker_id, { ...instances.target(rt, instance), flowId });
}

/** Plan, parameters, name or context; a change of only name/context is sent only if the service allows it. */
export async function update(
  rt: PlatformRuntime,
  id: string,
  body: unknown,
  wait: boolean,
): Promise<ActionResult> {
  const { name, profile } = rt.deps;
  const input = parseInput(updateInputSchema, body, `The update request to platform ${name}`);
  const instance = idle(rt, rt.instance(id), 'service instance', id);
  const unchanged = stillIdle(rt, 'instances', 'service instance', id);
  const current = findPlan(await rt.offerings(), instance.service_id, instance.plan_id);
  if (!current)
    throw refuse(
      rt,
      409,
      'Conflict',
      `the plan of instance "${instance.name}" is no longer in its broker's catalog.`,
    );
  const context = instanceContext(profile, instance.context, input.name ?? instance.name, input.context);
  const chosen =
    input.plan === undefined
      ? current
      : choosePlan(await rt.marketplace(organizationOf(context)), instance.service_id, input.plan);
  if (typeof chosen === 'string') throw refuse(rt, 400, 'BadRequest', chosen);
  const newPlan = chosen.plan.id === instance.plan_id ? undefined : chosen.plan;
  const decision = updateDecision(current.offering, current.plan, {
    newPlan,
    parameters: input.parameters !== undefined,
    contextChanged: !isDeepStrictEqual(context, instance.context),
  });
  if (decision === 'local') {
    const renamed = { ...instance, name: String(context.instance_name), context, updated_at: nowIso() };
    return {
      status: 200,
      body: instanceView(await rt.saveInstance(renamed, 'updated', unchanged), rt.state),
    };
  }
  if (decision !== 'send') throw refuse(rt, 400, 'BadRequest', decision);
  const pending = {
    plan_id: chosen.plan.id,
    plan_name: chosen.plan.name,
    parameters: input.parameters ?? instance.parameters,
    context,
  };
  const last_operation = startedOperation('update', 'Update in progress.', nowIso());
  await rt.saveInstance({ ...instance, state: 'in progress', pending, last_operation }, 'updated', unchanged);
  const startedAtMs = Date.now();
  const request = updateRequest(profile, instance, {
    plan_id: newPlan?.id,
    parameters: input.parameters,
    context,
  });
  const { result, flowId } = await rt.call(instance.sm_broker_id, request, 'update');
  const planMaxSeconds = chosen.plan.maximum_polling_duration;
  if (usable(result))
    return accepted(rt, instances, id, result, { startedAtMs, wait, planMaxSeconds, flowId });
  const refusal = chainRefusal(rt, result, instance.sm_broker_id);
  await refused(rt, instances, instance, result, refusal.description);
  throw refusal;
}

/** Deprovision; the instance's bindings go first only with `recursive` (else the SM's 412 comes back). */
export async function deprovision(
  rt: PlatformRuntime,
  id: string,
  options: { recursive: boolean; wait: boolean },
  unbind: (bindingId: string) => Promise<unknown>,
): Promise<ActionResult> {
  idle(rt, rt.instance(id), 'service instance', id);
  if (options.recursive) {
    for (const binding of rt.state.bindings.filter((candidate) => candidate.service_instance_id === id))
      await unbind(binding.id);
  }
  const instance = idle(rt, rt.instance(id), 'service instance', id);
  const plan = findPlan(await rt.offerings(), instance.service_id, instance.plan_id);
  const last_operation = startedOperation('delete', 'Deprovision in progress.', nowIso());
  await rt.saveInstance(
    { ...instance, state: 'in progress', last_operation },
    'updated',
    stillIdle(rt, 'instances', 'service instance', id),
  );
  const startedAtMs = Date.now();
  const { result, flowId } = await rt.call(
    instance.sm_broker_id,
    deprovisionRequest(instance),
    'deprovision',
  );
  const planMaxSeconds = plan?.plan.maximum_polling_duration;
  if (usable(result) || (result.kind === 'answer' && result.status === 410))
    return accepted(rt, instances, id, result, { startedAtMs, wait: options.wait, planMaxSeconds, flowId });
  const refusal = chainRefusal(rt, result, instance.sm_broker_id);
  await refused(rt, instances, instance, result, refusal.description);
  throw refusal;
}
