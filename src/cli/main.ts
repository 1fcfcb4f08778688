import { stat } from 'fs/promises';
import { basename, join } from 'path';
import { parseArgs, UsageError, USAGE, type CliArgs } from './args';
import { checkBatch } from './batch';
import { EXIT, worst, type ExitStatus } from './exitStatus';
import { errorStack, internalErrorLine } from './internalError';
import { StandardOutput } from './standardOutput';
import { refuseSummaryTarget, writeSummary } from './summaryOutput';
import { settingsOf } from './jobSettings';
import { reviewFinding } from './reviewCommand';
import { listRules } from './rulesCommand';

/**
 * `budget-audit detect|check …`; resolves to the exit status (DESIGN.md §3): 0 clean, 1 errors
 * found, 2 an input that cannot be read or an output that cannot be written, 3 a bug. Never
 * rejects and never exits the process: the caller sets process.exitCode, so piped output drains
 * completely. The reader and the engine are loaded only where a workbook is read in this thread:
 * a batch's main thread leaves them to its workers.
 */
export async function main(argv: string[], out = new StandardOutput()): Promise<ExitStatus> {
  // A closed stderr leaves nowhere to report anything: never let it crash the run.
  if (!process.stderr.listeners('error').includes(ignore)) process.stderr.on('error', ignore);
  const stderr = (line: string) => process.stderr.write(`budget-audit: ${line}\n`);
  let args: CliArgs;
  try {
    args = parseArgs(argv);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    process.stderr.write(`budget-audit: ${e.message}\n${USAGE}\n`);
    return EXIT.unreadable;
  }
  if (args.command === 'help') {
    out.write(USAGE);
    return EXIT.clean;
  }
  try {
    const status =
      args.command === 'detect' ? await detectTables(args, out, stderr)
      : args.command === 'review' ? await reviewFinding(args, out, stderr)
      : args.command === 'rules' ? listRules(args, out)
      : await check(args, out, stderr);
    await out.flushed();
    if (out.failure) {
      stderr(out.failure);
      return worst(status, EXIT.unreadable);
    }
    return status;
  } catch (e) {
    if (e instanceof UsageError) {
      stderr(e.message);
      return EXIT.unreadable;
    }
    stderr(internalErrorLine(e));
    if (args.debug && errorStack(e)) process.stderr.write(`${errorStack(e)}\n`);
    return EXIT.internal;
  }
}

function ignore(): void {}

async function detectTables(args: CliArgs, out: StandardOutput, stderr: (line: string) => void): Promise<ExitStatus> {
  const [{ readSnapshotFromFile, UnreadableWorkbookError }, { detect }, { tableRecord }, { formatTableList }] = await Promise.all([
    import('../adapters/xlsx/readSnapshot'),
    import('../core/engine'),
    import('../core/report'),
    import('./humanReport'),
  ]);
  const settings = await settingsOf(args, args.paths[0], stderr);
  if (!settings) return EXIT.unreadable;
  let snapshot;
  try {
    snapshot = await readSnapshotFromFile(args.paths[0]);
  } catch (e) {
    if (!(e instanceof UnreadableWorkbookError)) throw e;
    stderr(e.message);
    return EXIT.unreadable;
  }
  // The settings' unit stands in for captions that state none.
  const tables = detect(snapshot, settings.config);
  out.write(args.json ? JSON.stringify({ tables: tables.map(tableRecord) }, null, 2) : formatTableList(tables, args.lang));
  return EXIT.clean;
}

/** One file named on the command line: today's report (one JSON object); a folder or several paths: a batch. */
async function check(args: CliArgs, out: StandardOutput, stderr: (line: string) => void): Promise<ExitStatus> {
  const file = args.paths[0];
  if (args.paths.length > 1 || (await stat(file).catch(() => null))?.isDirectory()) {
    if (args.out) throw new UsageError('--out 只用于一个文件；文件夹请用 --out-dir / --out is for one file; use --out-dir for a folder');
    return checkBatch(args, out, stderr);
  }
  if (args.summary && !(await refuseSummaryTarget(args.summary, [{ file }], stderr))) return EXIT.unreadable;
  const settings = await settingsOf(args, file, stderr);
  if (!settings) return EXIT.unreadable;
  const target = args.out ?? (args.outDir ? join(args.outDir, basename(file)) : undefined);
  const { checkFile } = await import('./checkFile');
  const outcome = await checkFile({ file, out: target, makeFolders: Boolean(args.outDir), settings }, { strict: args.strict, lang: args.lang, all: args.all, verbose: args.verbose, format: args.json ? 'json' : 'human' });
  const problem = outcome.error ?? outcome.copyError;
  // A workbook checked whose format cannot carry marks (.xls, .ods): the findings are the answer,
  // the copy the one thing not done — both are said, and the status still says the copy is missing.
  if (!outcome.error && outcome.copyError?.reason === 'not-annotatable' && outcome.output) out.write(outcome.output);
  if (problem) {
    // Otherwise nothing on stdout: a script sees one answer, the run failed, and why on stderr.
    stderr(problem.message);
    if (args.debug && problem.stack) process.stderr.write(`${problem.stack}\n`);
  } else out.write(outcome.output!);
  let status = outcome.status;
  if (args.summary) status = worst(status, await writeSummary(args.summary, [outcome], args.lang, stderr, args.debug));
  return status;
}

