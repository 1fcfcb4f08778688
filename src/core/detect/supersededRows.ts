import type { TableRow } from '../table';

/**
 * A hidden line with the same code and name as the line shown right above or below it, and other figures: the version it
 * was replaced by (a colleague corrected 行政运行 580.00 on a new row and hid the old one). Not printed, it is no line of
 * the table — added in, it made its 款 look short by exactly its figures. (Hidden rows copying their neighbour cell for cell,
 * or with words only, are left out when the grid is read: sheetGrid.ts.) A hidden line of its own code or name stays.
 */
export function withoutSupersededRows(rows: TableRow[]): TableRow[] {
  if (!rows.some((r) => r.hidden)) return rows;
  const key = (r: TableRow) => `${r.functionCode ?? r.econCode ?? r.govEconCode ?? r.unitCode ?? ''}|${r.label}`;
  const sameLine = (a: TableRow, b: TableRow | undefined) => !!b && !b.hidden && Math.abs(a.row - b.row) === 1 && b.role === a.role && key(a) === key(b);
  return rows.filter((r, i) => !(r.hidden && r.role === 'detail' && r.label.length >= 2 && (sameLine(r, rows[i - 1]) || sameLine(r, rows[i + 1]))));
}
