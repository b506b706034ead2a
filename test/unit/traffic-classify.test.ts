import { describe, expect, it } from 'vitest';
import { classifyOsb } from '../../main/traffic';

describe('classifyOsb', () => {
  it.each([
    ['GET', '/v2/catalog', { operation: 'catalog' }],
    ['PUT', '/v2/service_instances/i1', { operation: 'provision', instanceId: 'i1' }],
    ['PATCH', '/v2/service_instances/i1', { operation: 'update', instanceId: 'i1' }],
    ['DELETE', '/v2/service_instances/i1', { operation: 'deprovision', instanceId: 'i1' }],
    ['GET', '/v2/service_instances/i1', { operation: 'fetchInstance', instanceId: 'i1' }],
    ['GET', '/v2/service_instances/i1/last_operation', { operation: 'lastOperation', instanceId: 'i1' }],
    [
      'PUT',
      '/v2/service_instances/i1/service_bindings/b1',
      { operation: 'bind', instanceId: 'i1', bindingId: 'b1' },
    ],
    ['DELETE', '/v2/service_instances/i1/service_bindings/b1', { operation: 'unbind', bindingId: 'b1' }],
    ['GET', '/v2/service_instances/i1/service_bindings/b1', { operation: 'fetchBinding', bindingId: 'b1' }],
    [
      'GET',
      '/v2/service_instances/i1/service_bindings/b1/last_operation',
      { operation: 'bindingLastOperation', instanceId: 'i1', bindingId: 'b1' },
    ],
  ])('%s %s', (method, path, expected) => {
    expect(classifyOsb(method, path)).toMatchObject(expected);
  });

  it('reads the broker id of the SM route, decodes ids, ignores the query and a broker URL path', () => {
    expect(classifyOsb('put', '/v1/osb/b-7/v2/service_instances/a%20b?accepts_incomplete=true')).toEqual({
      operation: 'provision',
      instanceId: 'a b',
      brokerId: 'b-7',
    });
    expect(classifyOsb('GET', '/my/broker/v2/catalog')).toEqual({ operation: 'catalog' });
  });

  it('knows nothing of other calls', () => {
    expect(classifyOsb('POST', '/v2/catalog')).toBeUndefined();
    expect(classifyOsb('PATCH', '/v2/service_instances/i/service_bindings/b')).toBeUndefined();
    expect(classifyOsb('GET', '/v1/service_brokers')).toBeUndefined();
    expect(classifyOsb('GET', '/v2/service_instances')).toBeUndefined();
  });
});
