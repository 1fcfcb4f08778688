import { readFile, writeFile } from 'fs/promises';
import type { AuditResult } from '../../core/engine';
import { planMarks } from '../../core/marks';
import { REPORT_COLUMNS, REPORT_SHEET_NAME, reportLines, summaryLine, type Language } from '../../core/report';
import { annotatePackage, type AnnotationPlan } from './ooxml/annotatePackage';

export { annotatePackage, MARK_FILLS, type AnnotationPlan } from './ooxml/annotatePackage';
export { UnpatchableWorkbookError } from './ooxml/errors';
export { NOTE_SEPARATOR, NOTE_AUTHOR } from './ooxml/commentsPart';

/**
 * The annotated COPY of a workbook: each disagreeing cell filled (red for error, amber for
 * warning) with a note saying what it should be and why, and a 校验报告 sheet listing every
 * finding with a link to its cell. Made by patching the source package (ooxml/), so everything
 * else in the workbook stays exactly as it was; the source file is only read.
 */

/**
 * The plan for a copy: marks and notes for errors and warnings, and the report in the reviewer's
 * order (errors, then warnings, each in sheet order; rounding tails only with `includeInfo`).
 */
export function annotationPlan(result: AuditResult, lang: Language, options: { includeInfo?: boolean } = {}): AnnotationPlan {
  const findings = options.includeInfo ? result.findings : result.findings.filter((f) => f.severity !== 'info');
  const { headers, lines } = reportLines(findings, lang, result.tables.map((t) => t.sheet));
  return {
    marks: planMarks(result.findings, lang),
    report: {
      name: REPORT_SHEET_NAME,
      title: summaryLine(result.tables, result.summary, lang),
      headers,
      rows: lines.map((line, i) => ({
        // The number is a number (no “number stored as text” flag); amounts stay text, exact as computed.
        cells: [i + 1, ...line.cells.slice(1)],
        link: { column: REPORT_COLUMNS.cell, sheet: line.sheet, cell: line.cell },
        severity: line.severity,
      })),
      severityColumn: REPORT_COLUMNS.severity,
      widths: REPORT_COLUMNS.widths,
    },
  };
}

export function annotatedCopy(source: Uint8Array, result: AuditResult, lang: Language, options: { includeInfo?: boolean } = {}): Uint8Array {
  return annotatePackage(source, annotationPlan(result, lang, options));
}

/** Reads `source`, writes its annotated copy to `out` (the CLI will switch to an atomic write). */
export async function writeAnnotatedCopy(source: string, out: string, result: AuditResult, lang: Language, options: { includeInfo?: boolean } = {}): Promise<void> {
  const bytes = await readFile(source);
  await writeFile(out, annotatedCopy(bytes, result, lang, options));
}

/** A cell note's plain text ('' for none), as ExcelJS reads it: a string or rich-text runs. */
export function noteText(note: string | { texts?: { text: string }[] } | undefined | null): string {
  if (!note) return '';
  if (typeof note === 'string') return note;
  return (note.texts ?? []).map((t) => t.text).join('');
}
