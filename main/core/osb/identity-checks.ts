import { describeValue, type ProblemList } from './problems';

/** Catalog ids of offerings and plans of the other registered brokers. */
export interface OtherBrokerIds {
  offeringIds: ReadonlySet<string>;
  planIds: ReadonlySet<string>;
}

/** Remembers the first path of `value`; returns that path when `value` was seen before. */
function claim(seen: Map<string, string>, value: string, path: string): string | undefined {
  const first = seen.get(value);
  if (first === undefined) seen.set(value, path);
  return first;
}

/** Uniqueness of ids (in the catalog and across brokers) and of names (offerings; plans within an offering). */
export class IdentityChecks {
  readonly #offeringIds = new Map<string, string>();
  readonly #planIds = new Map<string, string>();
  readonly #offeringNames = new Map<string, string>();

  constructor(
    private readonly problems: ProblemList,
    private readonly others: OtherBrokerIds | undefined,
  ) {}

  offeringId(id: string, path: string): void {
    const first = claim(this.#offeringIds, id, path);
    if (first !== undefined) {
      this.problems.error(
        path,
        'duplicate-offering-id',
        `Offering id ${describeValue(id)} is also the id of ${first}; give every offering its own id (a UUID).`,
      );
    } else if (this.others?.offeringIds.has(id)) {
      this.problems.error(
        path,
        'offering-id-in-use',
        `Offering id ${describeValue(id)} is already used by another registered broker; ids must be unique across brokers, so use a fresh UUID.`,
      );
    }
  }

  planId(id: string, path: string): void {
    const first = claim(this.#planIds, id, path);
    if (first !== undefined) {
      this.problems.error(
        path,
        'duplicate-plan-id',
        `Plan id ${describeValue(id)} is also the id of ${first}; plan ids must be unique in the whole catalog.`,
      );
    } else if (this.others?.planIds.has(id)) {
      this.problems.error(
        path,
        'plan-id-in-use',
        `Plan id ${describeValue(id)} is already used by another registered broker; ids must be unique across brokers, so use a fresh UUID.`,
      );
    }
  }

  offeringName(name: string, path: string): void {
    const first = claim(this.#offeringNames, name, path);
    if (first === undefined) return;
    this.problems.error(
      path,
      'duplicate-offering-name',
      `Offering name ${describeValue(name)} is also the name of ${first}; offering names must be unique in the catalog.`,
    );
  }

  /** `seen` holds the plan names of one offering. */
  planName(seen: Map<string, string>, name: string, path: string): void {
    const first = claim(seen, name, path);
    if (first === undefined) return;
    this.problems.error(
      path,
      'duplicate-plan-name',
      `Plan name ${describeValue(name)} is also the name of ${first}; plan names must be unique within an offering.`,
    );
  }
}
