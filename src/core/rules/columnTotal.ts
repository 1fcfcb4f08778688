import type { DetectedTable, TableRow } from '../table';
import { columnName } from './rowSum';
import { relation, type RuleSpec } from './toolkit/ruleSpec';
import { columnGroups, rowBlocks, rowName, topLevel, type RowView } from './toolkit/rowStructure';
import type { SumCheck } from './toolkit/sumCheck';
import { cleanLabel, figureAt } from './toolkit/tableAccess';

/** Side-by-side tables (收支总表, 财政拨款收支表) add up by their lines instead: summaryLines.ts. */
export function isSideBySide(table: DetectedTable): boolean {
  return (
    table.kind === 'income-expenditure-summary' ||
    table.kind === 'fiscal-appropriation-summary' ||
    table.columns.some((c) => c.side) ||
    table.rows.some((r) => r.lines)
  );
}

function totalCheck(table: DetectedTable, total: TableRow, parts: RowView[], col: number, what: string, whatEn: string): SumCheck {
  const colName = columnName(table.columns.find((c) => c.col === col)!);
  const label = cleanLabel(total.label) || (total.role === 'total' ? '合计' : '');
  return {
    rule: 'column-total',
    severity: 'error',
    direction: 'column',
    stated: figureAt(table, total.row, col, `${label}${colName ? ` ${colName}` : ''}`.trim()),
    parts: parts.map((p) => figureAt(table, p.row.row, col, rowName(p.row, p.code))),
    relation: relation(`${colName} 栏：${label || `第${total.row}行`} = ${what}`, `column ${colName}: ${label || `row ${total.row}`} = ${whatEn}`),
  };
}

export function columnTotalChecks(table: DetectedTable): SumCheck[] {
  if (table.kind === 'narrative' || isSideBySide(table)) return [];
  const groups = columnGroups(table);
  // Tables of side-by-side classification groups (公开06表) carry 人员经费合计 / 公用经费合计
  // across groups instead of one total per column: econClassTotals.ts.
  if (groups.length > 1) return [];
  const checks: SumCheck[] = [];
  const group = groups[0];
  const blocks = rowBlocks(table, group);
  for (const column of group.amountColumns) {
    const col = column.col;
    if (blocks.units.length > 0) {
      const top: RowView[] = blocks.units.filter((u) => !u.parent).map((u) => ({ row: u.unit }));
      for (const t of blocks.totals) checks.push(totalCheck(table, t, top, col, 'Σ 单位行', 'Σ unit rows'));
      for (const u of blocks.units) {
        if (u.subUnits.length > 0) {
          const subs = u.subUnits.map((s) => ({ row: s.unit }));
          checks.push(totalCheck(table, u.unit, subs, col, 'Σ 下属单位行', 'Σ its units'));
        } else if (u.members.length > 0) {
          checks.push(totalCheck(table, u.unit, topLevel(u.members), col, 'Σ 本单位明细行', "Σ the unit's rows"));
        }
      }
    } else {
      const details = topLevel(blocks.details);
      for (const t of blocks.totals) checks.push(totalCheck(table, t, details, col, 'Σ 明细行', 'Σ detail rows'));
    }
    for (const sub of blocks.subtotals) {
      if (sub.members.length === 0) continue;
      checks.push(totalCheck(table, sub.row, topLevel(sub.members), col, 'Σ 本组明细行', "Σ the group's rows"));
    }
  }
  return checks;
}

/** Column totals: 合计 row = Σ unit rows, unit row = Σ its rows (top of the code hierarchy), 合计 without parts fails. */
export const columnTotal: RuleSpec = {
  id: 'column-total',
  severity: 'error',
  description: {
    'zh-CN': '列合计：合计行等于各单位行之和，单位行等于其明细行（类级或项级）之和',
    en: 'Column totals: the total row equals its unit rows, a unit row its detail rows',
  },
  collect: ({ tables }) => ({ checks: tables.flatMap(columnTotalChecks) }),
};
