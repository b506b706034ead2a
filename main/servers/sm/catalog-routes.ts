import type { RequestHandler, Router } from 'express';
import { notFound } from '../../core/errors';
import { labelsPatchSchema } from '../../core/sm/inputs';
import { applyLabelChanges } from '../../core/sm/listing';
import type { PlatformRecord } from '../../core/sm/model';
import type { ServiceManager } from '../../core/sm/service-manager';
import { parseInput } from '../../core/validate';
import { queryableFields } from './fields';
import { resourceRouter } from './resource-routes';

type View = { id: string; created_at: string };

/** `/v1/service_offerings` and `/v1/service_plans`: views of the catalog cache; only their labels can change. */
export function catalogRouters(sm: ServiceManager, auth: { read: RequestHandler; write: RequestHandler }) {
  const labelled = <T extends View>(view: T) => ({
    ...view,
    labels: sm.store.state.catalogLabels[view.id] ?? {},
  });
  const visiblePlanIds = (platform: PlatformRecord | undefined) =>
    platform
      ? new Set(
          sm.store.state.visibilities
            .filter((visibility) => visibility.platform_id === null || visibility.platform_id === platform.id)
            .map((visibility) => visibility.service_plan_id),
        )
      : undefined;

  const plansFor = async (platform: PlatformRecord | undefined) => {
    await sm.ensureCatalogs();
    const visible = visiblePlanIds(platform);
    return sm.catalog.plans().filter((plan) => !visible || visible.has(plan.id));
  };

  const patchLabels =
    (find: (id: string) => View | undefined, kind: string) => async (id: string, body: unknown) => {
      const view = find(id);
      if (!view) throw notFound(`There is no ${kind} with id ${id}.`);
      const { labels } = parseInput(labelsPatchSchema, body, `The ${kind} patch`);
      await sm.store.update((state) => {
        state.catalogLabels[id] = applyLabelChanges(
          state.catalogLabels[id] ?? {},
          labels,
          sm.limits.maxNameLength,
        );
      });
      return labelled(view);
    };

  const findPlan = (id: string) => sm.catalog.plans().find((plan) => plan.id === id);
  const findOffering = (id: string) => sm.catalog.offerings().find((offering) => offering.id === id);

  const plans: Router = resourceRouter(
    {
      list: async (req) => (await plansFor(req.res?.locals.platform)).map(labelled),
      get: async (id, req) => {
        const plan = (await plansFor(req.res?.locals.platform)).find((candidate) => candidate.id === id);
        if (!plan) throw notFound(`There is no service plan with id ${id}.`);
        return labelled(plan);
      },
      update: patchLabels(findPlan, 'service plan'),
    },
    auth,
    queryableFields.plans,
  );

  const offerings: Router = resourceRouter(
    {
      list: async (req) => {
        const offeringIds = new Set(
          (await plansFor(req.res?.locals.platform)).map((plan) => plan.service_offering_id),
        );
        return sm.catalog
          .offerings()
          .filter((offering) => offeringIds.has(offering.id))
          .map(labelled);
      },
      get: async (id) => {
        await sm.ensureCatalogs();
        const offering = findOffering(id);
        if (!offering) throw notFound(`There is no service offering with id ${id}.`);
        return labelled(offering);
      },
      update: patchLabels(findOffering, 'service offering'),
    },
    auth,
    queryableFields.offerings,
  );
  return { plans, offerings };
}
