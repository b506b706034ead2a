import { describe, expect, it } from 'vitest';
import type { Fault } from '../../main/servers/sample-broker/api-types';
import { describeFault } from '../../renderer/src/views/fault-text';

const fault = (fields: Record<string, unknown> & { kind: string }) =>
  ({ id: 'f', createdAt: '', ...fields }) as Fault;

describe('describeFault', () => {
  it('says what each kind does', () => {
    expect(describeFault(fault({ kind: 'latency', latencyMs: 250 })).effect).toBe('answers 250 ms later');
    expect(describeFault(fault({ kind: 'status', status: 422, error: 'ConcurrencyError' })).effect).toBe(
      'answers 422 ConcurrencyError',
    );
    expect(describeFault(fault({ kind: 'malformed', status: 201 })).effect).toBe(
      'answers a body that is not JSON with 201',
    );
    expect(describeFault(fault({ kind: 'down' })).kind).toBe('Broker down');
  });

  it('says what a fault applies to and how often it still fires', () => {
    expect(describeFault(fault({ kind: 'timeout' }))).toMatchObject({
      scope: 'every plan · every operation',
      left: 'until removed',
    });
    expect(
      describeFault(
        fault({ kind: 'timeout', planId: 'p1', operations: ['bind', 'unbind'], times: 3, remaining: 2 }),
      ),
    ).toMatchObject({ scope: 'plan p1 · bind, unbind', left: '2 of 3 left' });
  });

  it('shows a kind it does not know by its name', () => {
    expect(describeFault(fault({ kind: 'gremlins', description: 'chews cables' }))).toMatchObject({
      kind: 'gremlins',
      effect: 'chews cables',
    });
  });
});
