import { isDeepStrictEqual } from 'node:util';
import { nowIso } from '../../clock';
import { isObject } from '../../is-object';
import { findById } from '../../record-index';
import { freshResource } from '../clock';
import type { BindingRecord } from '../model';
import { activeOperation } from '../operations/records';
import { bindingAnswerSchema, stringField } from './bodies';
import { bindingIdUse, bindingRequest } from './requests';
import type { OsbJob, OsbRuntime } from './runtime';
import { bindingEventView } from './safe-views';
import type { OsbAnswer } from './types';

/** What a bind answer (or GET binding) tells the SM to keep: credentials and the `requires` fields. */
function bindingDetails(body: unknown): Partial<BindingRecord> {
  const parsed = bindingAnswerSchema.parse(isObject(body) ? body : {});
  return Object.fromEntries(Object.entries(parsed).filter(([, value]) => value !== undefined));
}

/** PUT .../service_bindings/:bid, after the rules (the instance is known, no operation on it runs). */
export async function bind(rt: OsbRuntime, job: OsbJob): Promise<OsbAnswer> {
  const { instanceId, bindingId } = job.route as { instanceId: string; bindingId: string };
  const state = rt.store.state;
  const instance = findById(state.instances, instanceId)!;
  const request = bindingRequest(job);
  if (bindingIdUse(state, bindingId, job.platform, request) === 'identical')
    return (await rt.forward(job)).answer;
  const record: BindingRecord = {
    ...freshResource(bindingId),
    ...request,
    ready: false,
    name: stringField(request.context, 'binding_name') ?? '',
    platform_id: job.platform.id,
  };
  if (record.bind_resource === undefined) delete record.bind_resource;
  return rt.change(job, {
    kind: 'binding',
    type: 'create',
    resourceId: bindingId,
    description: `Bind ${bindingId} to instance ${instance.name || instance.id} at broker "${job.broker.name}"`,
    begin: (draft) => {
      draft.bindings.push(record);
      return { binding: { action: 'created', record } };
    },
    changes: bindingDetails,
  });
}

/** DELETE .../service_bindings/:bid, after the rules; an unknown or abandoned binding is forwarded (orphan mitigation). */
export async function unbind(rt: OsbRuntime, job: OsbJob): Promise<OsbAnswer> {
  const { instanceId, bindingId } = job.route as { instanceId: string; bindingId: string };
  const binding = findById(rt.store.state.bindings, bindingId);
  return rt.change(job, {
    kind: 'binding',
    type: 'delete',
    resourceId: bindingId,
    description: `Unbind ${binding?.name || bindingId} from instance ${instanceId} at broker "${job.broker.name}"`,
    begin: () => ({}),
  });
}

/**
 * GET .../service_bindings/:bid, after the rules; after an async bind this is where the credentials come
 * from, so they are kept.
 */
export async function fetchBinding(rt: OsbRuntime, job: OsbJob): Promise<OsbAnswer> {
  const { bindingId } = job.route as { bindingId: string };
  const known = findById(rt.store.state.bindings, bindingId);
  const outcome = await rt.forward(job);
  if (
    !known ||
    outcome.kind !== 'response' ||
    outcome.response.status !== 200 ||
    !isObject(outcome.response.body)
  ) {
    return outcome.answer;
  }
  const details = bindingDetails(outcome.response.body);
  const binding = findById(rt.store.state.bindings, bindingId);
  if (!binding?.ready || activeOperation(rt.store.state, 'binding', bindingId)) return outcome.answer;
  const current = Object.fromEntries(
    Object.keys(details).map((key) => [key, binding[key as keyof BindingRecord]]),
  );
  if (isDeepStrictEqual(current, details)) return outcome.answer;
  // Looked up again inside the update: the store journals the records the update reaches (and it may be gone).
  const view = await rt.store.update((state) => {
    const stored = findById(state.bindings, bindingId);
    if (!stored) return undefined;
    Object.assign(stored, details, { updated_at: nowIso() });
    return bindingEventView(stored);
  });
  if (view) rt.events.emit('sm.binding', { action: 'updated', binding: view });
  return outcome.answer;
}
