import * as XLSX from '@e965/xlsx';
import { dirname, relative, resolve, sep } from 'path';
import type { Language } from '../core/report';
import type { SummaryRow } from './fileOutcome';

/**
 * The summary workbook of a batch: one row per workbook — where it is, whose and which year it
 * is, what was found — the workbooks that need attention first. Built with SheetJS: the library
 * the reader uses for every format (maintained, where ExcelJS has had no release since 2023), and
 * a plain list with links needs none of ExcelJS's styling.
 */
const HEADERS: Record<Language, string[]> = {
  'zh-CN': ['文件', '单位', '年度', '识别表格', '错误', '警告', '文字类问题', '无法读取或写出'],
  en: ['File', 'Department', 'Year', 'Tables found', 'Errors', 'Warnings', 'Narrative findings', 'Unreadable / not written'],
};

const WIDTHS = [60, 30, 8, 10, 8, 8, 12, 80];

/**
 * Workbooks that could not be read (or whose copy could not be written) first, then by errors,
 * then warnings, most first, then by path: a reviewer works from the top.
 */
export function sortSummaryRows(rows: SummaryRow[]): SummaryRow[] {
  const key = (r: SummaryRow) => [r.problem ? 0 : 1, -(r.errors ?? 0), -(r.warnings ?? 0)];
  return [...rows].sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    for (let i = 0; i < ka.length; i++) if (ka[i] !== kb[i]) return ka[i] - kb[i];
    return a.file < b.file ? -1 : a.file > b.file ? 1 : 0;
  });
}

/** The summary as .xlsx bytes; `summaryPath` is where it will be written (links to the copies are relative to it). */
export function summaryWorkbook(rows: SummaryRow[], lang: Language, summaryPath: string): Uint8Array {
  const sorted = sortSummaryRows(rows);
  const aoa = [
    HEADERS[lang],
    // Absent facts are empty cells (null), not empty strings: a filter's (空白) finds them.
    ...sorted.map((r) => [r.file, r.department ?? null, r.year ?? null, r.tables ?? null, r.errors ?? null, r.warnings ?? null, r.narrative ?? null, r.problem ?? null]),
  ];
  const ws = XLSX.utils.aoa_to_sheet(aoa);
  sorted.forEach((r, i) => {
    if (!r.copy) return;
    const cell = ws[XLSX.utils.encode_cell({ r: i + 1, c: 0 })] as XLSX.CellObject;
    // Relative, so the summary and the copies can be moved or zipped together.
    cell.l = { Target: relativeLink(summaryPath, r.copy), Tooltip: lang === 'zh-CN' ? '打开标注副本' : 'open the annotated copy' };
  });
  ws['!cols'] = WIDTHS.map((wch) => ({ wch }));
  ws['!autofilter'] = { ref: XLSX.utils.encode_range({ s: { r: 0, c: 0 }, e: { r: sorted.length, c: HEADERS[lang].length - 1 } }) };
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, ws, lang === 'zh-CN' ? '汇总' : 'Summary');
  return XLSX.write(wb, { type: 'buffer', bookType: 'xlsx', compression: true }) as Uint8Array;
}

/**
 * A link from the summary's folder to a copy: `/` between folders, and each name percent-encoded
 * as a relationship target is a URI (a space or a `#` in a file name would otherwise break it).
 */
export function relativeLink(summaryPath: string, target: string): string {
  return relative(dirname(resolve(summaryPath)), resolve(target)).split(sep).map(encodeURIComponent).join('/');
}
