import { describe, expect, it } from 'vitest';
import { emptySmState } from '../../main/core/sm/model';
import {
  finishOperation,
  KEEP_FINISHED_OPERATIONS,
  operationById,
  startOperation,
} from '../../main/core/sm/operations/records';

const start = (state: ReturnType<typeof emptySmState>, n: number) =>
  startOperation(state, {
    kind: 'instance',
    type: 'create',
    resourceId: `i-${n}`,
    platformId: 'p',
    correlationId: `c-${n}`,
    description: 'create',
  });

describe('the stored operations', () => {
  it('keep every operation in progress and drop the oldest finished ones past the kept number', () => {
    const state = emptySmState();
    const running = [start(state, -1), start(state, -2)];
    const total = KEEP_FINISHED_OPERATIONS * 3;
    for (let n = 0; n < total; n++) finishOperation(start(state, n), { state: 'succeeded' });

    const finished = state.operations.filter((operation) => operation.state !== 'in progress');
    expect(finished.length).toBeGreaterThanOrEqual(KEEP_FINISHED_OPERATIONS);
    expect(finished.length).toBeLessThanOrEqual(KEEP_FINISHED_OPERATIONS * 1.1);
    expect(finished.at(-1)!.resource_id).toBe(`i-${total - 1}`);
    // The newest are kept, in order: what was dropped is the oldest.
    const first = Number(finished[0]!.resource_id.slice(2));
    expect(finished.map((operation) => operation.resource_id)).toEqual(
      Array.from({ length: total - first }, (_, i) => `i-${first + i}`),
    );
    for (const operation of running) expect(operationById(state, operation.id)).toBe(operation);
  });
});
