import { lineColumn } from './toolkit/sideLines';
import type { Finding } from '../finding';
import type { DetectedTable } from '../table';
import { carryFigures, carryoverExplanation } from './crossFiscalFunction';
import { summaryClassFigures } from './crossSummaryFunction';
import { compareByClass } from './toolkit/classComparison';
import { lineWhere, sideAmountColumn, tablesOf } from './toolkit/crossTables';
import { evaluate, type SumCheck } from './toolkit/sumCheck';
import type { RuleSpec } from './toolkit/ruleSpec';
import { figureAt, type Figure } from './toolkit/tableAccess';
import type { Side } from './toolkit/sideLines';

/** The figure of a summary line (by kind or label) in the side's main amount column. */
function lineFigure(t: DetectedTable, side: Side, test: (label: string, kind: string) => boolean): Figure | undefined {
  const col = sideAmountColumn(t, side);
  const line = lineWhere(t, side, (l, x) => test(l, x.kind));
  if (col === undefined || !line) return undefined;
  return figureAt(t, line.row, lineColumn(line, col));
}

const isYearIncome = (l: string, k: string) => k === 'year' || (k === 'level1' && /本年收入/.test(l));
const isYearSpending = (l: string, k: string) => k === 'year' || (k === 'level1' && /本年支出/.test(l));
const isGrand = (_l: string, k: string) => k === 'grand';

/**
 * Does the 财政拨款收支表 hold all the money of the 收支总表? Only then are its 合计 lines
 * comparable with the summary's: its income (本年 and, where written, total) must equal the
 * summary's, otherwise other money (事业收入, non-fiscal carry-overs) is in the summary only.
 */
function coversSummary(fiscal: DetectedTable, summary: DetectedTable, strict: boolean): boolean {
  const pairs: Array<[Figure | undefined, Figure | undefined]> = [
    [lineFigure(summary, 'income', isYearIncome), lineFigure(fiscal, 'income', isYearIncome)],
    [lineFigure(summary, 'income', isGrand), lineFigure(fiscal, 'income', isGrand)],
  ];
  let compared = 0;
  for (const [a, b] of pairs) {
    if (!a?.shown || !b?.shown) continue;
    const o = evaluate({ rule: '', severity: 'info', direction: 'cross', stated: a, parts: [b] }, strict);
    if (!o || !o.consistent) return false;
    compared++;
  }
  return compared > 0;
}

/**
 * 财政拨款收支表 合计 by function = 收支总表 by function, and 本年支出 = 本年支出合计, when the
 * fiscal table holds all the summary's money; a gap equal to a carry-over the fiscal
 * table shows is a warning (cross-table-carryover).
 */
export const crossFiscalSummary: RuleSpec = {
  id: 'cross-fiscal-summary',
  emits: { 'cross-fiscal-summary': 'error', 'cross-fiscal-summary-code': 'error', 'cross-fiscal-summary-label': 'error' },
  collect: ({ tables, config }) => {
    const checks: SumCheck[] = [];
    const findings: Finding[] = [];
    for (const fiscal of tablesOf(tables, 'fiscal-appropriation-summary')) {
      const col = sideAmountColumn(fiscal, 'expenditure');
      if (col === undefined) continue;
      const explain = carryoverExplanation(carryFigures(fiscal, col));
      for (const summary of tablesOf(tables, 'income-expenditure-summary')) {
        if (!coversSummary(fiscal, summary, config.strict)) continue;
        const scol = sideAmountColumn(summary, 'expenditure');
        if (scol === undefined) continue;
        const mine = summaryClassFigures(fiscal, col);
        const theirs = summaryClassFigures(summary, scol);
        const r = compareByClass(
          {
            rule: 'cross-fiscal-summary',
            severity: 'error',
            stated: mine,
            parts: new Map([...theirs].map(([k, v]) => [k, [v]])),
            codedTable: summary,
            explain,
          },
          config.strict,
        );
        checks.push(...r.checks);
        findings.push(...r.findings);
        const a = lineFigure(fiscal, 'expenditure', isYearSpending);
        const b = lineFigure(summary, 'expenditure', isYearSpending);
        if (a && b) {
          checks.push({
            rule: 'cross-fiscal-summary',
            severity: 'error',
            direction: 'cross',
            stated: a,
            parts: [b],
            explain,
          });
        }
      }
    }
    return { checks, findings };
  },
};
