import fc from 'fast-check';

/**
 * Request bodies for the fuzz tests of the servers' input gate: valid bodies with a member turned into junk,
 * junk in the members the servers read, junk of any shape, malformed, not UTF-8, deep and huge ones.
 */

/** A body value rendered as text by `render`: a deep nest is kept symbolic, never built as an object. */
type BodyValue =
  | { deep: number; array: boolean }
  | { huge: number }
  | string
  | number
  | boolean
  | null
  | BodyValue[]
  | { [key: string]: BodyValue };

const isDeep = (value: object): value is { deep: number; array: boolean } => 'deep' in value;
const isHuge = (value: object): value is { huge: number } => 'huge' in value;

/** JSON text of a body value; `JSON.stringify` escapes lone surrogates as `\udXXX`, which the gate refuses. */
export function render(value: BodyValue): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(render).join(',')}]`;
  if (isDeep(value))
    return value.array
      ? `${'['.repeat(value.deep)}1${']'.repeat(value.deep)}`
      : `${'{"a":'.repeat(value.deep)}1${'}'.repeat(value.deep)}`;
  if (isHuge(value)) return JSON.stringify('x'.repeat(value.huge));
  return `{${Object.entries(value)
    .map(([key, child]) => `${JSON.stringify(key)}:${render(child)}`)
    .join(',')}}`;
}

const NASTY_STRINGS = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '..',
  '../../../etc/passwd',
  '%2e%2e%2f',
  '<script>alert(1)</script>',
  '__proto__',
  'constructor',
  'toString',
  '\ud800',
  '\udfff',
  '😀',
  '\u202e',
  'x'.repeat(257),
  'y'.repeat(10_001),
  'http://127.0.0.1:1',
  'http://user:password@127.0.0.1:1',
  'file:///etc/passwd',
  'javascript:alert(1)',
  '-1',
  '1e309',
  'NaN',
  'true',
  'null',
  '{}',
  '[]',
];

export const junkString: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...NASTY_STRINGS) },
  { weight: 2, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }) },
  // Code units, lone surrogates included.
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 20 }) },
);

const deepValue = fc.record({
  deep: fc.oneof(fc.integer({ min: 60, max: 70 }), fc.constantFrom(100, 1000, 4300, 5000, 20_000)),
  array: fc.boolean(),
});

/** Junk of every JSON type, and now and then a real id or name so that some bodies get past validation. */
export function values(real: readonly string[]): fc.Arbitrary<BodyValue> {
  const leaf: fc.Arbitrary<BodyValue> = fc.oneof(
    { weight: 4, arbitrary: junkString },
    { weight: 2, arbitrary: fc.constantFrom(...real) },
    { weight: 1, arbitrary: fc.integer() },
    { weight: 1, arbitrary: fc.double() },
    { weight: 1, arbitrary: fc.boolean() },
    { weight: 1, arbitrary: fc.constant(null) },
    { weight: 1, arbitrary: deepValue },
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) as fc.Arbitrary<BodyValue> },
  );
  return fc.oneof(
    { weight: 5, arbitrary: leaf },
    { weight: 1, arbitrary: fc.array(leaf, { maxLength: 4 }) },
    { weight: 1, arbitrary: fc.dictionary(junkString, leaf, { maxKeys: 4 }) },
  );
}

/** The member names the servers read, so junk lands in every field (else bodies fail on their shape only). */
const FIELDS = [
  'name',
  'id',
  'description',
  'broker_url',
  'credentials',
  'labels',
  'type',
  'service_plan_id',
  'platform_id',
  'service_id',
  'plan_id',
  'service',
  'plan',
  'parameters',
  'context',
  'organization_guid',
  'space_guid',
  'maintenance_info',
  'previous_values',
  'bind_resource',
  'app_guid',
  'service_instance_id',
  'shared',
  'har',
  'public',
  'scenario',
  'stepDelayMs',
  'broker',
  'brokerId',
  'recordingId',
  'kind',
  'status',
  'operations',
  'op',
  'key',
  'values',
];

/** Texts that are not JSON, or not UTF-8. */
const MALFORMED = [
  '{',
  '[',
  '}',
  '{"name":"a"',
  '{"a":1,}',
  "{'a':1}",
  '{"a":01}',
  'nul',
  'undefined',
  '{"a":"\\x41"}',
  '{"a":"\\u12"}',
  '\ufeff{}',
  '{"a":1}{"b":2}',
  '{"a":"\u0001"}',
  `{"a":"${'\\'.repeat(3)}"}`,
].map((text) => Buffer.from(text));
const NOT_UTF8 = [
  Buffer.from([0xff, 0xfe, 0x7b, 0x7d]),
  Buffer.from('{"a":"\xe9"}', 'latin1'),
  Buffer.from([0xc0, 0x80]),
];

export type Template = Readonly<Record<string, BodyValue>>;

/** A valid body with one member replaced by junk, dropped, or a junk member added: junk that gets far. */
export function mutated(
  templates: readonly Template[],
  value: fc.Arbitrary<BodyValue>,
): fc.Arbitrary<BodyValue> {
  return fc.constantFrom(...templates).chain((template) => {
    const keys = Object.keys(template);
    return fc.oneof(
      fc.tuple(fc.constantFrom(...keys), value).map(([key, junk]) => ({ ...template, [key]: junk })),
      fc
        .constantFrom(...keys)
        .map((key) => Object.fromEntries(Object.entries(template).filter(([k]) => k !== key))),
      fc.tuple(junkString, value).map(([key, junk]) => ({ ...template, [key]: junk })),
      fc.constant({ ...template }),
    );
  });
}

/**
 * A body: none, a valid one mutated, junk in the members the servers read, junk of any shape, malformed,
 * deep or huge.
 */
export function body(
  real: readonly string[],
  templates: readonly Template[],
): fc.Arbitrary<Buffer | undefined> {
  const value = values(real);
  const shaped = fc.dictionary(
    fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...FIELDS) }, { weight: 1, arbitrary: junkString }),
    value,
    { maxKeys: 6 },
  );
  return fc.oneof(
    { weight: 4, arbitrary: fc.constant(undefined) },
    {
      weight: templates.length > 0 ? 6 : 0,
      arbitrary:
        templates.length > 0
          ? mutated(templates, value).map((mutant) => Buffer.from(render(mutant)))
          : fc.constant(undefined),
    },
    { weight: 6, arbitrary: shaped.map((shape) => Buffer.from(render(shape))) },
    { weight: 2, arbitrary: value.map((junk) => Buffer.from(render(junk))) },
    { weight: 2, arbitrary: fc.constantFrom(...MALFORMED, ...NOT_UTF8) },
    { weight: 1, arbitrary: fc.string({ maxLength: 60 }).map((text) => Buffer.from(text)) },
    { weight: 1, arbitrary: deepValue.map((deep) => Buffer.from(render(deep))) },
    // Over and under the default 1 MiB limit.
    {
      weight: 1,
      arbitrary: fc
        .constantFrom(300_000, 1024 * 1024 + 1)
        .map((size) => Buffer.from(render({ name: { huge: size } }))),
    },
  );
}
