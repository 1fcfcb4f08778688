import { lineColumn } from './toolkit/sideLines';
import type Decimal from 'decimal.js';
import type { Finding } from '../finding';
import type { DetectedTable } from '../table';
import { classCodeColumn, summaryClassFigures, summaryClassLabels } from './crossSummaryFunction';
import { compareByClass } from './toolkit/classComparison';
import { figuresByClass, grandTotalAtTotal, lineWhere, tablesOf } from './toolkit/crossTables';
import { grandTotalColumn, quantityColumns } from './toolkit/headerTree';
import type { RuleSpec } from './toolkit/ruleSpec';
import { halfUnit } from '../rounding';
import type { Reclassification, SumCheck } from './toolkit/sumCheck';
import { sideView } from './toolkit/sideLines';
import { cleanLabel, figureAt, isNought, type Figure } from './toolkit/tableAccess';

/** The carry-over figures a 财政拨款收支表 shows in one column (年终结转结余, 上年结转). */
export function carryFigures(table: DetectedTable, col: number): Figure[] {
  const out: Figure[] = [];
  const exp = sideView(table, 'expenditure');
  for (const l of exp?.lines ?? []) {
    if (/结转|结余/.test(cleanLabel(l.label)) && l.kind !== 'grand') out.push(figureAt(table, l.row, lineColumn(l, col)));
  }
  return out.filter((f) => f.shown && !isNought(f));
}

/**
 * The figures of the expenditure side's 上年结转 › 一般公共预算 column, where the table prints its spending in a 本年财政拨款
 * and a 上年结转 group of columns (the newer templates'): a 一般公共预算支出表 that lists the carried-over money with this
 * year's differs from the 本年 column by that row's figure there.
 */
export function carriedColumnFigures(table: DetectedTable): Figure[] {
  const cols = table.columns.filter((c) => c.side === 'expenditure' && c.role === 'amount' && /结转|结余/.test(c.headerPath.join('>')) && /一般公共预算/.test(c.headerPath.join('>')));
  if (cols.length === 0) return [];
  const out: Figure[] = [];
  for (const l of sideView(table, 'expenditure')?.lines ?? []) {
    if (l.kind === 'grand') continue;
    for (const c of cols) out.push(figureAt(table, l.row, c.col));
  }
  return out.filter((f) => f.shown && !isNought(f));
}

/**
 * A gap equal to a carry-over the table itself shows is a presentation choice (the
 * carried-over money budgeted again this year, shown as 年终结转结余): a warning that
 * says so, not an error.
 */
export function carryoverExplanation(carry: Figure[]): (d: Decimal, tol: Decimal) => Reclassification | null {
  return (d, tol) => {
    const hit = carry.find((c) => c.value.abs().minus(d.abs()).abs().lte(tol.plus(halfUnit(c.grain))));
    if (!hit) return null;
    return { rule: 'cross-table-carryover', severity: 'warning', carry: hit };
  };
}

/** 财政拨款收支表 expenditure by function (一般公共预算 column) = 一般公共预算支出表 Σ by 类; 本年支出 = its 合计. */
export const crossFiscalFunction: RuleSpec = {
  id: 'cross-fiscal-function',
  emits: { 'cross-fiscal-function': 'error', 'cross-fiscal-function-code': 'error', 'cross-fiscal-function-label': 'error', 'cross-table-carryover': 'warning' },
  collect: ({ tables, config }) => {
    const checks: SumCheck[] = [];
    const findings: Finding[] = [];
    for (const fiscal of tablesOf(tables, 'fiscal-appropriation-summary')) {
      const col = quantityColumns(fiscal, /一般公共预算/, 'expenditure')[0]?.col;
      if (col === undefined) continue;
      const explain = carryoverExplanation([...carryFigures(fiscal, col), ...carriedColumnFigures(fiscal)]);
      for (const general of tablesOf(tables, 'general-budget-expenditure')) {
        const gcol = grandTotalColumn(general);
        if (!gcol) continue;
        const r = compareByClass(
          {
            rule: 'cross-fiscal-function',
            severity: 'error',
            stated: summaryClassFigures(fiscal, col),
            parts: figuresByClass(general, gcol.col),
            codedTable: general,
            codeColumn: classCodeColumn(general),
            labelCells: summaryClassLabels(fiscal, col),
            explain,
          },
          config.strict,
        );
        checks.push(...r.checks);
        findings.push(...r.findings);
        const year =
          lineWhere(fiscal, 'expenditure', (l, x) => x.kind === 'year') ??
          lineWhere(fiscal, 'expenditure', (l, x) => x.kind === 'level1' && /本年支出/.test(l));
        const total = grandTotalAtTotal(general);
        if (year && total) {
          checks.push({
            rule: 'cross-fiscal-function',
            severity: 'error',
            direction: 'cross',
            stated: figureAt(fiscal, year.row, lineColumn(year, col)),
            parts: [total],
            explain,
          });
        }
      }
    }
    return { checks, findings };
  },
};
