import { lineColumn } from './toolkit/sideLines';
import type { DetectedTable } from '../table';
import { grandTotalAtTotal, lineWhere, tablesOf, totalRow } from './toolkit/crossTables';
import { grandTotalColumn, quantityColumns } from './toolkit/headerTree';
import type { RuleSpec } from './toolkit/ruleSpec';
import type { SumCheck } from './toolkit/sumCheck';
import { figureAt, type Figure } from './toolkit/tableAccess';
import { thisYearColumns } from './toolkit/yearColumns';

const FUNDS = [
  { kind: 'gov-fund-expenditure' as const, re: /政府性基金/, zh: '政府性基金', en: 'government fund' },
  { kind: 'state-capital-expenditure' as const, re: /国有资本经营/, zh: '国有资本经营预算', en: 'state capital' },
];

/** The fund table's spending: its 本年支出 column (决算) or its 合计, in the total row. */
function fundSpending(t: DetectedTable): Figure | undefined {
  const row = totalRow(t);
  const col = quantityColumns(t, /本年支出/)[0] ?? grandTotalColumn(t);
  if (!row || !col) return grandTotalAtTotal(t);
  return figureAt(t, row.row, col.col);
}

/**
 * 政府性基金 / 国有资本经营 tables are empty exactly when the summaries show none: the
 * table's spending = the fund's column of 财政拨款收支表 (本年支出), else the fund's income
 * line of 收支总表. An empty table (本表无数据) against an empty line is fine.
 */
export const crossFundTables: RuleSpec = {
  id: 'cross-fund-tables',
  emits: { 'cross-fund-tables': 'error' },
  collect: ({ tables }) => {
    const checks: SumCheck[] = [];
    for (const fund of FUNDS) {
      for (const t of tablesOf(tables, fund.kind)) {
        const spent = fundSpending(t);
        if (!spent) continue;
        let other: Figure | undefined;
        for (const fiscal of tablesOf(tables, 'fiscal-appropriation-summary')) {
          const col = quantityColumns(fiscal, fund.re, 'expenditure')[0];
          const year =
            lineWhere(fiscal, 'expenditure', (_l, x) => x.kind === 'year') ??
            lineWhere(fiscal, 'expenditure', (l, x) => x.kind === 'level1' && /本年支出/.test(l));
          if (col && year) {
            other = figureAt(fiscal, year.row, lineColumn(year, col.col));
            break;
          }
        }
        if (!other) {
          for (const summary of tablesOf(tables, 'income-expenditure-summary')) {
            const line = lineWhere(summary, 'income', (l) => fund.re.test(l));
            const col = summary.columns.find((c) => c.role === 'amount');
            if (line && col) {
              const inc = thisYearColumns(summary, summary.columns.filter((c) => c.role === 'amount' && (c.side === 'income' || !c.side)).sort((a, b) => a.col - b.col))[0];
              other = figureAt(summary, line.row, lineColumn(line, (inc ?? col).col));
              break;
            }
          }
        }
        if (!other) continue;
        checks.push({
          rule: 'cross-fund-tables',
          severity: 'error',
          direction: 'cross',
          stated: spent,
          parts: [other],
        });
      }
    }
    return { checks };
  },
};
