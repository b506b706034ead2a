/**
 * The OSB operations by the one name each has everywhere: the SM's route and plugins, the capture's
 * classification (stored exchanges, HAR `_osb`, the Traffic filter) and the sample broker's faults. No imports,
 * so the UI can import its types.
 */
export const osbOperations = [
  'catalog',
  'provision',
  'update',
  'deprovision',
  'fetchInstance',
  'lastOperation',
  'bind',
  'unbind',
  'fetchBinding',
  'bindingLastOperation',
] as const;
export type OsbOperation = (typeof osbOperations)[number];

export type OsbMethod = 'GET' | 'PUT' | 'PATCH' | 'DELETE';
