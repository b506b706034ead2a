import { randomUUID } from 'node:crypto';
import { nowIso } from '../core/clock';
import { isObject } from '../core/is-object';
import { bindInputSchema } from '../core/platform/inputs';
import { findPlan } from '../core/platform/marketplace';
import { bindingContext } from '../core/platform/profiles';
import { bindRequest, fetchBindingRequest, unbindRequest } from '../core/platform/requests';
import { bindRefusal } from '../core/platform/rules';
import type { PlatformBinding } from '../core/platform/state';
import { bindingView, startedOperation } from '../core/platform/views';
import { parseInput } from '../core/validate';
import { type ActionResult, chainRefusal, idle, refuse, stillIdle, usable } from './actions';
import { accepted, type Kind, refused } from './lifecycle';
import type { Guard, PlatformRuntime } from './runtime';

const credentialsOf = (body: unknown) =>
  isObject(body) && isObject(body.credentials) ? { credentials: body.credentials } : {};

export const bindings: Kind<PlatformBinding> = {
  get: (rt, id) => rt.binding(id),
  save: (rt, record, action) => rt.saveBinding(record, action),
  target: (rt, binding) => {
    const instance = rt.instance(binding.service_instance_id)!;
    return { smBrokerId: instance.sm_broker_id, instance, binding };
  },
  view: (rt, binding) => bindingView(binding, rt.state),
  // An asynchronous bind (202) carries no credentials: they are fetched once it succeeded.
  fromAnswer: (body, status) => (status === 202 ? {} : credentialsOf(body)),
  atEnd: async (rt, binding, state) => {
    if (binding.last_operation.type !== 'create' || state !== 'succeeded' || binding.credentials) return {};
    const { smBrokerId, instance } = bindings.target(rt, binding);
    const { result } = await rt.call(smBrokerId, fetchBindingRequest(instance, binding));
    return result.kind === 'answer' && result.status === 200 ? credentialsOf(result.body) : {};
  },
};

export async function bind(rt: PlatformRuntime, body: unknown, wait: boolean): Promise<ActionResult> {
  const { name, profile } = rt.deps;
  const input = parseInput(bindInputSchema, body, `The bind request to platform ${name}`);
  const instance = idle(
    rt,
    rt.instance(input.service_instance_id),
    'service instance',
    input.service_instance_id,
  );
  if (instance.last_operation.type === 'create' && instance.state === 'failed')
    throw refuse(rt, 409, 'Conflict', `instance "${instance.name}" failed to provision; it cannot be bound.`);
  const allowed: Guard = (state) => {
    stillIdle(rt, 'instances', 'service instance', instance.id)(state);
    if (
      state.bindings.some(
        (binding) => binding.service_instance_id === instance.id && binding.name === input.name,
      )
    )
      throw refuse(
        rt,
        409,
        'Conflict',
        `instance "${instance.name}" has a binding named "${input.name}" already.`,
      );
  };
  allowed(rt.state);
  const plan = findPlan(await rt.offerings(), instance.service_id, instance.plan_id);
  if (!plan)
    throw refuse(
      rt,
      409,
      'Conflict',
      `the plan of instance "${instance.name}" is no longer in its broker's catalog.`,
    );
  const notBindable = bindRefusal(plan.offering, plan.plan);
  if (notBindable) throw refuse(rt, 400, 'BadRequest', notBindable);
  const now = nowIso();
  const binding = await rt.saveBinding(
    {
      id: randomUUID(),
      name: input.name,
      service_instance_id: instance.id,
      context: bindingContext(profile, instance.context, input.context),
      ...(profile.bindsApps ? { bind_resource: { app_guid: input.app_guid ?? randomUUID() } } : {}),
      parameters: input.parameters ?? {},
      state: 'in progress',
      last_operation: startedOperation('create', 'Bind in progress.', now),
      created_at: now,
      updated_at: now,
    },
    'created',
    allowed,
  );
  const startedAtMs = Date.now();
  const { result, flowId } = await rt.call(instance.sm_broker_id, bindRequest(instance, binding), 'bind');
  const planMaxSeconds = plan.plan.maximum_polling_duration;
  if (usable(result))
    return accepted(rt, bindings, binding.id, result, { startedAtMs, wait, planMaxSeconds, flowId });
  const orphan = { ...bindings.target(rt, binding), flowId };
  await rt.saveBinding(binding, 'deleted');
  throw chainRefusal(rt, result, instance.sm_broker_id, orphan);
}

export async function unbind(rt: PlatformRuntime, id: string, wait: boolean): Promise<ActionResult> {
  const binding = idle(rt, rt.binding(id), 'service binding', id);
  const instance = rt.instance(binding.service_instance_id)!;
  const plan = findPlan(await rt.offerings(), instance.service_id, instance.plan_id);
  const last_operation = startedOperation('delete', 'Unbind in progress.', nowIso());
  await rt.saveBinding(
    { ...binding, state: 'in progress', last_operation },
    'updated',
    stillIdle(rt, 'bindings', 'service binding', id),
  );
  const startedAtMs = Date.now();
  const { result, flowId } = await rt.call(instance.sm_broker_id, unbindRequest(instance, binding), 'unbind');
  const planMaxSeconds = plan?.plan.maximum_polling_duration;
  if (usable(result) || (result.kind === 'answer' && result.status === 410))
    return accepted(rt, bindings, id, result, { startedAtMs, wait, planMaxSeconds, flowId });
  const refusal = chainRefusal(rt, result, instance.sm_broker_id);
  await refused(rt, bindings, binding, result, refusal.description);
  throw refusal;
}
