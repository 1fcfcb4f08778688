/** A new Web Worker running the engine (engine.worker.ts). */
export function createEngineWorker(): Worker;
