import { resolveBindingForPlatform, resolveInstanceForPlatform } from './ownership';
import type { OsbJob, OsbRuntime } from './runtime';
import type { OsbAnswer } from './types';

/** GET /v2/service_instances/:id, after the ownership check. */
export async function fetchInstance(rt: OsbRuntime, job: OsbJob): Promise<OsbAnswer> {
  resolveInstanceForPlatform(rt.store.state, job.route.instanceId!, job.platform);
  return (await rt.forward(job)).answer;
}

/** GET .../last_operation of an instance: a final state settles its asynchronous operation. */
export async function lastOperation(rt: OsbRuntime, job: OsbJob): Promise<OsbAnswer> {
  const id = job.route.instanceId!;
  resolveInstanceForPlatform(rt.store.state, id, job.platform);
  return rt.poll(job, 'instance', id);
}

/** GET .../service_bindings/:bid/last_operation. */
export async function bindingLastOperation(rt: OsbRuntime, job: OsbJob): Promise<OsbAnswer> {
  const { instanceId, bindingId } = job.route as { instanceId: string; bindingId: string };
  resolveBindingForPlatform(rt.store.state, instanceId, bindingId, job.platform);
  return rt.poll(job, 'binding', bindingId);
}
