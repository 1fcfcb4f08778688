import type { Worker } from 'worker_threads';

/**
 * Runs jobs on a fixed number of worker threads, each worker one job at a time (a workbook's
 * snapshot can be large: one per worker keeps memory bounded). A worker that dies on a job
 * (an uncaught exception, running out of memory) fails that job only: `onCrash` turns it into
 * a result and a fresh worker takes the remaining jobs.
 *
 * The worker script answers each `{ id, job }` message with `{ id, result }`.
 */
export interface PoolOptions<J, R> {
  script: string;
  jobs: J[];
  size: number;
  /** Data every worker gets at start (the options common to all jobs). */
  workerData?: unknown;
  /** A job starts on a worker (for progress). */
  onStart?: (index: number) => void;
  onResult: (index: number, result: R) => void;
  onCrash: (index: number, error: Error) => R;
  /**
   * A job still running after this long has its worker stopped and fails with a JobTimeLimit
   * error: one workbook that hangs (a bug of ours) must not keep a folder's run from ending.
   */
  timeLimitMs?: number;
}

export class JobTimeLimit extends Error {
  constructor(readonly ms: number) {
    super(`检查超过 ${ms / 1000} 秒仍未完成，已停止 / the check was stopped after ${ms / 1000} s`);
    this.name = 'JobTimeLimit';
  }
}

export interface RunningPool {
  /** Resolves when every job has a result (or `stop` was called) and every worker has exited. */
  done: Promise<void>;
  /** Abandon the remaining jobs (the reader of our output went away). */
  stop: () => Promise<void>;
}

export function runPool<J, R>(options: PoolOptions<J, R>): RunningPool {
  // (Loaded here, by a run with workers: Node's worker module was a millisecond and more of every one-file check.)
  const { Worker } = require('worker_threads') as typeof import('worker_threads');
  const { jobs, onResult, onCrash } = options;
  let next = 0;
  let finished = 0;
  let stopped = false;
  const workers = new Set<Worker>();
  let resolveDone!: () => void;
  const done = new Promise<void>((resolve) => (resolveDone = resolve));

  const settle = () => {
    // Done once every worker is gone too: nothing of ours keeps the process alive afterwards.
    if (workers.size === 0 && (finished === jobs.length || stopped)) resolveDone();
  };

  const startWorker = () => {
    const worker = new Worker(options.script, { workerData: options.workerData });
    workers.add(worker);
    let current: number | null = null;
    let crash: Error | null = null;
    let timer: NodeJS.Timeout | undefined;
    const feed = () => {
      clearTimeout(timer);
      // A worker being stopped (its time ran out) takes no further job: the exit hands its
      // current one back as failed, and a fresh worker takes the rest.
      if (crash) return;
      if (stopped || next >= jobs.length) {
        current = null;
        void worker.terminate();
        return;
      }
      current = next++;
      options.onStart?.(current);
      worker.postMessage({ id: current, job: jobs[current] });
      if (options.timeLimitMs !== undefined) {
        const limit = options.timeLimitMs;
        timer = setTimeout(() => {
          crash = new JobTimeLimit(limit);
          void worker.terminate();
        }, limit);
      }
    };
    worker.on('message', (msg: { id: number; result: R }) => {
      // A result arriving after its time ran out is dropped: the job is already failed.
      if (msg.id !== current || crash) return;
      finished++;
      onResult(msg.id, msg.result);
      feed();
    });
    // 'error' comes before 'exit' when the worker dies of an exception; 'exit' alone when it was
    // terminated or ran out of memory. Either way the job it held gets a result exactly once.
    worker.on('error', (e) => (crash ??= asError(e)));
    worker.on('exit', (code) => {
      clearTimeout(timer);
      workers.delete(worker);
      if (current !== null && !stopped) {
        const index = current;
        current = null;
        finished++;
        onResult(index, onCrash(index, crash ?? new Error(`worker stopped with exit code ${code}`)));
        if (!stopped && next < jobs.length) startWorker();
      }
      settle();
    });
    feed();
  };

  const size = Math.max(1, Math.min(options.size, jobs.length));
  if (jobs.length === 0) resolveDone();
  for (let i = 0; i < size; i++) startWorker();

  const stop = async () => {
    stopped = true;
    await Promise.all([...workers].map((w) => w.terminate()));
    await done;
  };
  return { done, stop };
}

/** An error thrown in a worker arrives cloned (and, under a test sandbox, from another realm). */
function asError(e: unknown): Error {
  if (e instanceof Error) return e;
  const like = e as { message?: unknown; stack?: unknown } | null;
  if (like && typeof like.message === 'string') return Object.assign(new Error(like.message), typeof like.stack === 'string' ? { stack: like.stack } : {});
  return new Error(String(e));
}
