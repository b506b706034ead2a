import { ApiError, badRequest } from '../../core/errors';
import type { RequestRule } from './front-door';

/**
 * Every segment of the path decodes (percent-encoding of UTF-8) and is at most `limits.maxIdLength`
 * characters: ids and names travel in paths, and none is longer.
 */
export const pathLengths: RequestRule =
  ({ limits: { maxIdLength } }) =>
  (req, _res, next) => {
    for (const segment of req.path.split('/')) {
      let decoded: string;
      try {
        decoded = decodeURIComponent(segment);
      } catch {
        return next(
          badRequest(`The path segment "${segment.slice(0, 64)}" is not valid percent-encoded UTF-8.`),
        );
      }
      if (decoded.length > maxIdLength)
        return next(
          new ApiError(
            414,
            'UriTooLong',
            `A path segment is ${decoded.length} characters long; ids and names are at most ${maxIdLength} (config key limits.maxIdLength). Use a shorter id.`,
          ),
        );
    }
    next();
  };
