import ExcelJS from 'exceljs';
import { stat } from 'fs/promises';
import type { CellRange, RawValue, SheetSnapshot, WorkbookSnapshot } from '../../src/core/snapshot';
import { parseRangeAddress } from '../../src/core/address';
import { displayNumber } from './displayText';

/**
 * The .xlsx adapter: builds a WorkbookSnapshot from a file with ExcelJS. Merged areas keep
 * their value in the top-left cell only, as Excel (and Office.js) report them.
 */
export class UnreadableWorkbookError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnreadableWorkbookError';
  }
}

export async function readSnapshotFromFile(path: string): Promise<WorkbookSnapshot> {
  const wb = new ExcelJS.Workbook();
  try {
    // ExcelJS reports a missing file as a zip error; say what really happened.
    const st = await stat(path);
    if (st.isDirectory()) throw Object.assign(new Error('directory'), { code: 'EISDIR' });
    await wb.xlsx.readFile(path);
  } catch (e) {
    throw new UnreadableWorkbookError(describeReadError(path, e));
  }
  return snapshotFromWorkbook(wb, path.split(/[\\/]/).pop());
}

export async function readSnapshotFromBuffer(data: ArrayBuffer | Uint8Array, name?: string): Promise<WorkbookSnapshot> {
  const wb = new ExcelJS.Workbook();
  try {
    // ExcelJS's typing wants its own Buffer type; a Node Buffer view of the bytes is that.
    await wb.xlsx.load(Buffer.from(data as Uint8Array) as unknown as ExcelJS.Buffer);
  } catch (e) {
    throw new UnreadableWorkbookError(describeReadError(name ?? 'workbook', e));
  }
  return snapshotFromWorkbook(wb, name);
}

function describeReadError(path: string, e: unknown): string {
  const code = (e as { code?: string }).code;
  if (code === 'ENOENT') return `文件不存在 / file not found: ${path}`;
  if (code === 'EISDIR') return `这是一个文件夹 / is a directory: ${path}`;
  if (code === 'EACCES') return `无法读取文件 / permission denied: ${path}`;
  return `无法作为 .xlsx 工作簿读取 / not a readable .xlsx workbook: ${path}`;
}

export function snapshotFromWorkbook(wb: ExcelJS.Workbook, name?: string): WorkbookSnapshot {
  const sheets: SheetSnapshot[] = [];
  wb.eachSheet((ws) => sheets.push(sheetSnapshot(ws)));
  return { name, sheets };
}

function sheetSnapshot(ws: ExcelJS.Worksheet): SheetSnapshot {
  const values: RawValue[][] = [];
  const text: string[][] = [];
  const numberFormats: string[][] = [];
  const hiddenRows: number[] = [];
  ws.eachRow({ includeEmpty: true }, (row, r) => {
    if (row.hidden) hiddenRows.push(r);
    const vRow: RawValue[] = [];
    const tRow: string[] = [];
    const fRow: string[] = [];
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      // Merged cells other than the top-left one are empty in Excel.
      if (cell.type === ExcelJS.ValueType.Merge) return;
      const fmt = cell.numFmt || 'General';
      const v = rawValue(cell.value);
      vRow[c - 1] = v;
      fRow[c - 1] = fmt;
      tRow[c - 1] = typeof v === 'number' ? displayNumber(v, fmt) : v === null ? '' : String(v);
    });
    values[r - 1] = fill(vRow, null);
    text[r - 1] = fill(tRow, '');
    numberFormats[r - 1] = fill(fRow, 'General');
  });
  for (let i = 0; i < values.length; i++) {
    if (!values[i]) {
      values[i] = [];
      text[i] = [];
      numberFormats[i] = [];
    }
  }
  const hiddenColumns: number[] = [];
  const colCount = ws.columnCount;
  for (let c = 1; c <= colCount; c++) if (ws.getColumn(c).hidden) hiddenColumns.push(c);
  const merges: CellRange[] = ((ws.model as { merges?: string[] }).merges ?? []).map(parseRangeAddress);
  return {
    name: ws.name,
    values,
    text,
    numberFormats,
    merges,
    hiddenRows,
    hiddenColumns,
    hidden: ws.state !== 'visible',
    protected: Boolean((ws as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection?.sheet),
  };
}

function fill<T>(arr: T[], empty: T): T[] {
  for (let i = 0; i < arr.length; i++) if (arr[i] === undefined) arr[i] = empty;
  return arr;
}

/** ExcelJS cell values come in many shapes; reduce each to what Excel stores. */
function rawValue(v: ExcelJS.CellValue): RawValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('error' in v) return String((v as ExcelJS.CellErrorValue).error);
    if ('richText' in v) return (v as ExcelJS.CellRichTextValue).richText.map((t) => t.text).join('');
    if ('formula' in v || 'sharedFormula' in v) {
      const result = (v as ExcelJS.CellFormulaValue).result;
      if (result === undefined || result === null) return null;
      if (typeof result === 'object' && 'error' in result) return String(result.error);
      return rawValue(result as ExcelJS.CellValue);
    }
    if ('text' in v) return String((v as ExcelJS.CellHyperlinkValue).text);
  }
  return String(v);
}
