import type { OsbJob, OsbRuntime } from './runtime';
import type { OsbAnswer } from './types';

/** GET /v2/service_instances/:id, after the rules. */
export async function fetchInstance(rt: OsbRuntime, job: OsbJob): Promise<OsbAnswer> {
  return (await rt.forward(job)).answer;
}

/** GET .../last_operation of an instance: a final state settles its asynchronous operation. */
export async function lastOperation(rt: OsbRuntime, job: OsbJob): Promise<OsbAnswer> {
  return rt.poll(job, 'instance', job.route.instanceId!);
}

/** GET .../service_bindings/:bid/last_operation. */
export async function bindingLastOperation(rt: OsbRuntime, job: OsbJob): Promise<OsbAnswer> {
  return rt.poll(job, 'binding', job.route.bindingId!);
}
