import { mkdir } from 'fs/promises';
import { dirname, extname } from 'path';
import { audit, type AuditResult } from '../core/engine';
import { tableRecord, type Language } from '../core/report';
import { readSnapshotFromFile, UnreadableWorkbookError } from '../adapters/xlsx/readSnapshot';
import { writeAtomically } from '../adapters/fs/atomicWrite';
import { describeWriteFailure, OutputNotWrittenError } from '../adapters/fs/writeError';
import { EXIT, type ExitStatus } from './exitStatus';
import type { FileOutcome, FileProblem, SummaryRow } from './fileOutcome';
import { findingRecord } from './findingRecord';
import { formatCheck, settingsLines } from './humanReport';
import type { JobSettings } from './jobSettings';
import { internalOutcome, internalProblem as internal } from './internalError';

/** How a workbook's report is printed: one pretty JSON object (one input), one JSON line (several), or text. */
export type ReportFormat = 'json' | 'ndjson' | 'human';

export interface CheckOptions {
  strict: boolean;
  lang: Language;
  /** Human output: also list rounding tails (and the copy's report lists them too). */
  all: boolean;
  /** Human output: the checks under each finding. */
  verbose?: boolean;
  format: ReportFormat;
}

export interface CheckJob {
  /** The input as the user named it (or as found in a folder). */
  file: string;
  /** Where its annotated copy goes, if one is wanted. */
  out?: string;
  /** Create the copy's folder when missing (an output folder's layout); a plain --out names an existing folder. */
  makeFolders?: boolean;
  /** Its settings and reviews (jobSettings.ts); none: the defaults. */
  settings?: JobSettings;
}

export const NO_BUDGET_TABLES = '没有识别到预决算表格，未做预决算核对 / no budget tables recognised; nothing was checked as a disclosure';

/** Formats whose files are not OOXML packages: an annotated copy is made by patching the package. */
const NOT_ANNOTATABLE = ['.xlsb', '.xls', '.ods', '.et'];

/**
 * Reads, checks and (optionally) annotates one workbook. Never throws: an unreadable workbook,
 * an unwritable copy and a bug each become the outcome's status and a one-line reason, so one bad
 * file in a folder is a row of the report, not the end of the run.
 */
export async function checkFile(job: CheckJob, options: CheckOptions): Promise<FileOutcome> {
  const row: SummaryRow = { file: job.file };
  let result: AuditResult;
  try {
    const snapshot = await readSnapshotFromFile(job.file);
    result = audit(snapshot, { ...job.settings?.config, ...(options.strict ? { strict: true } : {}) });
  } catch (e) {
    const error = e instanceof UnreadableWorkbookError ? unreadable(e) : internal(e);
    return { file: job.file, status: error.reason === 'internal' ? EXIT.internal : EXIT.unreadable, error, row: { ...row, problem: error.message } };
  }
  try {
    const found = summarizeResult(result);
    Object.assign(row, found);
    // Nothing checked as a disclosure is no pass: the summary says why, and sorts it with the files needing a look.
    if (found.tables === 0) row.problem = NO_BUDGET_TABLES;
    let status: ExitStatus = result.summary.errors > 0 ? EXIT.errors : EXIT.clean;
    let copy: string | undefined;
    let copyError: FileProblem | undefined;
    if (job.out) {
      copyError = await annotate(job, result, options);
      if (copyError) {
        status = copyError.reason === 'internal' ? EXIT.internal : EXIT.unreadable;
        row.problem = copyError.message;
      } else {
        copy = job.out;
        row.copy = job.out;
      }
    }
    const output = formatResult(job, result, options, copy, copyError);
    return { file: job.file, status, output, row, ...(copy ? { copy } : {}), ...(copyError ? { copyError } : {}) };
  } catch (e) {
    return internalOutcome(job.file, e);
  }
}

