export { isObject } from '../../is-object';
export { catalogForPlatform } from './catalog-view';
export { DEFAULT_BROKER_TIMEOUT_MS, OsbService } from './service';
export type { OsbAnswer, OsbCall, OsbHeaders, OsbServiceDeps } from './types';
export { allowedByMetadata, CLOUD_FOUNDRY, ORG_LABEL, type PlanAccess, planAccess } from './visibility';
