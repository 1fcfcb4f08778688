import { cellAddress, qualifiedAddress } from '../../core/address';
import { REPORT_COLUMNS, REPORT_SHEET_NAME, reportLines, summaryLine, type Language } from '../../core/report';
import type { CheckResult } from './checkResult';
import { RequestBatch, requestBytes } from './requestBatch';

/**
 * 导出报告: adds a new 校验报告 sheet (校验报告 (2) … when one exists; the user's sheets are never
 * replaced) listing the findings in the reviewer's order — errors, then warnings, rounding tails
 * only when the pane shows them; each in the workbook's sheet order — with Chinese rule names,
 * each cell address a link to its cell, and the columns 处理情况 / 复核人 / 复核意见 left empty for
 * the reviewer. Every cell but the line number is formatted as text before it is written, so a
 * sheet named "=收支" or "-1" is written as the name, never taken for a formula. Two syncs, and
 * one more per ~4 MB of report.
 */
export interface ReportOptions {
  lang: Language;
  /** Rounding tails (info) too: only when the pane shows them. */
  includeInfo: boolean;
  /** The workbook's sheets in their order (the report follows it). */
  sheetOrder: string[];
}

/** Excel's column width in points from the report's width in characters (as an .xlsx <col> gives it). */
export function columnPoints(characters: number): number {
  return Math.round((characters * 7 + 5) * 0.75);
}

export async function exportReport(context: Excel.RequestContext, result: CheckResult, options: ReportOptions): Promise<string> {
  const sheets = context.workbook.worksheets;
  sheets.load('items/name');
  await context.sync();
  const existing = new Set(sheets.items.map((s) => s.name));
  let name = REPORT_SHEET_NAME;
  for (let i = 2; existing.has(name); i++) name = `${REPORT_SHEET_NAME} (${i})`;

  const batch = new RequestBatch(context);
  const findings = options.includeInfo ? result.findings : result.findings.filter((f) => f.severity !== 'info');
  const { headers, lines } = reportLines(findings, options.lang, options.sheetOrder);
  const width = headers.length;
  const text = (cells: string[]) => cells.map(() => '@');
  const title = [summaryLine(result.tables, result.summary, options.lang), ...headers.slice(1).map(() => '')];
  const rows: { values: (string | number)[]; formats: string[] }[] = [
    { values: title, formats: text(title) },
    { values: headers, formats: text(headers) },
    // The line number is a number; everything else is text, exactly as rendered.
    ...lines.map((line, i) => ({ values: [i + 1, ...line.cells.slice(1)], formats: ['0', ...text(line.cells.slice(1))] })),
  ];

  await batch.reserve(requestBytes(3, name));
  const sheet = sheets.add(name);
  // Rows in bands that each fit a request; formats before values, so text stays text.
  for (let top = 0; top < rows.length; ) {
    let bottom = top;
    let bytes = 0;
    while (bottom < rows.length && (bottom === top || bytes < batch.budget / 4)) {
      bytes += requestBytes(0, ...rows[bottom].values.map(String), ...rows[bottom].formats);
      bottom++;
    }
    await batch.reserve(requestBytes(2) + bytes);
    const band = sheet.getRange(`A${top + 1}:${cellAddress(bottom, width)}`);
    band.numberFormat = rows.slice(top, bottom).map((r) => r.formats);
    band.values = rows.slice(top, bottom).map((r) => r.values);
    top = bottom;
  }
  await batch.reserve(requestBytes(2 + width));
  sheet.getRange(`A2:${cellAddress(2, width)}`).format.font.bold = true;
  REPORT_COLUMNS.widths.slice(0, width).forEach((chars, i) => {
    sheet.getRange(cellAddress(1, i + 1)).format.columnWidth = columnPoints(chars);
  });
  // The cell column: each address a link to the cell it names.
  const linkCol = REPORT_COLUMNS.cell + 1;
  for (const [i, line] of lines.entries()) {
    const link = { documentReference: qualifiedAddress(line.sheet, line.cell), textToDisplay: line.cell };
    await batch.reserve(requestBytes(2, link.documentReference, link.textToDisplay));
    sheet.getRange(cellAddress(i + 3, linkCol)).hyperlink = link;
  }
  sheet.activate();
  await batch.send();
  return name;
}
