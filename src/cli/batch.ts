import { join } from 'path';
import { collectWorkbooks, type WorkbookInput } from '../adapters/fs/workbookFiles';
import { ReviewerFileError } from '../adapters/fs/settingsFiles';
import { foldCase } from '../adapters/fs/sameFile';
import { counted, type Language } from '../core/report';
import type { CliArgs } from './args';
import { UsageError } from './args';
import type { CheckJob, CheckOptions } from './checkFile';
import { internalOutcome } from './internalError';
import { SettingsResolver } from './jobSettings';
import { EXIT, worst, type ExitStatus } from './exitStatus';
import type { FileOutcome } from './fileOutcome';
import { ProgressBar } from './progressBar';
import type { StandardOutput } from './standardOutput';
import { refuseSummaryTarget, writeSummary } from './summaryOutput';
import { runPool } from './workerPool';

/**
 * `budget-audit check PATH...` over files and folders: every workbook checked on worker threads
 * (one per core; the main thread never loads the reader or the engine, it only collects, prints
 * and writes the summary), reported in the order of the inputs as soon as it and those before it are done,
 * one NDJSON line or one text block each, then a total; the exit status is the worst file's.
 */
export async function checkBatch(args: CliArgs, out: StandardOutput, stderr: (line: string) => void): Promise<ExitStatus> {
  const inputs = await collectWorkbooks(args.paths, args.outDir ? [args.outDir] : []);
  if (inputs.length === 0) {
    stderr(`未找到工作簿（.xlsx .xlsm .xlsb .xls .ods .et）/ no workbook found in: ${args.paths.join(', ')}`);
    return EXIT.unreadable;
  }
  const jobs = await withSettings(planJobs(inputs, args.outDir), inputs, args);
  if (args.summary && !(await refuseSummaryTarget(args.summary, jobs, stderr))) return EXIT.unreadable;

  const options: CheckOptions = { strict: args.strict, lang: args.lang, all: args.all, verbose: args.verbose, format: args.json ? 'ndjson' : 'human' };
  const outcomes: FileOutcome[] = new Array(jobs.length);
  let printed = 0;
  let status: ExitStatus = EXIT.clean;
  const bar = process.stderr.isTTY ? new ProgressBar(jobs.length, process.stderr) : undefined;
  const emit = (index: number, outcome: FileOutcome) => {
    outcomes[index] = outcome;
    status = worst(status, outcome.status);
    bar?.finish();
    bar?.clear();
    if (outcome.status === EXIT.internal) {
      const problem = outcome.error ?? outcome.copyError!;
      stderr(`${outcome.file}: ${problem.message}`);
      if (args.debug && problem.stack) stderr(problem.stack);
    }
    // Keep the inputs' order: a report that changes order from run to run cannot be compared.
    for (; printed < jobs.length && outcomes[printed]; printed++) out.write(present(outcomes[printed], options.format, args.lang, printed === 0));
    bar?.draw();
  };

  const pending: number[] = [];
  jobs.forEach((job, i) => (job.unreadable ? emit(i, unlistedFolder(job)) : job.settingsProblem ? emit(i, unusableSettings(job)) : pending.push(i)));
  if (pending.length === 1) {
    // One workbook: no worker to start, as fast as `check FILE`.
    bar?.start(jobs[pending[0]].file);
    const { checkFile } = await import('./checkFile');
    emit(pending[0], await checkFile(jobs[pending[0]], options));
  } else if (pending.length > 1) {
    const pool = runPool<CheckJob, FileOutcome>({
      script: join(__dirname, 'checkWorker.js'),
      jobs: pending.map((i) => jobs[i]),
      size: args.jobs,
      workerData: options,
      onStart: (k) => bar?.start(jobs[pending[k]].file),
      onResult: (k, outcome) => emit(pending[k], outcome),
      onCrash: (k, e) => internalOutcome(jobs[pending[k]].file, e),
      timeLimitMs: fileTimeLimitMs(),
    });
    out.onClose(() => void pool.stop());
    await pool.done;
  }
  bar?.close();
  // The reader went away before the end: quietly, but never 0 for workbooks left unchecked.
  if (out.closed) return printed < jobs.length ? worst(status, EXIT.unreadable) : status;

  if (!args.json) out.write(`\n${totalLine(outcomes, args.lang)}`);
  if (args.summary) status = worst(status, await writeSummary(args.summary, outcomes, args.lang, stderr, args.debug));
  return status;
}

type BatchJob = CheckJob & { unreadable?: WorkbookInput['unreadable']; settingsProblem?: ReviewerFileError };

