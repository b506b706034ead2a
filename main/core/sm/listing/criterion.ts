/** The two query parameters of a Service Manager list; both share one grammar. */
export type QueryKind = 'fieldQuery' | 'labelQuery';

export type Scalar = string | number | boolean;

export const operators = ['eq', 'ne', 'gt', 'lt', 'ge', 'le', 'in', 'notin', 'en', 'contains'] as const;
export type Operator = (typeof operators)[number];

export type ListOperator = 'in' | 'notin';
export type EqualityOperator = 'eq' | 'ne' | 'en';
export type OrderOperator = 'gt' | 'lt' | 'ge' | 'le';

/** One `<left> <op> <right>` of a query; the shape of the right side follows from the operator. */
export type Criterion = { kind: QueryKind; left: string } & (
  | { op: ListOperator; values: Scalar[] }
  | { op: EqualityOperator; value: Scalar | null }
  | { op: OrderOperator; value: number | string }
  | { op: 'contains'; value: string }
);

export const isOperator = (text: string): text is Operator => (operators as readonly string[]).includes(text);

export const NUMBER = /^[+-]?\d+(\.\d+)?$/;
export const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/i;
