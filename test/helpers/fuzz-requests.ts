import fc from 'fast-check';

/**
 * Requests for property-based tests of the servers' input gate: the routes of a server as templates whose
 * `{id}` holes are filled with real ids or junk, then junk methods, queries, headers, auth and bodies.
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

const leaf: fc.Arbitrary<BodyValue> = fc.oneof(
  { weight: 4, arbitrary: junkString },
  { weight: 1, arbitrary: fc.integer() },
  { weight: 1, arbitrary: fc.double() },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: deepValue },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) as fc.Arbitrary<BodyValue> },
);

const junkValue: fc.Arbitrary<BodyValue> = fc.oneof(
  { weight: 5, arbitrary: leaf },
  { weight: 1, arbitrary: fc.array(leaf, { maxLength: 4 }) },
  { weight: 1, arbitrary: fc.dictionary(junkString, leaf, { maxKeys: 4 }) },
);

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

const shapedBody: fc.Arbitrary<BodyValue> = fc.dictionary(
  fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...FIELDS) }, { weight: 1, arbitrary: junkString }),
  junkValue,
  { maxKeys: 6 },
);

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

export const body: fc.Arbitrary<Buffer | undefined> = fc.oneof(
  { weight: 4, arbitrary: fc.constant(undefined) },
  { weight: 8, arbitrary: shapedBody.map((value) => Buffer.from(render(value))) },
  { weight: 2, arbitrary: junkValue.map((value) => Buffer.from(render(value))) },
  { weight: 2, arbitrary: fc.constantFrom(...MALFORMED, ...NOT_UTF8) },
  { weight: 1, arbitrary: fc.string({ maxLength: 60 }).map((text) => Buffer.from(text)) },
  { weight: 1, arbitrary: deepValue.map((value) => Buffer.from(render(value))) },
  // Over and under the default 1 MiB limit.
  {
    weight: 1,
    arbitrary: fc
      .constantFrom(300_000, 1024 * 1024 + 1)
      .map((size) => Buffer.from(render({ name: { huge: size } }))),
  },
);

const CONTENT_TYPES = [
  'text/plain',
  'text/plain;charset=UTF-8',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/json; charset=latin1',
  'application/json; charset=utf-16',
  'application/xml',
  'application/jsonx',
  'json',
  ';;;',
  'application/json, text/plain',
];

/** Mostly the right type, so bodies reach the parser; else one a browser's simple request would send. */
export const contentType: fc.Arbitrary<string | undefined> = fc.oneof(
  { weight: 12, arbitrary: fc.constantFrom('application/json', 'application/json; charset=utf-8') },
  { weight: 1, arbitrary: fc.constant('application/vnd.smsim+json') },
  { weight: 1, arbitrary: fc.constant(undefined) },
  { weight: 3, arbitrary: fc.constantFrom(...CONTENT_TYPES) },
);

/** Mostly none; else compressions the body is not in, or that nothing speaks. */
const contentEncoding: fc.Arbitrary<string | undefined> = fc.oneof(
  { weight: 12, arbitrary: fc.constant(undefined) },
  {
    weight: 1,
    arbitrary: fc.constantFrom('gzip', 'deflate', 'br', 'identity', 'compress', 'x-junk', 'gzip, gzip'),
  },
);

/** Mostly the methods the APIs serve; some that nothing serves. */
export const method: fc.Arbitrary<string> = fc.oneof(
  { weight: 20, arbitrary: fc.constantFrom('GET', 'POST', 'PUT', 'PATCH', 'DELETE') },
  { weight: 2, arbitrary: fc.constantFrom('HEAD', 'OPTIONS') },
  { weight: 2, arbitrary: fc.constantFrom('TRACE', 'PROPFIND', 'MKCOL', 'PURGE', 'LOCK', 'SEARCH', 'LINK') },
);

/** Lone surrogates cannot be percent-encoded (their UTF-8 form is sent as `%ed%a0%80` on its own). */
const encode = (segment: string) => encodeURIComponent(segment.replace(/\p{Surrogate}/gu, '\ufffd'));

/** A path segment: a real id, or junk (encoded unicode, NUL, traversal, very long, bad percent-encoding). */
export function segment(realIds: readonly string[]): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...realIds) },
    { weight: 3, arbitrary: junkString.map(encode) },
    {
      weight: 2,
      arbitrary: fc.constantFrom(
        '..',
        '.',
        '%2e%2e',
        '%2E%2e%2F..',
        '%2F',
        '%5c',
        '%00',
        '%zz',
        '%',
        '%ed%a0%80',
        '%c0%ae%c0%ae',
        ';',
        'a;b=c',
        'x'.repeat(257),
        'x'.repeat(10_000),
        '%F0%9F%98%80',
      ),
    },
  );
}

