import type { HeaderColumn } from './headerBand';
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
  for (let i = 0; i + 1 < heads.length; i++) {
    const spacer = heads[i];
    const own = heads[i + 1];
    if (own.col !== spacer.col + 1 || own.path.length === 0 || spacer.path.length >= own.path.length) continue;
    if (!spacer.path.every((label, k) => label === own.path[k])) continue;
    if (spillsInto(rows, body, spacer.col, own.col)) into.set(spacer.col, own.col);
  }
  return into.size === 0 ? { heads, into } : { heads: heads.filter((h) => !into.has(h.col)), into };
}

/** The spacer holds figures only, the column beside it figures too, and no row holds both. */
export function spillsInto(rows: RowInfo[], body: [number, number], spacer: number, own: number): boolean {
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

/** A row's cells with the spilled figures in their own column. */
export function withSpilledMoved(cells: GridCell[], into: Map<number, number>): GridCell[] {
  if (!cells.some((c) => into.has(c.col))) return cells;
  return cells
    .map((c) => {
      const col = into.get(c.col);
      if (col === undefined) return c;
      if (c instanceof NumberCell) return c.movedTo(col);
      if (c instanceof WordCell) return new WordCell(c.row, col, c.raw, c.text);
      return { ...c, col };
    })
    .sort((a, b) => a.col - b.col);
}
