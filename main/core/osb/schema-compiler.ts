import { Ajv } from 'ajv';
import { Ajv2019 } from 'ajv/dist/2019.js';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type { JsonRecord } from './problems';

type Engine = 'draft-07' | '2019-09' | '2020-12';

/** A `$schema` ajv 8 can compile, or one it cannot (`engine` undefined: draft-03 and draft-04). */
export interface Dialect {
  name: string;
  engine?: Engine;
}

const DIALECT_URI = /^https?:\/\/json-schema\.org\/(draft-0[34678]|draft\/2019-09|draft\/2020-12)\/schema#?$/;

// draft-06 is compiled as draft-07, which only adds keywords to it.
const ENGINES: Record<string, Engine | undefined> = {
  'draft-06': 'draft-07',
  'draft-07': 'draft-07',
  'draft/2019-09': '2019-09',
  'draft/2020-12': '2020-12',
};

const META_SCHEMAS: Record<Engine, string> = {
  'draft-07': 'http://json-schema.org/draft-07/schema#',
  '2019-09': 'https://json-schema.org/draft/2019-09/schema',
  '2020-12': 'https://json-schema.org/draft/2020-12/schema',
};

export function dialectOf($schema: string): Dialect | undefined {
  const version = DIALECT_URI.exec($schema)?.[1];
  if (version === undefined) return undefined;
  return { name: version.replace('draft/', ''), engine: ENGINES[version] };
}

function createEngine(engine: Engine) {
  const options = { strict: false, logger: false } as const;
  const ajv =
    engine === 'draft-07'
      ? new Ajv(options)
      : engine === '2019-09'
        ? new Ajv2019(options)
        : new Ajv2020(options);
  addFormats(ajv);
  return ajv;
}

/**
 * The engines, made on the first schema of their dialect and shared by every validation run: building one and
 * compiling its meta-schema takes tens of milliseconds, which each catalog fetch (every start, every refresh)
 * paid again.
 */
const engines = new Map<Engine, ReturnType<typeof createEngine>>();

function engineFor(engine: Engine) {
  let ajv = engines.get(engine);
  if (!ajv) {
    ajv = createEngine(engine);
    engines.set(engine, ajv);
  }
  return ajv;
}

/**
 * Returns ajv's complaint about `schema`, or undefined when it compiles. The schema is removed again, so nothing
 * of a catalog outlives its validation.
 */
export function schemaCompileError(schema: JsonRecord, engine: Engine): string | undefined {
  const ajv = engineFor(engine);
  // Pin the canonical meta-schema id: brokers also write https:// or drop the trailing "#".
  const copy: JsonRecord = { ...schema, $schema: META_SCHEMAS[engine] };
  try {
    ajv.compile(copy);
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : 'ajv failed without a message';
  } finally {
    // Forget it, so that another plan may declare the same $id (ajv itself refuses a non-string $id).
    if (copy.$id === undefined || typeof copy.$id === 'string') ajv.removeSchema(copy);
  }
}
