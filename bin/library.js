// `import { startSimulator } from 'smsim'` in plain Node: load the TypeScript sources through tsx.
import { tsImport } from 'tsx/esm/api';

const library = await tsImport('../main/index.ts', import.meta.url);

export const { startSimulator, check, replay, runScenario, startMockBroker } = library;
