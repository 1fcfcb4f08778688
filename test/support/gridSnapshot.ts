import { gridsOf, type GridSheet, type SheetSnapshot, type WorkbookSnapshot } from '../../src/core/snapshot';

/**
 * Sheets as grids, for tests that change cells or compare grids: a packed sheet (the file
 * reader's) is unpacked, each cell's displayed text written out; a grid sheet stays as it is.
 */
export function gridSheet(s: SheetSnapshot): GridSheet {
  if (!s.cells) return s;
  const grid: Omit<SheetSnapshot, 'cells'> & { cells?: unknown } = { ...s, ...gridsOf(s) };
  delete grid.cells;
  return grid as GridSheet;
}

export function gridWorkbook(wb: WorkbookSnapshot): WorkbookSnapshot<GridSheet> {
  return { ...wb, sheets: wb.sheets.map(gridSheet) };
}
