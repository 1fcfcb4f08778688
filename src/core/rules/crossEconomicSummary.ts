import { grandTotalAtTotal, lineWhere, sideAmountColumn, tablesOf } from './toolkit/crossTables';
import { relation, type RuleSpec } from './toolkit/ruleSpec';
import type { SumCheck } from './toolkit/sumCheck';
import { cleanLabel, figureAt } from './toolkit/tableAccess';

/** 支出经济分类汇总表 合计 = 收支总表 支出总计 (the same money, classified by economic code). */
export const crossEconomicSummary: RuleSpec = {
  id: 'cross-economic-summary',
  severity: 'error',
  description: { 'zh-CN': '支出经济分类汇总表合计等于收支总表支出总计', en: 'The economic classification total equals the summary’s expenditure total' },
  collect: ({ tables }) => {
    const checks: SumCheck[] = [];
    for (const econ of tablesOf(tables, 'economic-classification-summary')) {
      const total = grandTotalAtTotal(econ, '合计');
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
          parts: [figureAt(summary, grand.row, col, cleanLabel(grand.label))],
          relation: relation(`${econ.sheet} 合计 = ${summary.sheet} ${cleanLabel(grand.label)}`, `${econ.sheet} total = ${summary.sheet} ${cleanLabel(grand.label)}`),
        });
      }
    }
    return { checks };
  },
};
