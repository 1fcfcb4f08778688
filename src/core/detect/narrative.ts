import { cellAddress } from '../address';
import type { DetectedTable } from '../table';
import type { RowInfo } from './rowClass';
import type { SheetGrid } from './sheetGrid';
import { cleanLabel } from './labels';

/**
 * A narrative sheet (情况说明): lines of prose in one column, no header band. Recognised by
 * its title (…情况说明) or by sentences about the budget (万元, 预算, 决算); random text is not.
 */
export function readNarrative(grid: SheetGrid, rows: RowInfo[], left = 1): DetectedTable | undefined {
  const filled = rows.filter((r) => r.cls !== 'blank');
  if (filled.length < 2) return undefined;
  const singleColumn = filled.filter((r) => r.texts.length <= 1).length >= filled.length * 0.8;
  if (!singleColumn) return undefined;
  const titled = filled.find((r) => /情况说明|(预算|决算)(编制|公开)?的?说明|编制说明/.test(cleanLabel(r.texts[0] ?? '')) && cleanLabel(r.texts[0]).length <= 60);
  const budgetProse = filled.filter((r) => /[。，]/.test(r.texts[0] ?? '') && /万元|预算|决算|支出|收入/.test(r.texts[0] ?? '')).length;
  if (!titled && budgetProse < 3) return undefined;
  // The title line, when it opens the sheet, is not part of the prose.
  const first = titled && titled === filled[0] && filled.length > 1 ? filled[1].row : filled[0].row;
  const last = filled[filled.length - 1].row;
  let right = left;
  for (const r of filled) for (const c of r.cells) right = Math.max(right, c.col);
  // Its columns start at the sheet's first, or at the first of its part of the sheet (prose beside a table).
  const range = { top: filled[0].row, left, bottom: last, right };
  return {
    id: `${grid.name}!${cellAddress(filled[0].row, left)}`,
    sheet: grid.name,
    kind: 'narrative',
    title: titled ? titled.texts[0].replace(/[\r\n]+/g, '').trim() : undefined,
    range,
    headerRows: null,
    bodyRows: [first, last],
    noteRows: [],
    decimals: 2,
    columns: [],
    rows: [],
    unreadable: [],
    paragraphs: filled.flatMap((r) => r.cells.filter((c) => c.text).map((c) => ({ row: r.row, col: c.col, text: c.text }))),
  };
}
