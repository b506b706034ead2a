import { badRequest } from '../../errors';
import { type Criterion, isOperator, operators, type QueryKind, type Scalar } from './criterion';
import { Reader } from './reader';

const LEFT = /[^\s'()]+/y;
const OPERATOR = /[^\s'(]+/y;

/** Parses one criterion; `number` (1-based) and the text go into every error so the caller can find it. */
export function parseCriterion(
  text: string,
  kind: QueryKind,
  number: number,
  allowed?: Set<string>,
): Criterion {
  const fail: (problem: string, hint?: string) => never = (problem, hint) => {
    throw badRequest(`${problem} in ${kind} criterion ${number} "${text}"${hint ? `; ${hint}` : ''}`);
  };
  const reader = new Reader(text, fail);
  const subject = kind === 'fieldQuery' ? 'field' : 'label key';

  const left = reader.take(LEFT) ?? fail(`expected a ${subject} at the start`);
  if (allowed && !allowed.has(left)) {
    fail(`unknown ${subject} "${left}"`, `one of: ${[...allowed].sort().join(', ')}`);
  }
  reader.skipSpace();
  const op = reader.take(OPERATOR) ?? fail(`missing operator after "${left}"`);
  if (!isOperator(op)) fail(`unknown operator "${op}"`, `use one of ${operators.join(', ')}`);
  reader.skipSpace();
  if (reader.atEnd) fail(`missing value after operator "${op}"`);

  const isList = reader.peek() === '(';
  let criterion: Criterion;
  if (op === 'in' || op === 'notin') {
    if (!isList) fail(`operator "${op}" needs a list like ('a','b')`);
    const values = reader.list();
    if (values.includes(null)) fail(`null cannot be a list item of operator "${op}"`);
    criterion = { kind, left, op, values: values as Scalar[] };
  } else {
    if (isList) fail(`operator "${op}" needs a single value, not a list`);
    criterion = typed(kind, left, op, reader.value(), fail);
  }
  reader.skipSpace();
  if (!reader.atEnd) {
    const hint = reader.rest.includes("'") ? "write '' for a quote inside a string" : undefined;
    fail(`unexpected "${reader.rest}" after the value`, hint);
  }
  return criterion;
}

function typed(
  kind: QueryKind,
  left: string,
  op: Exclude<Criterion['op'], 'in' | 'notin'>,
  value: Scalar | null,
  fail: (problem: string, hint?: string) => never,
): Criterion {
  switch (op) {
    case 'eq':
    case 'ne':
    case 'en':
      return { kind, left, op, value };
    case 'contains':
      if (typeof value !== 'string') return fail(`operator "contains" needs a quoted string, not ${value}`);
      return { kind, left, op, value };
    default:
      if (typeof value !== 'string' && typeof value !== 'number') {
        return fail(`operator "${op}" needs a number or a string, not ${value}`);
      }
      return { kind, left, op, value };
  }
}
