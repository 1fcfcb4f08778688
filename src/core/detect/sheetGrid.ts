import { CellAmount, parseAmount, type ParsedAmount } from '../amount';
import type { CellRange, RawValue, SheetSnapshot } from '../snapshot';
import type { TableCell } from '../table';
import { packedCellsOf, packedText } from '../snapshot';
import { isFigureCell } from './rowClass';
import { trimmed } from './charTests';
import { isDateStamp } from './labels';
import { formatInfo } from '../numberFormat';
import { BLANK, cellInSlot, denseIndex, NUMBER, packedFormat, packedValue, rowSlot, STRING, withoutColumns, type PackedCells } from '../packedCells';

/** A non-empty cell of a row, as stored. */
export interface GridCell {
  col: number;
  raw: RawValue;
  /** Displayed text, trimmed. */
  text: string;
  /** A number's format code, where the cell knows it (else SheetGrid.format). */
  readonly format?: string;
}

/**
 * A number's cell: its displayed text (its value through its number format) is worked out only
 * when something reads it. Most numbers of a big sheet are amounts, read by value alone.
 *
 * In a table's amount column the same object is the table's cell (rowModel.ts), its amount read
 * from its value and format alone and kept here: a table then holds one object per figure, not
 * three (the grid's cell, the table's cell, the amount).
 */
export class NumberCell implements GridCell, TableCell {
  // Set in the constructor, though worked out later: a field first set after V8 has sized the
  // class's objects lands in a property array of its own (40 bytes more on every cell).
  private shown: string | undefined = undefined;
  private parsed: ParsedAmount | undefined = undefined;

  constructor(
    readonly row: number,
    readonly col: number,
    private readonly packed: PackedCells,
    private readonly index: number,
  ) {}

  /** Its number, read where it is packed (a double kept in a field of its own would be one more object). */
  get raw(): number {
    return this.packed.numbers[this.index];
  }

  get text(): string {
    return (this.shown ??= trimmed(packedText(this.packed, this.index)));
  }

  /** Its number format, read where the cell already is (no second search of the row). */
  get format(): string {
    return packedFormat(this.packed, this.index);
  }

  /** A date typed as one (2024年1月15日 in a date format): a stamp under a table or beside its captions, no figure. */
  get isDate(): boolean {
    return formatInfo(this.format).date && isDateStamp(this.text);
  }

  /**
   * In General format a number shows its digits as typed, no rounding: 35.8 and 0 in a table of figures
   * rounded to 0.01 are 35.80 and 0.00, rounded to that grain too. Read so (its band the table's, not ±0.05
   * or ±0.5 a figure: a dozen zeros made a band of ±6 that hid any slip).
   */
  widenTo(decimals: number): void {
    const a = this.amount;
    if (!(a instanceof CellAmount) || a.decimals >= decimals || a.exp > decimals || !isGeneral(this.format)) return;
    const units = a.units * 10 ** (decimals - a.exp);
    if (Number.isSafeInteger(units)) this.parsed = new CellAmount(units, decimals, decimals);
  }

  /** The number as an amount (through its format: a percentage is none). */
  get amount(): ParsedAmount {
    return (this.parsed ??= parseAmount(this.raw, this.format));
  }

  /** The same number read in another column (a figure printed into the spacer beside its own: spilledFigures.ts). */
  movedTo(col: number): NumberCell {
    return new NumberCell(this.row, col, this.packed, this.index);
  }
}

/** A number format that shows a number as typed (General, or none). */
export function isGeneral(format: string | undefined): boolean {
  return !format || format === 'General' || format === 'general' || format === 'G/通用格式';
}

/**
 * A cell of words (or a boolean or an error value). In a table's name, code and text columns it
 * is also the table's cell, which holds no amount: most of a table's cells besides its figures.
 */
export class WordCell implements GridCell, TableCell {
  // Made when first read, then kept: the rules read a line's cells' amounts again and again (set in
  // the constructor for the class's one shape, see NumberCell).
  private notAmount: ParsedAmount | undefined = undefined;

  constructor(
    readonly row: number,
    readonly col: number,
    readonly raw: RawValue,
    readonly text: string,
  ) {}

