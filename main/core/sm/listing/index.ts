export type { Criterion, Operator, QueryKind, Scalar } from './criterion';
export { filterByQueries, type ListQueries } from './filter';
export { applyLabelChanges, type LabelChange, labelOperations, parseLabelChanges } from './label-changes';
export { parseLabelsForCreate } from './labels-input';
export { matchesFieldCriteria, matchesLabelCriteria } from './match';
export { byCreation, type Positioned } from './page-token';
export {
  DEFAULT_MAX_ITEMS,
  MAX_ITEMS_LIMIT,
  type NextUrl,
  type Page,
  type PageParams,
  type PageResult,
  paginate,
} from './paginate';
export { parseQuery } from './parse-query';
