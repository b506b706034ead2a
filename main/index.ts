export type { SimConfigInput as SimulatorConfig } from './config';
export { shippedFixture } from './package-root';
export type { Endpoints } from './servers/control/endpoints';
export { type Simulator, type SimulatorOptions, startSimulator } from './simulator';
export { type CheckOptions, type CheckReport, check } from './workflows/conformance';
export { type MockBroker, startMockBroker } from './workflows/mock-broker';
export { type HarDocument, type ReplayOptions, type ReplayReport, replay } from './workflows/replay';
export { type RunScenarioOptions, runScenario, type ScenarioResult } from './workflows/scenarios';