  get amount(): ParsedAmount {
    return (this.notAmount ??= { kind: 'not-amount', raw: this.text });
  }
}

const NO_ROWS: ReadonlySet<number> = new Set();

/**
 * The hidden rows left out like a hidden column: not printed, and no line of the table a reader sees.
 * - words only (no number, no amount or code typed as text, no error value): a finance system's field names;
 * - figures only, with no word, right above or under a 合计 shown (that 合计 again in 元, for reconciling
 *   with the system);
 * - a working row by its words (校验, 核对, 差额 …);
 * - a 合计 / 总计 again where the sheet shows one (the template's old total, hidden when it was moved), or a
 *   copy, cell for cell, of the row shown just above or below it.
 * A hidden row with a subject's name or code and figures (a hidden 项, a numbered line 六、经营收入) stays: it
 * still adds up to its 合计.
 */
function hiddenRowsLeftOut(p: PackedCells, hidden: ReadonlySet<number>): Set<number> {
  const out = new Set<number>();
  let totals: Set<string> | undefined;
  let totalRows: number[] | undefined;
  for (let k = 0; k < p.rows.length; k++) {
    const row = p.rows[k];
    if (!hidden.has(row)) continue;
    let words = 0;
    let figures = 0;
    let working = false;
    let total: string | undefined;
    for (let i = p.starts[k]; i < p.starts[k + 1]; i++) {
      const kind = p.kinds[i];
      if (kind === BLANK) continue;
      const raw = packedValue(p, i);
      const text = kind === NUMBER ? '' : trimmed(packedText(p, i));
      if (kind === NUMBER || isFigureCell({ col: p.cols[i], raw, text })) {
        figures++;
      } else if (text) {
        words++;
        if (WORKING_ROW.test(text)) working = true;
        // (合计（元）: the 合计 again in another unit.)
        const bare = text.replace(SPACES, '').replace(UNIT_AFTER, '');
        if (TOTAL_LABEL.test(bare)) total = bare;
      }
    }
    if ((words > 0 && figures === 0) || working) out.add(row);
    else if (figures > 0 && words === 0 && (besideTotal(p, hidden, k) || allNought(p, k) || (totalRows ??= shownTotalRows(p, hidden)).some((t) => totalAgain(p, k, t)))) out.add(row);
    else if (total !== undefined && (totals ??= totalsShown(p, hidden)).has(total)) out.add(row);
    else if (copiesNeighbour(p, hidden, k)) out.add(row);
  }
  return out;
}

const WORKING_ROW = /^(?:校验|核对|检查|验证|勾稽|差额|差异)/;
const TOTAL_LABEL = /^(?:合计|总计)$/;
const UNIT_AFTER = /[（(](?:单位[:：]?)?(?:万元|元|千元|亿元)[)）]$/;
const SPACES = /[\s\u3000]+/g;

/** Every figure of packed row k a number, and nought: a hidden row of zeros adds nothing to any line. */
function allNought(p: PackedCells, k: number): boolean {
  for (let i = p.starts[k]; i < p.starts[k + 1]; i++) if (p.kinds[i] !== BLANK && (p.kinds[i] !== NUMBER || packedValue(p, i) !== 0)) return false;
  return true;
}

/** The packed rows shown with a 合计 / 总计 label. */
function shownTotalRows(p: PackedCells, hidden: ReadonlySet<number>): number[] {
  const out: number[] = [];
  for (let k = 0; k < p.rows.length; k++) if (!hidden.has(p.rows[k]) && totalLabelOf(p, k)) out.push(k);
  return out;
}

/**
 * Packed row k's figures are those of the total row t, column for column, as they are or in 元 (× 10,000: the 合计 again
 * for reconciling with the finance system, hidden anywhere under the table). Numbers only; at least one not nought.
 */
function totalAgain(p: PackedCells, k: number, t: number): boolean {
  let seen = false;
  for (let i = p.starts[k]; i < p.starts[k + 1]; i++) {
    if (p.kinds[i] === BLANK) continue;
    if (p.kinds[i] !== NUMBER) return false;
    const v = packedValue(p, i) as number;
    let w: number | undefined;
    for (let j = p.starts[t]; j < p.starts[t + 1]; j++) if (p.cols[j] === p.cols[i] && p.kinds[j] === NUMBER) w = packedValue(p, j) as number;
    if (w === undefined || !(Math.abs(v - w) < 1e-6 || Math.abs(v - w * 10000) < 0.5)) return false;
    if (v !== 0) seen = true;
  }
  return seen;
}

