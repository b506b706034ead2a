import { classifyOsb } from '../../traffic';
import { type MockRules, matchesPath } from '../recordings/rules';
import { parseBody } from '../replay/compare';

export interface MockRequest {
  method: string;
  /** From `/v2/`, without the query. */
  path: string;
  query: Array<[string, string]>;
  body?: string;
}

/**
 * What a request is matched on: `METHOD /v2/path/template`, and each query parameter (`?name`) and body leaf
 * (`$.a.b`, the rules' notation) with its value, ids normalised.
 */
export interface RequestShape {
  head: string;
  fields: ReadonlyMap<string, string>;
  /** head and fields in one string: equal keys, equal shapes. */
  key: string;
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;
const ID = '<id>';

const pathTemplate = (path: string) =>
  path.replace(/(service_bindings\/)[^/]+/, '$1:bid').replace(/(service_instances\/)[^/]+/, '$1:id');

/** The instance and binding ids in a request's path. */
export const pathIds = (method: string, path: string) => {
  const osb = classifyOsb(method, path);
  return [osb?.instanceId, osb?.bindingId].filter((id): id is string => !!id);
};

/** Every leaf of a JSON value with its path below `$`; empty objects and arrays have none. */
function leaves(value: unknown, at: string[] = []): Array<[string[], unknown]> {
  if (value === null || typeof value !== 'object') return [[at, value]];
  const entries = Array.isArray(value)
    ? value.map((item, index) => [String(index), item] as const)
    : Object.entries(value);
  return entries.flatMap(([key, item]) => leaves(item, [...at, key]));
}

export function shapeOf({ method, path, query, body }: MockRequest, rules: MockRules): RequestShape {
  const own: unknown[] = pathIds(method, path);
  // A value that is the request's own instance or binding id, or holds a UUID, matches any id there.
  const text = (value: unknown) => JSON.stringify(value) ?? '';
  const normal = (value: unknown) => (own.includes(value) ? text(ID) : text(value).replace(UUID, ID));
  const fields = new Map<string, string>();
  const byName = new Map<string, string[]>();
  for (const [name, value] of query) byName.set(name, [...(byName.get(name) ?? []), value]);
  for (const [name, values] of byName) {
    if (rules.ignoredQuery.includes(name)) continue;
    const value = values.length === 1 ? values[0] : values;
    fields.set(`?${name}`, rules.exactQuery.includes(name) ? text(value) : normal(value));
  }
  for (const [at, value] of leaves(parseBody(body))) {
    if (matchesPath(rules.ignoredPaths, at)) continue;
    fields.set(['$', ...at].join('.'), matchesPath(rules.exactPaths, at) ? text(value) : normal(value));
  }
  const head = `${method.toUpperCase()} ${pathTemplate(path)}`;
  const sorted = [...fields].sort(([a], [b]) => a.localeCompare(b));
  return { head, fields, key: `${head} ${JSON.stringify(sorted)}` };
}

export interface FieldDifference {
  field: string;
  recorded?: string;
  asked?: string;
}

/** The fields whose values differ (or that only one of the two has). */
export function fieldDifferences(recorded: RequestShape, asked: RequestShape): FieldDifference[] {
  const names = [...new Set([...recorded.fields.keys(), ...asked.fields.keys()])].sort();
  return names.flatMap((field) => {
    const [was, is] = [recorded.fields.get(field), asked.fields.get(field)];
    return was === is ? [] : [{ field, recorded: was, asked: is }];
  });
}