const QUERY_KEYS = [
  'fieldQuery',
  'labelQuery',
  'max_items',
  'token',
  'page',
  'wait',
  'recursive',
  'force',
  'accepts_incomplete',
  'show_credentials',
  'regenerateCredentials',
  'organization_guid',
  'service_id',
  'plan_id',
  'operation',
  'last_notification_revision',
];

const QUERY_VALUES = [
  "name eq 'sample'",
  "name eq 'x' and",
  'name in (',
  "name notin ('a','b')",
  "name eq '\u0000'",
  "'''''",
  'a eq b eq c',
  "created_at gt '1970-01-01T00:00:00Z'",
  "labels eq 'x'",
  'env in (prod,dev) and',
  'x'.repeat(5000),
  'true',
  'false',
  '-1',
  '0',
  '1e400',
  '99999999999999999999',
  'NaN',
  'abc==',
  'eyJ4IjoxfQ==',
  '%zz',
  '',
];

/** `?key=value&…` with paging, query and flag junk, or nothing. */
export const query: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constant('') },
  {
    weight: 2,
    arbitrary: fc
      .array(
        fc.tuple(
          fc.oneof(fc.constantFrom(...QUERY_KEYS), junkString.map(encode)),
          fc.oneof(
            fc.constantFrom(...QUERY_VALUES).map((value) => (value === '%zz' ? value : encode(value))),
            junkString.map(encode),
          ),
        ),
        { minLength: 1, maxLength: 4 },
      )
      .map((pairs) => `?${pairs.map(([key, value]) => `${key}=${value}`).join('&')}`),
  },
);

/** The right credentials mostly; else none, wrong ones, or a header that is not basic auth. */
export function authorization(right: string | undefined): fc.Arbitrary<string | undefined> {
  const wrong = fc.constantFrom(
    `Basic ${Buffer.from('admin:wrong').toString('base64')}`,
    `Basic ${Buffer.from('nobody').toString('base64')}`,
    'Basic !!!not-base64',
    'Basic ',
    'Bearer x.y.z',
    `Basic ${Buffer.from(`${'u'.repeat(3000)}:p`).toString('base64')}`,
    'Digest username="admin"',
  );
  return fc.oneof(
    { weight: 8, arbitrary: fc.constant(right) },
    { weight: 1, arbitrary: fc.constant(undefined) },
    { weight: 1, arbitrary: wrong },
  );
}

/** OSB headers right mostly, junk sometimes. */
export const osbHeaders: fc.Arbitrary<Record<string, string>> = fc.record(
  {
    'X-Broker-API-Version': fc.oneof(
      { weight: 5, arbitrary: fc.constant('2.17') },
      { weight: 1, arbitrary: fc.constantFrom('1.0', '2', '3.0', 'x', '') },
    ),
    'X-Broker-API-Originating-Identity': fc.constantFrom(
      'cloudfoundry eyJ1c2VyX2lkIjoieCJ9',
      'cloudfoundry !!!',
      'x',
      '',
    ),
    'X-Broker-API-Request-Identity': junkString.filter((value) => /^[\x21-\x7e]*$/.test(value)),
  },
  { requiredKeys: ['X-Broker-API-Version'] },
);

export interface FuzzRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: Buffer;
  /** Sent in chunks, without Content-Length. */
  chunked: boolean;
}

/** `{id}` holes of a template filled one by one. */
function fill(template: string, holes: fc.Arbitrary<string>): fc.Arbitrary<string> {
  const parts = template.split('{id}');
  return fc
    .array(holes, { minLength: parts.length - 1, maxLength: parts.length - 1 })
    .map((values) =>
      parts.reduce((path, part, index) => path + (index > 0 ? values[index - 1] : '') + part, ''),
    );
}

export interface FuzzServer {
  routes: readonly string[];
  realIds: readonly string[];
  /** The Authorization a route needs, if any. */
  authorization(route: string): string | undefined;
  /** Extra headers a route's clients send (e.g. the OSB ones). */
  osb(route: string): boolean;
}

/** One request to one of the server's routes. */
export function fuzzRequest(server: FuzzServer): fc.Arbitrary<FuzzRequest> {
  return fc.constantFrom(...server.routes).chain((route) =>
    fc
      .record({
        method,
        path: fill(route, segment(server.realIds)),
        query,
        authorization: authorization(server.authorization(route)),
        osbHeaders: server.osb(route) ? osbHeaders : fc.constant({}),
        contentType,
        contentEncoding,
        body,
        chunked: fc.boolean(),
      })
      .map(
        ({ method, path, query, authorization, osbHeaders, contentType, contentEncoding, body, chunked }) => {
          const headers: Record<string, string> = { ...osbHeaders };
          if (authorization !== undefined) headers.Authorization = authorization;
          if (contentType !== undefined && body !== undefined) headers['Content-Type'] = contentType;
          if (contentEncoding !== undefined && body !== undefined)
            headers['Content-Encoding'] = contentEncoding;
          return { method, path: `${path}${query}`, headers, body, chunked: chunked && body !== undefined };
        },
      ),
  );
}
