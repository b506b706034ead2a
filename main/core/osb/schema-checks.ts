import { describeValue, isAbsent, isRecord, type JsonRecord, joinPath, type ProblemList } from './problems';
import { dialectOf, schemaCompileError } from './schema-compiler';

const MAX_SCHEMA_BYTES = 64 * 1024;
const SLOTS = { service_instance: ['create', 'update'], service_binding: ['create'] } as const;
const REF_KEYWORDS = new Set(['$ref', '$recursiveRef', '$dynamicRef']);
// Values of these keywords are data, not schemas: a "$ref" inside them is no reference.
const DATA_KEYWORDS = new Set(['enum', 'const', 'default', 'examples']);

/** Checks `plan.schemas`: its shape and every parameters schema in it. */
export function checkPlanSchemas(schemas: unknown, path: string, label: string, problems: ProblemList): void {
  if (isAbsent(schemas)) return;
  if (!isShapeObject(schemas, path, label, problems)) return;
  for (const [resource, actions] of Object.entries(SLOTS)) {
    const group = schemas[resource];
    const groupPath = joinPath(path, resource);
    if (isAbsent(group) || !isShapeObject(group, groupPath, label, problems)) continue;
    for (const action of actions) {
      const input = group[action];
      const inputPath = joinPath(groupPath, action);
      if (isAbsent(input) || !isShapeObject(input, inputPath, label, problems)) continue;
      if (!isAbsent(input.parameters)) {
        checkParametersSchema(input.parameters, joinPath(inputPath, 'parameters'), label, problems);
      }
    }
  }
}

function isShapeObject(
  value: unknown,
  path: string,
  label: string,
  problems: ProblemList,
): value is JsonRecord {
  if (isRecord(value)) return true;
  problems.error(
    path,
    'invalid-schemas',
    `${label}: ${path} must be an object; got ${describeValue(value)}.`,
  );
  return false;
}

function checkParametersSchema(schema: unknown, path: string, label: string, problems: ProblemList): void {
  if (!isRecord(schema)) {
    problems.error(
      path,
      'schema-not-object',
      `${label}: the parameters schema must be a JSON Schema object; got ${describeValue(schema)}.`,
    );
    return;
  }
  const dialect = checkDialect(schema.$schema, path, label, problems);
  const refsLocal = checkRefs(schema, path, label, problems);
  const sizeOk = checkSize(schema, path, label, problems);
  if (!dialect || !refsLocal || !sizeOk) return;
  if (!dialect.engine) {
    problems.warning(
      path,
      'schema-not-compiled',
      `${label}: the schema declares JSON Schema ${dialect.name}, which ajv 8 cannot compile, so only its $schema, references and size were checked; declare draft-07 to have it compiled.`,
    );
    return;
  }
  const complaint = schemaCompileError(schema, dialect.engine);
  if (complaint === undefined) return;
  problems.error(
    path,
    'schema-compile-error',
    `${label}: the schema does not compile as JSON Schema ${dialect.name}: ${complaint.slice(0, 300)}. Fix it so that ajv accepts it.`,
  );
}

function checkDialect($schema: unknown, path: string, label: string, problems: ProblemList) {
  const at = joinPath(path, '$schema');
  if (typeof $schema !== 'string' || $schema === '') {
    problems.error(
      at,
      'schema-missing-dollar-schema',
      `${label}: the schema has no "$schema"; OSB requires one, e.g. "http://json-schema.org/draft-07/schema#".`,
    );
    return undefined;
  }
  const dialect = dialectOf($schema);
  if (!dialect) {
    problems.error(
      at,
      'schema-unknown-dialect',
      `${label}: "$schema" ${describeValue($schema)} is no JSON Schema version ajv knows; use "http://json-schema.org/draft-07/schema#".`,
    );
  }
  return dialect;
}

/** Reports every reference that does not start with "#" (OSB forbids external references). */
function checkRefs(schema: JsonRecord, path: string, label: string, problems: ProblemList): boolean {
  let local = true;
  const seen = new Set<object>();
  // Iterative, so a deeply nested schema cannot overflow the stack; ajv catches refs hidden under data keywords.
  const pending: Array<[unknown, string]> = [[schema, path]];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const [node, at] = next;
    if (typeof node !== 'object' || node === null || seen.has(node)) continue;
    seen.add(node);
    const entries: Array<[string | number, unknown]> = Array.isArray(node)
      ? [...node.entries()]
      : Object.entries(node);
    for (const [key, value] of entries) {
      const childPath = joinPath(at, key);
      if (
        typeof key === 'string' &&
        REF_KEYWORDS.has(key) &&
        typeof value === 'string' &&
        !value.startsWith('#')
      ) {
        local = false;
        problems.error(
          childPath,
          'schema-external-ref',
          `${label}: reference ${describeValue(value)} points outside the schema; OSB forbids external references, so inline it under "definitions" and refer to it with "#/definitions/...".`,
        );
      } else if (typeof key === 'number' || !DATA_KEYWORDS.has(key)) {
        pending.push([value, childPath]);
      }
    }
  }
  return local;
}

function checkSize(schema: JsonRecord, path: string, label: string, problems: ProblemList): boolean {
  let size: number;
  try {
    size = new TextEncoder().encode(JSON.stringify(schema)).length;
  } catch {
    problems.error(
      path,
      'schema-not-serializable',
      `${label}: the schema cannot be written as JSON (a cycle, a non-JSON value or too deep nesting); send plain JSON.`,
    );
    return false;
  }
  if (size <= MAX_SCHEMA_BYTES) return true;
  problems.error(
    path,
    'schema-too-large',
    `${label}: the schema is ${size} bytes as JSON, over the OSB limit of ${MAX_SCHEMA_BYTES} (64 kB); make it smaller.`,
  );
  return false;
}
