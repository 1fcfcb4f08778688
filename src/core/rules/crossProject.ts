import { grandTotalAtTotal, quantityAtTotal, tablesOf } from './toolkit/crossTables';
import type { RuleSpec } from './toolkit/ruleSpec';
import type { SumCheck } from './toolkit/sumCheck';

/** 项目支出表 合计 = 支出表 项目支出. */
export const crossProject: RuleSpec = {
  id: 'cross-project',
  emits: { 'cross-project': 'error' },
  collect: ({ tables }) => {
    const checks: SumCheck[] = [];
    for (const project of tablesOf(tables, 'project-expenditure')) {
      const total = grandTotalAtTotal(project);
      if (!total) continue;
      for (const exp of tablesOf(tables, 'expenditure')) {
        const parts = quantityAtTotal(exp, /项目支出/, '项目支出');
        if (!parts) continue;
        checks.push({
          rule: 'cross-project',
          severity: 'error',
          direction: 'cross',
          stated: total,
          parts,
        });
      }
    }
    return { checks };
  },
};
