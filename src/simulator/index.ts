/**
 * A local, stateful Jumio KYX tenant for development and tests: {@link createSimulator} (in
 * process, as a client's `fetch`) and {@link startSimulator} (on a loopback port). See the guide
 * "Simulator and testing your own integration with it".
 *
 * @packageDocumentation
 * @module jumio-kyx/simulator
 */
export { type SampleFiles, sampleFiles } from './sample-files.js';
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
  type SimulatorPermission,
  type SimulatorRateLimits,
  type SimulatorRequestLog,
  type SimulatorRoute,
  type SimulatorStats,
  type StartSimulatorOptions,
} from './types.js';
