/** What the control server itself answers: `GET /api/endpoints`, and each event of the `/api/events` stream. */
export type { SimEvent } from '../../core/events';
export type { Endpoints } from './endpoints';
