export type { SimConfigInput as SimulatorConfig } from './config';
export { type CheckOptions, type CheckReport, check } from './fixtures/check';
export type { Endpoints } from './servers/control/endpoints';
export { type Simulator, type SimulatorOptions, startSimulator } from './simulator';
