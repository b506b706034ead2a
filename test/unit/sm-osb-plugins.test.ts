import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { EventBus } from '../../main/core/events';
import { ANSWERED_BY_BROKER, ANSWERED_BY_HEADER } from '../../main/core/osb/answered-by';
import { loadPlugins, type PluginDeps, PluginLoadError } from '../../main/core/sm/plugins';
import { cfContext, osbHarness } from '../helpers/sm-harness';
import { tempDir } from '../helpers/temp-dir';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

function recorder() {
  const lines: Array<{ details: object; message: string }> = [];
  const events = new EventBus();
  const emitted: unknown[] = [];
  events.subscribe((event) => emitted.push(event));
  const log = {
    info: (details: object, message: string) => lines.push({ details, message }),
    warn: () => {},
  };
  return { lines, emitted, deps: { log, events } satisfies PluginDeps };
}

const provision = (h: Awaited<ReturnType<typeof osbHarness>>, id: string, platform = h.cf, plan = 'small') =>
  h.call(
    platform,
    'PUT',
    `/service_instances/${id}`,
    h.provisionBody(plan, platform === h.cf ? cfContext() : { namespace: 'ns' }),
  );

describe('quota', () => {
  it('refuses the provision past the limit with 422 QuotaExceeded, without calling the broker', async () => {
    const plugins = await loadPlugins(
      [{ name: 'quota', options: { limits: [{ plan: 'small', max: 2 }] } }],
      recorder().deps,
    );
    const h = await osbHarness({ plugins });
    expect((await provision(h, 'a')).status).toBe(201);
    expect((await provision(h, 'b')).status).toBe(201);
    const calls = h.client.osbCalls().length;
    const refused = await provision(h, 'c');
    expect(refused).toMatchObject({ status: 422, body: { error: 'QuotaExceeded' } });
    const { description } = refused.body as { description: string };
    expect(description).toContain('Platform "cf-dev" already has 2 service instance(s) of plan "small"');
    expect(description).toContain('at most 2');
    expect(description).toContain('raise "max"');
    expect(h.client.osbCalls()).toHaveLength(calls);
    expect((await provision(h, 'd', h.cf, 'large')).status).toBe(201);
    expect((await provision(h, 'e', h.k8s)).status).toBe(201);
    expect((await h.call(h.cf, 'PATCH', '/service_instances/d', { plan_id: 'small' })).status).toBe(422);
  });

  it('applies a limit with a platform name to that platform only, counting all its plans', async () => {
    const plugins = await loadPlugins(
      [{ name: 'quota', options: { limits: [{ platform: 'k8s-dev', max: 1 }] } }],
      recorder().deps,
    );
    const h = await osbHarness({ plugins });
    expect((await provision(h, 'a', h.k8s)).status).toBe(201);
    expect((await provision(h, 'b', h.k8s, 'large')).status).toBe(422);
    expect((await provision(h, 'c')).status).toBe(201);
    expect((await provision(h, 'd')).status).toBe(201);
  });
});

describe('visibility-audit', () => {
  it('logs and emits what a platform saw on every catalog fetch', async () => {
    const audit = recorder();
    const h = await osbHarness({ plugins: await loadPlugins([{ name: 'visibility-audit' }], audit.deps) });
    await h.call(h.k8s, 'GET', '/catalog');
    expect(audit.lines).toHaveLength(1);
    expect(audit.lines[0]!.message).toContain('platform "k8s-dev" sees 3 plan(s) of broker "test"');
    expect(audit.lines[0]!.details).toMatchObject({
      platform: { name: 'k8s-dev', type: 'kubernetes' },
      plans: [
        { offering: 'db', plan: 'small', sm_plan_id: h.planId('small') },
        { offering: 'db', plan: 'large' },
        { offering: 'db', plan: 'k8s-only' },
      ],
    });
    expect(audit.emitted).toMatchObject([{ type: 'sm.visibility-audit', data: { plan_count: 3 } }]);
  });
});

describe('plugin modules', () => {
  async function moduleFile(source: string, name = 'plugin.ts') {
    const dir = await tempDir();
    cleanups.push(dir.remove);
    await writeFile(join(dir.path, name), source);
    return dir.path;
  }

  it('loads a TypeScript factory that rewrites the request and the answer', async () => {
    const baseDir = await moduleFile(`
      import type { OsbPlugin } from '${join(process.cwd(), 'main/core/sm/plugins')}';
      export default (options: { tag: string }): OsbPlugin => ({
        name: 'tagger',
        async before(operation, ctx) {
          if (operation !== 'provision') return;
          const body = ctx.request.body as { parameters?: object };
          ctx.request.body = { ...body, parameters: { ...body.parameters, tag: options.tag } };
          ctx.request.query.tagged = 'yes';
        },
        async after(_operation, _ctx, answer) {
          return { ...answer, headers: { ...answer.headers, 'X-Tag': options.tag } };
        },
      });
    `);
    const plugins = await loadPlugins([{ module: './plugin.ts', options: { tag: 'blue' } }], {
      ...recorder().deps,
      baseDir,
    });
    expect(plugins.map((plugin) => plugin.name)).toEqual(['tagger']);
    const h = await osbHarness({ plugins });
    const answer = await provision(h, 'a');
    expect(answer.headers).toEqual({ [ANSWERED_BY_HEADER]: ANSWERED_BY_BROKER, 'X-Tag': 'blue' });
    expect(h.client.osbCalls()[0]).toMatchObject({
      query: { tagged: 'yes' },
      body: { parameters: { tag: 'blue' } },
    });
    expect(h.state.instances[0]!.parameters).toEqual({ tag: 'blue' });
  });

  it('loads a module exporting a plugin object; a refusal from before skips the broker', async () => {
    const baseDir = await moduleFile(
      `export default { name: 'no-deletes', async before(operation) {
        if (operation === 'deprovision') return { status: 403, body: { description: 'deletes are off' } };
      } };`,
      'plugin.mjs',
    );
    const h = await osbHarness({
      plugins: await loadPlugins([{ module: join(baseDir, 'plugin.mjs') }], recorder().deps),
    });
    await provision(h, 'a');
    const answer = await h.call(h.cf, 'DELETE', '/service_instances/a');
    expect(answer).toEqual({ status: 403, body: { description: 'deletes are off' } });
    expect(h.state.instances).toHaveLength(1);
  });

  it.each([
    [[{ name: 'nope' }], /"plugins" is invalid/],
    [[{ name: 'quota' }], /options of plugin "quota" are invalid/],
    [[{ name: 'quota', options: { limits: [{ max: -1 }] } }], /options of plugin "quota" are invalid/],
    [[{ name: 'visibility-audit', options: { extra: 1 } }], /options of plugin "visibility-audit"/],
    [[{ module: './missing.ts' }], /Cannot load plugin module/],
  ])('refuses %j with a clear error', async (specs, message) => {
    await expect(loadPlugins(specs, recorder().deps)).rejects.toThrow(message);
  });

  it('refuses a module whose default export is not a plugin', async () => {
    const baseDir = await moduleFile('export default 42;', 'plugin.mjs');
    await expect(loadPlugins([{ module: './plugin.mjs' }], { ...recorder().deps, baseDir })).rejects.toThrow(
      PluginLoadError,
    );
  });
});
