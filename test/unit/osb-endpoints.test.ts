import { describe, expect, it } from 'vitest';
import { decodeOsbPath, osbEndpoints } from '../../main/core/osb/endpoints';
import { osbOperations } from '../../shared/osb-operations';

const pathOf = (pattern: string) => pattern.replace(':instance_id', 'i%201').replace(':binding_id', 'b1');

describe('the OSB endpoint table', () => {
  it.each(osbOperations)('decodes the path of %s to its name and ids', (operation) => {
    const { method, path } = osbEndpoints[operation];
    const ids = {
      ...(path.includes(':instance_id') ? { instanceId: 'i 1' } : {}),
      ...(path.includes(':binding_id') ? { bindingId: 'b1' } : {}),
    };
    expect(decodeOsbPath(method, pathOf(path))).toEqual({ operation, method, ...ids });
  });

  it('gives each method and path one operation', () => {
    const keys = osbOperations.map(
      (operation) => `${osbEndpoints[operation].method} ${osbEndpoints[operation].path}`,
    );
    expect(new Set(keys).size).toBe(osbOperations.length);
  });

  it('decodes nothing of other paths and methods', () => {
    expect(decodeOsbPath('GET', '/v1/service_brokers')).toBeUndefined();
    expect(decodeOsbPath('GET', '/service_instances')).toBeUndefined();
    expect(decodeOsbPath('GET', '/catalog/')).toBeUndefined();
    expect(decodeOsbPath('POST', '/catalog')).toBeUndefined();
    expect(decodeOsbPath('PATCH', '/service_instances/i/service_bindings/b')).toBeUndefined();
    expect(decodeOsbPath('get', '/catalog')).toBeUndefined();
  });

  it('names no endpoint for an id that is not percent-encoding, unless asked to keep it as sent', () => {
    expect(decodeOsbPath('GET', '/service_instances/%zz')).toBeUndefined();
    expect(decodeOsbPath('GET', '/service_instances/%zz', { keepMalformedIds: true })).toEqual({
      operation: 'fetchInstance',
      method: 'GET',
      instanceId: '%zz',
    });
  });
});
