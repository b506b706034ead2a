import { Writable } from 'node:stream';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../main/core/errors';
import { EventBus } from '../../main/core/events';
import { REDACTED, SECRETS, secretPolicy } from '../../main/core/secrets';
import { createLogger } from '../../main/logging';
import { parseScenario } from '../../main/workflows/scenarios/schema';

const SECRET = 'Zq9-secret-value';
const secretKey = fc.constantFrom(
  'password',
  'db_password',
  'client_secret',
  'access_token',
  'credentials',
  'apiKey',
);
const plainKey = fc.string({ minLength: 1, maxLength: 8 }).filter((key) => !SECRETS.isSecretKey(key));

/** JSON values where the secret sits under a secret key, at any depth, beside ordinary data. */
const withSecrets = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null)),
    fc.array(tie('value'), { maxLength: 3 }),
    fc.dictionary(plainKey, tie('value'), { maxKeys: 3 }),
    fc
      .tuple(secretKey, fc.constantFrom(SECRET, { basic: { password: SECRET } }, [SECRET, 1]), tie('value'))
      .map(([key, secret, rest]) => ({ [key]: secret, rest })),
  ),
})).value;

describe('the secret policy', () => {
  it('leaves no value of a secret key, at any depth, in a value or a JSON text', () => {
    const policy = secretPolicy(['apiKey']);
    fc.assert(
      fc.property(withSecrets, (value) => {
        expect(JSON.stringify(policy.value(value))).not.toContain(SECRET);
        expect(policy.json(JSON.stringify(value))).not.toContain(SECRET);
      }),
      { numRuns: 300 },
    );
  });

  it('keeps keys and shape, null stays null, and the input is not changed', () => {
    const input = {
      parameters: { db_password: 'p', size: 3, token: null },
      credentials: { uri: 'u', port: 1 },
    };
    const copy = structuredClone(input);
    expect(SECRETS.value(input)).toEqual({
      parameters: { db_password: REDACTED, size: 3, token: null },
      credentials: { uri: REDACTED, port: REDACTED },
    });
    expect(input).toEqual(copy);
  });

  it('takes the user info out of URLs in any text, and keeps every other text', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('http', 'https', 'postgres'),
        fc.stringMatching(/^[a-z0-9][a-z0-9.-]{0,20}(:\d{1,5})?$/),
        fc.stringMatching(/^(\/[\w.~%-]{0,10}){0,3}(\?[\w=&]{0,12})?$/),
        fc.stringMatching(/^[a-z0-9]{1,12}$/),
        (scheme, host, path, password) => {
          const withUser = `${scheme}://someone:${password}x@${host}${path}`;
          const text = `Broker "b" is unreachable at ${withUser} (ECONNREFUSED).`;
          expect(SECRETS.text(text)).not.toContain(`${password}x@`);
          expect(SECRETS.url(withUser)).not.toContain(`${password}x@`);
        },
      ),
      { numRuns: 100 },
    );
    expect(SECRETS.text('write to a@b.example, see https://h/x@y')).toBe(
      'write to a@b.example, see https://h/x@y',
    );
    expect(SECRETS.url('http://u:pw@h:8080/v2?token=t&a=1')).toBe(
      `http://h:8080/v2?token=${encodeURIComponent(REDACTED)}&a=1`,
    );
  });

  it('redacts secret headers whatever their case, and the extra names', () => {
    expect(
      secretPolicy(['X-Api-Key']).headers({ Authorization: 'Basic x', 'X-API-KEY': 'k', Accept: 'a' }),
    ).toEqual({
      authorization: REDACTED,
      'x-api-key': REDACTED,
      accept: 'a',
    });
  });
});

describe('the surfaces built on it', () => {
  it('events: no listener and no replay sees a secret parameter or a URL password', () => {
    const bus = new EventBus();
    const seen: unknown[] = [];
    bus.subscribe((event) => seen.push(event));
    bus.emit('sm.instance', {
      instance: { parameters: { db_password: SECRET }, dashboard_url: `http://u:${SECRET}@h/` },
    });
    expect(JSON.stringify([seen, bus.since(0)])).not.toContain(SECRET);
  });

  it('errors: the description and the extra fields', () => {
    const error = new ApiError(502, 'ServiceBrokerErr', `unreachable at http://u:${SECRET}@h/`, {
      answer: { password: SECRET },
    });
    expect(JSON.stringify([error.message, error.toBody()])).not.toContain(SECRET);
  });

  it('logs: fields, messages and errors', async () => {
    let out = '';
    const destination = new Writable({
      write(chunk, _encoding, done) {
        out += chunk;
        done();
      },
    });
    const log = createLogger('debug', { destination, secrets: secretPolicy(['x-api-key']) });
    log.debug(
      { broker: { credentials: { basic: { password: SECRET } } }, headers: { 'x-api-key': SECRET } },
      'a call',
    );
    log.error({ err: new TypeError(`Request cannot be constructed from http://u:${SECRET}@h/`) }, 'failed');
    log.warn(`could not reach http://u:${SECRET}@h/v2/catalog`);
    await new Promise((resolve) => setImmediate(resolve));
    expect(out.split('\n').filter(Boolean)).toHaveLength(3);
    expect(out).toContain('Request cannot be constructed from http://h/');
    expect(out).not.toContain(SECRET);
  });
});

describe('URLs with user info', () => {
  it('a scenario that registers a broker at such a URL is refused when it is read', () => {
    const step = { action: 'register-broker', name: 'b', username: 'u', password: 'p' };
    const scenario = (url: string) => ({ name: 's', steps: [{ ...step, url }] });
    expect(() => parseScenario(scenario(`http://u:${SECRET}@127.0.0.1:8080`))).toThrow(
      /username and password/,
    );
    // A reference to an earlier step's answer is resolved (and checked by the SM) when the step runs.
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a scenario reference, not a template
    expect(parseScenario(scenario('${mock.url}')).steps).toHaveLength(1);
    expect(parseScenario(scenario('http://127.0.0.1:8080')).steps).toHaveLength(1);
  });
});
