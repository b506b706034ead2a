export type { SimConfigInput as SimulatorConfig } from './config';
export { type CheckOptions, type CheckReport, check } from './fixtures/check';
export { type MockBroker, startMockBroker } from './fixtures/mock-broker';
export { type ReplayOptions, type ReplayReport, replay } from './fixtures/replay';
export { type RunScenarioOptions, runScenario, type ScenarioResult } from './fixtures/scenarios';
export { shippedFixture } from './package-root';
export type { Endpoints } from './servers/control/endpoints';
export { type Simulator, type SimulatorOptions, startSimulator } from './simulator';