/** The 合计 / 总计 labels of the rows shown (not hidden). */
function totalsShown(p: PackedCells, hidden: ReadonlySet<number>): Set<string> {
  const out = new Set<string>();
  for (let k = 0; k < p.rows.length; k++) {
    if (hidden.has(p.rows[k])) continue;
    const label = totalLabelOf(p, k);
    if (label) out.add(label);
  }
  return out;
}

/** The 合计 / 总计 packed row k is labelled with (spaces taken out), if it is one. */
function totalLabelOf(p: PackedCells, k: number): string | undefined {
  for (let i = p.starts[k]; i < p.starts[k + 1]; i++) {
    if (p.kinds[i] !== STRING) continue;
    const bare = packedText(p, i).replace(SPACES, '');
    if (TOTAL_LABEL.test(bare)) return bare;
  }
  return undefined;
}

/** The rows shown just above and below packed row k (-1 / p.rows.length where none). */
function shownNeighbours(p: PackedCells, hidden: ReadonlySet<number>, k: number): [number, number] {
  let above = k - 1;
  while (above >= 0 && hidden.has(p.rows[above])) above--;
  let below = k + 1;
  while (below < p.rows.length && hidden.has(p.rows[below])) below++;
  return [above, below];
}

/** Is the row shown just above or below packed row k a 合计 / 总计 line? */
function besideTotal(p: PackedCells, hidden: ReadonlySet<number>, k: number): boolean {
  const [above, below] = shownNeighbours(p, hidden, k);
  return (above >= 0 && !!totalLabelOf(p, above)) || (below < p.rows.length && !!totalLabelOf(p, below));
}

/** Is packed row k, cell for cell, the row shown just above or below it (a working copy kept beside its original)? */
function copiesNeighbour(p: PackedCells, hidden: ReadonlySet<number>, k: number): boolean {
  const own = rowSignature(p, k);
  const [above, below] = shownNeighbours(p, hidden, k);
  return (above >= 0 && rowSignature(p, above) === own) || (below < p.rows.length && rowSignature(p, below) === own);
}

/** A packed row's cells as one text (column and shown text of each): two rows alike are one copied. */
function rowSignature(p: PackedCells, k: number): string {
  let out = '';
  for (let i = p.starts[k]; i < p.starts[k + 1]; i++) if (p.kinds[i] !== BLANK) out += `${p.cols[i]}:${packedText(p, i)}\t`;
  return out;
}

/** Largest merged area we index cell by cell; a merge bigger than that is a formatting accident. */
const MAX_MERGE_CELLS = 200_000;

/**
 * Read access to one sheet for detection: own cells (hidden columns left out), merged areas
 * (whose non-top-left cells are empty in the snapshot, as in Excel) and hidden rows. Rows are scanned once; merged
 * areas are indexed once, so lookups are O(1) whatever the sheet's size.
 */
export class SheetGrid {
  readonly rowCount: number;
  /** The sheet's cells, packed (a grid-form sheet is packed once here). */
  readonly packed: PackedCells;
  /**
   * The merged areas over each row, in the sheet's order (the last one listed wins where two overlap,
   * as it did cell by cell). By row, not by cell: a title merged across a sheet's width was a dozen
   * map entries, its row one list; a row of many areas gets a cell index of its own when first asked.
   * An array by row number, not a Map: asked for every cell of a header band, and a Map's entry cost
   * more to make and to find than the whole lookup it led to (holes where no area lies; rows far
   * apart leave V8 to keep it as a dictionary).
   */
  private readonly rowMerges: (CellRange[] | undefined)[] = [];
  private anyMerges = false;
  private readonly wideRows = new Map<number, WideRow>();
  private readonly hiddenRows: ReadonlySet<number>;
  /** Each row's slot in the packed rows by row number (see denseIndex), kept here: asked for every cell read. */
  private readonly slots: Int32Array | null;

