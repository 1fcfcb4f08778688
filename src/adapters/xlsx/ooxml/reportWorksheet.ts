import { cellAddress, columnLetter, qualifiedAddress } from '../../../core/address';
import { UnpatchableWorkbookError } from './errors';
import type { ReportStyles } from './stylesPart';
import { escapeXstringAttribute, escapeText } from './xmlText';

export type ReportSeverity = 'error' | 'warning' | 'info';

export interface ReportRow {
  cells: (string | number)[];
  /** Makes cell `column` (0-based) a link to a cell of the workbook. */
  link?: { column: number; sheet: string; cell: string };
  /** Fills cell `severityColumn` red (error) or amber (warning). */
  severity?: ReportSeverity;
}

export interface ReportSheet {
  name: string;
  /** First row, one cell. */
  title: string;
  /** Second row, bold, frozen with the title above it. */
  headers: string[];
  rows: ReportRow[];
  severityColumn?: number;
  /** Column widths in characters. */
  widths?: number[];
}

/** Excel holds at most this many characters in a cell; a longer text would make the file unreadable to it. */
const CELL_TEXT_LIMIT = 32767;

/**
 * The report sheet's part. Every cell is an inline string or a number, never a formula: a
 * text such as `=SUM(1)` (a sheet can be called that) stays text. Links are internal hyperlinks
 * (`location`), which need no relationship.
 */
export function reportWorksheetXml(report: ReportSheet, styles: ReportStyles, main: string): string {
  const rows: string[] = [];
  const links: string[] = [];
  const row = (r: number, cells: string[]) => rows.push(`<row r="${r}">${cells.join('')}</row>`);
  row(1, [cellXml(1, 0, report.title)]);
  row(2, report.headers.map((h, c) => cellXml(2, c, h, styles.header)));
  report.rows.forEach((line, i) => {
    const r = i + 3;
    const cells = line.cells.map((value, c) => {
      let style: number | undefined;
      if (line.link && c === line.link.column) style = styles.link;
      if (line.severity && c === report.severityColumn) style = styles.fill[line.severity] ?? style;
      return cellXml(r, c, value, style);
    });
    row(r, cells);
    if (line.link) {
      const display = line.cells[line.link.column];
      links.push(
        `<hyperlink ref="${cellAddress(r, line.link.column + 1)}" location="${escapeXstringAttribute(qualifiedAddress(line.link.sheet, line.link.cell))}"` +
          (display !== undefined && display !== '' ? ` display="${escapeXstringAttribute(limit(String(display)))}"` : '') +
          '/>',
      );
    }
  });
  const width = report.rows.reduce((w, r) => Math.max(w, r.cells.length), Math.max(1, report.headers.length));
  const cols = (report.widths ?? [])
    .map((w, i) => (Number.isFinite(w) && w > 0 ? `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>` : ''))
    .join('');
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${main}">` +
    `<dimension ref="A1:${columnLetter(width)}${report.rows.length + 2}"/>` +
    '<sheetViews><sheetView workbookViewId="0"><pane ySplit="2" topLeftCell="A3" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A3" sqref="A3"/></sheetView></sheetViews>' +
    '<sheetFormatPr defaultRowHeight="15"/>' +
    (cols ? `<cols>${cols}</cols>` : '') +
    `<sheetData>${rows.join('')}</sheetData>` +
    (links.length ? `<hyperlinks>${links.join('')}</hyperlinks>` : '') +
    '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>' +
    '</worksheet>'
  );
}

function cellXml(row: number, col: number, value: string | number, style?: number): string {
  const ref = cellAddress(row, col + 1);
  const s = style !== undefined ? ` s="${style}"` : '';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new UnpatchableWorkbookError(`报告第 ${row} 行有非有限数值 ${value}`, `report row ${row} holds a non-finite number ${value}`);
    return `<c r="${ref}"${s}><v>${value}</v></c>`;
  }
  if (value === '') return style !== undefined ? `<c r="${ref}"${s}/>` : '';
  return `<c r="${ref}"${s} t="inlineStr"><is><t xml:space="preserve">${escapeText(limit(value))}</t></is></c>`;
}

function limit(text: string): string {
  if (text.length <= CELL_TEXT_LIMIT) return text;
  let end = CELL_TEXT_LIMIT - 1;
  if (/[\uD800-\uDBFF]/.test(text[end - 1])) end--; // never split a surrogate pair
  return `${text.slice(0, end)}…`;
}
