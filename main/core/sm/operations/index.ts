export {
  activeOperation,
  finishOperation,
  KEEP_FINISHED_OPERATIONS,
  type OperationEnd,
  type OperationStart,
  type OperationType,
  type ResourceKind,
  resourceKindOf,
  resourceTypeOf,
  startOperation,
} from './records';
export { OperationService } from './service';