  constructor(readonly sheet: SheetSnapshot) {
    // A hidden column is not printed: what the published table shows is what is read. (Sheets
    // keep helper columns beside their tables — a key, the figure again in 元 — and hide them.)
    // Hidden rows stay: a table's hidden 项 still add up to its 合计. A hidden working row is left out like a
    // hidden column (hiddenRowsLeftOut): a finance system's field names (zje | jbzc …, under the header, read as a
    // header row, took every column's role away), a 校验 row, the 合计 again in 元 or the template's old 合计.
    const hidden = sheet.hiddenColumns ?? [];
    // (Most sheets hide no row: they share one empty set.)
    this.hiddenRows = sheet.hiddenRows?.length ? new Set(sheet.hiddenRows) : NO_ROWS;
    const all = packedCellsOf(sheet);
    const wordRows = this.hiddenRows.size ? hiddenRowsLeftOut(all, this.hiddenRows) : NO_ROWS;
    this.packed = hidden.length || wordRows.size ? withoutColumns(all, new Set(hidden), wordRows) : all;
    this.rowCount = this.packed.height;
    this.slots = this.packed.rows.length ? denseIndex(this.packed) : null;
    let budget = MAX_MERGE_CELLS;
    for (const m of sheet.merges ?? []) {
      if (!(m.top >= 1 && m.left >= 1 && m.bottom >= m.top && m.right >= m.left)) continue;
      const bottom = Math.min(m.bottom, Math.max(this.rowCount, m.top));
      const area = (bottom - m.top + 1) * (m.right - m.left + 1);
      if (area <= 0 || area > budget) continue;
      budget -= area;
      for (let r = m.top; r <= bottom; r++) {
        const list = this.rowMerges[r];
        if (list) list.push(m);
        else this.rowMerges[r] = [m];
        this.anyMerges = true;
      }
    }
  }

  get hasMerges(): boolean {
    return this.anyMerges;
  }

  get name(): string {
    return this.sheet.name;
  }

  /** Which of the packed rows is sheet row `row` (−1: an empty row), as rowSlot says. */
  private slot(row: number): number {
    const slots = this.slots;
    if (!slots) return rowSlot(this.packed, row);
    return row >= 0 && row < slots.length ? slots[row] : -1;
  }

  /** The packed cell at (row, col), −1 when it is empty (a pass may read its parts itself: packedValue, packedText …). */
  cellAt(row: number, col: number): number {
    const k = this.slot(row);
    return k < 0 ? -1 : cellInSlot(this.packed, k, col);
  }

  raw(row: number, col: number): RawValue {
    const i = this.cellAt(row, col);
    return i < 0 ? null : packedValue(this.packed, i);
  }

  text(row: number, col: number): string {
    const i = this.cellAt(row, col);
    return i < 0 ? '' : trimmed(packedText(this.packed, i));
  }

  /**
   * The texts of a row in columns left..right (index col − left), each as text() reads it ('' where
   * empty): one walk along the row for a pass that reads every column of it (a header band).
   */
  rowTexts(row: number, left: number, right: number): string[] {
    const out = new Array<string>(right - left + 1).fill('');
    const p = this.packed;
    const k = this.slot(row);
    if (k < 0) return out;
    for (let i = p.starts[k]; i < p.starts[k + 1]; i++) {
      const col = p.cols[i];
      if (col > right) break;
      if (col >= left) out[col - left] = trimmed(packedText(p, i));
    }
    return out;
  }

  format(row: number, col: number): string {
    const i = this.cellAt(row, col);
    return i < 0 ? 'General' : packedFormat(this.packed, i);
  }

  /**
   * The cell at (row, col) as body statistics read it: its value, and its displayed text for all
   * but a number (judged by value and format alone); undefined when it is empty. One search of the row.
   */
  valueAndText(row: number, col: number): { raw: RawValue; text: string; format: string } | undefined {
    const i = this.cellAt(row, col);
    if (i < 0) return undefined;
    const raw = packedValue(this.packed, i);
    return { raw, text: typeof raw === 'number' ? '' : trimmed(packedText(this.packed, i)), format: packedFormat(this.packed, i) };
  }

  /** Some merged area lies over a cell of this row (when not, merge() is undefined all along it). */
  rowHasMerges(row: number): boolean {
    return this.rowMerges[row] !== undefined;
  }

