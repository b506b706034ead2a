import { isObject } from '../../is-object';
import type { OperationType } from '../operations/records';
import { descriptionOf } from './answers';
import { type BrokerOutcome, brokerSaid } from './gateway';

/** What a broker's answer means for the stored records. */
export type Outcome =
  | { kind: 'succeeded' }
  | { kind: 'accepted'; operation?: string }
  | { kind: 'failed'; error?: string; description: string; usable?: boolean }
  | { kind: 'pending' };

const usableOf = (body: Record<string, unknown>) =>
  typeof body.instance_usable === 'boolean' ? { usable: body.instance_usable } : {};

/** A failed change as the operation records it; a broker's own answer is named as the broker's. */
function failedOf(outcome: BrokerOutcome, brokerName: string): Outcome {
  const body = isObject(outcome.answer.body) ? outcome.answer.body : {};
  const error = typeof body.error === 'string' ? { error: body.error } : {};
  if (outcome.kind !== 'response')
    return {
      kind: 'failed',
      ...error,
      description: descriptionOf(outcome.answer) ?? 'The broker gave no answer.',
    };
  return {
    kind: 'failed',
    ...error,
    description: brokerSaid({ name: brokerName }, outcome.response),
    ...usableOf(body),
  };
}

/**
 * The answer to a provision, update, deprovision, bind or unbind. A create needs a JSON object (a platform
 * mitigates a malformed 200/201/202 as an orphan); 410 to a delete means it is gone already.
 */
export function outcomeOfChange(type: OperationType, outcome: BrokerOutcome, brokerName: string): Outcome {
  if (outcome.kind !== 'response') return failedOf(outcome, brokerName);
  const { status, body } = outcome.response;
  const success =
    type === 'create'
      ? status === 200 || status === 201
      : status === 200 || (type === 'delete' && status === 410);
  if (!success && status !== 202) return failedOf(outcome, brokerName);
  if (type === 'create' && !isObject(body)) {
    return {
      kind: 'failed',
      error: 'MalformedResponse',
      description: `Broker "${brokerName}" answered ${status} with a body that is not a JSON object.`,
    };
  }
  if (success) return { kind: 'succeeded' };
  const operation = isObject(body) && typeof body.operation === 'string' ? body.operation : undefined;
  return operation === undefined ? { kind: 'accepted' } : { kind: 'accepted', operation };
}

/** The answer to `last_operation`: only a clear `succeeded` / `failed` (or 410 after a delete) settles anything. */
export function outcomeOfPoll(type: OperationType, outcome: BrokerOutcome, brokerName: string): Outcome {
  if (outcome.kind !== 'response') return { kind: 'pending' };
  const { status, body } = outcome.response;
  if (status === 410) return type === 'delete' ? { kind: 'succeeded' } : { kind: 'pending' };
  if (status !== 200 || !isObject(body)) return { kind: 'pending' };
  if (body.state === 'succeeded') return { kind: 'succeeded' };
  if (body.state !== 'failed') return { kind: 'pending' };
  const said = typeof body.description === 'string' ? body.description : `the ${type} failed`;
  return { kind: 'failed', description: `Broker "${brokerName}": ${said}`, ...usableOf(body) };
}
