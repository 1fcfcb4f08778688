import { leadsPath, type HeaderColumn } from './headerBand';
import { isFigureCell, type RowInfo } from './rowClass';
import { NumberCell, WordCell, type GridCell } from './sheetGrid';

/**
 * Figures wider than their column printed into the spacer left of it (a PDF's conversion: 1,269.26 under 本年支出合计
 * one grid column left of 35.80 under it). The spacer has no header of its own, or the upper labels of its neighbour's
 * only; it holds figures, and on no row do both hold one. Read apart, the spacer was a column of its own and the
 * figures' column empty on those rows: every total in it called wrong. Its figures are that column's.
 * Returns the columns without such spacers, and each spacer's figures' column.
 */
export function spilledFigures(heads: HeaderColumn[], rows: RowInfo[], body: [number, number]): { heads: HeaderColumn[]; into: Map<number, number> } {
  const into = new Map<number, number>();
  for (let i = 0; i + 1 < heads.length; i++) if (spillsLeftInto(rows, body, heads[i], heads[i + 1])) into.set(heads[i].col, heads[i + 1].col);
  return into.size === 0 ? { heads, into } : { heads: heads.filter((h) => !into.has(h.col)), into };
}

/**
 * The column `spacer` holds figures of `own`, the column right of it, printed short of it: no header of its own below
 * `own`'s upper labels, figures only, and on no row both holding one.
 */
export function spillsLeftInto(rows: RowInfo[], body: [number, number], spacer: HeaderColumn, own: HeaderColumn): boolean {
  return own.col === spacer.col + 1 && spacer.path.length < own.path.length && leadsPath(spacer.path, own.path) && spillsInto(rows, body, spacer.col, own.col);
}

/** The spacer holds figures only, the column beside it figures too, and no row holds both. */
function spillsInto(rows: RowInfo[], body: [number, number], spacer: number, own: number): boolean {
  let spilled = 0;
  let kept = 0;
  for (let r = body[0]; r <= body[1]; r++) {
    let inSpacer: GridCell | undefined;
    let inOwn = false;
    for (const c of rows[r - 1]?.cells ?? []) {
      if (c.col === spacer) inSpacer = c;
      else if (c.col === own) inOwn = true;
    }
    if (!inSpacer) {
      if (inOwn) kept++;
      continue;
    }
    if (inOwn || !isFigureCell(inSpacer)) return false;
    spilled++;
  }
  return spilled > 0 && kept > 0;
}

/**
 * A body row's cells with the spilled figures in their own column. (They stay in column order: a figure moves one
 * column right, into a column the row holds nothing in — spillsInto.)
 */
export function withSpilledMoved(cells: GridCell[], into: Map<number, number>): GridCell[] {
  if (!cells.some((c) => into.has(c.col))) return cells;
  return cells.map((c) => {
    const col = into.get(c.col);
    if (col === undefined) return c;
    if (c instanceof NumberCell) return c.movedTo(col);
    if (c instanceof WordCell) return new WordCell(c.row, col, c.raw, c.text);
    return { ...c, col };
  });
}
