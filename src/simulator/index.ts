export { startSimulator } from './server.js';
export { createSimulator } from './simulator.js';
export {
  type RateLimit,
  type RunningSimulator,
  SIMULATOR_ROUTES,
  type Simulator,
  type SimulatorCallbackLog,
  type SimulatorClient,
  type SimulatorFault,
  type SimulatorOptions,
  type SimulatorRateLimits,
  type SimulatorRequestLog,
  type SimulatorRoute,
  type SimulatorStats,
  type StartSimulatorOptions,
} from './types.js';
