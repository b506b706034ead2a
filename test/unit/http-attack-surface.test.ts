import type { IncomingMessage } from 'node:http';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ApiError } from '../../main/core/errors';
import { DEFAULT_LIMITS } from '../../main/core/limits';
import { isLoopbackHostname } from '../../main/core/loopback';
import { basicAuthHeader } from '../../main/servers/http/basic-auth';
import { confinedUrl } from '../../main/servers/http/confined-url';
import { credentialsOffLoopback } from '../../main/servers/http/credentials-off-loopback';
import { allowedHostnames, hostRefusal } from '../../main/servers/http/host-check';
import { pathProblem } from '../../main/servers/http/safe-path';
import { crossOriginRefusal } from '../../main/servers/http/same-origin';

const request = (headers: Record<string, string>, method = 'GET') =>
  ({ headers, method, socket: { localPort: 4810 } }) as unknown as IncomingMessage;

describe('loopback names', () => {
  it('are the literal loopback addresses and localhost, nothing that merely resolves there', () => {
    for (const name of ['127.0.0.1', '127.3.2.1', 'localhost', 'LocalHost.', 'ui.localhost', '[::1]', '::1'])
      expect(isLoopbackHostname(name), name).toBe(true);
    for (const name of ['0.0.0.0', 'evil.example', '127.0.0.1.nip.io', '128.0.0.1', '127.0.0.256', '::2'])
      expect(isLoopbackHostname(name), name).toBe(false);
  });
});

describe('Host check', () => {
  const loopbackOnly = allowedHostnames('127.0.0.1');

  it('accepts loopback names with or without the port', () => {
    for (const host of ['127.0.0.1:4810', '127.0.0.1', 'localhost:4810', 'LOCALHOST', '[::1]:4810', '[::1]'])
      expect(hostRefusal(request({ host }), loopbackOnly), host).toBeUndefined();
  });

  it('refuses any other name with a 403 that says which address to use', () => {
    for (const host of ['evil.example', 'evil.example:4810', '10.0.0.7:4810', '0.0.0.0:4810']) {
      const refusal = hostRefusal(request({ host }), loopbackOnly);
      expect(refusal?.status, host).toBe(403);
      expect(refusal?.description).toContain('http://127.0.0.1:4810');
    }
    expect(hostRefusal(request({}), loopbackOnly)?.status).toBe(403);
  });

  it('accepts the --host address, and for a wildcard bind the machine’s own addresses', () => {
    expect(
      hostRefusal(request({ host: '192.168.7.9:4810' }), allowedHostnames('192.168.7.9')),
    ).toBeUndefined();
    expect(hostRefusal(request({ host: '[fd00::5]:1' }), allowedHostnames('fd00::5'))).toBeUndefined();
    const wildcard = allowedHostnames('0.0.0.0');
    expect(hostRefusal(request({ host: '0.0.0.0:4810' }), wildcard)).toBeUndefined();
    expect(hostRefusal(request({ host: 'evil.example' }), wildcard)?.status).toBe(403);
  });
});

describe('cross-origin requests', () => {
  const own = { host: '127.0.0.1:4810' };

  it('pass when they come from the server’s own origin or from no browser at all', () => {
    expect(crossOriginRefusal(request(own, 'POST'))).toBeUndefined();
    expect(
      crossOriginRefusal(
        request({ ...own, origin: 'http://127.0.0.1:4810', 'sec-fetch-site': 'same-origin' }, 'POST'),
      ),
    ).toBeUndefined();
    expect(crossOriginRefusal(request({ ...own, 'sec-fetch-site': 'none' }))).toBeUndefined();
  });

  it('are refused for a foreign Origin whatever the method, null included', () => {
    for (const origin of ['http://evil.example', 'http://127.0.0.1:4811', 'http://localhost:4810', 'null'])
      for (const method of ['GET', 'POST', 'DELETE', 'OPTIONS'])
        expect(crossOriginRefusal(request({ ...own, origin }, method))?.status, `${method} ${origin}`).toBe(
          403,
        );
  });

  it('are refused when the browser says cross-site or same-site, but for a link followed to a page', () => {
    for (const site of ['cross-site', 'same-site']) {
      expect(crossOriginRefusal(request({ ...own, 'sec-fetch-site': site }, 'POST'))?.status).toBe(403);
      expect(
        crossOriginRefusal(request({ ...own, 'sec-fetch-site': site, 'sec-fetch-mode': 'cors' }))?.status,
      ).toBe(403);
      const link = { 'sec-fetch-site': site, 'sec-fetch-mode': 'navigate', 'sec-fetch-dest': 'document' };
      expect(crossOriginRefusal(request({ ...own, ...link }))).toBeUndefined();
      expect(crossOriginRefusal(request({ ...own, ...link, 'sec-fetch-dest': 'iframe' }))?.status).toBe(403);
      expect(crossOriginRefusal(request({ ...own, ...link }, 'POST'))?.status).toBe(403);
    }
  });
});

