import type { Finding } from '../finding';
import type { DetectedTable } from '../table';
import { classCodeColumn, summaryClassFigures, summaryClassLabels } from './crossSummaryFunction';
import { compareByClass } from './toolkit/classComparison';
import { figuresByClass, generalWithin, grandTotalAtTotal, lineWhere, quantityAtTotal, sideAmountColumn, tablesOf, topCodedRows, totalRow } from './toolkit/crossTables';
import { grandTotalColumn, quantityColumns } from './toolkit/headerTree';
import type { RuleSpec } from './toolkit/ruleSpec';
import { lineColumn, sideView } from './toolkit/sideLines';
import type { SumCheck } from './toolkit/sumCheck';
import { amountColumns, bodyRows, figureAt, type Figure } from './toolkit/tableAccess';

/**
 * Is there money other than the general budget among the appropriations (政府性基金, 国有资本经营)?
 * Read from the fiscal summary's fund lines and fund columns; undefined when it cannot be told.
 * Without such money the 财政拨款 tables equal the 一般公共预算 ones; with it they are only larger.
 */
export function otherFundMoney(tables: DetectedTable[]): boolean | undefined {
  const fiscal = tablesOf(tables, 'fiscal-appropriation-summary')[0];
  if (!fiscal) return undefined;
  const funds = /政府性基金|国有资本经营/;
  let seen = false;
  for (const side of ['income', 'expenditure'] as const) {
    const view = sideView(fiscal, side);
    for (const l of view?.lines ?? []) {
      if (!funds.test(l.label)) continue;
      seen = true;
      for (const col of l.amountCols) if (!figureAt(fiscal, l.row, col).value.isZero()) return true;
    }
  }
  for (const c of quantityColumns(fiscal, funds, 'expenditure')) {
    seen = true;
    for (const r of fiscal.rows) if (!figureAt(fiscal, r.row, c.col).value.isZero()) return true;
  }
  return seen ? false : undefined;
}

function fiscalLine(fiscal: DetectedTable, test: (label: string, kind: string) => boolean): Figure | undefined {
  const col = sideAmountColumn(fiscal, 'expenditure');
  const line = lineWhere(fiscal, 'expenditure', (l, x) => test(l, x.kind));
  if (col === undefined || !line) return undefined;
  return figureAt(fiscal, line.row, lineColumn(line, col));
}

/**
 * 财政拨款支出表 (every appropriation fund, by function): by 类 and in total it equals the
 * expenditure of the 财政拨款收支总表; the 一般公共预算支出表 beside it is no larger, class by class,
 * and equal when there is no 政府性基金 or 国有资本经营 money. A 决算's 财政拨款收入支出决算总表 printed by
 * code holds the same spending in its 本年支出 column, and the 一般公共预算支出表 is held to it alike.
 */
export const crossFiscalExpenditure: RuleSpec = {
  id: 'cross-fiscal-expenditure',
  emits: { 'cross-fiscal-expenditure': 'error', 'cross-fiscal-expenditure-code': 'error', 'cross-fiscal-expenditure-label': 'error' },
  collect: ({ tables, config }) => {
    const checks: SumCheck[] = [];
    const findings: Finding[] = [];
    const otherFunds = otherFundMoney(tables);
    for (const fae of tablesOf(tables, 'fiscal-appropriation-expenditure')) {
      const gcol = grandTotalColumn(fae);
      if (!gcol) continue;
      const faeTotal = grandTotalAtTotal(fae);
      for (const fiscal of tablesOf(tables, 'fiscal-appropriation-summary')) {
        const col = sideAmountColumn(fiscal, 'expenditure');
        if (col === undefined) continue;
        const r = compareByClass(
          {
            rule: 'cross-fiscal-expenditure',
            severity: 'error',
            stated: summaryClassFigures(fiscal, col),
            parts: figuresByClass(fae, gcol.col),
            codedTable: fae,
            codeColumn: classCodeColumn(fae),
            labelCells: summaryClassLabels(fiscal, col),
          },
          config.strict,
        );
        checks.push(...r.checks);
        findings.push(...r.findings);
        // The year's spending (本年支出合计, or 支出合计 where nothing is carried over) = its 合计.
        const year = fiscalLine(fiscal, (l, k) => k === 'year' || (k === 'level1' && /本年支出/.test(l)));
        const carried = fiscalLine(fiscal, (l, k) => k === 'carry' && /结转|结余/.test(l));
        const spent = year ?? (!carried || carried.value.isZero() ? fiscalLine(fiscal, (_l, k) => k === 'grand') : undefined);
        if (spent && faeTotal) checks.push({ rule: 'cross-fiscal-expenditure', severity: 'error', direction: 'cross', stated: spent, parts: [faeTotal] });
      }
      if (faeTotal) for (const general of tablesOf(tables, 'general-budget-expenditure')) checks.push(...generalWithin('cross-fiscal-expenditure', general, fae, gcol.col, faeTotal, otherFunds === false));
    }
    // 决算's 财政拨款收入支出决算总表 printed by function code (年初结转和结余 | 本年收入 | 本年支出 | 年末结转和结余 on each
    // 类/款/项): its 本年支出 is every appropriation's spending by code, as a 财政拨款支出表's 合计 is.
    for (const wide of tablesOf(tables, 'fiscal-appropriation-summary')) {
      const spent = byCodeSpending(wide);
      if (!spent) continue;
      const whole = (otherFunds ?? fundTablesMoney(tables)) === false;
      for (const general of tablesOf(tables, 'general-budget-expenditure')) checks.push(...generalWithin('cross-fiscal-expenditure', general, wide, spent.col, spent.total, whole));
    }
    return { checks, findings };
  },
};

