import { lineColumn } from './toolkit/sideLines';
import { grandTotalAtTotal, lineWhere, sideAmountColumn, tablesOf } from './toolkit/crossTables';
import type { RuleSpec } from './toolkit/ruleSpec';
import type { SumCheck } from './toolkit/sumCheck';
import { figureAt } from './toolkit/tableAccess';

/** 支出经济分类汇总表 合计 = 收支总表 支出总计 (the same money, classified by economic code). */
export const crossEconomicSummary: RuleSpec = {
  id: 'cross-economic-summary',
  emits: { 'cross-economic-summary': 'error' },
  collect: ({ tables }) => {
    const checks: SumCheck[] = [];
    for (const econ of tablesOf(tables, 'economic-classification-summary')) {
      const total = grandTotalAtTotal(econ);
      if (!total) continue;
      for (const summary of tablesOf(tables, 'income-expenditure-summary')) {
        const col = sideAmountColumn(summary, 'expenditure');
        const grand = lineWhere(summary, 'expenditure', (_l, x) => x.kind === 'grand');
        if (col === undefined || !grand) continue;
        checks.push({
          rule: 'cross-economic-summary',
          severity: 'error',
          direction: 'cross',
          stated: total,
          parts: [figureAt(summary, grand.row, lineColumn(grand, col))],
        });
      }
    }
    return { checks };
  },
};
