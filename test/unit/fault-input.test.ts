import { describe, expect, it } from 'vitest';
import { faultInputSchema, SAMPLE_IDS, sampleCatalog } from '../../main/core/sample-broker';
import { defaultStatusOf, faultInputFrom, operationsFor } from '../../renderer/src/views/fault-input';
import { describeFault, planLabel } from '../../renderer/src/views/fault-text';

const form = (entries: Array<[string, string]>) => {
  const data = new FormData();
  for (const [name, value] of entries) data.append(name, value);
  return data;
};

describe('faultInputFrom', () => {
  it('builds a status fault for one plan and several operations with its OSB error', () => {
    const input = faultInputFrom(
      'status',
      form([
        ['status', '422'],
        ['error', 'ConcurrencyError'],
        ['description', ' Busy. '],
        ['planId', SAMPLE_IDS.db.small],
        ['operations', 'provision'],
        ['operations', 'update'],
        ['times', ''],
      ]),
    );
    expect(input).toEqual({
      kind: 'status',
      status: 422,
      error: 'ConcurrencyError',
      description: 'Busy.',
      planId: SAMPLE_IDS.db.small,
      operations: ['provision', 'update'],
    });
    expect(faultInputSchema.safeParse(input).success).toBe(true);
  });

  it('starts every kind at values the server accepts', () => {
    for (const kind of ['status', 'latency', 'timeout', 'malformed', 'failLastOperation', 'down'] as const) {
      const status = defaultStatusOf(kind);
      const fields: Array<[string, string]> = status === undefined ? [] : [['status', String(status)]];
      if (kind === 'latency') fields.push(['latencyMs', '1000']);
      const parsed = faultInputSchema.safeParse(faultInputFrom(kind, form(fields)));
      expect(parsed.success, `${kind}: ${parsed.error?.message}`).toBe(true);
    }
  });

  it('drops what the kind does not take: a status on a timeout, a synchronous operation on a failed operation', () => {
    expect(
      faultInputFrom(
        'timeout',
        form([
          ['status', '500'],
          ['error', 'X'],
        ]),
      ),
    ).toEqual({ kind: 'timeout' });
    expect(
      faultInputFrom(
        'failLastOperation',
        form([
          ['operations', 'catalog'],
          ['operations', 'bind'],
        ]),
      ),
    ).toEqual({ kind: 'failLastOperation', operations: ['bind'] });
    expect(operationsFor('failLastOperation')).not.toContain('fetchInstance');
  });
});

describe('planLabel', () => {
  it('names a plan of the sample catalog by plan and offering, an unknown id as it is', () => {
    expect(planLabel(sampleCatalog, SAMPLE_IDS.db.small)).toBe('small (sample-db)');
    expect(planLabel(sampleCatalog, 'nope')).toBe('nope');
    const fault = { id: 'f', createdAt: '', kind: 'down' as const, planId: SAMPLE_IDS.db.small };
    expect(describeFault(fault, sampleCatalog).scope).toBe('plan small (sample-db) · every operation');
  });
});
