import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { runPool } from '../src/cli/workerPool';
import { progressLine } from '../src/cli/progressBar';

/**
 * The worker pool of a batch: every job gets exactly one result, a worker that dies fails its
 * own job only, and no more workers run than asked for.
 */
const dir = mkdtempSync(join(tmpdir(), 'budget-audit-cli-workers-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const SCRIPT = join(dir, 'worker.js');
writeFileSync(
  SCRIPT,
  `const { parentPort, threadId } = require('worker_threads');
   parentPort.on('message', ({ id, job }) => {
     if (job === 'throw') setImmediate(() => { throw new Error('a bug on ' + job); });
     else if (job === 'exit') process.exit(7);
     else if (job === 'hang') for (;;);
     else setTimeout(() => parentPort.postMessage({ id, result: { job, threadId } }), 20);
   });`,
);

type Result = { job: string; threadId?: number; crash?: string };

function runJobs(jobs: string[], size: number, timeLimitMs?: number) {
  const results: Result[] = new Array(jobs.length);
  let running = 0;
  let most = 0;
  const started: number[] = [];
  const pool = runPool<string, Result>({
    script: SCRIPT,
    jobs,
    size,
    onStart: (i) => {
      started.push(i);
      most = Math.max(most, ++running);
    },
    onResult: (i, r) => {
      running--;
      expect(results[i]).toBeUndefined();
      results[i] = r;
    },
    onCrash: (i, e) => ({ job: jobs[i], crash: e.message }),
    timeLimitMs,
  });
  return pool.done.then(() => ({ results, most, started }));
}

test('every job gets one result; never more workers at once than asked for', async () => {
  const jobs = Array.from({ length: 9 }, (_, i) => `ok${i}`);
  const { results, most, started } = await runJobs(jobs, 2);
  expect(results.map((r) => r.job)).toEqual(jobs);
  expect(most).toBe(2);
  expect(started).toEqual(jobs.map((_, i) => i));
  expect(new Set(results.map((r) => r.threadId)).size).toBe(2);
});

test('a worker that throws or exits fails its own job only; a fresh worker takes the rest', async () => {
  const jobs = ['ok0', 'throw', 'ok1', 'exit', 'ok2', 'ok3'];
  const { results } = await runJobs(jobs, 2);
  expect(results.map((r) => r.job)).toEqual(jobs);
  expect(results[1].crash).toBe('a bug on throw');
  expect(results[3].crash).toMatch(/exit code 7/);
  for (const i of [0, 2, 4, 5]) expect(results[i].crash).toBeUndefined();
});

test('a job that hangs is stopped at the time limit and fails alone; the others finish', async () => {
  const jobs = ['ok0', 'hang', 'ok1', 'ok2'];
  const { results } = await runJobs(jobs, 2, 1500);
  expect(results.map((r) => r.job)).toEqual(jobs);
  expect(results[1].crash).toMatch(/stopped after 1\.5 s/);
  for (const i of [0, 2, 3]) expect(results[i].crash).toBeUndefined();
});

test('no jobs: done at once', async () => {
  const { results } = await runJobs([], 2);
  expect(results).toEqual([]);
});

test('stop abandons the remaining jobs and ends every worker', async () => {
  const seen: number[] = [];
  const pool = runPool<string, Result>({
    script: SCRIPT,
    jobs: Array.from({ length: 50 }, (_, i) => `ok${i}`),
    size: 2,
    onResult: (i) => {
      seen.push(i);
      if (seen.length === 3) void pool.stop();
    },
    onCrash: (i, e) => ({ job: String(i), crash: e.message }),
  });
  await pool.done;
  expect(seen.length).toBeLessThan(50);
});

describe('the progress line', () => {
  test('files done / total, elapsed time, the file being read', () => {
    expect(progressLine(3, 12, 'a/预算.xlsx', 75_000, 120)).toBe('[█████░░░░░░░░░░░░░░░] 3/12  01:15  a/预算.xlsx');
  });

  test('a long path keeps its end and never runs past the terminal width (wide characters count twice)', () => {
    const line = progressLine(0, 5, `很长的文件夹名称/${'子文件夹/'.repeat(20)}部门预算.xlsx`, 0, 60);
    expect(line).toMatch(/….*部门预算\.xlsx$/);
    const width = [...line].reduce((w, ch) => w + (/[\u2e80-\uffff]/.test(ch) && !/[█░…]/.test(ch) ? 2 : 1), 0);
    expect(width).toBeLessThan(60);
  });
});
