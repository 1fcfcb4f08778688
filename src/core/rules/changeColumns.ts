import type { DetectedTable } from '../table';
import type { RuleSpec } from './toolkit/ruleSpec';
import type { SumCheck } from './toolkit/sumCheck';
import { messageArg, nameArg } from '../messages/message';
import { changeColumnSets, changeRows, changeRowsByYear, leaf, printsPreviousLessCurrent, type ChangeColumns, type ChangeRowsByYear } from './toolkit/changeColumnsOf';
import { amountColumns, cleanLabel, figureAt, hasFigures, negated } from './toolkit/tableAccess';
import { gather } from './toolkit/gather';

/**
 * A table that prints this year, the year before and the change side by side (“三公”经费表:
 * 2025年预算数 | 2024年预算数 | 增减额; 本年 | 上年 | 增减): on every row 增减 = 本年 − 上年 (or
 * 上年 − 本年 where the table's own figures print it that way round), told at
 * the 增减 cell — the figure worked out from the other two — unless another check (its column's
 * total, the 本年 figure's own sums) pinpoints one of them. Only where the three columns are beyond
 * doubt: one of each, read from their own headers (a year is this year's only when it is the
 * table's). A rate column (增减率, %) is not an amount: its own rule is column-change-rate.
 */
export function changeColumnChecks(table: DetectedTable): SumCheck[] {
  // Only rows (or columns) with figures are compared: a table with none has no change to check.
  if (table.kind === 'narrative' || table.kind === 'unknown' || !hasFigures(table)) return [];
  const byYear = changeRowsByYear(table);
  return [...gather(changeColumnSets(table), (found) => checksOf(table, found)), ...(byYear ? rowChecks(table, byYear) : [])];
}

/**
 * The same where the years are rows (2024年预算数 | 2025年预算数 | 增减额 under 合计 | 因公出国（境）费 …):
 * in every column 增减 = 本年 − 上年 (or 上年 − 本年 where more columns print it that way round).
 */
function rowChecks(table: DetectedTable, found: ChangeRowsByYear): SumCheck[] {
  const cols = amountColumns(table).filter((c) => figureAt(table, found.change.row, c.col).shown);
  const fig = (r: ChangeRowsByYear[keyof ChangeRowsByYear], col: number) => figureAt(table, r.row, col).value;
  const fits = (sign: 1 | -1) => cols.filter((c) => fig(found.change, c.col).eq(fig(found.current, c.col).minus(fig(found.previous, c.col)).times(sign))).length;
  const [from, less] = fits(-1) > fits(1) ? [found.previous, found.current] : [found.current, found.previous];
  return cols.map((c) => ({
    rule: 'column-change',
    severity: 'error' as const,
    direction: 'column' as const,
    stated: figureAt(table, found.change.row, c.col),
    parts: [figureAt(table, from.row, c.col), negated(figureAt(table, less.row, c.col))],
    partsName: messageArg('detail.difference-of', { from: nameArg(cleanLabel(from.label)), less: nameArg(cleanLabel(less.label)) }),
  }));
}

function checksOf(table: DetectedTable, found: ChangeColumns): SumCheck[] {
  const { previous, change } = found;
  const rows = changeRows(table, found);
  const [from, less] = printsPreviousLessCurrent(table, found) ? [previous, found.current] : [found.current, previous];
  const checks: SumCheck[] = [];
  for (const r of rows) {
    const now = figureAt(table, r.row, from.col);
    const before = figureAt(table, r.row, less.col);
    // The year subtracted enters the sum negated: 增减 = 本年 + (−上年).
    const minus = negated(before);
    checks.push({
      rule: 'column-change',
      severity: 'error',
      direction: 'row',
      stated: figureAt(table, r.row, change.col),
      parts: [now, minus],
      partsName: messageArg('detail.difference-of', { from: nameArg(leaf(from)), less: nameArg(leaf(less)) }),
    });
  }
  return checks;
}

export const columnChange: RuleSpec = {
  id: 'column-change',
  emits: { 'column-change': 'error' },
  collect: ({ tables }) => ({ checks: gather(tables, changeColumnChecks) }),
};
