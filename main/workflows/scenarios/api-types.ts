/** What `GET /api/scenarios` (the shipped scenarios) and `GET /api/scenario-runs/:id` answer. */
export type { StepState } from './runner';
export type { ScenarioRun } from './runs';
export type { ShippedScenario } from './shipped';