/**
 * A 财政拨款收支表 printed by function code, not in two sides: its 本年支出 column (the quantity's 小计) and
 * that column's figure in the 合计 row; undefined for the two-sided summaries of budgets.
 */
function byCodeSpending(fiscal: DetectedTable): { col: number; total: Figure } | undefined {
  if (sideView(fiscal, 'expenditure') || topCodedRows(fiscal).length === 0) return undefined;
  // One column for the quantity: its 小计 (without one, 基本支出 and 项目支出 alone would be read as all of it).
  const cols = quantityColumns(fiscal, /本年支出/);
  const total = totalRow(fiscal);
  return cols.length !== 1 || !total ? undefined : { col: cols[0].col, total: figureAt(fiscal, total.row, cols[0].col) };
}

/**
 * Is there 政府性基金 or 国有资本经营 money, told by their own tables where the summary cannot tell: any figure
 * in one says yes; both tables there and empty (本表无数据) say no; one missing tells nothing.
 */
function fundTablesMoney(tables: DetectedTable[]): boolean | undefined {
  const kinds = ['gov-fund-expenditure', 'state-capital-expenditure'] as const;
  const funds = kinds.map((k) => tablesOf(tables, k));
  const money = funds.some((list) => list.some((t) => bodyRows(t).some((r) => amountColumns(t).some((c) => !figureAt(t, r.row, c.col).value.isZero()))));
  if (money) return true;
  return funds.every((list) => list.length > 0) ? false : undefined;
}

/**
 * 财政拨款基本支出表 (by economic code): its 合计 is the 基本支出 of the 财政拨款支出表 and of the
 * 财政拨款收支总表; the 一般公共预算基本支出表 is no larger (equal without other funds).
 */
export const crossFiscalBasic: RuleSpec = {
  id: 'cross-fiscal-basic',
  emits: { 'cross-fiscal-basic': 'error' },
  collect: ({ tables }) => {
    const checks: SumCheck[] = [];
    const otherFunds = otherFundMoney(tables);
    for (const fabe of tablesOf(tables, 'fiscal-appropriation-basic-expenditure')) {
      const total = grandTotalAtTotal(fabe);
      if (!total) continue;
      for (const fae of tablesOf(tables, 'fiscal-appropriation-expenditure')) {
        const basic = quantityAtTotal(fae, /基本支出/, '基本支出');
        if (basic) checks.push({ rule: 'cross-fiscal-basic', severity: 'error', direction: 'cross', stated: total, parts: basic });
      }
      for (const fiscal of tablesOf(tables, 'fiscal-appropriation-summary')) {
        const line = fiscalLine(fiscal, (l) => /基本支出/.test(l));
        if (line) checks.push({ rule: 'cross-fiscal-basic', severity: 'error', direction: 'cross', stated: total, parts: [line] });
      }
      for (const basic of tablesOf(tables, 'basic-expenditure')) {
        const b = grandTotalAtTotal(basic);
        if (b) checks.push({ rule: 'cross-fiscal-basic', severity: 'error', direction: 'cross', comparison: otherFunds === false ? 'equal' : 'at-most', stated: b, parts: [total] });
      }
    }
    return { checks };
  },
};
