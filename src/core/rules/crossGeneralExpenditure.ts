import { generalWithin, grandTotalAtTotal, tablesOf } from './toolkit/crossTables';
import { grandTotalColumn } from './toolkit/headerTree';
import type { RuleSpec } from './toolkit/ruleSpec';
import type { SumCheck } from './toolkit/sumCheck';

/**
 * The 一般公共预算支出表 is part of the 部门支出总表 (支出表 / 支出决算表: the department's spending of every
 * source, by function): by 类 and in total it is never larger. Only a bound: the rest is the department's
 * other money (事业收入, 上年结转, the funds), so a smaller figure says nothing. A 05 table changed with its
 * 项, 款, 类 and 合计 (it still adds up) is caught here when it grew, told at its own figure.
 */
export const crossGeneralExpenditure: RuleSpec = {
  id: 'cross-general-expenditure',
  emits: { 'cross-general-expenditure': 'error' },
  collect: ({ tables }) => {
    const checks: SumCheck[] = [];
    for (const all of tablesOf(tables, 'expenditure')) {
      const col = grandTotalColumn(all);
      const total = grandTotalAtTotal(all);
      if (!col || !total) continue;
      for (const general of tablesOf(tables, 'general-budget-expenditure')) checks.push(...generalWithin('cross-general-expenditure', general, all, col.col, total, false));
    }
    return { checks };
  },
};
