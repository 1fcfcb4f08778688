import { rangeAddress } from '../../core/address';
import type { CellRange } from '../../core/snapshot';

/** Activates a sheet and selects a cell or a table's range (one sync). */
export async function selectRange(context: Excel.RequestContext, sheet: string, target: string | CellRange): Promise<void> {
  const ws = context.workbook.worksheets.getItem(sheet);
  ws.activate();
  ws.getRange(typeof target === 'string' ? target : rangeAddress(target)).select();
  await context.sync();
}
