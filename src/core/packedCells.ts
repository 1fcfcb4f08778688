import type { RawValue } from './snapshot';
import { displayText } from './numberFormat';

/**
 * A sheet's cells packed into a few flat arrays: only the cells that hold something, row by row,
 * left to right. A million-cell sheet is then a handful of typed arrays and its strings rather
 * than three million array slots (value, text, format) and a displayed text per number; a typed
 * array also crosses to the pane's Web Worker as one copy of its bytes.
 *
 * - Cell i of the sheet's k-th non-empty row (sheet row `rows[k]`) is one of
 *   `starts[k] … starts[k + 1] − 1`, its column `cols[i]`, ascending within the row.
 * - `kinds[i]` says what it holds (NUMBER, STRING, TRUE, FALSE, or BLANK: no value, only a text);
 *   `numbers[i]` is a number's value, or a string's index into `strings`.
 * - `formats[formatIds[i]]` is its number format code (a per-sheet table; `formats[0]` is General).
 * - Its displayed text is what its value and format give (a number through its format, as
 *   Excel shows it; a string itself; TRUE / FALSE), unless `textIds[i]` ≥ 0 names the text the
 *   source gave (`strings[textIds[i]]`): Excel's own text, or the text an .ods file stores.
 */
export interface PackedCells {
  /** Rows of the grid, trailing empty ones included. */
  height: number;
  rows: Uint32Array;
  starts: Uint32Array;
  cols: Uint16Array;
  kinds: Uint8Array;
  numbers: Float64Array;
  strings: string[];
  formats: string[];
  formatIds: Uint16Array | Uint32Array;
  textIds?: Int32Array;
}

export const NUMBER = 1;
/** A note's opening on a line of its own inside a cell (…\n注：…, …\n说明：…). */
const GLUED_NOTE = /\r?\n[\s\u3000]*(?:注|说明|备注)\s*\d?\s*[:：]|(?<=[\d\u4e00-\u9fff])(?<![备附脚标批])注\s*\d?\s*[:：]/;
export const STRING = 2;
export const TRUE = 3;
export const FALSE = 4;
export const BLANK = 5;

const GENERAL = 'General';

/**
 * Packs cells given in sheet order (rows ascending, columns ascending within a row). The arrays
 * grow by doubling and are cut to their length once, at the end.
 */
export class PackedCellsBuilder {
  private rows = new Uint32Array(16);
  private starts = new Uint32Array(17);
  private rowCount = 0;
  private cols = new Uint16Array(64);
  private kinds = new Uint8Array(64);
  private numbers = new Float64Array(64);
  private formatIds = new Uint32Array(64);
  private textIds: Int32Array | undefined;
  private count = 0;
  private readonly strings: string[] = [];
  private readonly formats: string[] = [GENERAL];
  private readonly formatIndex = new Map<string, number>([[GENERAL, 0]]);
  private lastRow = 0;

  /**
   * One cell. `value` null with a text is a cell that only shows something; `text` is the
   * source's own displayed text when it has one that the value and format may not give.
   */
  add(row: number, col: number, value: RawValue, format: string, text?: string): void {
    if (row !== this.lastRow) this.openRow(row);
    const i = this.count;
    if (i === this.cols.length) this.grow();
    this.cols[i] = col;
    // A note a PDF's conversion glued under or after the last row's first cell (221\n注：…, 收入总计注：…): the cell is
    // what stands before it. (The note names nothing of the row, and its figures are no row's.) Not a 情况说明 kept in
    // one cell: a note is a few lines, never pages.
    if (typeof value === 'string' && value.length > 3 && (value.includes('\n') || value.includes('注'))) {
      const at = GLUED_NOTE.exec(value);
      if (at && at.index > 0 && at.index <= 40 && value.length - at.index <= 400) {
        value = value.slice(0, at.index).trimEnd();
        if (text !== undefined) text = value;
      }
    }
    // A page number typed as a number and shown 第1页 by its format: words on the page, no figure.
    if (typeof value === 'number' && format.includes('页')) {
      value = text?.includes('页') ? text : displayText(value, format);
      text = undefined;
    }
    if (typeof value === 'number') {
      this.kinds[i] = NUMBER;
      this.numbers[i] = value;
    } else if (typeof value === 'string') {
      this.kinds[i] = STRING;
      this.numbers[i] = this.strings.push(value) - 1;
    } else if (typeof value === 'boolean') {
      this.kinds[i] = value ? TRUE : FALSE;
    } else {
      this.kinds[i] = BLANK;
    }
    this.formatIds[i] = format === GENERAL || !format ? 0 : this.formatId(format);
    if (text !== undefined) {
      if (!this.textIds) this.textIds = new Int32Array(this.cols.length).fill(-1, 0, i);
      this.textIds[i] = this.strings.push(text) - 1;
    } else if (this.textIds) this.textIds[i] = -1;
    this.count++;
  }

