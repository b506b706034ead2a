import { isAbsolute, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { z } from 'zod';
import { fromError } from 'zod-validation-error';
import { type PluginSpec, pluginSpecsSchema } from './config';
import { quotaOptionsSchema, quotaPlugin } from './quota';
import type { OsbPlugin, PluginDeps } from './types';
import { visibilityAuditOptionsSchema, visibilityAuditPlugin } from './visibility-audit';

export class PluginLoadError extends Error {
  override name = 'PluginLoadError';
}

export interface LoadPluginsDeps extends PluginDeps {
  /** Where relative module paths start (the config file's folder). Default: the working directory. */
  baseDir?: string;
  /** How a module is loaded; default `import()` (TypeScript modules need a TS-aware loader such as tsx). */
  importModule?: (url: string) => Promise<unknown>;
}

/** What a plugin module may export as default: a plugin, or a factory of one. */
export type PluginFactory = (options: unknown, deps: PluginDeps) => OsbPlugin | Promise<OsbPlugin>;

function parseOptions<S extends z.ZodType>(schema: S, options: unknown, plugin: string): z.infer<S> {
  const parsed = schema.safeParse(options);
  if (parsed.success) return parsed.data;
  throw new PluginLoadError(
    `The options of plugin "${plugin}" are invalid: ${fromError(parsed.error, { prefix: null }).message}.`,
  );
}

const builtIns: Record<string, (options: unknown, deps: PluginDeps) => OsbPlugin> = {
  quota: (options) => quotaPlugin(parseOptions(quotaOptionsSchema, options, 'quota')),
  'visibility-audit': (options, deps) => {
    parseOptions(visibilityAuditOptionsSchema, options, 'visibility-audit');
    return visibilityAuditPlugin(deps);
  },
};

const isPlugin = (value: unknown): value is OsbPlugin => {
  const candidate = value as Partial<OsbPlugin> | null;
  return (
    typeof candidate?.name === 'string' &&
    candidate.name !== '' &&
    ['before', 'after'].every((hook) => {
      const fn = (candidate as Record<string, unknown>)[hook];
      return fn === undefined || typeof fn === 'function';
    })
  );
};

async function loadModule(spec: PluginSpec & { module: string }, deps: LoadPluginsDeps): Promise<OsbPlugin> {
  const path = isAbsolute(spec.module) ? spec.module : resolve(deps.baseDir ?? process.cwd(), spec.module);
  const importModule = deps.importModule ?? ((url: string) => import(url));
  let loaded: unknown;
  try {
    loaded = await importModule(pathToFileURL(path).href);
  } catch (error) {
    throw new PluginLoadError(`Cannot load plugin module ${path}: ${(error as Error).message}`);
  }
  const exported = (loaded as { default?: unknown } | undefined)?.default;
  const plugin =
    typeof exported === 'function' ? await (exported as PluginFactory)(spec.options, deps) : exported;
  if (!isPlugin(plugin)) {
    throw new PluginLoadError(
      `Plugin module ${path} must export default a plugin ({ name, before?, after? }) or a factory ` +
        '(options, deps) => plugin.',
    );
  }
  return plugin;
}

/** The plugins of the config, in order; any problem is a PluginLoadError that names the plugin and the fix. */
export async function loadPlugins(specs: unknown, deps: LoadPluginsDeps): Promise<OsbPlugin[]> {
  const parsed = pluginSpecsSchema.safeParse(specs ?? []);
  if (!parsed.success) {
    throw new PluginLoadError(
      `"plugins" is invalid: ${fromError(parsed.error, { prefix: null }).message}. ` +
        'Each entry is {"name": "quota" | "visibility-audit", "options"?: {...}} or {"module": "./file.ts", "options"?: {...}}.',
    );
  }
  const plugins: OsbPlugin[] = [];
  for (const spec of parsed.data) {
    plugins.push('module' in spec ? await loadModule(spec, deps) : builtIns[spec.name]!(spec.options, deps));
  }
  return plugins;
}
