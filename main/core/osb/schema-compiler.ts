import { createRequire } from 'node:module';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import type { JsonRecord } from './problems';

// The 2019-09 and 2020-12 engines (~30 ms of module loading) are loaded by the first schema that declares
// one; synchronously, as validating a catalog is.
const require = createRequire(import.meta.url);
const loadAjv2019 = () => (require('ajv/dist/2019.js') as typeof import('ajv/dist/2019.js')).Ajv2019;
const loadAjv2020 = () => (require('ajv/dist/2020.js') as typeof import('ajv/dist/2020.js')).Ajv2020;

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
        ? new (loadAjv2019())(options)
        : new (loadAjv2020())(options);
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