  finish(height = this.lastRow): PackedCells {
    const n = this.count;
    const r = this.rowCount;
    this.starts[r] = n;
    const formatIds = this.formats.length <= 0x10000 ? Uint16Array.from(this.formatIds.subarray(0, n)) : this.formatIds.slice(0, n);
    const packed: PackedCells = {
      height: Math.max(height, this.lastRow),
      rows: this.rows.slice(0, r),
      starts: this.starts.slice(0, r + 1),
      cols: this.cols.slice(0, n),
      kinds: this.kinds.slice(0, n),
      numbers: this.numbers.slice(0, n),
      strings: this.strings,
      formats: this.formats,
      formatIds,
    };
    if (this.textIds) packed.textIds = this.textIds.slice(0, n);
    return packed;
  }

  private openRow(row: number): void {
    if (row < this.lastRow) throw new Error(`cells out of order: row ${row} after row ${this.lastRow}`);
    if (this.rowCount + 1 >= this.rows.length) {
      this.rows = grown(this.rows, this.rows.length * 2);
      this.starts = grown(this.starts, this.rows.length + 1);
    }
    this.rows[this.rowCount] = row;
    this.starts[this.rowCount] = this.count;
    this.rowCount++;
    this.lastRow = row;
  }

  private grow(): void {
    const size = this.cols.length * 2;
    this.cols = grown(this.cols, size);
    this.kinds = grown(this.kinds, size);
    this.numbers = grown(this.numbers, size);
    this.formatIds = grown(this.formatIds, size);
    if (this.textIds) this.textIds = grown(this.textIds, size);
  }

  private formatId(format: string): number {
    let id = this.formatIndex.get(format);
    if (id === undefined) {
      id = this.formats.push(format) - 1;
      this.formatIndex.set(format, id);
    }
    return id;
  }
}

type TypedArray = Uint8Array | Uint16Array | Uint32Array | Int32Array | Float64Array;

function grown<T extends TypedArray>(a: T, size: number): T {
  const b = new (a.constructor as new (n: number) => T)(size);
  b.set(a);
  return b;
}

const NO_ROWS: ReadonlySet<number> = new Set();

/**
 * The cells but those of the columns (and whole rows) left out, in one pass (strings, formats and
 * texts stay shared: a kept cell's ids still name them). Rows left with no cell are dropped.
 */
export function withoutColumns(p: PackedCells, left: Set<number>, leftRows: ReadonlySet<number> = NO_ROWS): PackedCells {
  const keep: number[] = [];
  const rows: number[] = [];
  const starts: number[] = [];
  for (let k = 0; k < p.rows.length; k++) {
    const first = keep.length;
    if (leftRows.has(p.rows[k])) continue;
    for (let i = p.starts[k]; i < p.starts[k + 1]; i++) if (!left.has(p.cols[i])) keep.push(i);
    if (keep.length === first) continue;
    rows.push(p.rows[k]);
    starts.push(first);
  }
  starts.push(keep.length);
  const pick = <T extends Uint8Array | Uint16Array | Uint32Array | Int32Array | Float64Array>(a: T): T => {
    const b = new (a.constructor as new (n: number) => T)(keep.length);
    keep.forEach((i, j) => (b[j] = a[i]));
    return b;
  };
  const out: PackedCells = {
    height: p.height,
    rows: Uint32Array.from(rows),
    starts: Uint32Array.from(starts),
    cols: pick(p.cols),
    kinds: pick(p.kinds),
    numbers: pick(p.numbers),
    strings: p.strings,
    formats: p.formats,
    formatIds: pick(p.formatIds),
  };
  if (p.textIds) out.textIds = pick(p.textIds);
  return out;
}

