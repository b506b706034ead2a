import { isObject } from '../is-object';
import type { PlatformType } from './profiles';
import type { PlanVisibility, RegisteredBroker } from './state';

/**
 * The broker proxy's reconcile: what the SM says the platform should have (its brokers and the visibilities
 * of this platform) against what the platform has registered; the diff says what to register, update and remove.
 */
export interface SmBroker {
  id: string;
  name: string;
}

export interface SmVisibility {
  id: string;
  sm_plan_id: string;
  sm_broker_id: string;
  plan_id: string;
  /** The `organization_guid` label (Cloud Foundry scoping); empty = every organization. */
  organizations: string[];
}

export interface Desired {
  brokers: SmBroker[];
  visibilities: SmVisibility[];
}

/** The SM's views as its `/v1` lists give them to a platform (only the fields the proxy needs). */
export interface SmLists {
  brokers: SmBroker[];
  visibilities: Array<{ id: string; service_plan_id: string; labels?: Record<string, string[]> }>;
  plans: Array<{ id: string; broker_id: string; catalog_id: string }>;
}

const ORG_LABEL = 'organization_guid';

export const brokerNameFor = (broker: SmBroker): string => `sm-${broker.name}-${broker.id}`;

/** The SM's name of a broker the platform registered (`sm-<name>-<id>`). */
export const smNameOf = ({ name, sm_broker_id }: RegisteredBroker): string =>
  name.slice('sm-'.length, name.length - sm_broker_id.length - 1);

const organizationsOf = (labels: unknown): string[] => {
  const values = isObject(labels) ? labels[ORG_LABEL] : undefined;
  return Array.isArray(values) ? values.filter((value): value is string => typeof value === 'string') : [];
};

/** A full resync: the desired state from the SM's lists. */
export function desiredFromLists(lists: SmLists): Desired {
  const plans = new Map(lists.plans.map((plan) => [plan.id, plan]));
  const visibilities = lists.visibilities.flatMap((visibility) => {
    const plan = plans.get(visibility.service_plan_id);
    if (!plan) return [];
    return [
      {
        id: visibility.id,
        sm_plan_id: plan.id,
        sm_broker_id: plan.broker_id,
        plan_id: plan.catalog_id,
        organizations: organizationsOf(visibility.labels),
      },
    ];
  });
  return { brokers: lists.brokers.map(({ id, name }) => ({ id, name })), visibilities };
}

/** A notification as the SM sends it on `/v1/notifications`. */
export interface SmNotification {
  revision: number;
  resource: string;
  type: 'CREATED' | 'MODIFIED' | 'DELETED';
  payload: Record<string, unknown>;
}

const sideOf = (payload: Record<string, unknown>, side: 'new' | 'old') => {
  const value = payload[side];
  return isObject(value) && isObject(value.resource) ? value : undefined;
};

function visibilityOf(side: Record<string, unknown>): SmVisibility | undefined {
  const resource = side.resource as Record<string, unknown>;
  const additional = isObject(side.additional) ? side.additional : {};
  const plan = isObject(additional.service_plan) ? additional.service_plan : {};
  const ids = [resource.id, plan.id, additional.broker_id, plan.catalog_id];
  if (!ids.every((id) => typeof id === 'string')) return undefined;
  const [id, sm_plan_id, sm_broker_id, plan_id] = ids as string[];
  return {
    id: id!,
    sm_plan_id: sm_plan_id!,
    sm_broker_id: sm_broker_id!,
    plan_id: plan_id!,
    organizations: organizationsOf(resource.labels),
  };
}

/** The desired state after one notification; undefined when it cannot be applied (then: a full resync). */
export function applyNotification(desired: Desired, notification: SmNotification): Desired | undefined {
  const side = sideOf(notification.payload, notification.type === 'DELETED' ? 'old' : 'new');
  if (!side) return undefined;
  const id = side.resource && (side.resource as Record<string, unknown>).id;
  if (typeof id !== 'string') return undefined;
  const otherBrokers = desired.brokers.filter((broker) => broker.id !== id);
  const otherVisibilities = desired.visibilities.filter((visibility) => visibility.id !== id);
  if (notification.resource === '/v1/service_brokers') {
    if (notification.type === 'DELETED') {
      // The SM drops the broker's visibilities with it, without notifications of their own.
      const visibilities = desired.visibilities.filter((visibility) => visibility.sm_broker_id !== id);
      return { brokers: otherBrokers, visibilities };
    }
    const name = (side.resource as Record<string, unknown>).name;
    if (typeof name !== 'string') return undefined;
    return { ...desired, brokers: [...otherBrokers, { id, name }] };
  }
  if (notification.resource !== '/v1/visibilities') return desired;
  if (notification.type === 'DELETED') return { ...desired, visibilities: otherVisibilities };
  const visibility = visibilityOf(side);
  return visibility && { ...desired, visibilities: [...otherVisibilities, visibility] };
}

