import { notFound } from '../errors';
import type { ServiceManager } from './service-manager';

/** A broker as `smsim serve --broker`, the config key `brokers` and `PUT /api/brokers/<name>` give it. */
export interface BrokerRegistration {
  name: string;
  url: string;
  username: string;
  password: string;
  /** Publish every plan to every platform (default true). false publishes nothing; published plans stay. */
  public?: boolean;
}

/** A registered broker with its plan counts; never its password. */
export interface BrokerSummary {
  id: string;
  name: string;
  url: string;
  username: string;
  plans: number;
  /** Plans visible on every platform (a visibility without a platform). */
  publicPlans: number;
}

export function brokerSummary(sm: ServiceManager, id: string): BrokerSummary {
  const broker = sm.brokers.record(id);
  const plans = sm.catalog.plans().filter((plan) => plan.broker_id === id);
  const everywhere = new Set(
    sm.visibilities
      .list()
      .filter((visibility) => visibility.platform_id === null)
      .map((visibility) => visibility.service_plan_id),
  );
  return {
    id,
    name: broker.name,
    url: broker.broker_url,
    username: broker.credentials.basic.username,
    plans: plans.length,
    publicPlans: plans.filter((plan) => everywhere.has(plan.id)).length,
  };
}

export function brokerIdByName(sm: ServiceManager, name: string): string {
  const broker = sm.store.state.brokers.find((candidate) => candidate.name === name);
  if (!broker) throw notFound(`There is no broker named ${name}.`);
  return broker.id;
}

/**
 * Registers the broker, or, when one of that name is registered already (a restart with the same data
 * folder), points it at the given URL and credentials. Either way the SM fetches its catalog, so a broker
 * that is down or refuses the credentials makes this throw the SM's error and nothing changes.
 */
export async function registerOrUpdateBroker(
  sm: ServiceManager,
  registration: BrokerRegistration,
): Promise<BrokerSummary & { created: boolean }> {
  const { name, url, username, password } = registration;
  const credentials = { basic: { username, password } };
  const existing = sm.store.state.brokers.find((broker) => broker.name === name);
  const broker = existing
    ? await sm.brokers.update(existing.id, { broker_url: url, credentials })
    : await sm.brokers.create({ name, broker_url: url, credentials });
  if (registration.public !== false) await sm.visibilities.publishAllPlans(broker.id);
  return { ...brokerSummary(sm, broker.id), created: !existing };
}
