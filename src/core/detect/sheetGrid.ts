import type { CellRange, RawValue, SheetSnapshot } from '../snapshot';
import { numberFormatAt, valueAt } from '../snapshot';

/** A non-empty cell of a row, as stored. */
export interface GridCell {
  col: number;
  raw: RawValue;
  /** Displayed text, trimmed. */
  text: string;
}

/** Largest merged area we index cell by cell; a merge bigger than that is a formatting accident. */
const MAX_MERGE_CELLS = 200_000;

/**
 * Read access to one sheet for detection: own cells, merged areas (whose non-top-left cells
 * are empty in the snapshot, as in Excel) and hidden rows. Rows are scanned once; merged
 * areas are indexed once, so lookups are O(1) whatever the sheet's size.
 */
export class SheetGrid {
  readonly rowCount: number;
  private readonly mergeIndex = new Map<number, CellRange>();
  private readonly hiddenRows: Set<number>;

  constructor(readonly sheet: SheetSnapshot) {
    this.rowCount = sheet.values?.length ?? 0;
    this.hiddenRows = new Set(sheet.hiddenRows ?? []);
    let budget = MAX_MERGE_CELLS;
    for (const m of sheet.merges ?? []) {
      if (!(m.top >= 1 && m.left >= 1 && m.bottom >= m.top && m.right >= m.left)) continue;
      const bottom = Math.min(m.bottom, Math.max(this.rowCount, m.top));
      const area = (bottom - m.top + 1) * (m.right - m.left + 1);
      if (area <= 0 || area > budget) continue;
      budget -= area;
      for (let r = m.top; r <= bottom; r++) for (let c = m.left; c <= m.right; c++) this.mergeIndex.set(key(r, c), m);
    }
  }

  get hasMerges(): boolean {
    return this.mergeIndex.size > 0;
  }

  get name(): string {
    return this.sheet.name;
  }

  raw(row: number, col: number): RawValue {
    return valueAt(this.sheet, row, col);
  }

  text(row: number, col: number): string {
    const r = this.sheet.text?.[row - 1];
    const t = r && r[col - 1];
    if (t) return t.trim();
    const v = this.raw(row, col);
    return v === null ? '' : String(v).trim();
  }

  format(row: number, col: number): string {
    return this.sheet.numberFormats ? numberFormatAt(this.sheet, row, col) : 'General';
  }

  merge(row: number, col: number): CellRange | undefined {
    return this.mergeIndex.get(key(row, col));
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
    const values = this.sheet.values[row - 1];
    const texts = this.sheet.text?.[row - 1];
    return (!values || values.length === 0) && (!texts || texts.length === 0);
  }

  /** Non-empty cells of a row, left to right. */
  cells(row: number): GridCell[] {
    const out: GridCell[] = [];
    const values = this.sheet.values[row - 1] ?? [];
    const texts = this.sheet.text?.[row - 1] ?? [];
    const n = Math.max(values.length, texts.length);
    for (let c = 1; c <= n; c++) {
      const raw = values[c - 1] ?? null;
      const t = (texts[c - 1] || (raw === null ? '' : String(raw))).trim();
      if (raw === null && t === '') continue;
      if (t === '' && typeof raw === 'string') continue;
      out.push({ col: c, raw, text: t });
    }
    return out;
  }
}

function key(row: number, col: number): number {
  return row * 20000 + col;
}
