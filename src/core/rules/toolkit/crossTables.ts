import type { DetectedTable, TableRow } from '../../table';
import type { TableKind } from '../../tableKind';
import { functionClassOfLine } from './functionClasses';
import { grandTotalColumn, quantityColumns } from './headerTree';
import { blockLists, columnGroups, rowBlocks, topLevel, type RowBlocks, type RowView } from './rowStructure';
import { lineLabels, sideView, type SideLine } from './sideLines';
import { bodyRows, cleanLabel, figureAt, type Figure } from './tableAccess';
import { perTable } from './tableMemo';
import { gather } from './gather';
import type { SumCheck } from './sumCheck';
import { lastItem } from './lastItem';

/** Lookups the cross-table rules share: tables by kind, total rows, quantities, sums by 类. */

export function tablesOf(tables: DetectedTable[], kind: TableKind): DetectedTable[] {
  return tables.filter((t) => t.kind === kind);
}

/** The table's grand total row: a row with role total (the first one). */
export function totalRow(table: DetectedTable): TableRow | undefined {
  return bodyRows(table).find((r) => r.role === 'total');
}

/**
 * The figures of a named quantity (基本支出, 人员经费 …) in the total row; several when the
 * quantity has no total column of its own (05表's 人员经费 = 工资福利 + 对个人和家庭的补助).
 */
export function quantityAtTotal(table: DetectedTable, matcher: RegExp, label: string): Figure[] | undefined {
  const t = totalRow(table);
  if (!t) return undefined;
  const cols = quantityColumns(table, matcher);
  if (cols.length === 0) return undefined;
  // Several columns: name each (人员经费·工资福利支出 + 人员经费·对个人和家庭的补助).
  const own = (c: (typeof cols)[number]) => cleanLabel(lastItem(c.headerPath) ?? '');
  return cols.map((c) => figureAt(table, t.row, c.col, cols.length > 1 ? `${label}·${own(c)}` : label));
}

export function grandTotalAtTotal(table: DetectedTable): Figure | undefined {
  const t = totalRow(table);
  const c = grandTotalColumn(table);
  if (!t || !c) return undefined;
  return figureAt(table, t.row, c.col);
}

/**
 * Detail rows at the top of the code hierarchy, with their codes: each unit block's own (the same
 * 类 once per unit that spends on it) and the rows outside every block, so a 类's figures are
 * those of every unit, each counted once.
 */
export function topCodedRows(table: DetectedTable): RowView[] {
  return perTable(table, 'topCodedRows', () => findTopCodedRows(table));
}

function findTopCodedRows(table: DetectedTable): RowView[] {
  const groups = columnGroups(table);
  const blocks = rowBlocks(table, groups[0]);
  // The department's consolidated block printed before its units' own (某市民政局（部门汇总） over its 类/款/项, then 本级 and
  // each unit with theirs, as Shandong prints them): the units' rows are in it already, and counting both made every 类 twice.
  const lists = consolidatedFirst(blocks) ? [blocks.details] : blockLists(blocks);
  return gather(lists, (rows) => topLevel(rows)).filter((r) => r.code);
}

/** Rows outside the unit blocks, headed by an uncoded line naming the department's whole (…（部门汇总）, 部门合计). */
function consolidatedFirst(blocks: RowBlocks): boolean {
  const head = blocks.details[0];
  return blocks.units.length > 0 && !!head && !head.code && CONSOLIDATED.test(head.row.label) && head.row.row < blocks.units[0].unit.row;
}

const CONSOLIDATED = /汇总|部门合计|全部门/;

/** Σ by 类 of a coded table in one column: 类 → the figures to add (项 rows or 类 rows). */
export function figuresByClass(table: DetectedTable, col: number): Map<string, Figure[]> {
  const out = new Map<string, Figure[]>();
  for (const r of topCodedRows(table)) {
    const lei = r.code!.slice(0, 3);
    const list = out.get(lei) ?? [];
    list.push(figureAt(table, r.row.row, col));
    out.set(lei, list);
  }
  return out;
}

/**
 * The general budget is part of a larger spending by function (every appropriation, or every source):
 * never more, by 类 and in total, and all of it when `whole` (no other money). Told at the
 * 一般公共预算支出表's figure: the other is the larger whole.
 */
export function generalWithin(rule: string, general: DetectedTable, all: DetectedTable, col: number, allTotal: Figure, whole: boolean): SumCheck[] {
  const gtotal = grandTotalAtTotal(general);
  if (!gtotal) return [];
  const comparison = whole ? 'equal' : 'at-most';
  const checks: SumCheck[] = [{ rule, severity: 'error', direction: 'cross', comparison, stated: gtotal, parts: [allTotal] }];
  const mine = figuresByClass(general, grandTotalColumn(general)?.col ?? gtotal.col);
  const theirs = figuresByClass(all, col);
  for (const [lei, figs] of mine) {
    const other = theirs.get(lei);
    if (figs.length !== 1 || !other) continue;
    checks.push({ rule, severity: 'error', direction: 'cross', comparison, stated: figs[0], parts: other });
  }
  return checks;
}

/** The ordinal function lines of a summary's expenditure side, by the 类 they name. */
export function functionLines(table: DetectedTable): Map<string, SideLine[]> {
  return perTable(table, 'functionLines', () => findFunctionLines(table));
}

function findFunctionLines(table: DetectedTable): Map<string, SideLine[]> {
  const view = sideView(table, 'expenditure');
  const out = new Map<string, SideLine[]>();
  if (!view) return out;
  for (const l of view.lines) {
    const code = l.kind === 'level1' || l.kind === 'level2' ? functionClassOfLine(l.label) : l.kind === 'other' ? unnumberedClass(l.label) : undefined;
    if (!code) continue;
    const list = out.get(code) ?? [];
    list.push(l);
    out.set(code, list);
  }
  return out;
}

/**
 * A 类 line printed without a number (卫生健康支出, as Beijing and Guangdong print the summary) or with its
 * code (210 卫生健康支出): the class it names, where the line is a class's whole name, ending in 支出.
 */
export function unnumberedClass(label: string): string | undefined {
  const l = cleanLabel(label).replace(CLASS_CODE_BEFORE, '');
  return CLASS_NAME_LINE.test(l) ? functionClassOfLine(l) : undefined;
}
const CLASS_CODE_BEFORE = /^2\d{2}(?![\d])/;
const CLASS_NAME_LINE = /^[^\d、.．（）()]{2,16}支出$/;

/** A labelled line of one side, found by its label. */
export function lineWhere(table: DetectedTable, side: 'income' | 'expenditure', test: (label: string, l: SideLine) => boolean): SideLine | undefined {
  const lines = sideView(table, side)?.lines;
  if (!lines) return undefined;
  const labels = lineLabels(table, side);
  for (let i = 0; i < lines.length; i++) if (test(labels[i], lines[i])) return lines[i];
  return undefined;
}

export function sideAmountColumn(table: DetectedTable, side: 'income' | 'expenditure', matcher?: RegExp): number | undefined {
  const view = sideView(table, side);
  if (!view) return undefined;
  if (!matcher) return (grandTotalColumn(table, side) ?? view.amountColumns[0])?.col;
  const cols = quantityColumns(table, matcher, side).filter((c) => view.amountColumns.includes(c));
  return cols[0]?.col;
}
