import type { CellObject, Range, RowInfo, ColInfo, WorkSheet } from '@e965/xlsx';
import type { CellRange, RawValue, SheetSnapshot } from '../../core/snapshot';
import { displayText } from '../../core/numberFormat';

/** What the workbook says about a sheet besides its cells. */
export interface SheetState {
  hidden: boolean;
  protected: boolean;
  /** 1-based; when absent, read from the sheet's own row and column records. */
  hiddenRows?: number[];
  hiddenColumns?: number[];
  /** Format codes the file's own reading knows better than SheetJS (0-based [row][column]). */
  numberFormats?: string[][];
  /** Number cells whose stored value is not a number, by 0-based "row,column": what is stored (ooxmlSheetState.ts). */
  oddNumbers?: Map<string, string>;
}

/**
 * One SheetJS worksheet (read in dense mode: an array of rows, holes for empty rows) as a
 * SheetSnapshot. Only cells that hold something are visited, so a sheet whose one value sits
 * in row 1,048,576 costs one row; the grids keep the holes (an empty row is never built).
 *
 * `storedText`: the file itself stores each cell's displayed text (.ods does); otherwise a
 * number's text is what numfmt displays for its format code, as Excel would.
 */
export function sheetSnapshot(name: string, ws: WorkSheet, state: SheetState, storedText: boolean): SheetSnapshot {
  const data = (ws['!data'] ?? []) as (CellObject | undefined)[][];
  const values: RawValue[][] = [];
  const text: string[][] = [];
  const numberFormats: string[][] = [];
  let width = 0;
  data.forEach((row, r) => {
    if (!row) return;
    const ownFormats = state.numberFormats?.[r];
    let vRow: RawValue[] | undefined;
    let tRow: string[] = [];
    let fRow: string[] = [];
    row.forEach((cell, c) => {
      if (!cell) return;
      const v = state.oddNumbers?.get(`${r},${c}`) ?? rawValue(cell);
      if (v === null) return;
      if (!vRow) {
        vRow = [];
        tRow = [];
        fRow = [];
      }
      const fmt = ownFormats?.[c] ?? (typeof cell.z === 'string' && cell.z ? cell.z : 'General');
      vRow[c] = v;
      fRow[c] = fmt;
      tRow[c] = typeof v === 'number' ? (storedText && cell.w !== undefined ? cell.w : displayText(v, fmt)) : typeof v === 'boolean' ? (v ? 'TRUE' : 'FALSE') : v;
    });
    // The parser's cell objects of this row are done with: let them go while the rest is built.
    data[r] = undefined as unknown as CellObject[];
    if (!vRow) return;
    values[r] = vRow;
    text[r] = tRow;
    numberFormats[r] = fRow;
  });
  const merges = (ws['!merges'] ?? []).map(toCellRange);
  blankMergedCells(values, text, numberFormats, merges);
  // Rows keep no trailing or inner holes: a short row means the rest is empty (snapshot.ts).
  // Each row is copied to an array of its own length: one grown cell by cell keeps room for
  // about three times its cells, which a million-cell sheet pays three times over.
  values.forEach((vRow, r) => {
    values[r] = filled(vRow, null);
    text[r] = filled(text[r], '');
    numberFormats[r] = filled(numberFormats[r], 'General');
    if (vRow.length > width) width = vRow.length;
  });
  return {
    name,
    values,
    text,
    numberFormats,
    merges,
    // Hidden rows and columns past the cells that hold something hide nothing the engine reads.
    hiddenRows: (state.hiddenRows ?? hiddenIndexes(ws['!rows'])).filter((r) => r <= values.length),
    hiddenColumns: (state.hiddenColumns ?? hiddenIndexes(ws['!cols'])).filter((c) => c <= width),
    hidden: state.hidden,
    protected: state.protected,
  };
}

/**
 * Error codes as BIFF and SheetJS number them ([MS-XLS] 2.5.10 BErr), back to the text Excel
 * shows; the snapshot carries errors as that text.
 */
const ERROR_TEXT: Record<number, string> = {
  0x00: '#NULL!', 0x07: '#DIV/0!', 0x0f: '#VALUE!', 0x17: '#REF!', 0x1d: '#NAME?', 0x24: '#NUM!', 0x2a: '#N/A', 0x2b: '#GETTING_DATA',
};

/** A cell reduced to what Excel stores: a formula gives its cached result (null when none). */
function rawValue(cell: CellObject): RawValue {
  const v = cell.v;
  switch (cell.t) {
    case 'n':
      return typeof v === 'number' ? v : null;
    case 's':
      return typeof v === 'string' && v !== '' ? v : null;
    case 'b':
      return typeof v === 'boolean' ? v : null;
    case 'e':
      return cell.w && cell.w.startsWith('#') ? cell.w : typeof v === 'number' ? (ERROR_TEXT[v] ?? '#N/A') : null;
    case 'd':
      return v instanceof Date && !Number.isNaN(v.getTime()) ? v.toISOString().slice(0, 10) : null;
    default:
      return null; // 'z': a formatted empty cell, or a formula without a cached result
  }
}

/**
 * Merged cells other than the top-left one are empty, as Excel and Office.js report them, even
 * when the file stores a value under the merge. Only rows that hold something are visited, so a
 * merge spanning a million rows costs what its filled rows cost.
 */
function blankMergedCells(values: RawValue[][], text: string[][], formats: string[][], merges: CellRange[]): void {
  if (!merges.length) return;
  const filledRows: number[] = [];
  values.forEach((_row, r) => filledRows.push(r + 1));
  for (const m of merges) {
    for (let i = firstAtLeast(filledRows, m.top); i < filledRows.length && filledRows[i] <= m.bottom; i++) {
      const r = filledRows[i];
      const row = values[r - 1];
      for (let c = m.left; c <= Math.min(m.right, row.length); c++) {
        if (r === m.top && c === m.left) continue;
        if (row[c - 1] === undefined) continue;
        delete row[c - 1];
        delete text[r - 1][c - 1];
        delete formats[r - 1][c - 1];
      }
    }
  }
  // A row whose only values sat under merges is empty now: make it a hole again.
  for (const r of filledRows) {
    const row = values[r - 1];
    if (!row.some((v) => v !== undefined)) {
      delete values[r - 1];
      delete text[r - 1];
      delete formats[r - 1];
    }
  }
  trimLength(values, text, formats);
}

function trimLength(values: RawValue[][], text: string[][], formats: string[][]): void {
  let n = values.length;
  while (n > 0 && values[n - 1] === undefined) n--;
  values.length = n;
  text.length = n;
  formats.length = n;
  values.forEach((row, r) => {
    let w = row.length;
    while (w > 0 && row[w - 1] === undefined) w--;
    row.length = w;
    text[r].length = w;
    formats[r].length = w;
  });
}

function firstAtLeast(sorted: number[], x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function toCellRange(r: Range): CellRange {
  return { top: r.s.r + 1, left: r.s.c + 1, bottom: r.e.r + 1, right: r.e.c + 1 };
}

function hiddenIndexes(infos: (RowInfo | ColInfo | undefined)[] | undefined): number[] {
  const out: number[] = [];
  (infos ?? []).forEach((info, i) => {
    if (info && info.hidden) out.push(i + 1);
  });
  return out;
}

/** The row without holes, in an array exactly its length. */
function filled<T>(arr: T[], empty: T): T[] {
  const out = new Array<T>(arr.length);
  for (let i = 0; i < arr.length; i++) out[i] = arr[i] === undefined ? empty : arr[i];
  return out;
}