/** Every cell in sheet order, with its sheet row (a cell knows only its column). */
export function forEachPacked(p: PackedCells, fn: (row: number, index: number) => void): void {
  for (let k = 0; k < p.rows.length; k++) {
    const row = p.rows[k];
    for (let i = p.starts[k]; i < p.starts[k + 1]; i++) fn(row, i);
  }
}

/**
 * Which of `rows` is sheet row `row` (−1: an empty row). A sheet whose rows are mostly filled
 * gets an index by row number, built once (4 bytes a row up to its last); a sparse one (a
 * value in row 1,048,576 and little else) is searched by halves.
 */
export function rowSlot(p: PackedCells, row: number): number {
  const rows = p.rows;
  const n = rows.length;
  if (n === 0 || row < rows[0] || row > rows[n - 1]) return -1;
  // Rows 1…n all filled (most sheets of tables): no search at all.
  if (rows[n - 1] - rows[0] === n - 1) return row - rows[0];
  const index = denseIndex(p);
  return index ? index[row] : sortedIndexOf(rows, 0, n - 1, row);
}

/** Where `key` stands in the ascending `values[lo..hi]`, by halves; −1 when it is not there. */
function sortedIndexOf(values: ArrayLike<number>, lo: number, hi: number, key: number): number {
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = values[mid];
    if (v === key) return mid;
    if (v < key) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

const denseIndexes = new WeakMap<PackedCells, Int32Array | null>();

/**
 * The index by row number rowSlot uses (index[row] is the row's slot, −1 for an empty row; rows past
 * its end are empty too), or null for a sparse sheet. A reader asking many times keeps it at hand
 * rather than finding it again each time (SheetGrid).
 */
export function denseIndex(p: PackedCells): Int32Array | null {
  let index = denseIndexes.get(p);
  if (index === undefined) {
    const last = p.rows[p.rows.length - 1];
    index = last <= 16 * p.rows.length + 1024 ? new Int32Array(last + 1).fill(-1) : null;
    if (index) for (let k = 0; k < p.rows.length; k++) index[p.rows[k]] = k;
    denseIndexes.set(p, index);
  }
  return index;
}

/** The cell at (row, col), 1-based, as an index into the arrays; −1 when it is empty. */
export function cellIndex(p: PackedCells, row: number, col: number): number {
  const k = rowSlot(p, row);
  return k < 0 ? -1 : cellInSlot(p, k, col);
}

/** The cell in column `col` of the k-th non-empty row (see rowSlot), as an index into the arrays; −1 when it is empty. */
export function cellInSlot(p: PackedCells, k: number, col: number): number {
  return sortedIndexOf(p.cols, p.starts[k], p.starts[k + 1] - 1, col);
}

/** The value of cell i. */
export function packedValue(p: PackedCells, i: number): RawValue {
  switch (p.kinds[i]) {
    case NUMBER:
      return p.numbers[i];
    case STRING:
      return p.strings[p.numbers[i]];
    case TRUE:
      return true;
    case FALSE:
      return false;
    default:
      return null;
  }
}

/** The text the source gave for cell i, if it gave one (else it is derived: see PackedCells). */
export function givenText(p: PackedCells, i: number): string | undefined {
  const t = p.textIds ? p.textIds[i] : -1;
  return t >= 0 ? p.strings[t] : undefined;
}

export function packedFormat(p: PackedCells, i: number): string {
  return p.formats[p.formatIds[i]];
}

/** Columns of the widest row. */
export function packedWidth(p: PackedCells): number {
  let w = 0;
  for (let k = 0; k < p.rows.length; k++) {
    const last = p.starts[k + 1] - 1;
    if (last >= p.starts[k] && p.cols[last] > w) w = p.cols[last];
  }
  return w;
}
