/** The slice of persisted state a core service works on; `update` resolves once the change is durable. */
export interface StateStore<S> {
  readonly state: S;
  /** `mutate` must throw before it changes anything. */
  update<R>(mutate: (state: S) => R): Promise<R>;
}
