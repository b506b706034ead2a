import type { OsbOperation } from '../../../../../shared/osb-operations';
import type { CatalogCache } from '../../catalog/cache';
import type { SmState } from '../../model';
import type { DeleteWithReferences } from '../references';
import type { OsbJob } from '../runtime';

/** What a rule sees of one OSB call: the call and the SM in the tick its handler then starts in. */
export interface RuleCall {
  readonly job: OsbJob;
  readonly state: SmState;
  readonly catalog: Pick<CatalogCache, 'plans' | 'offerings'>;
  /** Whether a call of ours still waits on the broker's answer for this operation. */
  busy(operationId: string): boolean;
  /** What a deprovision of a shared original does while references to it exist. */
  readonly onDeleteWithReferences: DeleteWithReferences;
}

/**
 * One built-in rule of the SM's OSB route. `check` refuses the call by throwing an ApiError (its status,
 * error and description are the answer; the broker is not called). It is synchronous: the rules run in the
 * tick in which the handler starts its operation, so no other call can change what they saw (see `change()`).
 */
export interface OsbRule {
  readonly name: string;
  readonly operations: readonly OsbOperation[];
  check(call: RuleCall): void;
}
