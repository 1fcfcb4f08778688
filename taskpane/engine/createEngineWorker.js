/**
 * The one line webpack needs to bundle the engine as a Web Worker (webpack 5 finds
 * `new Worker(new URL(…, import.meta.url))` and emits the worker as its own file on this origin,
 * allowed by the pane's CSP: worker-src 'self'). Plain JavaScript because TypeScript's CommonJS
 * settings for the tests do not accept import.meta; its type is in createEngineWorker.d.ts.
 */
export function createEngineWorker() {
  return new Worker(new URL('./engine.worker.ts', import.meta.url), { name: 'budget-audit-engine' });
}
