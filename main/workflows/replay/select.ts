import { selectFiles } from '../select';

/** The recordings (`.har`) named by files, folders and globs, sorted by path (see selectFiles). */
export const selectRecordings = (given: readonly string[]) =>
  selectFiles(given, { extensions: ['.har'], noun: 'recording (.har)' });