  merge(row: number, col: number): CellRange | undefined {
    const list = this.rowMerges[row];
    if (list === undefined) return undefined;
    if (list.length > FEW_MERGES) {
      const wide = this.wideRow(row, list);
      if (wide.sparse) return wide.sparse.get(col);
      return col >= wide.left && col < wide.left + wide.byCol.length ? wide.byCol[col - wide.left] : undefined;
    }
    // Latest first: of two areas listed over one cell, the later is the one it belongs to.
    for (let i = list.length - 1; i >= 0; i--) {
      const m = list[i];
      if (col >= m.left && col <= m.right) return m;
    }
    return undefined;
  }

  /**
   * A row of many merged areas (a header merged pair by pair), indexed by column once: asked of each
   * of its cells. An array over the areas' columns where they lie close together (a header band):
   * a map's entry per column cost more to make than all the lookups of a small band. Areas far
   * apart (one at A, one at XFD) keep a map of their own columns, not a slot for every column between.
   */
  private wideRow(row: number, list: CellRange[]): WideRow {
    let wide = this.wideRows.get(row);
    if (wide === undefined) {
      let left = Infinity;
      let right = 0;
      let covered = 0;
      for (let i = 0; i < list.length; i++) {
        const m = list[i];
        if (m.left < left) left = m.left;
        if (m.right > right) right = m.right;
        covered += m.right - m.left + 1;
      }
      // In the sheet's order: where two areas overlap, the later one listed is the one a cell belongs to.
      if (right - left + 1 > 2 * covered) {
        const sparse = new Map<number, CellRange>();
        for (let i = 0; i < list.length; i++) for (let c = list[i].left; c <= list[i].right; c++) sparse.set(c, list[i]);
        wide = { left, byCol: NO_AREAS, sparse };
      } else {
        const byCol = new Array<CellRange | undefined>(right - left + 1).fill(undefined);
        for (let i = 0; i < list.length; i++) for (let c = list[i].left; c <= list[i].right; c++) byCol[c - left] = list[i];
        wide = { left, byCol, sparse: undefined };
      }
      this.wideRows.set(row, wide);
    }
    return wide;
  }

  /** The text a reader sees at (row, col): its own, or the merged area's top-left text. */
  spanText(row: number, col: number): string {
    const own = this.text(row, col);
    if (own) return own;
    const m = this.merge(row, col);
    return m ? this.text(m.top, m.left) : '';
  }

  isHidden(row: number): boolean {
    return this.hiddenRows.has(row);
  }

  /** A row never materialised by the reader (or with nothing in it): no cells at all. */
  isEmptyRow(row: number): boolean {
    const k = this.slot(row);
    return k < 0 || this.packed.starts[k] === this.packed.starts[k + 1];
  }

  /** Non-empty cells of a row, left to right (a text of spaces only is empty, as is a blank string). */
  cells(row: number): GridCell[] {
    const p = this.packed;
    const k = this.slot(row);
    if (k < 0) return [];
    // Sized to the row's stored cells (a pushed-to list keeps room for a dozen more, per row).
    const out = new Array<GridCell>(p.starts[k + 1] - p.starts[k]);
    let n = 0;
    for (let i = p.starts[k]; i < p.starts[k + 1]; i++) {
      const kind = p.kinds[i];
      if (kind === NUMBER) {
        out[n++] = new NumberCell(row, p.cols[i], p, i);
        continue;
      }
      const t = trimmed(packedText(p, i));
      if (t === '' && (kind === STRING || kind === BLANK)) continue;
      out[n++] = new WordCell(row, p.cols[i], packedValue(p, i), t);
    }
    // (Setting an array's length is a call into the runtime, even when it does not change.)
    if (n !== out.length) out.length = n;
    return out;
  }
}

/** A row's merged areas by column: byCol[col − left] (undefined where none lies), or by a map where they lie far apart. */
interface WideRow {
  left: number;
  byCol: (CellRange | undefined)[];
  sparse: Map<number, CellRange> | undefined;
}

const NO_AREAS: (CellRange | undefined)[] = [];

/** Merged areas over one row that a lookup reads one by one; beyond that many the row is indexed by column. */
const FEW_MERGES = 8;