/**
 * The platform's plan visibilities: one per SM plan of a registered broker. On Cloud Foundry a plan is
 * limited to the organizations its visibilities name, unless one of them names none.
 */
export function planVisibilities(desired: Desired, type: PlatformType): PlanVisibility[] {
  const brokers = new Set(desired.brokers.map((broker) => broker.id));
  const byPlan = new Map<string, PlanVisibility>();
  for (const visibility of desired.visibilities) {
    if (!brokers.has(visibility.sm_broker_id)) continue;
    const scoped = type === 'cloudfoundry' && visibility.organizations.length > 0;
    const known = byPlan.get(visibility.sm_plan_id)?.organizations;
    const organizations =
      !scoped || known === null ? null : [...new Set([...(known ?? []), ...visibility.organizations])].sort();
    byPlan.set(visibility.sm_plan_id, {
      sm_plan_id: visibility.sm_plan_id,
      sm_broker_id: visibility.sm_broker_id,
      plan_id: visibility.plan_id,
      organizations,
    });
  }
  return [...byPlan.values()].sort((a, b) => a.sm_plan_id.localeCompare(b.sm_plan_id));
}

export interface ReconcileResult {
  brokers: RegisteredBroker[];
  visibilities: PlanVisibility[];
  /** Names of the brokers registered and updated now; the removed ones. */
  registered: string[];
  updated: string[];
  removed: RegisteredBroker[];
  /** SM broker ids whose plan visibilities changed (their catalogs are worth fetching again). */
  visibilityChanged: string[];
}

const sameVisibility = (a: PlanVisibility, b: PlanVisibility) =>
  a.plan_id === b.plan_id && JSON.stringify(a.organizations) === JSON.stringify(b.organizations);

/** What the platform should hold now, and what changed compared with `actual`. */
export function reconcile(
  desired: Desired,
  actual: { brokers: readonly RegisteredBroker[]; visibilities: readonly PlanVisibility[] },
  type: PlatformType,
  proxyUrlOf: (smBrokerId: string) => string,
  now: string,
): ReconcileResult {
  const result: ReconcileResult = {
    brokers: [],
    visibilities: [],
    registered: [],
    updated: [],
    removed: [],
    visibilityChanged: [],
  };
  for (const broker of desired.brokers) {
    const name = brokerNameFor(broker);
    const broker_url = proxyUrlOf(broker.id);
    const known = actual.brokers.find((candidate) => candidate.sm_broker_id === broker.id);
    if (!known) {
      result.registered.push(name);
      result.brokers.push({ name, sm_broker_id: broker.id, broker_url, registered_at: now, updated_at: now });
    } else if (known.name !== name || known.broker_url !== broker_url) {
      result.updated.push(name);
      result.brokers.push({ ...known, name, broker_url, updated_at: now });
    } else result.brokers.push(known);
  }
  const kept = new Set(desired.brokers.map((broker) => broker.id));
  result.removed = actual.brokers.filter((broker) => !kept.has(broker.sm_broker_id));
  result.visibilities = planVisibilities(desired, type);
  const before = new Map(actual.visibilities.map((visibility) => [visibility.sm_plan_id, visibility]));
  const changed = new Set<string>();
  for (const visibility of result.visibilities) {
    const old = before.get(visibility.sm_plan_id);
    if (!old || !sameVisibility(old, visibility)) changed.add(visibility.sm_broker_id);
    before.delete(visibility.sm_plan_id);
  }
  for (const gone of before.values()) if (kept.has(gone.sm_broker_id)) changed.add(gone.sm_broker_id);
  result.visibilityChanged = [...changed];
  return result;
}
