import { ApiError } from '../errors';

/** The OSB error answers of the sample broker (codes as the spec names them). */
export const asyncRequired = () =>
  new ApiError(
    422,
    'AsyncRequired',
    'This service plan requires client support for asynchronous operations: send accepts_incomplete=true.',
  );

export const concurrencyError = (what: string, extra?: Record<string, unknown>) =>
  new ApiError(
    422,
    'ConcurrencyError',
    `Another operation on ${what} is in progress; wait until it ends (poll last_operation) and retry.`,
    extra,
  );

export const requiresApp = () =>
  new ApiError(422, 'RequiresApp', 'Bindings of this service need an app: send bind_resource.app_guid.');

export const maintenanceInfoConflict = (description: string) =>
  new ApiError(422, 'MaintenanceInfoConflict', description);

export const gone = () => ({ status: 410, body: {} });
