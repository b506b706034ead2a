import { selectFiles } from '../select';

/** The scenarios (JSON or YAML) named by files, folders and globs, sorted by path (see selectFiles). */
export const selectScenarios = (given: readonly string[]) =>
  selectFiles(given, { extensions: ['.json', '.yaml', '.yml'], noun: 'scenario (.json, .yaml, .yml)' });
