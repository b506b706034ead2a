import { badRequest } from '../errors';
import type { OsbReply } from './context';
import { describeOperation, operationState } from './operations';
import type { Operation } from './state';

/** The body of a last_operation answer for `operation`; `requested` is the `operation` query, if sent. */
export function lastOperationReply(
  operation: Operation | null,
  requested: string | undefined,
  now: number,
  what: string,
): OsbReply {
  if (!operation) {
    if (requested)
      throw badRequest(`There is no operation ${requested} on ${what}; it never ran asynchronously.`);
    return {
      status: 200,
      body: { state: 'succeeded', description: `${what} has no asynchronous operation.` },
    };
  }
  if (requested && requested !== operation.id) {
    throw badRequest(`There is no operation ${requested} on ${what}; the last one is ${operation.id}.`);
  }
  const state = operationState(operation, now);
  const body: Record<string, unknown> = { state, description: describeOperation(operation, now) };
  if (state === 'failed' && operation.kind === 'update')
    Object.assign(body, { instance_usable: true, update_repeatable: true });
  if (state === 'failed' && operation.kind === 'deprovision') body.instance_usable = true;
  return { status: 200, body };
}
