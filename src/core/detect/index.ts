import { markContinuations } from './continuation';
import type { SheetSnapshot, WorkbookSnapshot } from '../snapshot';
import type { DetectedTable } from '../table';
import { SheetGrid } from './sheetGrid';
import { blankRow, classifyRow, type RowInfo } from './rowClass';
import { readArea } from './sideBySide';
import { buildTable, type BuiltTable } from './buildTable';
import { orderFunctionFamily } from './tableKind';

/**
 * Layout detection: every table of every sheet, read in the domain's terms.
 * Per sheet: classify rows once → split into regions (title, header band, body, notes) →
 * read each region's columns and rows and name its kind. A sheet with prose only is a
 * narrative; a sheet with no recognisable table yields nothing. Never throws on odd input.
 */
export function detectTables(snapshot: WorkbookSnapshot, onSheet?: (index: number, total: number, sheet: string) => void): DetectedTable[] {
  const built: BuiltTable[] = [];
  const sheets = snapshot.sheets ?? [];
  for (const [index, sheet] of sheets.entries()) {
    onSheet?.(index, sheets.length, sheet.name);
    try {
      built.push(...detectSheet(sheet));
    } catch {
      // A sheet we cannot read is skipped rather than failing the whole workbook.
    }
  }
  const order = built.map((b) => ({ kind: b.table.kind, certain: b.certain, declaredEmpty: b.table.declaredEmpty, from: b.table.kindFrom }));
  orderFunctionFamily(order);
  // The tables are this call's own: the kind the template order settles is written into each, not into a copy.
  built.forEach((b, i) => {
    b.table.kind = order[i].kind;
    if (order[i].from) b.table.kindFrom = order[i].from;
  });
  return markContinuations(built.map((b) => b.table));
}

/** One sheet's tables (exported for tests: it throws where detectTables would skip a sheet). */
export function detectSheet(sheet: SheetSnapshot): BuiltTable[] {
  const grid = new SheetGrid(sheet);
  const rows: RowInfo[] = [];
  for (let r = 1; r <= grid.rowCount; r++) rows.push(grid.isEmptyRow(r) ? blankRow(r) : classifyRow(grid, r));
  // Regions down the sheet, two tables side by side read each on its own, prose as narratives.
  const pieces = readArea(grid, rows, 1, rows.length, { left: 1, right: Infinity }, 0);
  const tables = pieces.filter((p) => 'region' in p).length;
  return pieces.map((p) => {
    if ('narrative' in p) return { table: p.narrative, certain: true };
    // A side's table is read from its rows as its side reads them.
    if (p.local) p.local.forEach((info, i) => (rows[p.region.top - 1 + i] = info));
    return buildTable(grid, rows, p.region, { alone: tables === 1 });
  });
}
