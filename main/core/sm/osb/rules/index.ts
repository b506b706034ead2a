import { knownInstance } from './known-instance';
import { noDeleteWhileBrokerBusy } from './no-delete-while-broker-busy';
import { noDeprovisionOfReferencedOriginal } from './no-deprovision-of-referenced-original';
import { noDeprovisionWhileBound } from './no-deprovision-while-bound';
import { noReferenceUpdate } from './no-reference-update';
import { oneOperationAtATime } from './one-operation-at-a-time';
import { ownBinding } from './own-binding';
import { ownInstance } from './own-instance';
import { planInCatalog } from './plan-in-catalog';
import { planVisible } from './plan-visible';
import { referenceOfferingVisible } from './reference-offering-visible';
import { referenceTarget } from './reference-target';
import type { OsbRule, RuleCall } from './types';
import { uniqueBindingId } from './unique-binding-id';
import { uniqueInstanceId } from './unique-instance-id';

/**
 * The SM's built-in OSB rules, in the order they are checked: the first one a call breaks is its answer.
 * The configured plugins (../../plugins) are the policies after these. Their `before` hooks still run first:
 * they may rewrite the request these rules read, and being asynchronous they cannot sit between the rules
 * and the handler (see OsbRuntime.change()); their `after` hooks see a rule's refusal like any answer.
 * A new rule: one file here, its place in this list, and its test through `osbHarness`.
 */
export const osbRules: readonly OsbRule[] = [
  ownInstance,
  knownInstance,
  ownBinding,
  noReferenceUpdate,
  oneOperationAtATime,
  noDeprovisionWhileBound,
  noDeleteWhileBrokerBusy,
  noDeprovisionOfReferencedOriginal,
  planInCatalog,
  planVisible,
  referenceOfferingVisible,
  referenceTarget,
  uniqueInstanceId,
  uniqueBindingId,
];

/** Checks `call` against every rule of its operation, in order; the first refusal is thrown (an ApiError). */
export function checkRules(call: RuleCall): void {
  const { operation } = call.job.route;
  for (const rule of osbRules) if (rule.operations.includes(operation)) rule.check(call);
}
