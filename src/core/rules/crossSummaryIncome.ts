import { lineColumn } from './toolkit/sideLines';
import { quantityAtTotal, grandTotalAtTotal, lineWhere, sideAmountColumn, tablesOf } from './toolkit/crossTables';
import type { RuleSpec } from './toolkit/ruleSpec';
import type { SumCheck } from './toolkit/sumCheck';
import { amountColumns, figureAt } from './toolkit/tableAccess';

const CARRY = /结转|结余/;

/** 收支总表 本年收入合计 = 收入表 本年收入; 收入总计 = 收入表 总计 (when the income table has carry-over columns). */
export const crossSummaryIncome: RuleSpec = {
  id: 'cross-summary-income',
  emits: { 'cross-summary-income': 'error' },
  collect: ({ tables }) => {
    const checks: SumCheck[] = [];
    for (const summary of tablesOf(tables, 'income-expenditure-summary')) {
      const col = sideAmountColumn(summary, 'income');
      if (col === undefined) continue;
      const year = lineWhere(summary, 'income', (_l, x) => x.kind === 'year');
      const grand = lineWhere(summary, 'income', (_l, x) => x.kind === 'grand');
      for (const income of tablesOf(tables, 'income')) {
        const total = grandTotalAtTotal(income);
        // An income table with no carry-over column (收入决算表: 合计 | 财政拨款收入 | …) holds the year's income only:
        // its 合计 is the year's, never the summary's 总计 with the carry-over in it.
        const carries = amountColumns(income).some((c) => CARRY.test(c.headerPath.join('')));
        const yearCols = quantityAtTotal(income, /^本年收入/, '本年收入合计') ?? (!carries && total ? [total] : undefined);
        if (year && yearCols) {
          checks.push({
            rule: 'cross-summary-income',
            severity: 'error',
            direction: 'cross',
            stated: figureAt(summary, year.row, lineColumn(year, col)),
            parts: yearCols,
          });
        }
        const sameColumn = yearCols?.length === 1 && total && yearCols[0].col === total.col;
        if (grand && total && !sameColumn) {
          checks.push({
            rule: 'cross-summary-income',
            severity: 'error',
            direction: 'cross',
            stated: figureAt(summary, grand.row, lineColumn(grand, col)),
            parts: [total],
          });
        }
      }
    }
    return { checks };
  },
};
