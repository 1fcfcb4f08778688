import type { Severity } from '../finding';
import type { DetectedTable, TableColumn, TableRow } from '../table';
import type { RuleSpec } from './toolkit/ruleSpec';
import { columnGroups, rowBlocks, topLevel, untoldHeads, type RowView } from './toolkit/rowStructure';
import { evaluate, type SumCheck } from './toolkit/sumCheck';
import { bodyRows, figureAt, isNought } from './toolkit/tableAccess';
import { perTable } from './toolkit/tableMemo';
import { gather } from './toolkit/gather';

/** Side-by-side tables (收支总表, 财政拨款收支表) add up by their lines instead: summaryLines.ts. */
export function isSideBySide(table: DetectedTable): boolean {
  if (table.columns.some((c) => c.side)) return true;
  // Several rules ask; the rows are looked through once per table.
  const lines = perTable(table, 'sideLines', () => table.rows.some((r) => r.lines));
  if (lines) return true;
  if (table.kind === 'income-expenditure-summary') return true;
  // A 财政拨款收入支出决算总表 printed by function code (科目编码 | 科目名称 | 年初 | 本年收入 | 本年支出 |
  // 年末, rows 合计 then 类/款/项) has no 收入 | 支出 sides: it adds up down its columns by code.
  if (table.kind === 'fiscal-appropriation-summary') return !table.columns.some((c) => c.role === 'function-code');
  return false;
}

function totalCheck(table: DetectedTable, total: TableRow, parts: RowView[], col: number, severity: Severity = 'error'): SumCheck | undefined {
  const stated = figureAt(table, total.row, col);
  // In a table of unknown kind a 合计 left empty states nothing (a phone list's 合计 row).
  if (table.kind === 'unknown' && !stated.shown) return undefined;
  return {
    rule: 'column-total',
    severity,
    direction: 'column',
    stated,
    parts: parts.map((p) => figureAt(table, p.row.row, col)),
  };
}

/** A total and the rows it adds, the same in every amount column. */
interface TotalParts {
  total: TableRow;
  parts: RowView[];
}

/** A reading of a total's parts: the rows, the severity of a mismatch, and columns left unchecked. */
interface Reading {
  parts: RowView[];
  severity: Severity;
  silent?: Set<number>;
}

function guessedRows(table: DetectedTable): TableRow[] {
  return perTable(table, 'ofWhichGuesses', () => bodyRows(table).filter((r) => r.ofWhichGuess));
}

/**
 * The parts a total adds once the lines after a 其中 block that only figures placed (rowGroups.ts
 * `ofWhichGuess`) are read: as detect read them when that adds up; else all as 其中 lines, or all as
 * items, whichever adds up in every column. Where none does, a reading that was doubtful claims
 * nothing (no check in the columns those lines have figures in), and a table of unknown kind, whose
 * rows no template vouches for, is told as a warning.
 */
function readingOf(table: DetectedTable, pair: TotalParts, columns: TableColumn[]): Reading {
  const guessed = guessedRows(table);
  // (A table of no kind we know — a payroll, a ledger, a pivot table, a room list — has no template vouching for its rows:
  // a 合计 that does not add up there is a question, told as a warning, never a claim that a published figure is wrong.)
  const plain: Reading = { parts: pair.parts, severity: table.kind === 'unknown' ? 'warning' : 'error' };
  if (guessed.length === 0) return plain;
  const listed = new Set(pair.parts.map((p) => p.row.row));
  const flipIn = guessed.filter((r) => r.ofWhichGuess!.reading === 'likely' && listed.has(r.ofWhichGuess!.parent) && !listed.has(r.row));
  const flipOut = guessed.filter((r) => r.ofWhichGuess!.reading === 'doubtful' && listed.has(r.row));
  if (flipIn.length === 0 && flipOut.length === 0) return plain;
  const out = new Set(flipOut);
  const siblings = pair.parts.filter((p) => !out.has(p.row));
  const items = [...pair.parts, ...flipIn.map((row) => ({ row }))].sort((a, b) => a.row.row - b.row.row);
  const adds = (parts: RowView[]) =>
    columns.every((c) => {
      const check = totalCheck(table, pair.total, parts, c.col);
      const o = check && evaluate(check, false);
      return !o || o.consistent;
    });
  for (const parts of [pair.parts, siblings, items]) if (adds(parts)) return { ...plain, parts };
  const unsure = [...flipIn, ...flipOut];
  if (flipOut.length > 0) {
    const silent = new Set(columns.filter((c) => unsure.some((r) => figureAt(table, r.row, c.col).shown && !isNought(figureAt(table, r.row, c.col)))).map((c) => c.col));
    return { ...plain, silent };
  }
  return plain;
}

