import type { Finding } from '../../src/core/finding';
import { amountArg, cellArg, message, nameArg, tableArg } from '../../src/core/messages/message';

/**
 * A finding for adapter tests (marks, notes, report sheet): a column total at `cell` of `sheet`
 * stated 912.63 against parts adding to 841.74, its sentence rendered by the real catalogue.
 */
export function totalFinding(sheet: string, cell: string, over: Partial<Finding> = {}): Finding {
  return {
    rule: 'column-total',
    severity: 'error',
    sheet,
    cell,
    subject: 'amount',
    actual: '912.63',
    expected: '841.74',
    difference: '70.89',
    tolerance: '0.155',
    decimals: 2,
    cells: [{ sheet, cell }],
    parts: [],
    explains: [],
    message: message('sum.total', { table: tableArg(sheet), cell: cellArg(cell), name: nameArg('合计'), actual: amountArg('912.63', 2), parts: nameArg('各项之和'), sum: amountArg('841.74', 2), diff: amountArg('70.89', 2) }),
    ...over,
  };
}
