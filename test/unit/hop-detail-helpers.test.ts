import { describe, expect, it } from 'vitest';
import { CREDENTIALS_PLACEHOLDER, curlOf } from '../../renderer/src/traffic/curl';
import { decodeOriginatingIdentity } from '../../renderer/src/traffic/identity';
import { queryParameters, statusLine } from '../../renderer/src/traffic/status-line';

const base64 = (text: string) => Buffer.from(text).toString('base64');

describe('copy as curl', () => {
  const hop = {
    method: 'GET',
    url: 'http://127.0.0.1:4812/osb/b1/v2/catalog',
    request: { headers: { authorization: '[redacted]', 'x-broker-api-version': '2.17' }, size: 0 },
  };

  it('puts the placeholder variables where the redacted authorization was, never "[redacted]"', () => {
    const curl = curlOf(hop);
    expect(curl).toBe(
      `curl -X GET 'http://127.0.0.1:4812/osb/b1/v2/catalog' -u ${CREDENTIALS_PLACEHOLDER} -H 'x-broker-api-version: 2.17'`,
    );
    expect(curl).not.toContain('redacted');
  });

  it('uses the credentials given, quoted for the shell', () => {
    expect(curlOf(hop, { username: 'proxy', password: `it's` })).toContain(`-u 'proxy:it'\\''s'`);
  });

  it('sends no credentials for a call that had none', () => {
    expect(curlOf({ ...hop, request: { headers: {}, size: 0 } })).toBe(
      `curl -X GET 'http://127.0.0.1:4812/osb/b1/v2/catalog'`,
    );
  });
});

describe('the originating identity header', () => {
  it('decodes the platform and its base64 JSON, UTF-8 included', () => {
    const header = `kubernetes ${base64(JSON.stringify({ username: 'jürgen', uid: '1' }))}`;
    expect(decodeOriginatingIdentity(header)).toEqual({
      platform: 'kubernetes',
      value: { username: 'jürgen', uid: '1' },
    });
  });

  it('says what is wrong with a header that is not "<platform> <base64 JSON>"', () => {
    expect(decodeOriginatingIdentity('cloudfoundry')).toMatchObject({
      problem: expect.stringContaining('<platform>'),
    });
    expect(decodeOriginatingIdentity(`cloudfoundry ${base64('not json')}`)).toMatchObject({
      problem: expect.stringContaining('base64 of a JSON'),
    });
    expect(decodeOriginatingIdentity('cloudfoundry %%%')).toMatchObject({ platform: 'cloudfoundry' });
    expect(decodeOriginatingIdentity(undefined)).toBeUndefined();
  });
});

describe('the status line and query of a hop', () => {
  it('writes the status line with its reason phrase', () => {
    expect(statusLine(201)).toBe('HTTP/1.1 201 Created');
    expect(statusLine(422)).toBe('HTTP/1.1 422 Unprocessable Content');
    expect(statusLine(299)).toBe('HTTP/1.1 299');
  });

  it('lists the query parameters decoded, in order, repeats kept', () => {
    expect(queryParameters('http://h/v2/x?accepts_incomplete=true&plan_id=a%20b&x=1&x=2#frag')).toEqual([
      ['accepts_incomplete', 'true'],
      ['plan_id', 'a b'],
      ['x', '1'],
      ['x', '2'],
    ]);
    expect(queryParameters('http://h/v2/catalog')).toEqual([]);
  });
});
