import type { CellObject, Range, RowInfo, ColInfo, WorkSheet } from '@e965/xlsx';
import type { CellRange, RawValue, SheetSnapshot } from '../../core/snapshot';
import { PackedCellsBuilder } from '../../core/packedCells';

/** What the workbook says about a sheet besides its cells. */
export interface SheetState {
  hidden: boolean;
  protected: boolean;
  /** 1-based; when absent, read from the sheet's own row and column records. */
  hiddenRows?: number[];
  hiddenColumns?: number[];
  /** Format codes the file's own reading knows better than SheetJS (0-based [row][column]). */
  numberFormats?: string[][];
  /**
   * Cells whose value SheetJS does not give as stored, by 0-based "row,column": a number cell's stored text
   * that is no number, a formula stored without its result (UNCALCULATED; ooxmlSheetState.ts).
   */
  storedValues?: Map<string, string>;
}

/**
 * One SheetJS worksheet (read in dense mode: an array of rows, holes for empty rows) as a packed
 * SheetSnapshot. Only cells that hold something are visited and kept, so a sheet whose one value
 * sits in row 1,048,576 costs one cell; each parsed row is let go as soon as it is packed.
 *
 * `storedText`: the file itself stores each cell's displayed text (.ods does), kept as the cell's
 * own text; otherwise a number's text is what numfmt displays for its format code, as Excel
 * would, worked out when something reads it (snapshot.ts).
 */
export function sheetSnapshot(name: string, ws: WorkSheet, state: SheetState, storedText: boolean): SheetSnapshot {
  const data = (ws['!data'] ?? []) as (CellObject | undefined)[][];
  const merges = (ws['!merges'] ?? []).map(toCellRange);
  const underMerge = new MergeSweep(merges);
  const cells = new PackedCellsBuilder();
  let width = 0;
  const stored = state.storedValues;
  // A formula stored without its result is no cell to SheetJS: put back, to be read as what is stored.
  if (stored) {
    for (const key of stored.keys()) {
      const [r, c] = key.split(',').map(Number);
      const row = (data[r] ??= []);
      row[c] ??= { t: 'z' };
    }
  }
  data.forEach((row, r) => {
    if (!row) return;
    const ownFormats = state.numberFormats?.[r];

    const covered = underMerge.at(r + 1);
    row.forEach((cell, c) => {
      if (!cell) return;
      const v = (stored && stored.get(`${r},${c}`)) ?? rawValue(cell);
      if (v === null) return;
      // Merged cells other than the top-left one are empty, as Excel and Office.js report them,
      // even when the file stores a value under the merge.
      if (covered && covered.some((m) => m.left <= c + 1 && c + 1 <= m.right && !(m.top === r + 1 && m.left === c + 1))) return;
      const fmt = ownFormats?.[c] ?? (typeof cell.z === 'string' && cell.z ? cell.z : 'General');
      const text = typeof v === 'number' && storedText && cell.w !== undefined ? cell.w : undefined;
      cells.add(r + 1, c + 1, v, fmt, text);
      if (c + 1 > width) width = c + 1;
    });
    // The parser's cell objects of this row are done with: let them go while the rest is built.
    data[r] = undefined as unknown as CellObject[];
  });
  const packed = cells.finish();
  return {
    name,
    cells: packed,
    merges,
    // Hidden rows and columns past the cells that hold something hide nothing the engine reads.
    hiddenRows: (state.hiddenRows ?? hiddenIndexes(ws['!rows'])).filter((r) => r <= packed.height),
    hiddenColumns: (state.hiddenColumns ?? hiddenIndexes(ws['!cols'])).filter((c) => c <= width),
    hidden: state.hidden,
    protected: state.protected,
  };
}

/**
 * The merged areas covering each row, for rows visited top-down: areas enter as the rows reach
 * their top and leave past their bottom, so a merge spanning a million rows costs what the rows
 * that hold something cost.
 */
class MergeSweep {
  private readonly byTop: CellRange[];
  private next = 0;
  private active: CellRange[] = [];

  constructor(merges: CellRange[]) {
    this.byTop = merges.filter((m) => m.bottom > m.top || m.right > m.left).sort((a, b) => a.top - b.top);
  }

  /** The areas covering sheet row `row` (rows asked for in ascending order); undefined when none. */
  at(row: number): CellRange[] | undefined {
    while (this.next < this.byTop.length && this.byTop[this.next].top <= row) this.active.push(this.byTop[this.next++]);
    if (this.active.length) this.active = this.active.filter((m) => m.bottom >= row);
    return this.active.length ? this.active : undefined;
  }
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
