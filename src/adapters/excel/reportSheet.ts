import { cellAddress, qualifiedAddress } from '../../core/address';
import type { AuditResult } from '../../core/engine';
import { REPORT_SHEET_NAME, reportLines, summaryLine, type Language } from '../../core/report';

/**
 * 导出报告: adds a new 校验报告 sheet (校验报告 (2) … when one exists; the user's sheets are never
 * replaced) listing every finding, each cell address a hyperlink to the cell. Two syncs.
 */
export async function exportReport(context: Excel.RequestContext, result: AuditResult, lang: Language): Promise<string> {
  const sheets = context.workbook.worksheets;
  sheets.load('items/name');
  await context.sync();
  const existing = new Set(sheets.items.map((s) => s.name));
  let name = REPORT_SHEET_NAME;
  for (let i = 2; existing.has(name); i++) name = `${REPORT_SHEET_NAME} (${i})`;

  const sheet = sheets.add(name);
  const { headers, lines } = reportLines(result.findings, lang, result.tables.map((t) => t.sheet));
  const rows: string[][] = [[summaryLine(result.tables, result.summary, lang), ...headers.slice(1).map(() => '')], headers, ...lines.map((l) => l.cells)];
  const width = headers.length;
  sheet.getRange(`A1:${cellAddress(rows.length, width)}`).values = rows;
  sheet.getRange(`A2:${cellAddress(2, width)}`).format.font.bold = true;
  // Column E holds the cell address: make each one a link to the cell it names.
  const linkCol = headers.length >= 5 ? 5 : 1;
  lines.forEach((line, i) => {
    sheet.getRange(cellAddress(i + 3, linkCol)).hyperlink = {
      documentReference: qualifiedAddress(line.sheet, line.cell),
      textToDisplay: line.cell,
    };
  });
  sheet.activate();
  await context.sync();
  return name;
}
