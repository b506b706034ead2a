import { z } from 'zod';

export const builtInPluginNames = ['quota', 'visibility-audit'] as const;

/** One entry of `"plugins"` in the config file: a built-in plugin by name, or a module by path. */
export const pluginSpecSchema = z.union([
  z.strictObject({ name: z.enum(builtInPluginNames), options: z.unknown().optional() }),
  z.strictObject({
    /** A TS/JS file (relative to the config file's folder, or absolute) exporting default a plugin or a factory. */
    module: z.string().min(1),
    options: z.unknown().optional(),
  }),
]);
export type PluginSpec = z.infer<typeof pluginSpecSchema>;

/** The `plugins` key of the config: `[{"name":"quota","options":{...}}, {"module":"./my-plugin.ts"}]`. */
export const pluginSpecsSchema = z.array(pluginSpecSchema);
