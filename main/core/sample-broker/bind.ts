import { isDeepStrictEqual } from 'node:util';
import { badRequest, conflict, notFound } from '../errors';
import { isBindable } from './catalog';
import type { BrokerContext, CallOptions, OsbReply } from './context';
import { generateCredentials } from './credentials';
import { requirePlan } from './lookups';
import { newOperation } from './operations';
import { asyncRequired, concurrencyError, requiresApp } from './osb-errors';
import { validateParameters } from './parameters';
import type { BindBody } from './requests';
import type { BindingRecord } from './state';
import { reviveId, settle, viewBinding, viewInstance } from './views';

export const appGuidOf = (body: BindBody) => body.bind_resource?.app_guid ?? body.app_guid ?? null;

const sameRequest = (record: BindingRecord, instanceId: string, body: BindBody) =>
  record.instanceId === instanceId &&
  record.serviceId === body.service_id &&
  record.planId === body.plan_id &&
  record.appGuid === appGuidOf(body) &&
  isDeepStrictEqual(record.parameters, body.parameters ?? {});

export function bindingBody(record: BindingRecord): Record<string, unknown> {
  return {
    credentials: record.credentials,
    ...(record.syslogDrainUrl ? { syslog_drain_url: record.syslogDrainUrl } : {}),
  };
}

/** PUT /v2/service_instances/:id/service_bindings/:bid */
export function bind(
  ctx: BrokerContext,
  instanceId: string,
  id: string,
  body: BindBody,
  options: CallOptions,
) {
  const ref = requirePlan(body.service_id, body.plan_id);
  if (!isBindable(ref)) throw badRequest(`The plan ${ref.service.name}/${ref.plan.name} is not bindable.`);
  if (ref.behaviour.requiresApp && !appGuidOf(body)) throw requiresApp();
  if (ref.behaviour.async && !options.acceptsIncomplete) throw asyncRequired();
  const parameters = body.parameters ?? {};
  validateParameters(ref.plan, 'bindingCreate', parameters);

  return ctx.store.update((state): OsbReply => {
    const now = ctx.now();
    const instance = viewInstance(state, instanceId, now);
    if (!instance || instance.status === 'gone' || instance.status === 'failed') {
      throw notFound(`There is no service instance ${instanceId}.`);
    }
    if (instance.record.serviceId !== ref.service.id || instance.record.planId !== ref.plan.id) {
      throw badRequest(`service_id and plan_id must be those of the instance ${instanceId}.`);
    }
    if (instance.status === 'provisioning' || instance.status === 'deprovisioning') {
      throw concurrencyError(`service instance ${instanceId}`);
    }
    const existing = viewBinding(state, id, now);
    if (existing && existing.status !== 'gone' && existing.status !== 'failed') {
      const { record, status } = existing;
      if (!sameRequest(record, instanceId, body)) {
        throw conflict(`Service binding ${id} exists with other attributes; use another id.`);
      }
      if (status === 'unbinding') throw concurrencyError(`service binding ${id}`);
      if (status === 'binding') return { status: 202, body: { operation: record.operation!.id } };
      return { status: 200, body: bindingBody(record) };
    }

    settle(state, now, ctx.indexes);
    const operation = ref.behaviour.async
      ? newOperation({
          kind: 'bind',
          now,
          delayMs: ctx.asyncDelayMs,
          failure: ctx.faults.failureFor('bind', ref.plan.id),
        })
      : null;
    const { credentials, syslogDrainUrl } = generateCredentials(ref, instanceId, id, parameters);
    const record: BindingRecord = {
      id,
      instanceId,
      serviceId: ref.service.id,
      planId: ref.plan.id,
      appGuid: appGuidOf(body),
      bindResource: body.bind_resource ?? null,
      parameters,
      context: body.context ?? {},
      credentials,
      syslogDrainUrl,
      createdAt: new Date(now).toISOString(),
      operation,
    };
    state.bindings[id] = record;
    ctx.indexes.bound(instanceId, id);
    if (operation) ctx.indexes.noteOperation('bindings', id);
    reviveId(state, 'bindings', id);
    if (operation) return { status: 202, body: { operation: operation.id } };
    return { status: 201, body: bindingBody(record) };
  });
}
