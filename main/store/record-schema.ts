import type { z } from 'zod';

/** The parts of a zod schema's definition this walk reads (zod 4 keeps them in `_zod.def`). */
interface Definition {
  type: string;
  shape?: Record<string, z.ZodType>;
  innerType?: z.ZodType;
  valueType?: z.ZodType;
  element?: z.ZodType;
  checks?: unknown[];
}

const definitionOf = (schema: z.ZodType) => (schema as unknown as { _zod: { def: Definition } })._zod.def;

/** Wrappers that check nothing of the value inside once it is there. */
const WRAPPERS = new Set(['optional', 'nullable', 'default', 'prefault', 'readonly']);

function unwrapped(schema: z.ZodType): Definition {
  let definition = definitionOf(schema);
  while (WRAPPERS.has(definition.type) && definition.innerType)
    definition = definitionOf(definition.innerType);
  return definition;
}

/**
 * The schema of one record of the collection at `path` (e.g. `platforms.cf-dev.instances`) within `schema`,
 * or undefined where the walk meets anything but objects, records, arrays and plain wrappers (a refinement
 * a check, a refinement or a transform could see more than the record alone): then only the whole state can be checked.
 */
export function recordSchemaAt(schema: z.ZodType, path: string): z.ZodType | undefined {
  let current: z.ZodType | undefined = schema;
  for (const segment of [...path.split('.'), '']) {
    if (!current) return undefined;
    const definition = unwrapped(current);
    if (definition.checks?.length) return undefined;
    if (definition.type === 'object' && segment !== '') current = definition.shape?.[segment];
    else if (definition.type === 'record') current = definition.valueType;
    else if (definition.type === 'array' && segment === '') current = definition.element;
    else return undefined;
  }
  return current;
}
