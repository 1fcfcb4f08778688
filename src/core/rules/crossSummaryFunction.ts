import { lineColumn } from './toolkit/sideLines';
import type { Finding } from '../finding';
import type { DetectedTable } from '../table';
import { compareByClass } from './toolkit/classComparison';
import { figuresByClass, functionLines, lineWhere, quantityAtTotal, sideAmountColumn, tablesOf, grandTotalAtTotal } from './toolkit/crossTables';
import { stripOrdinal } from './toolkit/functionClasses';
import { grandTotalColumn } from './toolkit/headerTree';
import type { RuleSpec } from './toolkit/ruleSpec';
import type { SumCheck } from './toolkit/sumCheck';
import { figureAt, isNought, type Figure } from './toolkit/tableAccess';
import { sideView } from './toolkit/sideLines';

/** Where a coded table writes a row's 类: the 类 column of split codes, else the code column. */
export function classCodeColumn(table: DetectedTable): number | undefined {
  return (table.columns.find((c) => c.role === 'function-lei') ?? table.columns.find((c) => c.role === 'function-code'))?.col;
}

/** One figure per 类 from a summary's ordinal lines (the line that shows an amount wins). */
export function summaryClassFigures(summary: DetectedTable, col: number): Map<string, Figure> {
  const out = new Map<string, Figure>();
  for (const [lei, lines] of functionLines(summary)) {
    const figs = lines.map((l) => figureAt(summary, l.row, lineColumn(l, col)));
    out.set(lei, figs.find((f) => f.shown && !isNought(f)) ?? figs.find((f) => f.shown) ?? figs[0]);
  }
  return out;
}

/** Where each 类's line is labelled (the line whose figure summaryClassFigures picked). */
export function summaryClassLabels(summary: DetectedTable, col: number): Map<string, { row: number; col: number; label: string }> {
  const out = new Map<string, { row: number; col: number; label: string }>();
  const labelCol = sideView(summary, 'expenditure')?.labelColumn;
  if (!labelCol) return out;
  const figs = summaryClassFigures(summary, col);
  for (const [lei, f] of figs) {
    const line = functionLines(summary).get(lei)?.find((l) => l.row === f.row);
    if (line) out.set(lei, { row: line.row, col: labelCol.col, label: line.label });
  }
  return out;
}

/** 收支总表 function lines = Σ 支出表 rows of each 类; 本年支出合计 = 支出表 合计. */
export const crossSummaryFunction: RuleSpec = {
  id: 'cross-summary-function',
  emits: { 'cross-summary-function': 'error', 'cross-summary-function-code': 'error', 'cross-summary-function-label': 'error' },
  collect: ({ tables, config }) => {
    const checks: SumCheck[] = [];
    const findings: Finding[] = [];
    for (const summary of tablesOf(tables, 'income-expenditure-summary')) {
      const col = sideAmountColumn(summary, 'expenditure');
      if (col === undefined) continue;
      for (const target of tablesOf(tables, 'expenditure')) {
        const gcol = grandTotalColumn(target);
        if (!gcol) continue;
        const r = compareByClass(
          {
            rule: 'cross-summary-function',
            severity: 'error',
            stated: summaryClassFigures(summary, col),
            parts: figuresByClass(target, gcol.col),
            codedTable: target,
            codeColumn: classCodeColumn(target),
            labelCells: summaryClassLabels(summary, col),
          },
          config.strict,
        );
        checks.push(...r.checks);
        findings.push(...r.findings);
        const year = lineWhere(summary, 'expenditure', (l, x) => x.kind === 'year');
        const total = grandTotalAtTotal(target);
        if (year && total) {
          checks.push({
            rule: 'cross-summary-function',
            severity: 'error',
            direction: 'cross',
            stated: figureAt(summary, year.row, lineColumn(year, col)),
            parts: [total],
          });
        }
        // A summary listing the expenditure by its nature (一、基本支出 二、项目支出): each line is the 支出表's column of that name.
        for (const [re, name] of [[/^基本支出$/, '基本支出'], [/^项目支出$/, '项目支出']] as const) {
          const line = lineWhere(summary, 'expenditure', (l) => re.test(stripOrdinal(l)));
          const q = line ? quantityAtTotal(target, new RegExp(`^${name}`), name) : undefined;
          if (!line || !q || q.length !== 1) continue;
          checks.push({ rule: 'cross-summary-function', severity: 'error', direction: 'cross', stated: figureAt(summary, line.row, lineColumn(line, col)), parts: [q[0]] });
        }
      }
    }
    return { checks, findings };
  },
};