/** A sheet of the 情况说明 by its name (情况说明, 预算说明, 编制说明 …). */
const PROSE_SHEET = /说明/;

/** Kinds whose body may be its 合计 alone, a total stated, not a sum (columnTotalChecks). */
const TOTAL_ALONE_STATED: ReadonlySet<string> = new Set(['operating-cost', 'three-public', 'unknown']);

export function columnTotalChecks(table: DetectedTable): SumCheck[] {
  // A procurement table adds up as an outline of its name columns: procurementLevels.ts.
  if (table.kind === 'narrative' || table.kind === 'government-procurement' || isSideBySide(table)) return [];
  // A table we cannot name inside the 情况说明 (项目 | 金额 | 说明: 收入总计, 基本支出, 项目支出, “三公”经费, 机关运行经费 …)
  // lists the topics the prose speaks of, not parts of its first line.
  if (table.kind === 'unknown' && PROSE_SHEET.test(table.sheet)) return [];
  const groups = columnGroups(table);
  // Tables of side-by-side classification groups (公开06表) carry 人员经费合计 / 公用经费合计
  // across groups instead of one total per column: econClassTotals.ts.
  if (groups.length > 1) return [];
  const group = groups[0];
  const blocks = rowBlocks(table, group);
  const pairs: TotalParts[] = [];
  // Rows of figures the grand total cannot be read over for sure, in the columns they have figures in:
  // rows outside every unit block (a unit line not told apart?), heads of blocks not told apart.
  let unsure: RowView[] = [];
  if (blocks.units.length > 0) {
    const top: RowView[] = blocks.units.filter((u) => !u.parent).map((u) => ({ row: u.unit }));
    for (const t of blocks.totals) pairs.push({ total: t, parts: top });
    unsure = blocks.details;
    for (const u of blocks.units) {
      if (u.subUnits.length > 0) pairs.push({ total: u.unit, parts: u.subUnits.map((s) => ({ row: s.unit })) });
      else if (u.members.length > 0) pairs.push({ total: u.unit, parts: topLevel(u.members) });
    }
  } else {
    const top = topLevel(blocks.topParts);
    for (const t of blocks.totals) pairs.push({ total: t, parts: top });
    unsure = untoldHeads(blocks.details, topLevel(blocks.details));
    // With 小计 groups, the total is also the sum of every item (a 小计 without items standing for
    // itself): a wrong item then breaks its 小计 and this sum, a wrong 小计 its group and the sum of 小计.
    if (blocks.subtotals.some((s) => s.members.length > 0)) {
      const finest = [...blocks.details, ...blocks.subtotals.filter((s) => s.members.length === 0).map((s) => ({ row: s.row }))].sort((a, b) => a.row.row - b.row.row);
      const parts = topLevel(finest);
      for (const t of blocks.totals) pairs.push({ total: t, parts });
    }
  }
  for (const sub of blocks.subtotals) if (sub.members.length > 0) pairs.push({ total: sub.row, parts: topLevel(sub.members) });
  const readings = pairs.map((p) => readingOf(table, p, group.amountColumns));
  const grand = new Set(blocks.totals);
  // A 机关运行经费表 whose body is its 合计 alone (one line: 合计 | 上年 | 本年 | 增减额, as Guizhou's template
  // prints it) states its total, not a sum: there is no row it could be the sum of. Tables listing
  // their money by subject keep the check: a figure in the 合计 of an empty 政府性基金支出表, or a 合计
  // whose item rows were cleared, is a total without parts and fails.
  // So does a “三公” table printed under a row-label column (单位名称 | “三公”经费合计 | … with its one line 合计), and a
  // table we cannot name (a 国有资产 table's one 合计 line of 车辆数).
  const totalAlone = TOTAL_ALONE_STATED.has(table.kind) && bodyRows(table).every((r) => grand.has(r));
  const checks: SumCheck[] = [];
  for (const column of group.amountColumns) {
    const unread = unsure.some((r) => {
      const f = figureAt(table, r.row.row, column.col);
      return f.shown && !isNought(f);
    });
    pairs.forEach((pair, i) => {
      const reading = readings[i];
      if (reading.silent?.has(column.col)) return;
      if (unread && grand.has(pair.total)) return;
      if (totalAlone && reading.parts.length === 0) return;
      const check = totalCheck(table, pair.total, reading.parts, column.col, reading.severity);
      if (check) checks.push(check);
    });
  }
  return checks;
}

/** Column totals: 合计 row = Σ unit rows, unit row = Σ its rows (top of the code hierarchy), 合计 without parts fails (unless it is the table's only line). */
export const columnTotal: RuleSpec = {
  id: 'column-total',
  emits: { 'column-total': 'error' },
  collect: ({ tables }) => ({ checks: gather(tables, columnTotalChecks) }),
};
