import { lineColumn } from './toolkit/sideLines';
import type { DetectedTable, TableColumn } from '../table';
import { blockTrees, columnBlocks, isOfWhich, isTotalHeader, type HeaderNode } from './toolkit/headerTree';
import type { RuleSpec } from './toolkit/ruleSpec';
import { sideView } from './toolkit/sideLines';
import type { SumCheck } from './toolkit/sumCheck';
import { bodyRows, figureAt, hasFigures, isNought, rowHasFigures, sameAmount } from './toolkit/tableAccess';
import { gather } from './toolkit/gather';

/** (其中 column, the total it is part of) pairs: 其中：财政拨款 under 一般公共预算 小计. */
function ofWhichPairs(root: HeaderNode): Array<[TableColumn, TableColumn]> {
  const out: Array<[TableColumn, TableColumn]> = [];
  const visit = (n: HeaderNode) => {
    const total = n.children.find((c) => c.column && isTotalHeader(c.label));
    for (const c of n.children) {
      if (c.column && isOfWhich(c.label) && total?.column) out.push([c.column, total.column]);
      if (!c.column) visit(c);
    }
  };
  visit(root);
  return out;
}

function columnChecks(table: DetectedTable): SumCheck[] {
  const checks: SumCheck[] = [];
  const trees = blockTrees(table);
  for (const [i, block] of columnBlocks(table).entries()) {
    const blockCols = block.map((c) => c.col);
    for (const [part, whole] of ofWhichPairs(trees[i])) {
      const rows = bodyRows(table).filter((r) => rowHasFigures(table, r.row, [part.col, whole.col]));
      // Where the 其中 column repeats its total on every row but at most one, the table
      // itself says they are equal: evidence for naming a culprit, never a finding alone —
      // also on rows where both are empty but the row has other figures (an 其中 cell left
      // empty beside an empty total that turns out to be wrong).
      const differing = rows.filter((r) => !sameAmount(figureAt(table, r.row, part.col), figureAt(table, r.row, whole.col)));
      const identical = rows.length >= 2 && differing.length <= 1;
      for (const r of rows) {
        checks.push({
          rule: 'of-which',
          severity: 'error',
          direction: 'row',
          comparison: 'at-most',
          stated: figureAt(table, r.row, part.col),
          parts: [figureAt(table, r.row, whole.col)],
        });
      }
      if (!identical) continue;
      for (const r of bodyRows(table).filter((x) => rowHasFigures(table, x.row, blockCols))) {
        checks.push({
          rule: 'of-which',
          severity: 'error',
          direction: 'row',
          evidenceOnly: true,
          stated: figureAt(table, r.row, part.col),
          parts: [figureAt(table, r.row, whole.col)],
        });
      }
    }
  }
  return checks;
}

function lineChecks(table: DetectedTable): SumCheck[] {
  const checks: SumCheck[] = [];
  for (const side of ['income', 'expenditure'] as const) {
    const view = sideView(table, side);
    if (!view) continue;
    view.lines.forEach((l, i) => {
      if (l.kind !== 'of-which') return;
      const parent = view.lines.slice(0, i).reverse().find((x) => x.kind !== 'of-which');
      if (!parent) return;
      for (const c of view.amountColumns) {
        checks.push({
          rule: 'of-which',
          severity: 'error',
          direction: 'column',
          comparison: 'at-most',
          stated: figureAt(table, l.row, lineColumn(l, c.col)),
          parts: [figureAt(table, parent.row, lineColumn(parent, c.col))],
        });
      }
    });
  }
  return checks;
}

/** 其中 rows (其中：动用上年结转和结余资金) are part of the row above them: never larger. */
function rowChecks(table: DetectedTable): SumCheck[] {
  const checks: SumCheck[] = [];
  const rows = bodyRows(table);
  const cols = table.columns.filter((c) => c.role === 'amount');
  rows.forEach((r, i) => {
    if (r.role !== 'of-which') return;
    const parent = rows.slice(0, i).reverse().find((x) => x.role !== 'of-which');
    if (!parent) return;
    for (const c of cols) {
      if (!rowHasFigures(table, r.row, [c.col])) continue;
      checks.push({ rule: 'of-which', severity: 'error', direction: 'column', comparison: 'at-most', stated: figureAt(table, r.row, c.col), parts: [figureAt(table, parent.row, c.col)] });
    }
  });
  return checks;
}

/**
 * A “三公” table printed as lines (项目 | 预算数 | 决算数): 公务用车购置及运行费 is its 购置费 and 运行费 by definition, the
 * two lines under it (其中：（1）公务用车购置费, （2）公务用车运行费) its whole split — as the table printed by columns holds
 * 小计 = 购置费 + 运行费 along its line. Only ≤ was held of them: a slipped 运行费 was told against the prose instead.
 */
export function vehicleSplitChecks(table: DetectedTable): SumCheck[] {
  if (table.kind !== 'three-public') return [];
  const checks: SumCheck[] = [];
  const rows = bodyRows(table);
  const cols = table.columns.filter((c) => c.role === 'amount');
  rows.forEach((r, i) => {
    if (!VEHICLES.test(r.label ?? '')) return;
    const parts = rows.slice(i + 1, i + 3);
    if (parts.length < 2 || !VEHICLE_PURCHASE.test(parts[0].label ?? '') || !VEHICLE_RUNNING.test(parts[1].label ?? '')) return;
    for (const c of cols) {
      // (Its two lines printed in this column, one at least not nought: a column giving the whole alone splits nothing.)
      const split = parts.map((p) => figureAt(table, p.row, c.col));
      if (!rowHasFigures(table, r.row, [c.col]) || !split.some((f) => f.shown && !isNought(f))) continue;
      checks.push({ rule: 'of-which', severity: 'error', direction: 'column', stated: figureAt(table, r.row, c.col), parts: split });
    }
  });
  return checks;
}
const VEHICLES = /公务用车购置及运行(维护)?费/;
const VEHICLE_PURCHASE = /公务用车购置费$/;
const VEHICLE_RUNNING = /公务用车运行(维护)?费$/;

/** 其中 is part of its total: never larger (其中：财政拨款 ≤ 一般公共预算小计). */
export const ofWhich: RuleSpec = {
  id: 'of-which',
  emits: { 'of-which': 'error' },
  collect: ({ tables }) => ({
    // A table without figures has no 其中 cell or row to hold against its total (both read only rows with
    // figures); a 其中 line of a side is compared even empty.
    checks: gather(tables.filter((t) => t.kind !== 'narrative'), (t) => (hasFigures(t) ? [...columnChecks(t), ...lineChecks(t), ...rowChecks(t), ...vehicleSplitChecks(t)] : lineChecks(t))),
  }),
};
