import type { Reply } from './client';
import { absent, blocked, type Missing, type Need, type RunContext, ready } from './context';
import { provisionBody } from './lifecycle';
import { asyncCandidates, labelOf, type PlanInfo, plansNamed } from './plans';
import { type AsyncStart, startAsync } from './provision-checks';
import {
  acceptedWithoutIncomplete,
  isAsyncRequired,
  provisionWithoutAsync,
  type SyncProbe,
} from './provision-probes';
import { answerOf, describeReply } from './replies';

const ID = 'provision.async-required';

/** The plan the async checks use; `start` when finding it already started an async provision. */
export interface AsyncPlan {
  plan: PlanInfo;
  start?: AsyncStart;
}

type Answer =
  | { kind: 'blocked'; need: Missing }
  | { kind: 'done' }
  | { kind: 'asyncRequired' | 'accepted' | 'refused'; reply: Reply };

/** How `plan` answers a provision without accepts_incomplete. */
async function answerWithoutIncomplete(ctx: RunContext, plan: PlanInfo): Promise<Answer> {
  const { outcome } = await provisionWithoutAsync(ctx, plan, provisionBody(plan));
  if (outcome.kind === 'failed') {
    return {
      kind: 'blocked',
      need: blocked(`could not provision ${labelOf(plan)}: ${outcome.reason}`, [outcome.reply]),
    };
  }
  if (outcome.kind === 'done') return { kind: 'done' };
  if (outcome.kind === 'accepted') return { kind: 'accepted', reply: outcome.reply };
  return { kind: isAsyncRequired(outcome.reply) ? 'asyncRequired' : 'refused', reply: outcome.reply };
}

/** `provision.async-required` from an answer that was neither an instance nor a failure. */
function judge(ctx: RunContext, plan: PlanInfo, answer: Extract<Answer, { reply: Reply }>): void {
  const { reply } = answer;
  if (answer.kind === 'asyncRequired') {
    ctx.pass(ID, `${labelOf(plan)} without accepts_incomplete: ${answerOf(reply)}`, [reply]);
  } else if (answer.kind === 'accepted') ctx.fail(ID, acceptedWithoutIncomplete(reply), [reply]);
  else
    ctx.fail(ID, `${describeReply(reply)} without accepts_incomplete=true; expected 422 AsyncRequired`, [
      reply,
    ]);
}

/** `--async-plans`: the first plan named is the async plan, whatever it answers without accepts_incomplete. */
async function forcedPlan(ctx: RunContext, plans: PlanInfo[], keys: string[]): Promise<Need<AsyncPlan>> {
  const plan = plansNamed(plans, keys)[0];
  if (!plan) {
    const reason = `--async-plans ${keys.join(',')} names no plan of the catalog`;
    ctx.skip(ID, reason);
    return absent(reason);
  }
  ctx.step(`provisioning ${labelOf(plan)} without accepts_incomplete`);
  const answer = await answerWithoutIncomplete(ctx, plan);
  if (answer.kind === 'blocked') {
    ctx.unavailable([ID], answer.need);
    return answer.need;
  }
  if (answer.kind !== 'done') judge(ctx, plan, answer);
  else {
    ctx.skip(
      ID,
      `${labelOf(plan)} answered 201 without accepts_incomplete: it provisions synchronously when it must, so there is no 422 AsyncRequired to check`,
    );
  }
  ctx.choose('async', plan);
  return ready({ plan });
}

/**
 * No plan needs accepts_incomplete: provisions each plan that answered 201 without it once more, with it;
 * the first 202 makes that plan the async plan (and that provision the one the polling checks follow).
 */
async function acceptedWithIncomplete(ctx: RunContext, syncAnswered: PlanInfo[]): Promise<Need<AsyncPlan>> {
  ctx.step('looking for a plan that answers 202 with accepts_incomplete');
  for (const plan of syncAnswered) {
    const start = await startAsync(ctx, plan);
    if (start.kind !== 'ready') return start;
    if (start.value.outcome.kind !== 'accepted') continue;
    ctx.skip(
      ID,
      `${labelOf(plan)} answered 201 without accepts_incomplete and 202 with it: it provisions synchronously when it must, so there is no 422 AsyncRequired to check`,
    );
    ctx.choose('async', plan);
    return ready({ plan, start: start.value });
  }
  const reason = `none of the ${syncAnswered.length} plans that answered 201 without accepts_incomplete answered 202 with it`;
  ctx.skip(ID, `no plan answered 422 AsyncRequired or 202: ${reason}`);
  return absent(`no asynchronous plan: ${reason}`);
}

/**
 * Finds the plan for the async checks: the one --async-plans names; else one that answered 422 AsyncRequired,
 * or 202, without accepts_incomplete; else one that answers 202 only with it. Decides `provision.async-required`.
 */
export async function probeAsync(
  ctx: RunContext,
  plans: PlanInfo[],
  probe: SyncProbe,
): Promise<Need<AsyncPlan>> {
  const forced = ctx.options.asyncPlans;
  if (forced) return forcedPlan(ctx, plans, forced);
  if (probe.asyncRequired) {
    const { plan, reply } = probe.asyncRequired;
    ctx.pass(ID, `${labelOf(plan)} without accepts_incomplete: ${answerOf(reply)}`, [reply]);
    ctx.choose('async', plan);
    return ready({ plan });
  }
  if (probe.accepted) {
    ctx.choose('async', probe.accepted);
    return ready({ plan: probe.accepted });
  }
  ctx.step('looking for a plan that needs accepts_incomplete');
  const syncAnswered = probe.sync.kind === 'ready' ? [probe.sync.value.plan] : [];
  for (const plan of asyncCandidates(plans, probe.probed)) {
    const answer = await answerWithoutIncomplete(ctx, plan);
    if (answer.kind === 'blocked') {
      ctx.unavailable([ID], answer.need);
      return answer.need;
    }
    if (answer.kind === 'done') syncAnswered.push(plan);
    if (answer.kind === 'asyncRequired' || answer.kind === 'accepted') {
      judge(ctx, plan, answer);
      ctx.choose('async', plan);
      return ready({ plan });
    }
  }
  return acceptedWithIncomplete(ctx, syncAnswered);
}
