import { randomUUID } from 'node:crypto';
import type { OsbOperation } from '../../../shared/osb-operations';
import { nowIso } from '../clock';
import type { Fault, FaultInput } from './fault-schema';

export interface RequestFaults {
  /** The sum of every matching latency fault. */
  latencyMs: number;
  /** The first matching fault that decides the answer (status, timeout, malformed, down), if any. */
  action?: Fault;
}

const answerKinds = new Set(['status', 'timeout', 'malformed', 'down']);

/** The faults in force, changed at run time; `onChange` hears every change (for the event bus). */
export class FaultRegistry {
  #faults: Fault[] = [];

  constructor(private readonly onChange: (faults: Fault[]) => void = () => {}) {}

  list(): Fault[] {
    return this.#faults.map((fault) => ({ ...fault }));
  }

  add(input: FaultInput): Fault {
    const fault: Fault = {
      ...input,
      id: randomUUID(),
      createdAt: nowIso(),
      ...(input.times === undefined ? {} : { remaining: input.times }),
    };
    this.#faults.push(fault);
    this.#changed();
    return { ...fault };
  }

  remove(id: string): boolean {
    const before = this.#faults.length;
    this.#faults = this.#faults.filter((fault) => fault.id !== id);
    if (this.#faults.length === before) return false;
    this.#changed();
    return true;
  }

  clear(): void {
    if (this.#faults.length === 0) return;
    this.#faults = [];
    this.#changed();
  }

  /** What to do to one request; the faults used count as fired. */
  forRequest(operation: OsbOperation, planId: string | undefined): RequestFaults {
    const matching = this.#matching(operation, planId);
    const latency = matching.filter((fault) => fault.kind === 'latency');
    const action = matching.find((fault) => answerKinds.has(fault.kind));
    this.#fired(action ? [...latency, action] : latency);
    const latencyMs = latency.reduce(
      (sum, fault) => sum + (fault.kind === 'latency' ? fault.latencyMs : 0),
      0,
    );
    return action ? { latencyMs, action: { ...action } } : { latencyMs };
  }

  /** The failure description when a `failLastOperation` fault applies to a new async operation. */
  failureFor(operation: OsbOperation, planId: string): string | undefined {
    const fault = this.#matching(operation, planId).find(
      (candidate) => candidate.kind === 'failLastOperation',
    );
    if (!fault) return undefined;
    this.#fired([fault]);
    return fault.description ?? `The ${operation} failed (injected by fault ${fault.id}).`;
  }

  #matching(operation: OsbOperation, planId: string | undefined): Fault[] {
    return this.#faults.filter(
      (fault) =>
        (fault.planId === undefined || fault.planId === planId) &&
        (fault.operations === undefined || (fault.operations as readonly string[]).includes(operation)),
    );
  }

  #fired(faults: Fault[]): void {
    const counted = faults.filter((fault) => fault.remaining !== undefined);
    if (counted.length === 0) return;
    for (const fault of counted) fault.remaining! -= 1;
    this.#faults = this.#faults.filter((fault) => fault.remaining === undefined || fault.remaining > 0);
    this.#changed();
  }

  #changed(): void {
    this.onChange(this.list());
  }
}
