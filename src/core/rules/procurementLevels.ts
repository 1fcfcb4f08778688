import type { DetectedTable, TableRow } from '../table';
import { numberingOf } from '../detect/rowGroups';
import type { RuleSpec } from './toolkit/ruleSpec';
import type { SumCheck } from './toolkit/sumCheck';
import { amountColumns, bodyRows, figureAt, rowHasFigures } from './toolkit/tableAccess';
import { tablesOf, totalRow } from './toolkit/crossTables';
import { gather } from './toolkit/gather';

/**
 * 政府采购预算表 lists its money as an outline across its name columns: 采购品目大类 → 专项名称 →
 * 经济科目 → 采购物品名称, each row's level being the rightmost name column it fills (a row that
 * names a 专项 and its first 经济科目 is an 经济科目 row; the 专项 is written only once). A row
 * is the sum of the rows of the next level under it, up to the next row of its level or above;
 * the 合计 row is the sum of the top-level rows. A list with one name column (序号 | 采购项目) is
 * flat: 合计 is the sum of its lines. Quantities and prices are never added.
 */
function levelOf(row: TableRow, levelCols: number[]): number {
  let level = -1;
  levelCols.forEach((col, i) => {
    if ((row.cells[col]?.text ?? '').trim()) level = i;
  });
  return level;
}

export function procurementChecks(table: DetectedTable): SumCheck[] {
  const levelCols = table.columns.filter((c) => c.role === 'label').map((c) => c.col).sort((a, b) => a - b);
  const amounts = amountColumns(table).map((c) => c.col);
  if (amounts.length === 0) return [];
  const total = totalRow(table);
  const rows = bodyRows(table).filter((r) => r !== total && r.role !== 'of-which' && r.role !== 'statistic');
  if (levelCols.length < 2) return flatListChecks(table, amounts, total, rows);
  const levels = rows.map((r) => levelOf(r, levelCols));
  const checks: SumCheck[] = [];
  const add = (stated: TableRow, parts: TableRow[]) => {
    if (parts.length === 0) return;
    for (const col of amounts) {
      if (!rowHasFigures(table, stated.row, [col]) && !parts.some((p) => rowHasFigures(table, p.row, [col]))) continue;
      checks.push({ rule: 'procurement-levels', severity: 'error', direction: 'column', stated: figureAt(table, stated.row, col), parts: parts.map((p) => figureAt(table, p.row, col)) });
    }
  };
  // Direct children: the rows up to the next one of this level or above, of the highest level among them.
  const children = (i: number): TableRow[] => {
    const under: number[] = [];
    for (let j = i + 1; j < rows.length && levels[j] > levels[i]; j++) under.push(j);
    if (under.length === 0) return [];
    const top = Math.min(...under.map((j) => levels[j]));
    return under.filter((j) => levels[j] === top).map((j) => rows[j]);
  };
  rows.forEach((r, i) => {
    if (levels[i] >= 0) add(r, children(i));
  });
  if (total) {
    const top = Math.min(...levels.filter((l) => l >= 0));
    add(total, rows.filter((_, i) => levels[i] === top));
  }
  return checks;
}

/**
 * A list in one name column (序号 | 采购项目 | 采购预算 | 其中 …): 合计 is the sum of its lines. Read
 * so only where every line is an item: a subtotal line, or a line headed like a level of an
 * outline (一、货物 over its items), makes the list an outline one column cannot show, and it is
 * left unchecked rather than added up twice.
 */
function flatListChecks(table: DetectedTable, amounts: number[], total: TableRow | undefined, rows: TableRow[]): SumCheck[] {
  if (!total || rows.length === 0) return [];
  const words = (r: TableRow) => Object.values(r.cells).filter((c) => c.amount.kind !== 'amount').map((c) => c.text);
  // An outline heading in the one name column (一、货物, （一）服务类, as rowGroups reads numbering): not flat.
  const heading = (w: string) => (numberingOf(w)?.level ?? Infinity) <= 2;
  if (rows.some((r) => r.role !== 'detail' || words(r).some(heading))) return [];
  const checks: SumCheck[] = [];
  for (const col of amounts) {
    if (!rowHasFigures(table, total.row, [col]) && !rows.some((p) => rowHasFigures(table, p.row, [col]))) continue;
    checks.push({ rule: 'procurement-levels', severity: 'error', direction: 'column', stated: figureAt(table, total.row, col), parts: rows.map((p) => figureAt(table, p.row, col)) });
  }
  return checks;
}

export const procurementLevels: RuleSpec = {
  id: 'procurement-levels',
  emits: { 'procurement-levels': 'error' },
  collect: ({ tables }) => ({ checks: gather(tablesOf(tables, 'government-procurement'), procurementChecks) }),
};
