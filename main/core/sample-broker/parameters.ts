import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { badRequest } from '../errors';
import type { CatalogPlan, JsonSchemaObject } from './catalog-types';

export type SchemaSlot = 'instanceCreate' | 'instanceUpdate' | 'bindingCreate';

let ajv: Ajv | undefined;

/** Made on the first validation, not when the simulator loads this module: building it takes a while. */
function engine(): Ajv {
  if (ajv) return ajv;
  ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  return ajv;
}

const compiled = new WeakMap<JsonSchemaObject, ValidateFunction>();

function schemaFor(plan: CatalogPlan, slot: SchemaSlot): JsonSchemaObject | undefined {
  const schemas = plan.schemas;
  switch (slot) {
    case 'instanceCreate':
      return schemas?.service_instance?.create?.parameters;
    case 'instanceUpdate':
      return schemas?.service_instance?.update?.parameters;
    case 'bindingCreate':
      return schemas?.service_binding?.create?.parameters;
  }
}

const describe = (error: ErrorObject) => `${error.instancePath || '(root)'} ${error.message ?? 'is invalid'}`;

/** Throws 400 with every problem ajv found when `parameters` break the plan's schema for `slot`. */
export function validateParameters(
  plan: CatalogPlan,
  slot: SchemaSlot,
  parameters: Record<string, unknown>,
): void {
  const schema = schemaFor(plan, slot);
  if (!schema) return;
  let validate = compiled.get(schema);
  if (!validate) {
    validate = engine().compile(schema);
    compiled.set(schema, validate);
  }
  if (validate(parameters)) return;
  const problems = (validate.errors ?? []).map(describe).join('; ');
  throw badRequest(`The parameters do not match the plan's schema: ${problems}.`);
}
