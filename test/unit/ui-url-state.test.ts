import { describe, expect, it } from 'vitest';
import { NO_FILTERS } from '../../renderer/src/traffic/flow-query';
import {
  flowHref,
  formatPlace,
  instanceHref,
  instancePlaceOf,
  parsePlace,
  trafficHref,
  trafficPlaceOf,
} from '../../renderer/src/url-state';
import { VIEWS } from '../../renderer/src/view-list';

const trafficOf = (hash: string) => trafficPlaceOf(parsePlace(hash).params);

describe('URL state', () => {
  it('reads every view from its own hash, and the landscape from an empty or unknown one', () => {
    for (const { id } of VIEWS) expect(parsePlace(formatPlace(id)).view).toBe(id);
    expect(parsePlace('').view).toBe('landscape');
    expect(parsePlace('#/').view).toBe('landscape');
    expect(parsePlace('#/no-such-view?flow=1').view).toBe('landscape');
  });

  it('gives a view without state its bare hash', () => {
    expect(trafficHref()).toBe('#/traffic');
    expect(trafficHref({ platform: '', text: '' })).toBe('#/traffic');
  });

  it('round-trips the Traffic filters and the open flow, whatever characters they hold', () => {
    const filters = {
      text: 'a b&c=d?#/é ',
      platform: 'cf-dev',
      broker: 'sample',
      operation: 'provision',
      status: '4xx',
      instance: '6f1c-…',
    };
    const href = trafficHref(filters, 'flow/1?x');
    expect(href.startsWith('#/traffic?')).toBe(true);
    expect(parsePlace(href).view).toBe('traffic');
    expect(trafficOf(href)).toEqual({ filters, flow: 'flow/1?x', hop: null });
  });

  it('leaves unset filters at their defaults', () => {
    expect(trafficOf(trafficHref({ instance: 'i-1' }))).toEqual({
      filters: { ...NO_FILTERS, instance: 'i-1' },
      flow: null,
      hop: null,
    });
    expect(trafficOf(flowHref('f-1'))).toEqual({ filters: NO_FILTERS, flow: 'f-1', hop: null });
  });

  it('round-trips the hop opened in a flow, and has no hop without a flow', () => {
    expect(trafficOf(flowHref('f-1', '42'))).toEqual({ filters: NO_FILTERS, flow: 'f-1', hop: '42' });
    expect(trafficHref({ platform: 'cf-dev' }, null, '42')).toBe('#/traffic?platform=cf-dev');
    expect(trafficOf('#/traffic?hop=42').hop).toBeNull();
  });

  it('drops an operation or status class the filter controls cannot show', () => {
    const { filters } = trafficOf('#/traffic?operation=explode&status=7xx&platform=k8s-dev');
    expect(filters).toEqual({ ...NO_FILTERS, platform: 'k8s-dev' });
  });

  it('round-trips the instance picked out in the Instances view', () => {
    const place = parsePlace(instanceHref('3b2e a/b'));
    expect(place.view).toBe('instances');
    expect(instancePlaceOf(place.params)).toEqual({ instance: '3b2e a/b' });
    expect(instancePlaceOf(parsePlace('#/instances').params)).toEqual({ instance: null });
  });
});
