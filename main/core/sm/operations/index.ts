export {
  activeOperation,
  finishOperation,
  KEEP_FINISHED_OPERATIONS,
  type OperationEnd,
  type OperationStart,
  type OperationType,
  type ResourceKind,
  resourceTypeOf,
  startOperation,
} from './records';
export { OperationService } from './service';
