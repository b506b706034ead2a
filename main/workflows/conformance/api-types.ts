import type { CheckRuns } from './runs';

/** `GET /api/fixtures/checks/:id`: a conformance run, its progress, and its checks grouped by area. */
export type CheckRunView = NonNullable<ReturnType<CheckRuns['view']>>;

export type { CheckResultView, EvidenceView, PendingCheck } from './runs';
