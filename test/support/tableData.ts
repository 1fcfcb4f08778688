import type { ParsedAmount } from '../../src/core/amount';
import type { DetectedTable, TableCell } from '../../src/core/table';

/**
 * A detected table as plain data, for comparing two readings of one workbook: each cell by what
 * it says (its place, displayed text and amount, the amount's value as a string), not by the
 * objects the engine keeps it in (a figure's grid cell holds its sheet's packed arrays).
 */
export function tableData(t: DetectedTable) {
  return {
    ...t,
    rows: t.rows.map((r) => ({ ...r, cells: Object.values(r.cells).map(cellData) })),
  };
}

function cellData(c: TableCell) {
  return { row: c.row, col: c.col, text: c.text, amount: amountData(c.amount) };
}

function amountData(a: ParsedAmount) {
  return a.kind === 'amount' ? { kind: a.kind, value: a.value.toString(), decimals: a.decimals } : { ...a };
}
