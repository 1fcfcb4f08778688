import { BLANK, cellIndex, FALSE, forEachPacked, givenText, NUMBER, PackedCellsBuilder, packedFormat, packedValue, packedWidth, STRING, TRUE, type PackedCells } from './packedCells';
import { displayText } from './numberFormat';

/**
 * Snapshot: plain data for each sheet of a workbook, built by an adapter (SheetJS for files,
 * Office.js inside Excel). Nothing downstream knows where it came from; everything reads it
 * through the functions below (valueAt, textAt, numberFormatAt, forEachCell), never by its arrays.
 *
 * A sheet's cells come in one of two forms:
 * - packed (`cells`, packedCells.ts): only the cells that hold something, in flat arrays, number
 *   formats as ids into the sheet's table, a displayed text only where the value and its format
 *   do not give it. The readers build this: a million-cell sheet costs a few bytes more than its values.
 * - grids (`values`, `text`, `numberFormats`): row-major arrays starting at A1, so `values[r - 1][c - 1]`
 *   is the cell at sheet row r, column c (both 1-based); the three grids have the same shape, a
 *   short row means the rest of that row is empty, a missing row (a hole) is an empty row. Tests
 *   write sheets so; the engine packs them before it reads them (packedCellsOf).
 */

/**
 * A raw cell value. Errors (#REF!, #DIV/0! …) arrive as their display string; a formula whose result the
 * file does not store arrives as UNCALCULATED.
 */
export type RawValue = string | number | boolean | null;

/**
 * A formula stored without its result: a file written by a program that does not calculate (a finance
 * system's export, a script) holds `<f>SUM(C6:C20)</f>` and no value until Excel or WPS calculates and saves
 * it. Read as blank, every such 合计 would be told 0; it is a figure nobody can read yet. Spelt as an
 * error value is (Excel has none for it), so it is a figure to the detection and never an amount.
 */
export const UNCALCULATED = '#UNCALCULATED!';

export interface CellRange {
  /** 1-based, inclusive. */
  top: number;
  left: number;
  bottom: number;
  right: number;
}

