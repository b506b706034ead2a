import { nowIso } from './clock';
import { SECRETS, type SecretPolicy } from './secrets';

/** Everything the simulator tells the UI goes through one bus; the SSE stream replays from it. */
export interface SimEvent<T = unknown> {
  id: number;
  type: string;
  at: string;
  data: T;
}

export type EventListener = (event: SimEvent) => void;

export class EventBus {
  /** Tells one run of the simulator from the next, so stream positions are never mixed up across restarts. */
  readonly bootId = Date.now().toString(36);
  readonly #recent: SimEvent[] = [];
  readonly #listeners = new Set<EventListener>();
  #nextId = 1;

  readonly #keep: number;
  readonly #secrets: SecretPolicy;

  /** Every event's data passes `secrets` first: whatever an emitter puts in, no listener sees a secret. */
  constructor({ keep = 1000, secrets = SECRETS }: { keep?: number; secrets?: SecretPolicy } = {}) {
    this.#keep = keep;
    this.#secrets = secrets;
  }

  emit<T>(type: string, data: T): SimEvent<T> {
    const event: SimEvent<T> = {
      id: this.#nextId++,
      type,
      at: nowIso(),
      data: this.#secrets.value(data),
    };
    this.#recent.push(event);
    if (this.#recent.length > this.#keep) this.#recent.shift();
    for (const listener of this.#listeners) listener(event);
    return event;
  }

  /** Events after `lastId` still held (for a reconnect with Last-Event-ID); undefined when some were dropped. */
  since(lastId: number): SimEvent[] | undefined {
    const oldest = this.#recent[0];
    if (oldest && oldest.id > lastId + 1) return undefined;
    return this.#recent.filter((event) => event.id > lastId);
  }

  get lastId(): number {
    return this.#nextId - 1;
  }

  subscribe(listener: EventListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
}
