import ExcelJS from 'exceljs';
import type { AuditResult } from '../../core/engine';
import { planMarks, type MarkSeverity } from '../../core/marks';
import { qualifiedAddress } from '../../core/address';
import { REPORT_SHEET_NAME, reportLines, summaryLine, type Language } from '../../core/report';

/**
 * Writes an annotated COPY of a workbook: each disagreeing cell filled (red for error, amber
 * for warning) with a note saying what it should be and why, and a 校验报告 sheet listing every
 * finding with a hyperlink to its cell. Values are never touched; the source file is only read.
 */
export const MARK_FILLS: Record<MarkSeverity, string> = {
  error: 'FFFFC7CE',
  warning: 'FFFFEB9C',
};

const NOTE_SEPARATOR = '\n—— 预算表校验 / budget-audit ——\n';

export async function writeAnnotatedCopy(source: string, out: string, result: AuditResult, lang: Language): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(source);
  annotateWorkbook(wb, result, lang);
  await wb.xlsx.writeFile(out);
}

export function annotateWorkbook(wb: ExcelJS.Workbook, result: AuditResult, lang: Language): void {
  for (const { sheet, cells } of planMarks(result.findings, lang)) {
    const ws = wb.getWorksheet(sheet);
    if (!ws) continue;
    for (const mark of cells) {
      const cell = ws.getCell(mark.cell);
      // ExcelJS shares one style object between cells read with the same style: give this
      // cell its own before filling it, or every cell of that style turns red.
      cell.style = { ...cell.style, fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: MARK_FILLS[mark.severity] } } };
      const own = noteText(cell.note);
      const ours = mark.messages.join('\n');
      cell.note = own ? `${own}${NOTE_SEPARATOR}${ours}` : ours;
    }
  }
  addReportSheet(wb, result, lang);
}

/** A cell note's plain text ('' for none): ExcelJS gives a string or rich-text runs. */
export function noteText(note: ExcelJS.Cell['note']): string {
  if (!note) return '';
  if (typeof note === 'string') return note;
  return (note.texts ?? []).map((t) => t.text).join('');
}

function uniqueSheetName(wb: ExcelJS.Workbook, base: string): string {
  let name = base;
  for (let i = 2; wb.getWorksheet(name); i++) name = `${base} (${i})`;
  return name;
}

function addReportSheet(wb: ExcelJS.Workbook, result: AuditResult, lang: Language): void {
  const ws = wb.addWorksheet(uniqueSheetName(wb, REPORT_SHEET_NAME));
  const { headers, lines } = reportLines(result.findings, lang);
  ws.addRow([summaryLine(result.tables, result.summary, lang)]);
  ws.addRow(headers).font = { bold: true };
  for (const line of lines) {
    const row = ws.addRow(line.cells);
    // Column E holds the cell address: make it a link to the cell.
    row.getCell(5).value = { text: line.cells[4], hyperlink: `#${qualifiedAddress(line.sheet, line.cell)}` };
    if (line.severity !== 'info') {
      row.getCell(2).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: MARK_FILLS[line.severity] } };
    }
  }
  ws.columns.forEach((c, i) => (c.width = [6, 10, 24, 22, 10, 14, 14, 12, 10, 90][i] ?? 12));
}
