import { grandTotalAtTotal, quantityAtTotal, tablesOf } from './toolkit/crossTables';
import { relation, type RuleSpec } from './toolkit/ruleSpec';
import type { SumCheck } from './toolkit/sumCheck';

/** 项目支出表 合计 = 支出表 项目支出. */
export const crossProject: RuleSpec = {
  id: 'cross-project',
  severity: 'error',
  description: { 'zh-CN': '项目支出表合计等于支出表的项目支出合计', en: 'The project table total equals the expenditure table’s project spending' },
  collect: ({ tables }) => {
    const checks: SumCheck[] = [];
    for (const project of tablesOf(tables, 'project-expenditure')) {
      const total = grandTotalAtTotal(project, '项目支出表合计');
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
          relation: relation(`${project.sheet} 合计 = ${exp.sheet} 项目支出`, `${project.sheet} total = ${exp.sheet} project spending`),
        });
      }
    }
    return { checks };
  },
};
