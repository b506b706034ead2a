import type { Fault, SampleCatalog } from '../../../main/servers/sample-broker/api-types';

export const FAULT_KIND_LABELS: Record<string, string> = {
  status: 'Error status',
  latency: 'Latency',
  timeout: 'Timeout',
  malformed: 'Malformed body',
  failLastOperation: 'Failed operation',
  down: 'Broker down',
};

/** A plan of the sample catalog by its names, e.g. `small (sample-db)`; an unknown id as it is. */
export function planLabel(catalog: SampleCatalog | undefined, planId: string): string {
  for (const service of catalog?.services ?? []) {
    const plan = service.plans.find((candidate) => candidate.id === planId);
    if (plan) return `${plan.name} (${service.name})`;
  }
  return planId;
}

/** A fault in words, for a row of the faults list and the form's confirmation. */
export function describeFault(fault: Fault, catalog?: SampleCatalog) {
  return {
    kind: FAULT_KIND_LABELS[fault.kind] ?? fault.kind,
    effect: effectOf(fault),
    scope: [
      fault.planId ? `plan ${planLabel(catalog, fault.planId)}` : 'every plan',
      fault.operations ? fault.operations.join(', ') : 'every operation',
    ].join(' · '),
    left:
      fault.times === undefined
        ? 'until removed'
        : `${fault.remaining ?? fault.times} of ${fault.times} left`,
  };
}

function effectOf(fault: Fault): string {
  switch (fault.kind) {
    case 'latency':
      return `answers ${fault.latencyMs} ms later`;
    case 'status':
      return `answers ${fault.status}${fault.error ? ` ${fault.error}` : ''}`;
    case 'timeout':
      return 'never answers';
    case 'malformed':
      return `answers a body that is not JSON${fault.status ? ` with ${fault.status}` : ''}`;
    case 'failLastOperation':
      return 'the asynchronous operation ends failed';
    case 'down':
      return 'closes the connection without an answer';
    default:
      // A kind newer than this UI: the fault's own description says what it does.
      return (fault as Fault).description ?? '';
  }
}
