import { cellAddress } from '../../address';
import { formatAmount, toPlaces } from '../../amount';
import type { Finding, Severity } from '../../finding';
import { amountArg, cellArg, message, nameArg, tableArg } from '../../messages/message';
import { evaluate, explainedCheck, figureLabel, type SumCheck } from './sumCheck';
import { cellRef, tableShort, type Figure } from './tableAccess';

/**
 * Evaluate a check on the spot and report it at a group of rows that stands for its parts (a
 * detail table's 人员类 rows, which print no subtotal of their own): the sentence is about the
 * group — `groupName`, at its first row — whose sum disagrees with the stated figure. Returns
 * null when consistent.
 */
export function groupFinding(check: SumCheck, strict: boolean, primary: Figure, groupName: string, severity: Severity): Finding | null {
  const o = evaluate(check, strict);
  if (!o || o.consistent) return null;
  const d = o.decimals;
  const cell = cellAddress(primary.row, primary.col);
  return {
    rule: check.rule,
    severity,
    sheet: primary.table.sheet,
    cell,
    table: primary.table.id,
    name: groupName,
    subject: 'amount',
    actual: formatAmount(o.expected, d),
    expected: formatAmount(check.stated.value, d),
    difference: formatAmount(o.difference.negated(), d),
    tolerance: toPlaces(o.tolerance, d + 1),
    decimals: d,
    cells: [cellRef(primary), check.stated.table === primary.table ? cellRef(check.stated) : { ...cellRef(check.stated), other: true }],
    parts: check.parts.map(cellRef),
    explains: [explainedCheck(o)],
    message: message('sum.cross', {
      table: tableArg(tableShort(primary.table)),
      cell: cellArg(cell),
      name: nameArg(groupName),
      actual: amountArg(formatAmount(o.expected, d), d),
      other: figureLabel(check.stated, primary),
      sum: amountArg(formatAmount(check.stated.value, d), d),
      diff: amountArg(formatAmount(o.difference.abs(), d), d),
    }),
  };
}
