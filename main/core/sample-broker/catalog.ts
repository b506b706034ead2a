import { configurableSchemas } from './catalog-schemas';
import type { Catalog, CatalogPlan, CatalogService } from './catalog-types';
import { SAMPLE_IDS as IDS } from './ids';

/** How the broker treats a service beyond what its catalog entry says. */
export interface ServiceBehaviour {
  /** Provision, update, deprovision, bind and unbind answer 202 and need `accepts_incomplete=true`. */
  async: boolean;
  /** Bindings need `bind_resource.app_guid` (else 422 RequiresApp). */
  requiresApp: boolean;
}

const MAINTENANCE = { version: '1.2.0', description: 'Engine 16.2 with the October security fixes.' };

const services: CatalogService[] = [
  {
    id: IDS.db.service,
    name: 'sample-db',
    description: 'A simulated database; provisioning and binding answer at once.',
    bindable: true,
    tags: ['sample', 'database', 'sync'],
    instances_retrievable: true,
    bindings_retrievable: true,
    allow_context_updates: true,
    plan_updateable: true,
    metadata: { displayName: 'Sample DB', providerDisplayName: 'smsim' },
    plans: [
      {
        id: IDS.db.small,
        name: 'small',
        description: 'One simulated node.',
        free: true,
        maintenance_info: MAINTENANCE,
      },
      {
        id: IDS.db.large,
        name: 'large',
        description: 'Three simulated nodes.',
        free: false,
        maintenance_info: MAINTENANCE,
      },
      {
        id: IDS.db.shared,
        name: 'shared',
        description: 'A database that may be shared with other platforms; its plan cannot change.',
        free: true,
        plan_updateable: false,
        metadata: { supportsInstanceSharing: true },
      },
    ],
  },
  {
    id: IDS.async.service,
    name: 'sample-async',
    description: 'A simulated slow service: every change answers 202 and completes after a delay.',
    bindable: true,
    tags: ['sample', 'async'],
    instances_retrievable: true,
    bindings_retrievable: true,
    allow_context_updates: true,
    plan_updateable: true,
    metadata: { displayName: 'Sample Async' },
    plans: [
      {
        id: IDS.async.standard,
        name: 'standard',
        description: 'Asynchronous provisioning and binding.',
        free: true,
        maximum_polling_duration: 3600,
      },
      {
        id: IDS.async.premium,
        name: 'premium',
        description: 'The same, bigger.',
        free: false,
        maximum_polling_duration: 3600,
      },
    ],
  },
  {
    id: IDS.logs.service,
    name: 'sample-logs',
    description: 'A simulated log archive: instances only, no bindings.',
    bindable: false,
    tags: ['sample', 'logs'],
    instances_retrievable: false,
    plan_updateable: false,
    plans: [{ id: IDS.logs.basic, name: 'basic', description: 'Seven days of retention.', free: true }],
  },
  {
    id: IDS.configurable.service,
    name: 'sample-configurable',
    description: 'A simulated service whose parameters follow JSON Schemas.',
    bindable: true,
    tags: ['sample', 'schemas'],
    instances_retrievable: true,
    bindings_retrievable: true,
    plan_updateable: false,
    plans: [
      {
        id: IDS.configurable.custom,
        name: 'custom',
        description: 'Region and size are parameters.',
        free: true,
        schemas: configurableSchemas,
      },
    ],
  },
  {
    id: IDS.appAgent.service,
    name: 'sample-app-agent',
    description: 'A simulated per-app agent: a binding needs an app and drains its logs.',
    bindable: true,
    tags: ['sample', 'app'],
    requires: ['syslog_drain'],
    instances_retrievable: true,
    bindings_retrievable: true,
    plan_updateable: false,
    plans: [{ id: IDS.appAgent.agent, name: 'agent', description: 'One agent per bound app.', free: true }],
  },
];

const behaviours: Record<string, ServiceBehaviour> = {
  [IDS.db.service]: { async: false, requiresApp: false },
  [IDS.async.service]: { async: true, requiresApp: false },
  [IDS.logs.service]: { async: false, requiresApp: false },
  [IDS.configurable.service]: { async: false, requiresApp: false },
  [IDS.appAgent.service]: { async: false, requiresApp: true },
};

export const sampleCatalog: Catalog = { services };

export interface PlanRef {
  service: CatalogService;
  plan: CatalogPlan;
  behaviour: ServiceBehaviour;
}

export function findService(serviceId: string): CatalogService | undefined {
  return services.find((service) => service.id === serviceId);
}

export function findPlan(serviceId: string, planId: string): PlanRef | undefined {
  const service = findService(serviceId);
  const plan = service?.plans.find((candidate) => candidate.id === planId);
  if (!service || !plan) return undefined;
  return { service, plan, behaviour: behaviours[service.id]! };
}

/** Looks a plan up by id alone (plan ids are unique in this catalog). */
export function findPlanById(planId: string): PlanRef | undefined {
  const service = services.find((candidate) => candidate.plans.some((plan) => plan.id === planId));
  return service && findPlan(service.id, planId);
}

export const isBindable = ({ service, plan }: PlanRef) => plan.bindable ?? service.bindable;
export const isPlanUpdateable = ({ service, plan }: PlanRef) =>
  plan.plan_updateable ?? service.plan_updateable ?? false;
