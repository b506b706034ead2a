/** Where the hops of a later call of an operation go: the flow that began the operation, as which step. */
export interface JoinedStep {
  flowId: string;
  step: string;
}

/**
 * The calls an operation makes after its first one (its polls, the orphan mitigation) keep their own
 * request identity on the wire, as a platform sends a new one with every request; the capture files their
 * hops, whichever server records them, under the flow that began the operation.
 */
export class OperationJoins {
  readonly #joined = new Map<string, JoinedStep>();
  /** The flow ids joined to each flow, forgotten with it. */
  readonly #byFlow = new Map<string, string[]>();

  join(flowId: string, intoFlowId: string, step: string): void {
    const into = this.#joined.get(intoFlowId)?.flowId ?? intoFlowId;
    this.#joined.set(flowId, { flowId: into, step });
    const joined = this.#byFlow.get(into);
    if (joined) joined.push(flowId);
    else this.#byFlow.set(into, [flowId]);
  }

  of(flowId: string): JoinedStep | undefined {
    return this.#joined.get(flowId);
  }

  /** The flow is gone (evicted): later calls of its operation make flows of their own. */
  forget(flowId: string): void {
    for (const joined of this.#byFlow.get(flowId) ?? []) this.#joined.delete(joined);
    this.#byFlow.delete(flowId);
  }

  clear(): void {
    this.#joined.clear();
    this.#byFlow.clear();
  }
}
