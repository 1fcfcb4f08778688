import { quantityAtTotal, tablesOf } from './toolkit/crossTables';
import { classTotals, type ClassTotals } from './toolkit/personnelAndPublic';
import type { RuleSpec } from './toolkit/ruleSpec';
import type { SumCheck } from './toolkit/sumCheck';
import type { DetectedTable } from '../table';

/** 人员经费合计 = 301 + 303; 公用经费合计 = 302 + 307 + 310 + 399 … of one basic table (its own sums: narrativeContext's disputes too). */
export function classTotalChecks(t: DetectedTable): SumCheck[] {
  const totals = t.kind === 'basic-expenditure' ? classTotals(t) : undefined;
  return totals ? checksOfTotals(totals) : [];
}

function checksOfTotals(totals: ClassTotals): SumCheck[] {
  const checks: SumCheck[] = [];
  for (const [stated, parts] of [
    [totals.personnel, totals.personnelParts],
    [totals.public, totals.publicParts],
  ] as const) {
    if (!stated || parts.length === 0) continue;
    checks.push({ rule: 'econ-class-totals', severity: 'error', direction: 'column', stated, parts: [...parts] });
  }
  return checks;
}

/**
 * 公开06表: 人员经费合计 = 301 + 303, 公用经费合计 = the other classes (302, 307, 310, 399);
 * together they are 一般公共预算财政拨款支出决算表's 基本支出.
 */
export const econClassTotals: RuleSpec = {
  id: 'econ-class-totals',
  emits: { 'econ-class-totals': 'error' },
  collect: ({ tables }) => {
    const checks: SumCheck[] = [];
    for (const t of tablesOf(tables, 'basic-expenditure')) {
      const totals = classTotals(t);
      if (!totals) continue;
      checks.push(...checksOfTotals(totals));
      if (!totals.personnel || !totals.public) continue;
      for (const general of tablesOf(tables, 'general-budget-expenditure')) {
        const basic = quantityAtTotal(general, /基本支出/, '基本支出');
        if (!basic || basic.length !== 1) continue;
        checks.push({
          rule: 'cross-basic-expenditure',
          severity: 'error',
          direction: 'cross',
          stated: basic[0],
          parts: [totals.personnel, totals.public],
        });
      }
    }
    return { checks };
  },
};
