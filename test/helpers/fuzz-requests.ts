import fc from 'fast-check';
import { body, junkString, mutated, render, type Template, values } from './fuzz-bodies';

/**
 * Requests for property-based tests of the servers' input gate: the routes of a server as templates whose
 * `{id}` holes are filled with real ids or junk, then junk methods, queries, headers, auth and bodies (the
 * bodies are fuzz-bodies.ts's).
 */

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

/** A call that succeeds as it is; `{new}` in its path or body is a fresh id each time. */
export interface AimedCall {
  method: string;
  path: string;
  template: Template;
}

export interface FuzzServer {
  routes: readonly string[];
  /** Ids of what exists, for paths. */
  realIds: readonly string[];
  /** Ids and names of what exists, for bodies. */
  realValues: readonly string[];
  /** Valid calls, their bodies mutated into junk: they get past the first checks. */
  aimed: readonly AimedCall[];
  /** The Authorization a route needs, if any. */
  authorization(route: string): string | undefined;
  /** Extra headers a route's clients send (e.g. the OSB ones). */
  osb(route: string): boolean;
}

function headersOf(request: {
  authorization?: string;
  osbHeaders: Record<string, string>;
  contentType?: string;
  contentEncoding?: string;
  body?: Buffer;
}): Record<string, string> {
  const headers: Record<string, string> = { ...request.osbHeaders };
  if (request.authorization !== undefined) headers.Authorization = request.authorization;
  if (request.body === undefined) return headers;
  if (request.contentType !== undefined) headers['Content-Type'] = request.contentType;
  if (request.contentEncoding !== undefined) headers['Content-Encoding'] = request.contentEncoding;
  return headers;
}

/** One request to one of the server's routes: mostly junk anywhere, sometimes an aimed call with junk in it. */
export function fuzzRequest(server: FuzzServer): fc.Arbitrary<FuzzRequest> {
  const bodies = body(
    server.realValues,
    server.aimed.map(({ template }) => template),
  );
  const anywhere = fc.constantFrom(...server.routes).chain((route) =>
    fc
      .record({
        method,
        path: fill(route, segment(server.realIds)),
        query,
        authorization: authorization(server.authorization(route)),
        osbHeaders: server.osb(route) ? osbHeaders : fc.constant({}),
        contentType,
        contentEncoding,
        body: bodies,
        chunked: fc.boolean(),
      })
      .map((request) => ({
        method: request.method,
        path: `${request.path}${request.query}`,
        headers: headersOf(request),
        body: request.body,
        chunked: request.chunked && request.body !== undefined,
      })),
  );
  if (server.aimed.length === 0) return anywhere;
  const value = values(server.realValues);
  const aimed = fc.constantFrom(...server.aimed).chain((call) =>
    fc
      .record({
        id: fc.uuid(),
        body: mutated([call.template], value).map(render),
        authorization: authorization(server.authorization(call.path)),
        osbHeaders: server.osb(call.path) ? osbHeaders : fc.constant({}),
        contentType,
        chunked: fc.boolean(),
      })
      .map((request) => {
        const body = Buffer.from(request.body.replaceAll('{new}', request.id));
        return {
          method: call.method,
          path: call.path.replaceAll('{new}', request.id),
          headers: headersOf({ ...request, body }),
          body,
          chunked: request.chunked,
        };
      }),
  );
  return fc.oneof({ weight: 3, arbitrary: anywhere }, { weight: 1, arbitrary: aimed });
}
