/**
 * Snapshot: plain data for each sheet of a workbook, built by an adapter (ExcelJS for .xlsx
 * files, Office.js inside Excel). Nothing downstream knows where it came from.
 *
 * The grid always starts at A1, row-major, so `values[r - 1][c - 1]` is the cell at sheet
 * row r, column c (both 1-based). The three grids have the same shape; a short row means the
 * rest of that row is empty, and a missing row (a hole: `values[r - 1] === undefined`) is an
 * empty row, so a file with one value in row 1,048,576 costs one row, not a million: readers
 * never materialise empty rows. This mirrors what Office.js returns for a range
 * (values/text/numberFormat), so the Excel adapter needs no per-cell translation.
 */

/** A raw cell value. Errors (#REF!, #DIV/0! …) arrive as their display string. */
export type RawValue = string | number | boolean | null;

export interface CellRange {
  /** 1-based, inclusive. */
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface SheetSnapshot {
  name: string;
  /** Values as stored: numbers stay numbers, text stays text. */
  values: RawValue[][];
  /** What Excel displays (number format applied); '' for empty. */
  text: string[][];
  /** Number format code per cell ('General', '#,##0.00', '@' …). */
  numberFormats: string[][];
  /** Merged areas, in sheet coordinates. */
  merges: CellRange[];
  /** 1-based sheet rows / columns that are hidden. */
  hiddenRows: number[];
  hiddenColumns: number[];
  /** The sheet itself is hidden. */
  hidden?: boolean;
  /** The sheet is protected (the add-in cannot mark it). */
  protected?: boolean;
}

export interface WorkbookSnapshot {
  /** File name or workbook name, for messages only. */
  name?: string;
  sheets: SheetSnapshot[];
}

export function rowCount(sheet: SheetSnapshot): number {
  return sheet.values.length;
}

export function columnCount(sheet: SheetSnapshot): number {
  let n = 0;
  // forEach skips holes (empty rows that were never materialised).
  sheet.values.forEach((row) => {
    if (row && row.length > n) n = row.length;
  });
  return n;
}

/** Raw value at (row, col), 1-based; null outside the grid. */
export function valueAt(sheet: SheetSnapshot, row: number, col: number): RawValue {
  const r = sheet.values[row - 1];
  if (!r) return null;
  const v = r[col - 1];
  return v === undefined ? null : v;
}

/** Displayed text at (row, col), 1-based; '' outside the grid. */
export function textAt(sheet: SheetSnapshot, row: number, col: number): string {
  const r = sheet.text[row - 1];
  if (r && r[col - 1] !== undefined && r[col - 1] !== '') return r[col - 1];
  const v = valueAt(sheet, row, col);
  return v === null ? '' : String(v);
}

export function numberFormatAt(sheet: SheetSnapshot, row: number, col: number): string {
  const r = sheet.numberFormats[row - 1];
  return (r && r[col - 1]) || 'General';
}
