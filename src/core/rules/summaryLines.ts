import { lineColumn } from './toolkit/sideLines';
import type { DetectedTable } from '../table';
import { isSideBySide } from './columnTotal';
import type { RuleSpec } from './toolkit/ruleSpec';
import { lineRelations, sideView, sideViews, type SideView } from './toolkit/sideLines';
import type { SumCheck } from './toolkit/sumCheck';
import { figureAt } from './toolkit/tableAccess';
import { ownFigureColumns } from './toolkit/yearColumns';
import { grandTotalColumn } from './toolkit/headerTree';
import { gather } from './toolkit/gather';

function lineChecks(table: DetectedTable, view: SideView): SumCheck[] {
  const checks: SumCheck[] = [];
  for (const rel of lineRelations(view.lines)) {
    if (rel.parts.length === 0) continue;
    for (const c of view.amountColumns) {
      checks.push({
        rule: 'summary-lines',
        severity: 'error',
        direction: 'column',
        stated: figureAt(table, rel.total.row, lineColumn(rel.total, c.col)),
        parts: rel.parts.map((p) => figureAt(table, p.row, lineColumn(p, c.col))),
      });
    }
  }
  return checks;
}

/** 收入总计 = 支出总计 (each grand-total line of the income side against the expenditure side's). */
function balanceChecks(table: DetectedTable, income: SideView, expenditure: SideView): SumCheck[] {
  const inc = income.lines.filter((l) => l.kind === 'grand');
  const exp = expenditure.lines.filter((l) => l.kind === 'grand');
  const expCol = grandTotalColumn(table, 'expenditure') ?? expenditure.amountColumns[0];
  // This year's, as the expenditure side's grand total is (not a 上年预算数 printed first).
  const incCol = ownFigureColumns(table, income.amountColumns)[0];
  if (!expCol || !incCol || !expenditure.amountColumns.includes(expCol)) return [];
  const checks: SumCheck[] = [];
  for (let i = 0; i < Math.min(inc.length, exp.length); i++) {
    checks.push({
      rule: 'summary-balance',
      severity: 'error',
      direction: 'row',
      stated: figureAt(table, inc[i].row, lineColumn(inc[i], incCol.col)),
      parts: [figureAt(table, exp[i].row, lineColumn(exp[i], expCol.col))],
    });
  }
  return checks;
}

export function summaryLineChecks(table: DetectedTable): SumCheck[] {
  if (!isSideBySide(table)) return [];
  const income = sideView(table, 'income');
  const expenditure = sideView(table, 'expenditure');
  const checks: SumCheck[] = [];
  // Each block of lines adds up on its own (功能分类 and 支出用途 both to 当年支出小计).
  for (const view of [...sideViews(table, 'income'), ...sideViews(table, 'expenditure')]) checks.push(...lineChecks(table, view));
  if (income && expenditure) checks.push(...balanceChecks(table, income, expenditure));
  return checks;
}

/**
 * 收支总表 and 财政拨款收支表: 本年收入合计 = Σ income lines, 本年支出合计 = Σ function lines,
 * 收入总计 = 本年收入合计 + 上年结转结余, 一、本年支出 = Σ （一）…, 收入总计 = 支出总计.
 */
export const summaryLines: RuleSpec = {
  id: 'summary-lines',
  emits: { 'summary-lines': 'error', 'summary-balance': 'error' },
  collect: ({ tables }) => ({ checks: gather(tables, summaryLineChecks) }),
};
