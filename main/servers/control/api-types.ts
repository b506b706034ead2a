/** What the control server itself answers: `GET /api/endpoints`, `GET /api/landscape`, and each event of the `/api/events` stream. */
export type { SimEvent } from '../../core/events';
export type { EdgeStatsView } from '../../traffic/edge-stats';
export type { Endpoints } from './endpoints';
export type { HopCredentials } from './hop-credentials';
export type { LandscapeNodeView, LandscapeView } from './landscape-router';
