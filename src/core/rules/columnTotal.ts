import type { DetectedTable, TableRow } from '../table';
import type { RuleSpec } from './toolkit/ruleSpec';
import { columnGroups, rowBlocks, topLevel, type RowView } from './toolkit/rowStructure';
import type { SumCheck } from './toolkit/sumCheck';
import { figureAt } from './toolkit/tableAccess';
import { perTable } from './toolkit/tableMemo';

/** Side-by-side tables (收支总表, 财政拨款收支表) add up by their lines instead: summaryLines.ts. */
export function isSideBySide(table: DetectedTable): boolean {
  if (table.kind === 'income-expenditure-summary' || table.kind === 'fiscal-appropriation-summary' || table.columns.some((c) => c.side)) return true;
  // Several rules ask; the rows are looked through once per table.
  return perTable(table, 'sideLines', () => table.rows.some((r) => r.lines));
}

function totalCheck(table: DetectedTable, total: TableRow, parts: RowView[], col: number): SumCheck | undefined {
  const stated = figureAt(table, total.row, col);
  // In a table of unknown kind a 合计 left empty states nothing (a phone list's 合计 row).
  if (table.kind === 'unknown' && !stated.shown) return undefined;
  return {
    rule: 'column-total',
    severity: 'error',
    direction: 'column',
    stated,
    parts: parts.map((p) => figureAt(table, p.row.row, col)),
  };
}

export function columnTotalChecks(table: DetectedTable): SumCheck[] {
  // A procurement table adds up as an outline of its name columns: procurementLevels.ts.
  if (table.kind === 'narrative' || table.kind === 'government-procurement' || isSideBySide(table)) return [];
  const groups = columnGroups(table);
  // Tables of side-by-side classification groups (公开06表) carry 人员经费合计 / 公用经费合计
  // across groups instead of one total per column: econClassTotals.ts.
  if (groups.length > 1) return [];
  const checks: SumCheck[] = [];
  const push = (c: SumCheck | undefined) => {
    if (c) checks.push(c);
  };
  const group = groups[0];
  const blocks = rowBlocks(table, group);
  for (const column of group.amountColumns) {
    const col = column.col;
    if (blocks.units.length > 0) {
      const top: RowView[] = blocks.units.filter((u) => !u.parent).map((u) => ({ row: u.unit }));
      for (const t of blocks.totals) push(totalCheck(table, t, top, col));
      for (const u of blocks.units) {
        if (u.subUnits.length > 0) {
          const subs = u.subUnits.map((s) => ({ row: s.unit }));
          push(totalCheck(table, u.unit, subs, col));
        } else if (u.members.length > 0) {
          push(totalCheck(table, u.unit, topLevel(u.members), col));
        }
      }
    } else {
      const top = topLevel(blocks.topParts);
      for (const t of blocks.totals) push(totalCheck(table, t, top, col));
      // With 小计 groups, the total is also the sum of every item (a 小计 without items standing for
      // itself): a wrong item then breaks its 小计 and this sum, a wrong 小计 its group and the sum of 小计.
      if (blocks.subtotals.some((s) => s.members.length > 0)) {
        const finest = [...blocks.details, ...blocks.subtotals.filter((s) => s.members.length === 0).map((s) => ({ row: s.row }))].sort((a, b) => a.row.row - b.row.row);
        for (const t of blocks.totals) push(totalCheck(table, t, topLevel(finest), col));
      }
    }
    for (const sub of blocks.subtotals) {
      if (sub.members.length === 0) continue;
      push(totalCheck(table, sub.row, topLevel(sub.members), col));
    }
  }
  return checks;
}

/** Column totals: 合计 row = Σ unit rows, unit row = Σ its rows (top of the code hierarchy), 合计 without parts fails. */
export const columnTotal: RuleSpec = {
  id: 'column-total',
  emits: { 'column-total': 'error' },
  collect: ({ tables }) => ({ checks: tables.flatMap(columnTotalChecks) }),
};
