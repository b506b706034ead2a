export { SampleBrokerCore, type SampleBrokerCoreOptions } from './broker';
export { findPlanById, sampleCatalog } from './catalog';
export type { Catalog, CatalogPlan, CatalogService } from './catalog-types';
export type { OsbReply } from './context';
export {
  type Fault,
  type FaultInput,
  type FaultKind,
  faultInputSchema,
  faultKinds,
} from './fault-schema';
export { FaultRegistry, type RequestFaults } from './faults';
export { SAMPLE_IDS } from './ids';
export { type LoggedRequest, loggableBody, RequestLog, redactHeaders } from './request-log';
export {
  bindBodySchema,
  deleteQuerySchema,
  parseInput,
  provisionBodySchema,
  updateBodySchema,
} from './requests';
export { emptySampleBrokerState, type SampleBrokerState, sampleBrokerStateSchema } from './state';
