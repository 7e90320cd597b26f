import SimulationWorker from './sim.worker.ts?worker&inline';
import TrainerWorker from './trainer.worker.ts?worker&inline';

/**
 * The single file's twin of spawn.ts: the workers' code is inlined in the page and started from
 * blob: URLs, which a page opened from disk (file://) may do and its CSP allows (`worker-src blob:`).
 */

/** Starts a worker that runs simulation batches, from inlined code. */
export const startSimulationWorker = (): Worker => new SimulationWorker({ name: 'front-door-simulation' });

/** Starts a worker that steps one trainer replication by time slices, from inlined code. */
export const startTrainerWorker = (): Worker => new TrainerWorker({ name: 'front-door-trainer' });
