import { parentPort, workerData } from 'worker_threads';
import { checkFile, type CheckJob, type CheckOptions } from './checkFile';

/**
 * A worker thread of a batch: reads, checks and annotates one workbook at a time, and sends back
 * its outcome with the report already formatted (so the main thread only prints).
 */
const options = workerData as CheckOptions;
parentPort!.on('message', (msg: { id: number; job: CheckJob }) => {
  void checkFile(msg.job, options).then((result) => parentPort!.postMessage({ id: msg.id, result }));
});
