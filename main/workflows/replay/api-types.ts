/** What `GET /api/replays/:id` answers: a replay, each exchange with its differences. */
export type { Difference } from './compare';
export type { ReplayExchange, ReplayRun } from './runs';
