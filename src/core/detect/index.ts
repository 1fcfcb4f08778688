import { markContinuations } from './continuation';
import type { SheetSnapshot, WorkbookSnapshot } from '../snapshot';
import type { DetectedTable } from '../table';
import { SheetGrid } from './sheetGrid';
import { blankRow, classifyRow, type RowInfo } from './rowClass';
import { readArea } from './sideBySide';
import { buildTable, type BuiltTable } from './buildTable';
import { orderFunctionFamily } from './tableKind';
import { isFinalAccounts } from './finalAccounts';
import { formNumberValue } from './labels';
import type { TableKind } from '../tableKind';

/**
 * Layout detection: every table of every sheet, read in the domain's terms.
 * Per sheet: classify rows once → split into regions (title, header band, body, notes) →
 * read each region's columns and rows and name its kind. A sheet with prose only is a
 * narrative; a sheet with no recognisable table yields nothing. Never throws on odd input.
 */
export function detectTables(snapshot: WorkbookSnapshot, onSheet?: (index: number, total: number, sheet: string) => void): DetectedTable[] {
  const built: BuiltTable[] = [];
  const sheets = snapshot.sheets ?? [];
  for (const [index, sheet] of sheets.entries()) {
    onSheet?.(index, sheets.length, sheet.name);
    try {
      built.push(...detectSheet(sheet));
    } catch {
      // A sheet we cannot read is skipped rather than failing the whole workbook.
    }
  }
  formNumbersOfOtherNumberings(built);
  const order = built.map((b) => ({ kind: b.table.kind, certain: b.certain, declaredEmpty: b.table.declaredEmpty, from: b.table.kindFrom }));
  orderFunctionFamily(order);
  // The tables are this call's own: the kind the template order settles is written into each, not into a copy.
  built.forEach((b, i) => {
    b.table.kind = order[i].kind;
    if (order[i].from) b.table.kindFrom = order[i].from;
  });
  const guessed = new Set(built.filter((b) => !b.certain).map((b) => b.table));
  return guessesHeldTwice(markContinuations(built.map((b) => b.table)), guessed);
}

/** Two tables print the same lines: row by row, the same words and figures in the same columns. */
function sameLines(a: DetectedTable, b: DetectedTable): boolean {
  if (a.rows.length !== b.rows.length || a.columns.length !== b.columns.length) return false;
  return a.rows.every((r, i) => {
    const o = b.rows[i];
    return a.columns.every((c, k) => (r.cells[c.col]?.text ?? '') === (o.cells[b.columns[k].col]?.text ?? ''));
  });
}

/**
 * 公开05表 and 公开07表 name the 一般公共预算 and 政府性基金 tables in the national final accounts' numbering, and other
 * tables in budgets printed under the same prefix (Jiangsu's 公开05表 is its 财政拨款支出预算表, 公开07表 its 一般公共预算
 * 支出预算表). In a budget such a number names no kind: the table's kind is what its header suggests, a guess.
 * (Its 公开03表 is the 支出表 in every numbering seen.)
 */
function formNumbersOfOtherNumberings(built: BuiltTable[]): void {
  if (!built.some((b) => b.byForm && /公开/.test(b.byForm.form) && formNumberValue(b.byForm.form) !== 3)) return;
  const tables = built.map((b) => b.table);
  if (isFinalAccounts(tables, tables.flatMap((t) => t.paragraphs ?? []))) return;
  for (const b of built) {
    if (!b.byForm || !/公开/.test(b.byForm.form) || formNumberValue(b.byForm.form) === 3) continue;
    b.table.kind = b.byForm.headerKind;
    b.table.kindFrom = 'header-signature';
    b.certain = false;
  }
}

/**
 * A table whose kind is a guess (by its header and place: no title, notes or sheet name named it) while another table
 * holds that kind too: which of them is which the workbook does not say. It is of kind unknown, the guess kept:
 * compared as that kind, its right figures were called wrong against the other tables and the 情况说明 (a 政府性基金
 * table read as a second 支出表 took the narrative's 支出总计). A page of a table is that table, no second holder.
 */
function guessesHeldTwice(tables: DetectedTable[], guessed: Set<DetectedTable>): DetectedTable[] {
  if (guessed.size === 0) return tables;
  const holders = new Map<TableKind, DetectedTable[]>();
  for (const t of tables) {
    if (t.continues || t.kind === 'unknown' || t.kind === 'narrative') continue;
    const list = holders.get(t.kind);
    if (list) list.push(t);
    else holders.set(t.kind, [t]);
  }
  for (const list of holders.values()) {
    if (list.length < 2 || !list.some((t) => guessed.has(t))) continue;
    // Of guesses alone, one table with figures among tables that say they are empty (本表无数据: a 政府性基金 or 国有资本
    // 经营 table printed with the 一般公共预算 one's header) is the one: the empty ones are set aside. So is the first of
    // tables printing the same lines (a 财政拨款支出表 and a 一般公共预算支出表 where all the money is 一般公共预算): compared
    // as either, they say the same.
    const filled = list.filter((t) => !t.declaredEmpty);
    const alike = filled.length > 1 && filled.every((t) => sameLines(t, filled[0]));
    const keep = list.every((t) => guessed.has(t)) && (filled.length === 1 || alike) ? filled[0] : undefined;
    for (const t of list) {
      if (t === keep || !guessed.has(t)) continue;
      t.kindGuess = t.kind;
      t.kind = 'unknown';
    }
  }
  return tables;
}

/** One sheet's tables (exported for tests: it throws where detectTables would skip a sheet). */
export function detectSheet(sheet: SheetSnapshot): BuiltTable[] {
  const grid = new SheetGrid(sheet);
  const rows: RowInfo[] = [];
  for (let r = 1; r <= grid.rowCount; r++) rows.push(grid.isEmptyRow(r) ? blankRow(r) : classifyRow(grid, r));
  // Regions down the sheet, two tables side by side read each on its own, prose as narratives.
  const pieces = readArea(grid, rows, 1, rows.length, { left: 1, right: Infinity }, 0);
  const tables = pieces.filter((p) => 'region' in p).length;
  return pieces.map((p) => {
    if ('narrative' in p) return { table: p.narrative, certain: true };
    // A side's table is read from its rows as its side reads them.
    if (p.local) p.local.forEach((info, i) => (rows[p.region.top - 1 + i] = info));
    return buildTable(grid, rows, p.region, { alone: tables === 1 });
  });
}