interface SheetBase {
  name: string;
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

/** A sheet as three grids (see above). */
export interface GridSheet extends SheetBase {
  /** Values as stored: numbers stay numbers, text stays text. */
  values: RawValue[][];
  /** What Excel displays (number format applied); '' for empty (the value's own text then). */
  text: string[][];
  /** Number format code per cell ('General', '#,##0.00', '@' …). */
  numberFormats: string[][];
  cells?: undefined;
}

/** A sheet with its cells packed (see above and packedCells.ts). */
export interface PackedSheet extends SheetBase {
  cells: PackedCells;
  values?: undefined;
  text?: undefined;
  numberFormats?: undefined;
}

export type SheetSnapshot = GridSheet | PackedSheet;

export interface WorkbookSnapshot<S extends SheetSnapshot = SheetSnapshot> {
  /** File name or workbook name, for messages only. */
  name?: string;
  sheets: S[];
}

/** Rows of the sheet's grid (the last row holding a cell, or more for a grid written longer). */
export function rowCount(sheet: SheetSnapshot): number {
  return sheet.cells ? sheet.cells.height : (sheet.values?.length ?? 0);
}

export function columnCount(sheet: SheetSnapshot): number {
  if (sheet.cells) return packedWidth(sheet.cells);
  let n = 0;
  // forEach skips holes (empty rows that were never materialised).
  (sheet.values ?? []).forEach((row) => {
    if (row && row.length > n) n = row.length;
  });
  return n;
}

/** Raw value at (row, col), 1-based; null outside the grid. */
export function valueAt(sheet: SheetSnapshot, row: number, col: number): RawValue {
  if (sheet.cells) {
    const i = cellIndex(sheet.cells, row, col);
    return i < 0 ? null : packedValue(sheet.cells, i);
  }
  const r = sheet.values?.[row - 1];
  if (!r) return null;
  const v = r[col - 1];
  return v === undefined ? null : v;
}

/** Displayed text at (row, col), 1-based; '' outside the grid. */
export function textAt(sheet: SheetSnapshot, row: number, col: number): string {
  if (sheet.cells) {
    const i = cellIndex(sheet.cells, row, col);
    return i < 0 ? '' : packedText(sheet.cells, i);
  }
  const r = sheet.text?.[row - 1];
  if (r && r[col - 1] !== undefined && r[col - 1] !== '') return r[col - 1];
  const v = valueAt(sheet, row, col);
  return v === null ? '' : String(v);
}

export function numberFormatAt(sheet: SheetSnapshot, row: number, col: number): string {
  if (sheet.cells) {
    const i = cellIndex(sheet.cells, row, col);
    return i < 0 ? 'General' : packedFormat(sheet.cells, i);
  }
  const r = sheet.numberFormats?.[row - 1];
  return (r && r[col - 1]) || 'General';
}

/** The displayed text of packed cell i: the source's own, else what its value and format give. */
export function packedText(p: PackedCells, i: number): string {
  const given = givenText(p, i);
  if (given !== undefined) return given;
  switch (p.kinds[i]) {
    case NUMBER: {
      // A format that shows nothing (;;;) leaves the value's own text, as an empty text always did.
      const shown = displayText(p.numbers[i], packedFormat(p, i));
      return shown === '' ? String(p.numbers[i]) : shown;
    }
    case STRING:
      return p.strings[p.numbers[i]];
    case TRUE:
      return 'TRUE';
    case FALSE:
      return 'FALSE';
    default:
      return '';
  }
}

/** Every cell that holds something, in sheet order: a value, or (BLANK) only a text. */
export function forEachCell(sheet: SheetSnapshot, fn: (row: number, col: number, value: RawValue) => void): void {
  const p = packedCellsOf(sheet);
  forEachPacked(p, (row, i) => fn(row, p.cols[i], packedValue(p, i)));
}

/**
 * The sheet's cells packed: its own when it has them; a grid-form sheet (a test's) is packed
 * afresh each time, as its grids may have been changed since. A grid cell's text is kept as
 * given: a number's text where it has one (the grid's, or its value's own when the grid left it
 * empty), a string's or a boolean's where it differs from the value's.
 */
export function packedCellsOf(sheet: SheetSnapshot): PackedCells {
  if (sheet.cells) return sheet.cells;
  const b = new PackedCellsBuilder();
  const values = sheet.values ?? [];
  packGridRows(b, 0, values, sheet.text ?? [], sheet.numberFormats ?? []);
  return b.finish(values.length);
}

/**
 * Grid rows into a builder: `values[i]` (with its texts and formats) is sheet row `top + i + 1`.
 * Bands of a sheet given top-down pack as the whole sheet would (the pane's worker packs each
 * band as it arrives, so the sheet never stands in it as grids).
 */
export function packGridRows(b: PackedCellsBuilder, top: number, values: RawValue[][], texts: string[][], formats: string[][]): void {
  values.forEach((row, r) => {
    if (!row) return;
    const textRow = texts[r];
    const formatRow = formats[r];
    const n = Math.max(row.length, textRow ? textRow.length : 0);
    for (let c = 0; c < n; c++) {
      const v = row[c] ?? null;
      const t = textRow?.[c] ?? '';
      if (v === null && t === '') continue;
      const format = formatRow?.[c] || 'General';
      b.add(top + r + 1, c + 1, v, format, gridText(v, t));
    }
  });
}

/** The text a grid cell keeps of its own (undefined: its value's own text is the same). */
function gridText(v: RawValue, t: string): string | undefined {
  if (typeof v === 'number') return t !== '' ? t : String(v);
  if (v === null) return t;
  if (t === '') return typeof v === 'boolean' ? String(v) : undefined;
  const own = typeof v === 'boolean' ? (v ? 'TRUE' : 'FALSE') : v;
  return t === own ? undefined : t;
}

/**
 * A sheet as grids, for what writes or compares them whole (the fake Excel host of the tests):
 * rows as long as their last cell, holes for empty rows, each cell's displayed text written out.
 */
export function gridsOf(sheet: SheetSnapshot): Pick<GridSheet, 'values' | 'text' | 'numberFormats'> {
  if (!sheet.cells) return { values: sheet.values ?? [], text: sheet.text ?? [], numberFormats: sheet.numberFormats ?? [] };
  const p = sheet.cells;
  const values: RawValue[][] = [];
  const text: string[][] = [];
  const numberFormats: string[][] = [];
  for (let k = 0; k < p.rows.length; k++) {
    const from = p.starts[k];
    const to = p.starts[k + 1];
    if (to === from) continue;
    const width = p.cols[to - 1];
    const v = new Array<RawValue>(width).fill(null);
    const t = new Array<string>(width).fill('');
    const f = new Array<string>(width).fill('General');
    for (let i = from; i < to; i++) {
      const c = p.cols[i] - 1;
      v[c] = p.kinds[i] === BLANK ? null : packedValue(p, i);
      t[c] = packedText(p, i);
      f[c] = packedFormat(p, i);
    }
    values[p.rows[k] - 1] = v;
    text[p.rows[k] - 1] = t;
    numberFormats[p.rows[k] - 1] = f;
  }
  return { values, text, numberFormats };
}

