import { join } from 'path';
import { parentPort, workerData } from 'worker_threads';
import type { CheckJob, CheckOptions } from './checkFile';
import { useCodeCache } from './codeCache';

/**
 * A worker thread of a batch: reads, checks and annotates one workbook at a time, and sends back
 * its outcome with the report already formatted (so the main thread only prints).
 *
 * Like the main thread (bin/budget-audit.js), a worker runs from the compiled code kept between
 * runs (codeCache.ts), installed before the checker's modules load: each worker compiles the whole
 * checker otherwise. The pool stops a worker rather than letting it end, so the code it had to
 * compile is written after its first workbook (which has run nearly all of it), before its result is sent.
 */
const cache = process.env.BUDGET_AUDIT_CODE_CACHE === 'off' ? null : keptCode();
const checker = import('./checkFile');
const options = workerData as CheckOptions;
let checked = 0;
parentPort!.on('message', (msg: { id: number; job: CheckJob }) => {
  void checker
    .then(({ checkFile }) => checkFile(msg.job, options))
    .then((result) => {
      // Written before the result is sent: the pool stops a worker as soon as its result arrives and
      // no job is left for it, which may be in the middle of writing.
      if (++checked === 1) cache?.flush();
      parentPort!.postMessage({ id: msg.id, result });
    });
});

function keptCode(): ReturnType<typeof useCodeCache> {
  try {
    // dist/cli → the package's root, as the main thread names it.
    return useCodeCache(join(__dirname, '..', '..'));
  } catch {
    return null;
  }
}