async function annotate(job: CheckJob, result: AuditResult, options: CheckOptions): Promise<FileProblem | undefined> {
  const out = job.out!;
  if (NOT_ANNOTATABLE.includes(extname(job.file).toLowerCase())) {
    return {
      reason: 'not-annotatable',
      message: `无法写入 ${out}：标注副本只能由 .xlsx/.xlsm 工作簿生成，请在 Excel/WPS 中另存为 .xlsx / cannot write ${out}: an annotated copy is made from .xlsx/.xlsm workbooks only; save it as .xlsx in Excel/WPS`,
    };
  }
  try {
    // The writer is loaded only when a copy is asked for: a plain `check` never needs it.
    const { writeAnnotatedCopy } = await import('../adapters/xlsx/annotate');
    if (job.makeFolders) await mkdir(dirname(out), { recursive: true });
    await writeAtomically(out, (temp) => writeAnnotatedCopy(job.file, temp, result, options.lang, { includeInfo: options.all }), { input: job.file });
    return undefined;
  } catch (e) {
    const failure = describeWriteFailure(out, e);
    if (failure) return problemOf(failure);
    // The writer refuses a package it cannot patch safely with its own bilingual sentence.
    if (e instanceof Error && /WorkbookError$/.test(e.name)) return { reason: 'not-annotatable', message: e.message };
    return internal(e);
  }
}

function problemOf(e: OutputNotWrittenError): FileProblem {
  return { reason: e.reason, message: e.message };
}

function unreadable(e: UnreadableWorkbookError): FileProblem {
  // The reader gives a reason code; until it does, every unreadable workbook is just that.
  const reason = (e as { reason?: unknown }).reason;
  return { reason: typeof reason === 'string' ? reason : 'unreadable', message: e.message };
}


/** Rules about the narrative text and missing tables (as opposed to arithmetic). */
export function isNarrativeRule(rule: string): boolean {
  return rule.startsWith('narrative-') || rule.startsWith('text-') || rule.startsWith('missing-table');
}

/** Department and year as the tables state them — filled by the core (undefined until it does). */
interface DocumentFacts {
  department?: string | null;
  year?: string | number | null;
}

function summarizeResult(result: AuditResult): Pick<SummaryRow, 'department' | 'year' | 'tables' | 'errors' | 'warnings' | 'verified' | 'narrative'> {
  const document = (result as AuditResult & { document?: DocumentFacts }).document;
  return {
    department: document?.department ?? undefined,
    year: document?.year === undefined || document?.year === null ? undefined : String(document.year),
    tables: result.tables.filter((t) => t.kind !== 'unknown' && t.kind !== 'narrative').length,
    errors: result.summary.errors,
    warnings: result.summary.warnings,
    verified: result.summary.verified,
    narrative: result.findings.filter((f) => isNarrativeRule(f.rule)).length,
  };
}

/** The one-file `--json` object of DESIGN.md §3 (with the settings and review files applied, when there were any). */
export function resultRecord(result: AuditResult, settings?: JobSettings) {
  return {
    tables: result.tables.map(tableRecord),
    findings: result.findings.map(findingRecord),
    summary: result.summary,
    ...(settings?.settingsFile ? { settingsFile: settings.settingsFile } : {}),
    ...(settings?.reviewFile ? { reviewFile: settings.reviewFile } : {}),
  };
}

function formatResult(job: CheckJob, result: AuditResult, options: CheckOptions, copy?: string, copyError?: FileProblem): string {
  if (options.format === 'json') return JSON.stringify(resultRecord(result, job.settings), null, 2);
  if (options.format === 'ndjson') {
    return JSON.stringify({ file: job.file, ...resultRecord(result, job.settings), ...(copy ? { annotated: copy } : {}), ...(copyError ? { error: { reason: copyError.reason, message: copyError.message } } : {}) });
  }
  const lines = [...settingsLines(job.settings, options.lang), formatCheck(result, options.lang, { all: options.all, verbose: options.verbose ?? false })];
  if (copy) lines.push(options.lang === 'zh-CN' ? `\n已写出标注副本：${copy}` : `\nAnnotated copy written: ${copy}`);
  return lines.join('\n');
}
