import { readFile } from 'node:fs/promises';

/** The value of a JSON file, or of a YAML one (`.yaml`, `.yml`). */
export async function readDataFile(file: string): Promise<unknown> {
  const text = await readFile(file, 'utf8');
  if (!/\.ya?ml$/i.test(file)) return JSON.parse(text);
  const { parse: parseYaml } = await import('yaml'); // only for YAML files, not with every start
  return parseYaml(text);
}
