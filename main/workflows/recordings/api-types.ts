/** What `/api/recordings` answers: each recording of a broker's traffic. */
export type { Recording } from './recordings';
