import { describe, expect, it } from 'vitest';
import { createRedactor, REDACTED, TrafficStore, truncationMarker } from '../../main/traffic';
import { exchangeInput } from '../helpers/traffic-testkit';

const SECRETS = ['s3cr3t-pw', 'db-pass', 'tok-123', 'client-sec', 'api-key-1', 'cookie-v', 'deep-v'];

describe('redaction', () => {
  const redactor = createRedactor(['x-api-key', 'apiKey']);

  it('redacts secret headers whatever their case, and the extra names', () => {
    expect(
      redactor.headers({
        Authorization: 'Basic dTpw',
        'Proxy-Authorization': 'Bearer x',
        Cookie: 'a=b',
        'X-Api-Key': 'api-key-1',
        'X-Broker-API-Version': '2.17',
      }),
    ).toEqual({
      authorization: REDACTED,
      'proxy-authorization': REDACTED,
      cookie: REDACTED,
      'x-api-key': REDACTED,
      'x-broker-api-version': '2.17',
    });
  });

  it('keeps the shape and key names of binding credentials, and every other field', () => {
    const body = {
      credentials: {
        uri: 'postgres://u:db-pass@h/db',
        port: 5432,
        hosts: ['h1', 'h2'],
        tls: null,
        nested: { key: 'k' },
      },
      syslog_drain_url: 'https://drain',
    };
    expect(JSON.parse(redactor.body(JSON.stringify(body)))).toEqual({
      credentials: {
        uri: REDACTED,
        port: REDACTED,
        hosts: [REDACTED, REDACTED],
        tls: null,
        nested: { key: REDACTED },
      },
      syslog_drain_url: 'https://drain',
    });
  });

  it('redacts password, secret and token fields anywhere (SM API bodies, catalogs) and the extra keys', () => {
    const body = {
      name: 'my-broker',
      credentials: { basic: { username: 'u', password: 's3cr3t-pw' } },
      services: [{ dashboard_client: { id: 'dc', secret: 'client-sec', redirect_uri: 'https://r' } }],
      auth: { access_token: 'tok-123', apiKey: 'api-key-1' },
    };
    const text = redactor.body(JSON.stringify(body));
    const redacted = JSON.parse(text);
    expect(redacted.credentials.basic).toEqual({ username: REDACTED, password: REDACTED });
    expect(redacted.services[0].dashboard_client).toEqual({
      id: 'dc',
      secret: REDACTED,
      redirect_uri: 'https://r',
    });
    expect(redacted.auth).toEqual({ access_token: REDACTED, apiKey: REDACTED });
    expect(redacted.name).toBe('my-broker');
    for (const secret of SECRETS) expect(text).not.toContain(secret);
  });

  it('leaves bodies without secrets byte for byte, and non-JSON text alone', () => {
    const pretty = '{\n  "services": []\n}';
    expect(redactor.body(pretty)).toBe(pretty);
    expect(redactor.body('not json password=x')).toBe('not json password=x');
  });

  it('redacts whole subtrees deeper than it inspects', () => {
    let deep: unknown = { password: 'deep-v' };
    for (let i = 0; i < 100; i++) deep = { a: deep };
    expect(redactor.body(JSON.stringify(deep))).not.toContain('deep-v');
  });

  it('removes userinfo and secret query parameters from URLs, and keeps other URLs as they are', () => {
    expect(redactor.url('http://u:s3cr3t-pw@127.0.0.1:1/v2/catalog?token=tok-123&a=1')).toBe(
      'http://127.0.0.1:1/v2/catalog?token=%5Bredacted%5D&a=1',
    );
    const plain = 'http://127.0.0.1:1/v2/service_instances/x?accepts_incomplete=true';
    expect(redactor.url(plain)).toBe(plain);
  });
});

describe('capture-time sanitising in the store', () => {
  it('stores no secret: headers, request and response bodies, URL', () => {
    const store = new TrafficStore({ redact: ['x-api-key'] });
    const exchange = store.record(
      exchangeInput({
        method: 'PUT',
        url: 'http://admin:s3cr3t-pw@127.0.0.1:1/v2/service_instances/i/service_bindings/b',
        request: {
          headers: { Authorization: 'Basic czNjcjN0LXB3', 'X-Api-Key': 'api-key-1' },
          body: '{"password":"db-pass"}',
        },
        response: {
          status: 201,
          headers: { 'set-cookie': 'cookie-v' },
          body: '{"credentials":{"token":"tok-123"}}',
        },
      }),
    )!;
    const text = JSON.stringify(exchange);
    for (const secret of [...SECRETS, 'czNjcjN0LXB3']) expect(text).not.toContain(secret);
    expect(exchange.osb).toMatchObject({ operation: 'bind', instanceId: 'i', bindingId: 'b' });
  });

  it('truncates large bodies to a marker with a redacted preview and the original size', () => {
    const store = new TrafficStore({ maxBodyBytes: 1024 });
    const body = JSON.stringify({ credentials: { password: 'db-pass' }, filler: 'x'.repeat(5000) });
    const exchange = store.record(exchangeInput({ response: { status: 200, headers: {}, body } }))!;
    const marker = JSON.parse(exchange.response!.body!);
    expect(exchange.response).toMatchObject({ truncated: true, size: Buffer.byteLength(body) });
    expect(marker).toMatchObject({ _truncated: true, size: Buffer.byteLength(body) });
    expect(marker.preview.length).toBeLessThanOrEqual(256);
    expect(marker.preview).toContain('"credentials":{"password":"[redacted]"}');
    expect(exchange.response!.body!.length).toBeLessThan(1024);
  });

  it('gives no preview when only the start of a body was seen (it could not be redacted)', () => {
    const store = new TrafficStore({ maxBodyBytes: 1024 });
    const exchange = store.record(
      exchangeInput({
        response: { status: 200, headers: {}, body: '{"password":"db-', size: 9000, complete: false },
      }),
    )!;
    expect(exchange.response!.body).toBe(truncationMarker(9000));
    expect(exchange.response!.body).not.toContain('db-');
  });

  it('keeps bodies under the limit as they are', () => {
    const store = new TrafficStore({ maxBodyBytes: 1024 });
    const exchange = store.record(exchangeInput())!;
    expect(exchange.response).toMatchObject({ body: '{"services":[]}', size: 15 });
    expect(exchange.response!.truncated).toBeUndefined();
  });
});
