import type { Request, Response } from 'express';
import { byCreation, filterByQueries, type Positioned, paginate } from '../../core/sm/listing';
import type { Labels } from '../../core/sm/model';

/** A `/v1` list answer: fieldQuery / labelQuery, sorted by creation, paged, with a `Link` to the next page. */
export function sendList<T extends Positioned & { labels?: Labels }>(
  req: Request,
  res: Response,
  items: readonly T[],
  fields: readonly string[],
) {
  const matching = filterByQueries(items, req.query, new Set(fields)).sort(byCreation);
  const { page, link } = paginate(matching, req.query, req.originalUrl);
  if (link) res.setHeader('Link', link);
  res.json(page);
}
