/**
 * The OSB operations by the one name each has everywhere: the SM's route and plugins, the capture's
 * classification (stored exchanges, HAR `_osb`, the Traffic filter), the sample broker's faults and the UI.
 * It lives in shared/, which main/ and the UI both import and which imports nothing (bin/check-ui-imports.js
 * checks both); the UI imports nothing of main/ at run time.
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

/** The operations that may run asynchronously (a 202, then `last_operation` polls until it ends). */
export const asyncOperations = [
  'provision',
  'update',
  'deprovision',
  'bind',
  'unbind',
] as const satisfies readonly OsbOperation[];

export type OsbMethod = 'GET' | 'PUT' | 'PATCH' | 'DELETE';
