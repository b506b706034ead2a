import pc from 'picocolors';
import type { BrokerSummary } from '../core/sm/broker-registration';

/** Colours only on a terminal (and not under NO_COLOR): piped or redirected output stays plain text. */
export const stdoutColours = (): boolean => process.stdout.isTTY === true && pc.isColorSupported;

/** cli-table3 options without its default colours when `colours` is false. */
export const tableStyle = (colours: boolean) => (colours ? {} : { style: { head: [], border: [] } });

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

/** What a registered broker's line says of its plans: how many, and how many every platform sees. */
export function brokerPlans(broker: Pick<BrokerSummary, 'plans' | 'publicPlans'>): string {
  if (broker.publicPlans === broker.plans && broker.plans > 0)
    return `${plural(broker.plans, 'plan')}, public`;
  if (broker.publicPlans === 0) return `${plural(broker.plans, 'plan')}, private`;
  return `${plural(broker.plans, 'plan')}, ${broker.publicPlans} public`;
}
