import { describe, expect, it } from 'vitest';
import { ANSWERED_BY_BROKER, ANSWERED_BY_HEADER } from '../../main/core/osb/answered-by';
import { originOf, platformRefusal, refusalOf } from '../../main/core/platform/hops';
import { type Answer, notesForChange } from '../../main/core/platform/notes';

const answer = (
  status: number,
  body?: unknown,
  text = body === undefined ? '' : JSON.stringify(body),
): Answer => ({
  kind: 'answer',
  status,
  headers: {},
  body,
  text,
});
const codes = (notes: { code: string }[]) => notes.map((note) => note.code);

/** A broker's answer as the SM passes it back: unchanged, marked as the broker's. */
const fromBroker = (status: number, body?: unknown): Answer => ({
  ...answer(status, body),
  headers: { [ANSWERED_BY_HEADER.toLowerCase()]: ANSWERED_BY_BROKER },
});

describe('spec notes on a broker answer', () => {
  it('has none for a correct answer', () => {
    expect(notesForChange('provision', answer(201, { dashboard_url: 'x' }))).toEqual([]);
    expect(notesForChange('provision', answer(202, { operation: 'op' }))).toEqual([]);
    expect(notesForChange('deprovision', answer(410, {}))).toEqual([]);
  });

  it('flags a 2xx body that is not a JSON object', () => {
    expect(codes(notesForChange('provision', answer(201, undefined, '{"cut')))).toEqual(['MalformedBody']);
    expect(codes(notesForChange('bind', answer(200, [1])))).toEqual(['MalformedBody']);
  });

  it('flags a 202 without operation, an oversized operation, credentials on an async bind', () => {
    expect(codes(notesForChange('provision', answer(202, {})))).toEqual(['MissingOperation']);
    expect(codes(notesForChange('update', answer(202, { operation: 'x'.repeat(10_001) })))).toEqual([
      'InvalidOperation',
    ]);
    expect(codes(notesForChange('bind', answer(202, { operation: 'o', credentials: {} })))).toEqual([
      'CredentialsOnAsyncBind',
    ]);
  });

  it('flags a status OSB does not define for the call', () => {
    expect(codes(notesForChange('update', answer(201, {})))).toEqual(['UnexpectedStatus']);
    expect(codes(notesForChange('provision', answer(410, {})))).toEqual(['UnexpectedStatus']);
    expect(notesForChange('provision', answer(500, { description: 'x' }))).toEqual([]);
  });
});

describe('which hop refused', () => {
  it('tells the broker (its answer marked by the SM), the SM and the proxy apart', () => {
    expect(originOf(fromBroker(500, { description: 'boom' }))).toEqual({ hop: 'broker', said: 'boom' });
    expect(originOf(answer(500, { description: 'Broker "sample": boom' })).hop).toBe('sm');
    expect(originOf(answer(412, { description: 'Unbind first.' }))).toEqual({
      hop: 'sm',
      said: 'Unbind first.',
    });
    expect(originOf(answer(502, { description: 'The broker proxy of cf-dev cannot reach' })).hop).toBe(
      'proxy',
    );
    expect(originOf(fromBroker(502, { description: 'The broker proxy of cf-dev cannot reach' })).hop).toBe(
      'broker',
    );
    expect(originOf(answer(201, {})).hop).toBe('broker');
  });

  it('says so in the description, keeping the status and error code', () => {
    expect(refusalOf(fromBroker(500, { description: 'boom' }), 'cf-dev', 'sample')).toEqual({
      status: 500,
      error: 'BrokerError',
      description: 'Broker "sample" answered 500: boom',
    });
    expect(
      refusalOf(answer(412, { error: 'PreconditionFailed', description: 'Unbind first.' }), 'cf-dev', 'x'),
    ).toEqual({
      status: 412,
      error: 'PreconditionFailed',
      description: 'The Service Manager refused: Unbind first.',
    });
    expect(
      refusalOf(answer(504, { description: 'Broker "sample" did not answer' }), 'cf-dev', 'x').description,
    ).toBe('The Service Manager answered 504: Broker "sample" did not answer');
  });

  it('makes an unusable 2xx a bad gateway naming the broker', () => {
    expect(refusalOf(answer(201, undefined, '{"cut'), 'cf-dev', 'sm-sample-1')).toEqual({
      status: 502,
      error: 'BrokerError',
      description: 'Broker "sm-sample-1" answered 201 with a body that is not JSON',
    });
  });

  it('names the proxy when the platform got no answer, and the platform for its own refusals', () => {
    expect(refusalOf({ kind: 'timeout', message: 'no answer within 10 ms' }, 'cf-dev', 'x')).toMatchObject({
      status: 504,
      description: 'The broker proxy of cf-dev did not answer in time (no answer within 10 ms).',
    });
    expect(platformRefusal('k8s-dev', 400, 'BadRequest', 'plan "x" is not bindable.').description).toBe(
      'Platform k8s-dev refused: plan "x" is not bindable.',
    );
  });
});
