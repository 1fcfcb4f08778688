import { readFile, writeFile } from 'fs/promises';
import type { AuditResult } from '../../core/engine';
import { planMarks } from '../../core/marks';
import { REPORT_SHEET_NAME, reportLines, summaryLine, type Language } from '../../core/report';
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

/** Report columns (序号 … 说明): widths in characters; 严重程度 is filled, 单元格 links to the cell. */
const REPORT_WIDTHS = [6, 10, 24, 22, 10, 14, 14, 12, 10, 90];
const SEVERITY_COLUMN = 1;
const CELL_COLUMN = 4;

export function annotationPlan(result: AuditResult, lang: Language): AnnotationPlan {
  const { headers, lines } = reportLines(result.findings, lang);
  return {
    marks: planMarks(result.findings, lang),
    report: {
      name: REPORT_SHEET_NAME,
      title: summaryLine(result.tables, result.summary, lang),
      headers,
      rows: lines.map((line, i) => ({
        // The number is a number (no “number stored as text” flag); amounts stay text, exact as computed.
        cells: [i + 1, ...line.cells.slice(1)],
        link: { column: CELL_COLUMN, sheet: line.sheet, cell: line.cell },
        severity: line.severity,
      })),
      severityColumn: SEVERITY_COLUMN,
      widths: REPORT_WIDTHS,
    },
  };
}

export function annotatedCopy(source: Uint8Array, result: AuditResult, lang: Language): Uint8Array {
  return annotatePackage(source, annotationPlan(result, lang));
}

/** Reads `source`, writes its annotated copy to `out` (the CLI will switch to an atomic write). */
export async function writeAnnotatedCopy(source: string, out: string, result: AuditResult, lang: Language): Promise<void> {
  const bytes = await readFile(source);
  await writeFile(out, annotatedCopy(bytes, result, lang));
}

/** A cell note's plain text ('' for none), as ExcelJS reads it: a string or rich-text runs. */
export function noteText(note: string | { texts?: { text: string }[] } | undefined | null): string {
  if (!note) return '';
  if (typeof note === 'string') return note;
  return (note.texts ?? []).map((t) => t.text).join('');
}