/** Each workbook's own settings (the budget-audit.json found for it) and reviews; a file that cannot be used stops that workbook only. */
async function withSettings(jobs: BatchJob[], inputs: WorkbookInput[], args: CliArgs): Promise<BatchJob[]> {
  const resolver = new SettingsResolver({ config: args.config, strict: args.strict });
  const out: BatchJob[] = [];
  for (const [i, job] of jobs.entries()) {
    if (job.unreadable) {
      out.push(job);
      continue;
    }
    try {
      out.push({ ...job, settings: await resolver.forWorkbook(job.file, inputs[i].root) });
    } catch (e) {
      if (!(e instanceof ReviewerFileError)) throw e;
      out.push({ ...job, settingsProblem: e });
    }
  }
  return out;
}

function unusableSettings(job: BatchJob): FileOutcome {
  const error = { reason: job.settingsProblem!.reason, message: job.settingsProblem!.message };
  return { file: job.file, status: EXIT.unreadable, error, row: { file: job.file, problem: error.message } };
}

/** Each input's job; with an output folder, its copy's place in the inputs' own folder layout. */
function planJobs(inputs: WorkbookInput[], outDir?: string): BatchJob[] {
  const taken = new Map<string, string>();
  return inputs.map((input) => {
    const job: BatchJob = { file: input.path, unreadable: input.unreadable };
    if (!outDir || input.unreadable) return job;
    const out = join(outDir, input.relative);
    // Two inputs of one name (a/预算.xlsx and b/预算.xlsx named directly) would overwrite one copy with the
    // other; names differing only in case count as one, as they would be on Windows and macOS disks.
    const key = foldCase(out);
    const other = taken.get(key);
    if (other) throw new UsageError(`${other} 与 ${input.path} 的标注副本都会写到 ${out} / the annotated copies of ${other} and ${input.path} would both be ${out}`);
    taken.set(key, input.path);
    return { ...job, out, makeFolders: true };
  });
}

function unlistedFolder(job: BatchJob): FileOutcome {
  const error = { reason: job.unreadable!.reason, message: job.unreadable!.message };
  return { file: job.file, status: EXIT.unreadable, error, row: { file: job.file, problem: error.message } };
}

/** One file's part of the batch report: a JSON line, or a block of text under the file's name. */
function present(outcome: FileOutcome, format: CheckOptions['format'], lang: Language, first: boolean): string {
  if (format !== 'human') return outcome.error ? JSON.stringify({ file: outcome.file, error: { reason: outcome.error.reason, message: outcome.error.message } }) : outcome.output!;
  const lines = [`${first ? '' : '\n'}━━ ${outcome.file}`];
  if (outcome.error) lines.push(`  ${outcome.error.message}`);
  else lines.push(outcome.output!);
  if (outcome.copyError) lines.push(`  ${outcome.copyError.message}`);
  return lines.join('\n');
}

export function totalLine(outcomes: FileOutcome[], lang: Language): string {
  const count = (s: ExitStatus) => outcomes.filter((o) => o.status === s).length;
  const sum = (k: 'errors' | 'warnings' | 'verified') => outcomes.reduce((n, o) => n + (o.row[k] ?? 0), 0);
  // A workbook with no budget table was not checked as a disclosure: counted apart, never as one without errors.
  const unchecked = outcomes.filter((o) => o.status === EXIT.clean && o.row.tables === 0).length;
  const [clean, errors, unreadable, internal] = [count(EXIT.clean) - unchecked, count(EXIT.errors), count(EXIT.unreadable), count(EXIT.internal)];
  if (lang === 'zh-CN') {
    const parts = [`${clean} 个无错误`, `${errors} 个有错误`, `${unreadable} 个无法读取或写出`];
    if (unchecked) parts.push(`${unchecked} 个未识别到预决算表格`);
    if (internal) parts.push(`${internal} 个内部错误`);
    return `共 ${outcomes.length} 个文件：${parts.join('，')}；共计错误 ${sum('errors')} 条，警告 ${sum('warnings')} 条${sum('verified') ? `，已核实 ${sum('verified')} 条` : ''}`;
  }
  const parts = [`${clean} without errors`, `${errors} with errors`, `${unreadable} unreadable or not written`];
  if (unchecked) parts.push(`${unchecked} with no budget table recognised`);
  if (internal) parts.push(`${counted(internal, 'internal error')}`);
  return `${counted(outcomes.length, 'file')}: ${parts.join(', ')}; ${counted(sum('errors'), 'error')}, ${counted(sum('warnings'), 'warning')}${sum('verified') ? `, ${sum('verified')} verified` : ''} in all`;
}

/**
 * How long one workbook of a folder may take before its worker is stopped: far beyond any real
 * workbook (a million cells take seconds), so only a hang meets it. BUDGET_AUDIT_FILE_TIME_LIMIT
 * (seconds) sets it for tests.
 */
function fileTimeLimitMs(): number {
  const seconds = Number(process.env.BUDGET_AUDIT_FILE_TIME_LIMIT);
  return (Number.isFinite(seconds) && seconds > 0 ? seconds : 600) * 1000;
}
