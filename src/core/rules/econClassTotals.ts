import type { DetectedTable } from '../table';
import { quantityAtTotal, tablesOf } from './toolkit/crossTables';
import { columnGroups, rowCode } from './toolkit/rowStructure';
import type { RuleSpec } from './toolkit/ruleSpec';
import type { SumCheck } from './toolkit/sumCheck';
import { bodyRows, cleanLabel, figureAt, type Figure } from './toolkit/tableAccess';
import { thisYearColumns } from './toolkit/yearColumns';
import { gather } from './toolkit/gather';

/** 人员经费 is 301 工资福利支出 + 303 对个人和家庭的补助; every other class is 公用经费. */
const PERSONNEL_CLASSES = new Set(['301', '303']);

interface ClassTotals {
  personnel?: Figure;
  public?: Figure;
  personnelParts: Figure[];
  publicParts: Figure[];
}

/**
 * 公开06表 prints three classification groups side by side and, under them, 人员经费合计 and
 * 公用经费合计 (each amount in the column right of its label, wherever the merge put it).
 */
// (Kept here: a pattern written in the loop is a new RegExp for every cell it reads.)
const PERSONNEL_TOTAL = /^人员经费(合计)?$/;
const PUBLIC_TOTAL = /^公用经费(合计)?$/;

function classTotals(table: DetectedTable): ClassTotals | undefined {
  const groups = columnGroups(table);
  if (groups.length < 2) return undefined;
  const out: ClassTotals = { personnelParts: [], publicParts: [] };
  const amountCols = gather(groups, (g) => g.amountColumns.map((c) => c.col)).sort((a, b) => a - b);
  for (const r of bodyRows(table)) {
    const cells = Object.values(r.cells).sort((a, b) => a.col - b.col);
    for (const cell of cells) {
      const t = cleanLabel(cell.text);
      const which = PERSONNEL_TOTAL.test(t) ? 'personnel' : PUBLIC_TOTAL.test(t) ? 'public' : undefined;
      if (!which) continue;
      const nextLabel = cells.find((c) => c.col > cell.col && c.amount.kind !== 'amount' && c.text.trim() !== '');
      const col = amountCols.find((c) => c > cell.col && (!nextLabel || c < nextLabel.col) && r.cells[c]?.amount.kind === 'amount');
      if (col !== undefined) out[which] = figureAt(table, r.row, col, t);
    }
    for (const g of groups) {
      const code = rowCode(table, r, g);
      if (!code || code.length !== 3) continue;
      const col = thisYearColumns(table, g.amountColumns)[0];
      if (!col) continue;
      const f = figureAt(table, r.row, col.col);
      (PERSONNEL_CLASSES.has(code) ? out.personnelParts : out.publicParts).push(f);
    }
  }
  return out;
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
      // 人员经费合计 = 301 + 303; 公用经费合计 = 302 + 307 + 310 + 399 …
      for (const [stated, parts] of [
        [totals.personnel, totals.personnelParts],
        [totals.public, totals.publicParts],
      ] as const) {
        if (!stated || parts.length === 0) continue;
        checks.push({ rule: 'econ-class-totals', severity: 'error', direction: 'column', stated, parts: [...parts] });
      }
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
