import { cellAddress } from '../../address';
import { formatAmount } from '../../amount';
import type { Finding, Severity } from '../../finding';
import { evaluate, outcomeMessage, type SumCheck } from './sumCheck';
import { cellRef, type Figure } from './tableAccess';

/**
 * Evaluate a check on the spot and report it with a chosen primary cell (for comparisons
 * whose odd side is a group of rows, or that are one-sided: an item above its basis).
 * Returns null when consistent, or when `onlyIf` rejects the outcome.
 */
export function directFinding(
  check: SumCheck,
  strict: boolean,
  primary: Figure,
  severity: Severity,
  onlyIf?: (difference: import('decimal.js').default) => boolean,
  /** The primary cell stands for the parts (a group of rows): actual = their sum, expected = the stated figure. */
  primaryIsParts = false,
): Finding | null {
  const o = evaluate(check, strict);
  if (!o || o.consistent) return null;
  if (onlyIf && !onlyIf(o.difference)) return null;
  const cells = [cellRef(primary)];
  const seen = new Set([cells[0].sheet + cells[0].cell]);
  for (const f of [check.stated, ...check.parts]) {
    const r = cellRef(f);
    if (!seen.has(r.sheet + r.cell)) {
      seen.add(r.sheet + r.cell);
      cells.push(r);
    }
  }
  return {
    rule: check.rule,
    severity,
    sheet: primary.table.sheet,
    cell: cellAddress(primary.row, primary.col),
    cells,
    parts: check.parts.map(cellRef),
    actual: primaryIsParts ? formatAmount(o.expected, o.decimals) : check.stated.shown ? formatAmount(check.stated.value, o.decimals) : null,
    expected: primaryIsParts ? formatAmount(check.stated.value, o.decimals) : formatAmount(o.expected, o.decimals),
    difference: formatAmount(primaryIsParts ? o.difference.negated() : o.difference, o.decimals),
    tolerance: o.tolerance.toFixed(o.decimals + 1),
    message: outcomeMessage(o),
    table: primary.table.id,
  };
}
