import { markContinuations } from './continuation';
import type { SheetSnapshot, WorkbookSnapshot } from '../snapshot';
import type { DetectedTable } from '../table';
import { SheetGrid } from './sheetGrid';
import { blankRow, classifyRow, type RowInfo } from './rowClass';
import { findRegions } from './regions';
import { buildTable, type BuiltTable } from './buildTable';
import { orderFunctionFamily } from './tableKind';
import { readNarrative } from './narrative';

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
  return markContinuations(built.map((b, i) => ({ ...b.table, kind: order[i].kind, ...(order[i].from ? { kindFrom: order[i].from } : {}) })));
}

/** One sheet's tables (exported for tests: it throws where detectTables would skip a sheet). */
export function detectSheet(sheet: SheetSnapshot): BuiltTable[] {
  const grid = new SheetGrid(sheet);
  const rows: RowInfo[] = [];
  for (let r = 1; r <= grid.rowCount; r++) rows.push(grid.isEmptyRow(r) ? blankRow(r) : classifyRow(grid, r));
  const regions = findRegions(grid, rows);
  if (regions.length === 0) {
    const narrative = readNarrative(grid, rows);
    return narrative ? [{ table: narrative, certain: true }] : [];
  }
  const tables = regions.map((region) => buildTable(grid, rows, region, { alone: regions.length === 1 }));
  // Prose around the tables (a 情况说明 pasted above, between or under them) is a narrative.
  const out: BuiltTable[] = [];
  let from = 1;
  const gap = (to: number): void => {
    if (to - from + 1 < 2) return;
    const narrative = readNarrative(grid, rows.slice(from - 1, to));
    if (narrative) out.push({ table: narrative, certain: true });
  };
  regions.forEach((region, i) => {
    gap(region.top - 1);
    out.push(tables[i]);
    from = region.bottom + 1;
  });
  gap(rows.length);
  return out;
}
