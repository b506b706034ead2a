import { describe, expect, it } from 'vitest';
import { type CatalogProblem, validateCatalog } from '../../main/core/osb/catalog-validation';

const summary = (problems: CatalogProblem[]) =>
  problems.map(({ severity, path, code }) => `${severity} ${path} ${code}`);

describe('validateCatalog: field details', () => {
  const single = (offering: Record<string, unknown>, plan: Record<string, unknown> = {}) => ({
    services: [
      {
        id: 'o',
        name: 'o',
        description: 'O.',
        bindable: true,
        ...offering,
        plans: [{ id: 'p', name: 'p', description: 'P.', ...plan }],
      },
    ],
  });
  const codes = (input: unknown) => summary(validateCatalog(input).problems);

  it('tells a missing or blank string from one of the wrong type', () => {
    expect(codes(single({ name: '   ' }))).toEqual(['error services[0].name missing-name']);
    expect(codes(single({ name: 42 }))).toEqual(['error services[0].name invalid-name']);
    expect(codes(single({}, { id: ['p'] }))).toEqual(['error services[0].plans[0].id invalid-id']);
  });

  it('checks tags, requires, metadata and dashboard_client shapes', () => {
    expect(codes(single({ tags: 'sql' }))).toEqual(['error services[0].tags invalid-tags']);
    expect(codes(single({ tags: ['ok', 3] }))).toEqual(['error services[0].tags[1] invalid-tags']);
    expect(codes(single({ requires: 'syslog_drain' }))).toEqual([
      'error services[0].requires invalid-requires',
    ]);
    expect(codes(single({ metadata: [] }))).toEqual(['error services[0].metadata invalid-metadata']);
    expect(codes(single({}, { metadata: 'x' }))).toEqual([
      'error services[0].plans[0].metadata invalid-metadata',
    ]);
    expect(codes(single({ dashboard_client: 'x' }))).toEqual([
      'error services[0].dashboard_client invalid-dashboard-client',
    ]);
    expect(codes(single({ dashboard_client: {} }))).toEqual([
      'error services[0].dashboard_client.id incomplete-dashboard-client',
      'error services[0].dashboard_client.secret incomplete-dashboard-client',
      'error services[0].dashboard_client.redirect_uri incomplete-dashboard-client',
    ]);
  });

  it('never repeats a dashboard secret in a message', () => {
    const secret = 'x'.repeat(300);
    const { problems } = validateCatalog(
      single({ dashboard_client: { id: 'd', secret, redirect_uri: 'https://r' } }),
    );
    expect(problems).toEqual([]);
  });

  it('accepts only SemVer 2.0 maintenance versions', () => {
    for (const version of ['1.0.0', '0.0.1-alpha.1', '10.2.3+build.7']) {
      expect(codes(single({}, { maintenance_info: { version } }))).toEqual([]);
    }
    for (const version of ['v1.0.0', '=1.0.0', ' 1.0.0', '1.0', '01.0.0', 1, undefined]) {
      expect(codes(single({}, { maintenance_info: { version } }))).toEqual([
        'error services[0].plans[0].maintenance_info.version invalid-maintenance-info-version',
      ]);
    }
    expect(codes(single({}, { maintenance_info: '1.0.0' }))).toEqual([
      'error services[0].plans[0].maintenance_info invalid-maintenance-info',
    ]);
    expect(codes(single({}, { maintenance_info: { version: '1.0.0', description: 5 } }))).toEqual([
      'error services[0].plans[0].maintenance_info.description invalid-maintenance-info',
    ]);
  });

  it('accepts only positive whole maximum_polling_duration values', () => {
    expect(codes(single({}, { maximum_polling_duration: 1 }))).toEqual([]);
    for (const value of [0, -1, 1.5, '60', Number.POSITIVE_INFINITY, Number.NaN]) {
      expect(codes(single({}, { maximum_polling_duration: value }))).toEqual([
        'error services[0].plans[0].maximum_polling_duration invalid-maximum-polling-duration',
      ]);
    }
  });

  it('tells a missing plan list from one of the wrong type, and checks every entry', () => {
    const noPlans = { services: [{ id: 'o', name: 'o', description: 'O.', bindable: true }] };
    expect(codes(noPlans)).toEqual(['error services[0].plans missing-plans']);
    expect(codes({ services: [{ ...noPlans.services[0], plans: {} }] })).toEqual([
      'error services[0].plans invalid-plans',
    ]);
    expect(codes({ services: [{ ...noPlans.services[0], plans: [null] }] })).toEqual([
      'error services[0].plans[0] invalid-plan',
    ]);
    expect(codes({ services: ['x'] })).toEqual(['error services[0] invalid-offering']);
  });

  it('allows equal plan names in different offerings', () => {
    const input = single({});
    input.services.push({
      ...input.services[0]!,
      id: 'o2',
      name: 'o2',
      plans: [{ id: 'p2', name: 'p', description: 'P.' }],
    });
    expect(codes(input)).toEqual([]);
  });
});
