import { isObject } from '../../is-object';
import type { OperationType } from '../operations/records';
import { descriptionOf } from './answers';
import type { BrokerOutcome } from './gateway';

/** What a broker's answer means for the stored records. */
export type Outcome =
  | { kind: 'succeeded' }
  | { kind: 'accepted'; operation?: string }
  | { kind: 'failed'; error?: string; description: string; usable?: boolean }
  | { kind: 'pending' };

const usableOf = (body: Record<string, unknown>) =>
  typeof body.instance_usable === 'boolean' ? { usable: body.instance_usable } : {};

function failedOf(outcome: BrokerOutcome): Outcome {
  const body = isObject(outcome.answer.body) ? outcome.answer.body : {};
  const brokerBody =
    outcome.kind === 'response' && isObject(outcome.response.body) ? outcome.response.body : {};
  return {
    kind: 'failed',
    ...(typeof body.error === 'string' ? { error: body.error } : {}),
    description: descriptionOf(outcome.answer) ?? `The broker answered ${outcome.answer.status}.`,
    ...usableOf(brokerBody),
  };
}

/**
 * The answer to a provision, update, deprovision, bind or unbind. A create needs a JSON object (a platform
 * mitigates a malformed 200/201/202 as an orphan); 410 to a delete means it is gone already.
 */
export function outcomeOfChange(type: OperationType, outcome: BrokerOutcome, brokerName: string): Outcome {
  if (outcome.kind !== 'response') return failedOf(outcome);
  const { status, body } = outcome.response;
  const success =
    type === 'create'
      ? status === 200 || status === 201
      : status === 200 || (type === 'delete' && status === 410);
  if (!success && status !== 202) return failedOf(outcome);
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
