export { builtInPluginNames, type PluginSpec, pluginSpecSchema, pluginSpecsSchema } from './config';
export { type LoadPluginsDeps, loadPlugins, type PluginFactory, PluginLoadError } from './load';
export { type QuotaOptions, quotaOptionsSchema, quotaPlugin } from './quota';
export { runAfter, runBefore } from './run';
export type { DeepReadonly, OsbContext, OsbPlugin, OsbRequest, PluginDeps, PluginLogger } from './types';
export { visibilityAuditPlugin } from './visibility-audit';
