import { lineColumn, type SideLine } from './toolkit/sideLines';
import type { DetectedTable, TableColumn } from '../table';
import { grandTotalAtTotal, lineWhere, tablesOf, totalRow } from './toolkit/crossTables';
import { grandTotalColumn, quantityColumns } from './toolkit/headerTree';
import type { RuleSpec } from './toolkit/ruleSpec';
import { sideView } from './toolkit/sideLines';
import type { SumCheck } from './toolkit/sumCheck';
import { amountColumns, cleanLabel, figureAt, type Figure } from './toolkit/tableAccess';
import { ownFigureColumns, thisYearColumns } from './toolkit/yearColumns';

const FUNDS = [
  { kind: 'gov-fund-expenditure' as const, re: /政府性基金/, zh: '政府性基金', en: 'government fund' },
  { kind: 'state-capital-expenditure' as const, re: /国有资本经营/, zh: '国有资本经营预算', en: 'state capital' },
];

/** A heading of money brought forward or left over (年初结转和结余, 上年结转, 年末结转和结余, 年末余额). */
const CARRY = /结转|结余|结存|余额/;
/** The year's income of the fund (本年收入, 本年财政拨款收入, 本年拨款). */
const INCOME = /^(?:本年|当年)?(?:财政)?(?:拨款)?收入|^(?:本年|当年)(?:财政)?拨款/;

interface FundFigures {
  /** 本年收入 in the total row, where the table prints it. */
  income?: Figure;
  /** The year's spending: 本年支出 (决算), or the table's 合计 where it prints no balances. */
  spent?: Figure;
  /** The table prints money brought forward or left over (年初 / 年末结转和结余, 上年结转). */
  carries: boolean;
}

function fundFigures(t: DetectedTable): FundFigures {
  const cols = thisYearColumns(t, amountColumns(t));
  const carries = cols.some((c) => CARRY.test(cleanLabel(c.headerPath[0] ?? '')));
  const row = totalRow(t);
  const incomeCol: TableColumn | undefined = quantityColumns(t, INCOME)[0];
  const spentCol = quantityColumns(t, /本年支出/)[0] ?? (carries ? quantityColumns(t, /^支出/)[0] : grandTotalColumn(t));
  if (!row) return { carries, spent: carries ? undefined : grandTotalAtTotal(t) };
  return {
    carries,
    income: incomeCol ? figureAt(t, row.row, incomeCol.col) : undefined,
    spent: spentCol ? figureAt(t, row.row, spentCol.col) : undefined,
  };
}

/**
 * A side's own line of the fund (其中：政府性基金预算财政拨款), among the lines of the year: before the
 * side's 本年合计, its total and its carry-overs (年初结转和结余 broken down by fund is not the year's).
 */
function fundLine(table: DetectedTable, side: 'income' | 'expenditure', re: RegExp): SideLine | undefined {
  const lines = sideView(table, side)?.lines ?? [];
  const stop = lines.find((l) => l.kind === 'year' || l.kind === 'grand' || l.kind === 'carry');
  return lineWhere(table, side, (l, x) => re.test(l) && !CARRY.test(l) && (!stop || x.row < stop.row));
}

/** The summary's column of this year's figures on a side (决算数, not 上年 or the change). */
function summaryFigure(summary: DetectedTable, side: 'income' | 'expenditure', line: SideLine): Figure | undefined {
  const amounts = summary.columns.filter((c) => c.role === 'amount');
  if (amounts.length === 0) return undefined;
  const own = ownFigureColumns(summary, amounts.filter((c) => c.side === side || !c.side).sort((a, b) => a.col - b.col))[0];
  return figureAt(summary, line.row, lineColumn(line, (own ?? amounts[0]).col));
}

/**
 * 政府性基金 / 国有资本经营 tables against the summaries (empty exactly when they show none):
 * - the table's spending = the fund's column of 财政拨款收支表 at 本年支出, else the fund's
 *   expenditure line of 收支总表 where it has one;
 * - the table's 本年收入 = the fund's income line of 收支总表;
 * - a table printing neither 本年收入 nor balances (a budget's: 收入 = 支出) holds its spending
 *   against that income line. Where the table prints balances (年初 + 收入 − 支出 = 年末, its own
 *   column-balance), income ≠ spending is normal: the spending is never held against the income.
 * An empty table (本表无数据) against an empty line is fine.
 */
export const crossFundTables: RuleSpec = {
  id: 'cross-fund-tables',
  emits: { 'cross-fund-tables': 'error' },
  collect: ({ tables }) => {
    const checks: SumCheck[] = [];
    const push = (stated: Figure, other: Figure) =>
      checks.push({ rule: 'cross-fund-tables', severity: 'error', direction: 'cross', stated, parts: [other] });
    for (const fund of FUNDS) {
      for (const t of tablesOf(tables, fund.kind)) {
        const { income, spent, carries } = fundFigures(t);
        let spentRef: Figure | undefined;
        for (const fiscal of tablesOf(tables, 'fiscal-appropriation-summary')) {
          const col = quantityColumns(fiscal, fund.re, 'expenditure')[0];
          const year =
            lineWhere(fiscal, 'expenditure', (_l, x) => x.kind === 'year') ??
            lineWhere(fiscal, 'expenditure', (l, x) => x.kind === 'level1' && /本年支出/.test(l));
          if (col && year) {
            spentRef = figureAt(fiscal, year.row, lineColumn(year, col.col));
            break;
          }
        }
        let incomeRef: Figure | undefined;
        for (const summary of tablesOf(tables, 'income-expenditure-summary')) {
          const inLine = fundLine(summary, 'income', fund.re);
          const outLine = fundLine(summary, 'expenditure', fund.re);
          if (!inLine && !outLine) continue;
          if (inLine) incomeRef = summaryFigure(summary, 'income', inLine);
          if (!spentRef && outLine) spentRef = summaryFigure(summary, 'expenditure', outLine);
          break;
        }
        if (income && incomeRef) push(income, incomeRef);
        if (spent) {
          if (spentRef) push(spent, spentRef);
          // A budget's fund table: no income of its own and no balances, its spending is the year's income.
          else if (incomeRef && !income && !carries) push(spent, incomeRef);
        }
      }
    }
    return { checks };
  },
};
