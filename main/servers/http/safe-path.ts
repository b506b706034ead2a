import { ApiError } from '../../core/errors';
import type { RequestRule } from './front-door';

/** What is wrong with a request path as sent (before any decoding), or undefined when it is plain. */
export function pathProblem(rawUrl: string): string | undefined {
  const path = rawUrl.split(/[?#]/, 1)[0]!;
  if (path.includes('\\')) return 'it holds a backslash';
  for (const segment of path.split('/')) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(segment);
    } catch {
      return `its segment "${segment.slice(0, 100)}" is not valid percent-encoding`;
    }
    if (decoded === '.' || decoded === '..') return `it holds the segment "${segment}"`;
    if (decoded.includes('/') || decoded.includes('\\'))
      return `its segment "${segment.slice(0, 100)}" holds an encoded slash or backslash`;
  }
  return undefined;
}

/** A 400 for a path with dot segments or encoded separators, or undefined. */
export function pathRefusal(rawUrl: string): ApiError | undefined {
  const problem = pathProblem(rawUrl);
  if (!problem) return undefined;
  return new ApiError(
    400,
    'BadPath',
    `The request path is refused because ${problem}: smsim serves and forwards only plain paths, without ` +
      '".", "..", backslashes or encoded slashes. Send the path as the API documents it.',
  );
}

/** Every server: no path that a proxy could resolve to somewhere else (`..`, `%2e%2e`, `%2f`, `\`). */
export const safePath: RequestRule = () => (req, _res, next) => next(pathRefusal(req.url ?? '/'));
