import type { RecordedExchange } from '../replay/load';
import { labelOf } from '../replay/replay';
import { type FieldDifference, fieldDifferences, type RequestShape } from './request-shape';

export interface ShapedExchange {
  exchange: RecordedExchange;
  shape: RequestShape;
}

/** Differences listed in a hint; the rest are counted. */
const SHOWN = 5;
/** Longer values are cut in a hint. */
const VALUE_CHARS = 80;

const cut = (value: string | undefined) =>
  value === undefined ? '(missing)' : value.length > VALUE_CHARS ? `${value.slice(0, VALUE_CHARS)}…` : value;

const describe = ({ field, recorded, asked }: FieldDifference) =>
  `${field} (recorded ${cut(recorded)}, asked ${cut(asked)})`;

/** 0: same method and path template, 1: same path template, 2: another path. */
const distance = (recorded: RequestShape, asked: RequestShape) =>
  recorded.head === asked.head ? 0 : recorded.head.split(' ')[1] === asked.head.split(' ')[1] ? 1 : 2;

/**
 * The recorded request most like `asked`: the same method and path first, then the fewest differing query
 * parameters and body leaves, then the earliest.
 */
function closestRecorded(recorded: readonly ShapedExchange[], asked: RequestShape) {
  const ranked = recorded.map((candidate) => ({
    ...candidate,
    distance: distance(candidate.shape, asked),
    differences: fieldDifferences(candidate.shape, asked),
  }));
  ranked.sort(
    (a, b) =>
      a.distance - b.distance ||
      a.differences.length - b.differences.length ||
      a.exchange.order - b.exchange.order,
  );
  return ranked[0];
}

/** The description of the mock's answer when no recorded request matches `asked`. */
export function noMatchDescription(recorded: readonly ShapedExchange[], asked: RequestShape): string {
  const intro = `The recording has no answer to ${asked.head} with this query and body.`;
  const closest = closestRecorded(recorded, asked);
  if (!closest) return `${intro} The recording holds no request.`;
  const { exchange, differences } = closest;
  const label = `The closest recorded request is ${labelOf(exchange)}`;
  if (closest.distance > 0) return `${intro} ${label}.`;
  if (differences.length === 0)
    return `${intro} ${label}, recorded for another instance or binding than the one these ids replay.`;
  const shown = differences.slice(0, SHOWN).map(describe).join(', ');
  const more = differences.length > SHOWN ? ` and ${differences.length - SHOWN} more` : '';
  return (
    `${intro} ${label}; it differs at ${shown}${more}. A body path or query parameter listed in ` +
    '`mock.ignoredPaths` / `mock.ignoredQuery` of the rules file beside the recording is left out of the match.'
  );
}