describe('request paths', () => {
  const dot = fc.constantFrom('..', '.', '%2e%2e', '%2E%2e', '.%2e', '%2e', '%2E');
  const separator = fc.constantFrom('%2f', '%2F', '%5c', '%5C', '\\');
  const plain = fc.stringMatching(/^[\w~-][\w.~-]{0,11}$/).filter((s) => s !== '.' && s !== '..');

  it('with a dot segment or an encoded separator anywhere are refused', () => {
    fc.assert(
      fc.property(fc.array(plain), dot, fc.array(plain), (before, bad, after) => {
        expect(pathProblem(`/${[...before, bad, ...after].join('/')}?q=1`)).toBeDefined();
      }),
    );
    fc.assert(
      fc.property(plain, separator, plain, (left, bad, right) => {
        expect(pathProblem(`/osb/${left}${bad}${right}/v2/catalog`)).toBeDefined();
      }),
    );
    expect(pathProblem('/v2/%zz')).toBeDefined();
  });

  it('made of plain segments pass and stay under the prefix they are forwarded to', () => {
    fc.assert(
      fc.property(fc.array(plain, { maxLength: 6 }), (segments) => {
        const path = `/v1/osb/broker-1/v2/${segments.join('/')}`;
        expect(pathProblem(path)).toBeUndefined();
        expect(confinedUrl('http://127.0.0.1:1/', path, '/v1/osb/broker-1/v2/')?.pathname).toBe(path);
      }),
    );
  });

  it('that pass are forwarded as sent: resolving them changes nothing, so no prefix can be left', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(plain, dot, separator), { maxLength: 8 }), (parts) => {
        const path = `/v1/osb/b/v2/${parts.join('/')}`;
        const resolved = new URL(path, 'http://127.0.0.1:1').pathname;
        if (pathProblem(path) === undefined) expect(resolved).toBe(path);
        if (!resolved.startsWith('/v1/osb/b/v2/')) {
          expect(pathProblem(path)).toBeDefined();
          expect(confinedUrl('http://127.0.0.1:1', path, '/v1/osb/b/v2/')).toBeUndefined();
        }
      }),
    );
  });
});

describe('credentials off loopback', () => {
  const token = { username: 'smsim', password: 'control-token' };
  const own = { username: 'admin', password: 'admin-pw' };
  /** What the rule does with a request carrying `authorization`: passes it (undefined) or refuses it. */
  const outcome = (host: string, authorization?: string) => {
    const rule = credentialsOffLoopback({
      host,
      limits: DEFAULT_LIMITS,
      controlToken: token,
      auth: (given) => given.username === own.username && given.password === own.password,
    });
    const headers: Record<string, string> = {};
    const req = { headers: authorization ? { authorization } : {} };
    const res = { setHeader: (name: string, value: string) => (headers[name] = value) };
    let result: { error?: ApiError; headers: Record<string, string> } = { headers };
    rule(req as never, res as never, (error?: unknown) => {
      result = { error: error as ApiError | undefined, headers };
    });
    return result;
  };

  it('change nothing on loopback', () => {
    for (const host of ['127.0.0.1', 'localhost', '::1']) expect(outcome(host).error).toBeUndefined();
  });

  it('are required off loopback: the control token or the server’s own, else a 401 with a Basic challenge', () => {
    for (const host of ['0.0.0.0', '::', '192.168.1.5']) {
      expect(outcome(host, basicAuthHeader(token)).error).toBeUndefined();
      expect(outcome(host, basicAuthHeader(own)).error).toBeUndefined();
      for (const wrong of [undefined, basicAuthHeader({ ...token, password: 'x' }), 'Bearer control-token']) {
        const refused = outcome(host, wrong);
        expect(refused.error?.status).toBe(401);
        expect(refused.error?.description).toContain(host);
        expect(refused.headers['WWW-Authenticate']).toMatch(/^Basic realm="smsim"/);
      }
    }
  });

  it('cannot be left out by a server bound off loopback', () => {
    expect(() => credentialsOffLoopback({ host: '0.0.0.0', limits: DEFAULT_LIMITS })).toThrow(
      /needs credentials/,
    );
  });
});
