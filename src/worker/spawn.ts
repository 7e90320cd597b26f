/**
 * Where the app's Web Workers are started. The hosted build loads each worker from its own file
 * beside the page; the single-file build swaps this module for spawn.inline.ts (see
 * build/singleFile.ts), because a page opened from disk may not load files beside it.
 */

/** Starts a worker that runs simulation batches (src/worker/sim.worker.ts). */
export const startSimulationWorker = (): Worker => new Worker(new URL('./sim.worker.ts', import.meta.url), { type: 'module', name: 'front-door-simulation' });

/** Starts a worker that steps one trainer replication by time slices (src/worker/trainer.worker.ts). */
export const startTrainerWorker = (): Worker => new Worker(new URL('./trainer.worker.ts', import.meta.url), { type: 'module', name: 'front-door-trainer' });
