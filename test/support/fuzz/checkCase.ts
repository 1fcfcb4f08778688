import { createHash } from 'crypto';
import { annotatedCopy, UnpatchableWorkbookError } from '../../../src/adapters/xlsx/annotate';
import { readSnapshotFromBuffer, UnreadableWorkbookError } from '../../../src/adapters/xlsx/readSnapshot';
import { audit, type AuditResult } from '../../../src/core/engine';
import { planMarks } from '../../../src/core/marks';
import { gridsOf, type WorkbookSnapshot } from '../../../src/core/snapshot';
import { compareCopy } from './copyComparison';
import { seedText, type BaseWorkbook, type FuzzCase } from './fuzzCase';

/**
 * One fuzz case run in-process, the way the command line runs it (read, audit, annotated copy),
 * and judged: nothing but a named refusal may be thrown, the source bytes never change, the
 * time stays under a bound linear in the workbook's cells, an intact workbook is read and
 * annotated, and a copy equals its source but for the marks and the report.
 */

/**
 * The time bound: a fixed allowance plus a share per cell. A case takes 0.1–0.5 s here; the
 * allowance covers the first call's warm-up and a 2-core machine shared with other work, and is
 * still far below what the defects found took (a minute for a header merged over 6,000 columns,
 * hours for one value at XFD1048576).
 */
export const BASE_MS = 5000;
export const PER_CELL_MS = 0.5;

export function timeBound(cells: number): number {
  return BASE_MS + PER_CELL_MS * cells;
}

export interface CaseOutcome {
  seed: number;
  /** Sentences saying what went wrong; empty when the case passed. */
  problems: string[];
  /** What the command line should answer: 0/1 from the findings, 2 for a named refusal. */
  expectedCheckStatus: 0 | 1 | 2;
  /** And with --out: 2 too when the copy is refused. */
  expectedOutStatus: 0 | 1 | 2;
  refusal?: string;
  /** What `check --json` should print: its summary, and how many tables and findings. */
  report?: { summary: AuditResult['summary']; tables: number; findings: number };
  cells: number;
  milliseconds: number;
  copy?: Uint8Array;
}

/** The name the case's file gets, in-process and on disk alike (messages name it). */
export function caseFileName(c: FuzzCase): string {
  return `case-${seedText(c.seed)}${c.base.extension}`;
}

const baseCells = new Map<string, number>();

/** A workbook's cells: what the time bound is linear in (an unreadable case is bounded by its base's). */
export function cellCount(snapshot: WorkbookSnapshot): number {
  let n = 0;
  // Each row as long as its last cell, as a grid of the sheet would hold it.
  for (const sheet of snapshot.sheets) gridsOf(sheet).values.forEach((row) => (n += row ? row.length : 0));
  return n;
}

async function cellsOfBase(base: BaseWorkbook): Promise<number> {
  let n = baseCells.get(base.name);
  if (n === undefined) baseCells.set(base.name, (n = cellCount(await readSnapshotFromBuffer(base.bytes, base.name))));
  return n;
}

export async function checkCase(c: FuzzCase): Promise<CaseOutcome> {
  const problems: string[] = [];
  const name = caseFileName(c);
  const hash = sha256(c.bytes);
  let snapshot: WorkbookSnapshot | undefined;
  let result: AuditResult | undefined;
  let copy: Uint8Array | undefined;
  let refusal: string | undefined;
  let copyRefusal: string | undefined;

  const started = performance.now();
  try {
    snapshot = await readSnapshotFromBuffer(c.bytes, name);
  } catch (e) {
    if (e instanceof UnreadableWorkbookError) refusal = refusalProblem(e, problems, 'the reader');
    else problems.push(crash('the reader', e));
  }
  if (snapshot) {
    try {
      result = audit(snapshot);
    } catch (e) {
      problems.push(crash('audit', e));
    }
  }
  if (result) {
    try {
      copy = annotatedCopy(c.bytes, result, 'zh-CN');
    } catch (e) {
      if (e instanceof UnpatchableWorkbookError) copyRefusal = refusalProblem(e, problems, 'the annotator');
      else problems.push(crash('annotatedCopy', e));
    }
  }
  const milliseconds = performance.now() - started;

  const cells = snapshot ? cellCount(snapshot) : await cellsOfBase(c.base);
  if (milliseconds > timeBound(cells)) problems.push(`took ${Math.round(milliseconds)} ms, over the bound of ${timeBound(cells)} ms for ${cells} cells`);
  if (sha256(c.bytes) !== hash) problems.push('the source bytes changed');
  if (c.intact && !snapshot) problems.push(`an intact workbook was refused: ${refusal ?? 'by a crash'}`);
  if (c.intact && result && c.base.kind === 'ooxml' && !copy) problems.push(`an intact workbook got no annotated copy: ${copyRefusal ?? 'a crash'}`);
  if (copy && result && snapshot) {
    const marked = planMarks(result.findings, 'zh-CN').map((m) => m.sheet);
    problems.push(...(await compareCopy(c.bytes, copy, marked, snapshot)));
  }
  // Unreadable input exits 2; a crash is a failure above (and would exit 3).
  const expectedCheckStatus = !result ? 2 : result.summary.errors > 0 ? 1 : 0;
  return {
    seed: c.seed,
    problems,
    expectedCheckStatus,
    expectedOutStatus: copy ? expectedCheckStatus : 2,
    refusal: refusal ?? copyRefusal,
    report: result && { summary: result.summary, tables: result.tables.length, findings: result.findings.length },
    cells,
    milliseconds,
    copy,
  };
}

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** A refusal is fine when it is one bilingual line, Chinese first; returns its message. */
function refusalProblem(e: Error, problems: string[], who: string): string {
  const problem = sentenceProblem(e.message);
  if (problem) problems.push(`${who} refused with ${problem}: ${JSON.stringify(e.message)}`);
  return e.message;
}

/** What is wrong with a one-line bilingual sentence (`中文 / English`), or undefined. */
export function sentenceProblem(message: string): string | undefined {
  if (/[\r\n]/.test(message)) return 'more than one line';
  const slash = message.indexOf(' / ');
  const chinese = message.search(/[\u4e00-\u9fff]/);
  if (slash < 0 || chinese < 0 || chinese > slash || !/[A-Za-z]{3}/.test(message.slice(slash))) return 'a sentence that is not `中文 / English`';
  return undefined;
}

function crash(where: string, e: unknown): string {
  const err = e as Error;
  const at = (err?.stack ?? '').split('\n').find((l) => /^\s+at /.test(l))?.trim() ?? '';
  return `${where} crashed: ${err?.name ?? typeof e}: ${err?.message ?? String(e)} ${at}`;
}
