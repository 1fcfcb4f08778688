import { cellAddress } from '../../../core/address';

export interface CellPosition {
  row: number;
  col: number;
}

/**
 * The cells as a short sqref (`D7:F9 H7`): runs along each row, then runs of identical column
 * spans on consecutive rows merged into rectangles. One sort, then linear, so 100,000 marked
 * cells make a list of ranges, not 100,000 addresses when they form blocks.
 */
export function sqrefOf(cells: CellPosition[]): string {
  const sorted = [...cells].sort((a, b) => a.row - b.row || a.col - b.col);
  const rects: { top: number; bottom: number; left: number; right: number }[] = [];
  // The rectangle that ends on the previous row, by its column span.
  let open = new Map<string, (typeof rects)[number]>();
  let i = 0;
  while (i < sorted.length) {
    const row = sorted[i].row;
    const next = new Map<string, (typeof rects)[number]>();
    while (i < sorted.length && sorted[i].row === row) {
      const left = sorted[i].col;
      let right = left;
      while (i + 1 < sorted.length && sorted[i + 1].row === row && sorted[i + 1].col <= right + 1) right = Math.max(right, sorted[++i].col);
      i++;
      const key = `${left}:${right}`;
      const above = open.get(key);
      if (above && above.bottom === row - 1) {
        above.bottom = row;
        next.set(key, above);
      } else {
        const rect = { top: row, bottom: row, left, right };
        rects.push(rect);
        next.set(key, rect);
      }
    }
    open = next;
  }
  return rects
    .map((r) => (r.top === r.bottom && r.left === r.right ? cellAddress(r.top, r.left) : `${cellAddress(r.top, r.left)}:${cellAddress(r.bottom, r.right)}`))
    .join(' ');
}
