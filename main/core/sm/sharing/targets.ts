import { z } from 'zod';
import { badRequest, notFound } from '../../errors';
import { parseInput } from '../../validate';
import type { OfferingView, PlanView } from '../catalog/views';
import type { InstanceRecord, SmState } from '../model';

const selectorsSchema = z
  .object({
    instance_name_selector: z.string().min(1).optional(),
    plan_name_selector: z.string().min(1).optional(),
    /** `key=value` pairs (an array, or one string separated by commas); all must match. */
    instance_label_selector: z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]).optional(),
  })
  .strict()
  .refine((selectors) => Object.keys(selectors).length > 0, 'name at least one selector');

const referenceParametersSchema = z.looseObject({
  referenced_instance_id: z.string().min(1).optional(),
  selectors: selectorsSchema.optional(),
});
type Selectors = z.infer<typeof selectorsSchema>;

function labelsMatch(instance: InstanceRecord, selector: string | string[]): boolean {
  const pairs = (Array.isArray(selector) ? selector : selector.split(',')).map((pair) => pair.split('='));
  return pairs.every(([key, value]) => instance.labels[key?.trim() ?? '']?.includes(value?.trim() ?? ''));
}

function matches(instance: InstanceRecord, selectors: Selectors, plans: readonly PlanView[]): boolean {
  const plan = plans.find((candidate) => candidate.id === instance.service_plan_id);
  if (selectors.instance_name_selector && instance.name !== selectors.instance_name_selector) return false;
  if (selectors.plan_name_selector && plan?.catalog_name !== selectors.plan_name_selector) return false;
  return !selectors.instance_label_selector || labelsMatch(instance, selectors.instance_label_selector);
}

function onlyOne(found: InstanceRecord[], what: string, offering: OfferingView): InstanceRecord {
  if (found.length === 0)
    throw notFound(`There is no shared instance of offering "${offering.catalog_name}" matching ${what}.`);
  if (found.length > 1) {
    throw badRequest(
      `${found.length} shared instances of offering "${offering.catalog_name}" match ${what} ` +
        `(${found.map((instance) => instance.id).join(', ')}): name one by referenced_instance_id.`,
    );
  }
  return found[0]!;
}

/**
 * The shared instance a `reference-instance` provision points to: `parameters.referenced_instance_id` (an id,
 * or "*" for the only shared instance of the offering) or `parameters.selectors`. Both or neither → 400;
 * missing or of another offering → 404; not shared → 400.
 */
export function resolveReferenceTarget(
  state: SmState,
  offering: OfferingView,
  plans: readonly PlanView[],
  parameters: unknown,
): InstanceRecord {
  const { referenced_instance_id: id, selectors } = parseInput(
    referenceParametersSchema,
    parameters ?? {},
    'The parameters of a reference-instance provision',
  );
  if ((id === undefined) === (selectors === undefined)) {
    throw badRequest(
      'A reference-instance provision needs exactly one of parameters.referenced_instance_id and parameters.selectors.',
    );
  }
  const ofOffering = state.instances.filter(
    (instance) => instance.service_offering_id === offering.id && !instance.referenced_instance_id,
  );
  const shared = ofOffering.filter((instance) => instance.shared);
  if (selectors)
    return onlyOne(
      shared.filter((instance) => matches(instance, selectors, plans)),
      'the selectors',
      offering,
    );
  if (id === '*') return onlyOne(shared, '"*"', offering);
  const target = ofOffering.find((instance) => instance.id === id);
  if (!target)
    throw notFound(`There is no service instance ${id} of offering "${offering.catalog_name}" to reference.`);
  if (!target.shared)
    throw badRequest(
      `Service instance ${target.name || id} is not shared. Share it first: PATCH {"shared": true}.`,
    );
  return target;
}
