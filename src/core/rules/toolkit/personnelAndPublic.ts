import type { DetectedTable } from '../../table';
import { columnGroups, rowCode } from './rowStructure';
import { bodyRows, cleanLabel, figureAt, type Figure } from './tableAccess';
import { ownFigureColumns } from './yearColumns';
import { gather } from './gather';

/** 人员经费 is 301 工资福利支出 + 303 对个人和家庭的补助; every other class is 公用经费. */
const PERSONNEL_CLASSES = new Set(['301', '303']);

export interface ClassTotals {
  personnel?: Figure;
  public?: Figure;
  personnelParts: Figure[];
  publicParts: Figure[];
}

/**
 * A 基本支出表 printed in groups side by side — 公开06表's three classification groups, a budget's 人员经费 |
 * 公用经费 blocks — with, under them, 人员经费合计 and 公用经费合计 (each amount in the column right of its
 * label, wherever the merge put it): those two figures, and the 类 lines that make each of them up.
 */
// (Kept here: a pattern written in the loop is a new RegExp for every cell it reads.)
const PERSONNEL_TOTAL = /^人员经费(合计)?$/;
const PUBLIC_TOTAL = /^公用经费(合计)?$/;

export function classTotals(table: DetectedTable): ClassTotals | undefined {
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
      const col = ownFigureColumns(table, g.amountColumns)[0];
      if (!col) continue;
      const f = figureAt(table, r.row, col.col);
      (PERSONNEL_CLASSES.has(code) ? out.personnelParts : out.publicParts).push(f);
    }
  }
  return out;
}

