import type { Fault } from '../../../main/servers/sample-broker/api-types';

const KINDS: Record<string, string> = {
  latency: 'Latency',
  status: 'Error status',
  timeout: 'Timeout',
  malformed: 'Malformed body',
  failLastOperation: 'Failed operation',
  down: 'Broker down',
};

/** A fault in words, for a row of the faults list. */
export function describeFault(fault: Fault) {
  return {
    kind: KINDS[fault.kind] ?? fault.kind,
    effect: effectOf(fault),
    scope: [
      fault.planId ? `plan ${fault.planId}` : 'every plan',
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
