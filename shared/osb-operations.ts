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

export type OsbMethod = 'GET' | 'PUT' | 'PATCH' | 'DELETE';
