import { cellAddress, rangeAddress } from '../address';
import { joinWrappedNames } from './wrappedNames';
import { withoutSupersededRows } from './supersededRows';
import type { ParsedAmount } from '../amount';
import type { CellRange } from '../snapshot';
import type { DetectedTable, TableColumn, TableRow, Unit } from '../table';
import type { SheetGrid } from './sheetGrid';
import type { RowInfo } from './rowClass';
import type { TableRegion } from './regions';
import { headerPaths, leadsPath, type HeaderColumn } from './headerBand';
import { columnRoles } from './columnRoles';
import { readRows } from './rowModel';
import { nameKind, type NamedKind } from './tableKind';
import { spilledFigures, spillsLeftInto, withSpilledMoved } from './spilledFigures';
import { readAsOneList } from './oneListSides';
import { INDICATOR_HEADER, cleanLabel, declaresEmpty, departmentIn, departmentInTitle, isTotalLabel, looksLikeTitle, saysNothingToShow, unitIn, yearIn } from './labels';

export interface SheetContext {
  /** The region is the only table on its sheet: the sheet's name may stand for a title. */
  alone: boolean;
}

/** Leftmost and rightmost used columns of rows from..to; a merged cell counts to its right edge. */
function usedColumns(grid: SheetGrid, rows: RowInfo[], from: number, to: number): { left: number; right: number } | null {
  let left = Infinity;
  let right = 0;
  const merged = grid.hasMerges;
  for (let r = from; r <= to; r++) {
    const cells = rows[r - 1]?.cells ?? [];
    if (cells.length === 0) continue;
    // Cells come left to right: only the ends matter, unless merges may widen a row.
    if (cells[0].col < left) left = cells[0].col;
    if (!merged || !grid.rowHasMerges(r)) {
      if (cells[cells.length - 1].col > right) right = cells[cells.length - 1].col;
      continue;
    }
    for (const c of cells) {
      const m = grid.merge(r, c.col);
      const edge = m && m.top === r ? m.right : c.col;
      if (edge > right) right = edge;
    }
  }
  return Number.isFinite(left) ? { left, right: Math.max(left, right) } : null;
}

/** Both ends of two spans of columns (either may be none). */
function joined(a: { left: number; right: number } | null, b: { left: number; right: number } | null): { left: number; right: number } | null {
  if (!a || !b) return a ?? b;
  return { left: Math.min(a.left, b.left), right: Math.max(a.right, b.right) };
}

/**
 * The whole region (form number and title to the last note, all the columns they use) and the
 * table's own columns (those of its header band and body: a form number or a note merged wider
 * than the table widens the range, not the columns). The band and body lie inside the region:
 * their rows are read once for both, not once for each (a big body's rows are most of the sheet).
 */
function extents(grid: SheetGrid, rows: RowInfo[], region: TableRegion): { range: CellRange; cols: { left: number; right: number } } {
  const from = region.headerRows[0];
  const to = region.bodyRows[1];
  const inside = from >= region.top && to <= region.bottom && from <= to;
  const own = usedColumns(grid, rows, from, to);
  const all = inside ? joined(joined(usedColumns(grid, rows, region.top, from - 1), own), usedColumns(grid, rows, to + 1, region.bottom)) : usedColumns(grid, rows, region.top, region.bottom);
  const used = all ?? { left: 1, right: 1 };
  const range = { top: region.top, left: used.left, bottom: region.bottom, right: used.right };
  return { range, cols: own ?? { left: range.left, right: range.right } };
}

/** Side-by-side groups (公开06表: three 经济分类 code/name/amount groups in one row). */
function assignGroups(columns: TableColumn[]): void {
  if (columns.some((c) => c.side)) return;
  for (const role of ['econ-code', 'econ-lei', 'function-code', 'function-lei'] as const) {
    const codes = columns.filter((c) => c.role === role);
    if (codes.length < 2) continue;
    // Groups only when amounts sit between the code columns (code, name, amount, code …);
    // 06 tables with a department and a government code pair are one group.
    const between = codes.slice(1).every((c, i) => columns.some((x) => x.role === 'amount' && x.col > codes[i].col && x.col < c.col));
    if (!between) continue;
    let g = 0;
    for (const c of columns) {
      if (c.role === role && c !== codes[0] && c.col > codes[0].col) g++;
      c.group = g;
    }
    return;
  }
}

/**
 * Blocks of lines within a side: each label column after the first opens a new block with the
 * amount columns after it (收支总表 支出 as 功能分类 | 支出用途, each with its own 项目 and 金额).
 */
function assignBlocks(columns: TableColumn[]): void {
  for (const side of ['income', 'expenditure'] as const) {
    let block = -1;
    for (const c of columns.filter((x) => x.side === side).sort((a, b) => a.col - b.col)) {
      if (c.role === 'label' || block < 0) block++;
      c.block = block;
    }
  }
}

/** A line of a “三公” table printed as lines. */
const THREE_PUBLIC_LINE = /因公出国|公务用车|公务接待|三公/;
const PROCUREMENT_LINE = /^(?:[一二三四][、.．])?(?:货物|工程|服务)(?:类|采购)?[A-C]?$/;
const SUMMARY_KINDS = new Set<DetectedTable['kind']>(['income-expenditure-summary', 'fiscal-appropriation-summary']);

/** Header words only budget and final-accounts tables use. */
/** A procurement table's kind as a column's header (货物, 工程类, 服务采购). */
const PROCUREMENT_COLUMN = /^(?:货物|工程|服务)(?:类|采购)?$/;
const DOMAIN_HEADER = /科目|功能分类|经济分类|基本支出|项目支出|人员经费|公用经费|一般公共预算|政府性基金|国有资本|财政拨款|财政专户|本年收入|本年支出|上年结转|年初结转|结转|结余|三公|因公出国|公务接待|公务用车|运行经费|采购|预算数|决算数|项目名称|事业收入|经营收入|单位名称|单位代码|预留机动/;

/** A detected table, and whether its kind was named for sure (see orderFunctionFamily). */
export interface BuiltTable {
  table: DetectedTable;
  certain: boolean;
  /** Its kind read from its form number alone (tableKind.ts NamedKind). */
  byForm?: NamedKind['byForm'];
}

export function buildTable(grid: SheetGrid, rows: RowInfo[], region: TableRegion, ctx: SheetContext): BuiltTable {
  const { range, cols } = extents(grid, rows, region);
  const band = region.headerRows;
  // A title a PDF's conversion glued into the header's first cell (2024年国有资本经营支出预算表\n科目编码): the table's title,
  // no part of the columns' labels.
  const glued = region.title ? undefined : titleGluedToHeader(grid, band[0], cols.left, cols.right);
  const spills = spilledFigures(withoutBlankColumns(headerPaths(grid, rows, band, cols.left, cols.right, glued && cleanLabel(glued)), rows, band, region.bodyRows), rows, region.bodyRows);
  const heads = spills.heads;
  const title = region.title || glued;
  // A page's break inside the body (its page line, the header printed again) is no line of the table.
  const breaks = region.breakRows.length ? new Set(region.breakRows) : undefined;
  const roles = columnRoles(grid, heads, region.bodyRows, breaks);
  const columns: TableColumn[] = heads.map((h, i) => {
    const col: TableColumn = { col: h.col, role: roles[i], headerPath: h.path };
    if (h.side) col.side = h.side;
    return col;
  });
  assignGroups(columns);
  assignBlocks(columns);
  const rowCells = (r: number) => (breaks?.has(r) ? [] : (rows[r - 1]?.cells ?? []));
  const read = readRows(grid, columns, region.bodyRows, region.emptyBody, spills.into.size > 0 ? (r) => withSpilledMoved(rowCells(r), spills.into) : rowCells);
  const { unreadable, decimals, roundingDecimals } = read;
  // A name wrapped over two rows by a PDF's conversion is one line; a hidden line replaced by the one shown beside it is none.
  const tableRows = joinWrappedNames(withoutSupersededRows(read.rows), columns);

  // Each note row's words, read once: the notes' text names the kind, and the table keeps the lines.
  const noteTexts = region.noteRows.map((r) => rows[r - 1].texts.join(' '));
  const noteText = noteTexts.join('\n');
  // The text columns' words of the first 200 rows, row by row (the text columns found once, not asked of every column of every row).
  const bodyTexts: string[] = [];
  const textCols = columns.filter((c) => c.role === 'text');
  for (let i = 0; textCols.length > 0 && i < tableRows.length && i < 200; i++) {
    const cells = tableRows[i].cells;
    for (const c of textCols) if (cells[c.col]) bodyTexts.push(cleanLabel(cells[c.col].text));
  }
  // A row of a 绩效目标表's indicator header inside the body (一级指标 | 二级指标 | 三级指标 | 指标值), under a block's
  // 项目名称 / 主管部门 lines: no budget table, whatever those lines' words.
  let indicators = false;
  for (let i = 0; !indicators && i < tableRows.length && i < 200; i++) {
    const cells = tableRows[i].cells;
    for (const c in cells) if (INDICATOR_HEADER.test(cells[c]?.text ?? '')) indicators = true;
  }
  const named = nameKind(
    { columns: heads, roles, bodyTexts, hasGroups: columns.some((c) => (c.group ?? 0) > 0), indicators },
    columns,
    { title, notes: noteText, sheetName: ctx.alone ? grid.name : undefined, formNumber: region.formNumber },
  );
  // A title's words alone do not make a budget table (办公用品采购支出明细表 is a purchase list):
  // the columns must speak the domain — subject codes, sides, or budget words in the header.
  // A summary printed as one list names its sides by its rows (收入总计 … 支出总计), not its columns.
  const oneList = SUMMARY_KINDS.has(named.kind) && readAsOneList(tableRows, columns);
  // So does a procurement table printed as lines (项目 | 金额: 合计, 货物, 工程, 服务) under its title.
  const procurementLines = named.kind === 'government-procurement' && tableRows.filter((r) => PROCUREMENT_LINE.test(r.label)).length >= 2;
  // …or by columns (项目 | 合计 | 货物 | 工程 | 服务).
  const procurementColumns = named.kind === 'government-procurement' && columns.filter((c) => c.role === 'amount' && PROCUREMENT_COLUMN.test(c.headerPath[c.headerPath.length - 1] ?? '')).length >= 2;
  // …and a 机关运行经费 or “三公” table printed as lines (项目 | 金额: 机关运行经费 43.95; 因公出国（境）费, 公务接待费 …).
  const ownLines = (named.kind === 'operating-cost' && tableRows.some((r) => /运行经费/.test(r.label))) || (named.kind === 'three-public' && tableRows.filter((r) => THREE_PUBLIC_LINE.test(r.label)).length >= 2);
  const speaksBudget = oneList || procurementLines || procurementColumns || ownLines || columns.some((c) => c.side || /^(function|econ|gov-econ)-/.test(c.role) || DOMAIN_HEADER.test(c.headerPath.join('>')));
  const { kind, certain, from } = named.kind === 'narrative' || speaksBudget ? named : { kind: 'unknown' as const, certain: true, from: named.from };
  if (kind === 'unknown') {
    // In a table of unknown kind only a labelled 合计 is a total (not a first row by position).
    for (const r of tableRows) if (r.role === 'total' && !Object.values(r.cells).some((c) => isTotalLabel(c.text))) r.role = 'detail';
  }

  // The unit and the cell it was read from (a caption a reviewer would correct: table-unit).
  let unit: Unit | undefined;
  let unitCell: string | undefined;
  const readUnit = (r: number): void => {
    for (const c of rows[r - 1].cells) {
      if (!c.text) continue;
      unit = unitIn(c.text);
      if (unit) {
        unitCell = cellAddress(r, c.col);
        return;
      }
    }
  };
  for (let r = region.top; r < band[0] && !unit; r++) readUnit(r);
  for (let r = band[0]; r <= band[1] && !unit; r++) readUnit(r);

  const hasAmounts = tableRows.some((r) => Object.values(r.cells).some((c) => isNonZero(c.amount)));
  const declaredEmpty = declaresEmpty(noteText) || (!hasAmounts && (saysNothingToShow(noteText) || saysEmptyInBody(tableRows)));

  const preamble: string[] = [];
  for (let r = region.top; r < band[0]; r++) preamble.push(...(rows[r - 1]?.texts ?? []));
  const department = departmentIn(preamble) ?? departmentInTitle(title);
  const year = yearIn(title) ?? preamble.map(yearIn).find((y) => y !== undefined);
  // Every field named in the literal, those a table may lack as undefined (in the order they were
  // once added, which a JSON of the table keeps): every table of every sheet then has one shape, and
  // the rules reading a field of each table in turn read it at one place. Added one by one as found,
  // the tables took a dozen shapes, and every read of table.rows or table.kind in the rules searched them.
  const table: DetectedTable = {
    id: `${grid.name}!${rangeAddress(range)}`,
    sheet: grid.name,
    kind,
    kindFrom: from,
    range,
    headerRows: band,
    bodyRows: region.bodyRows,
    noteRows: region.noteRows,
    decimals,
    columns,
    rows: tableRows,
    unreadable,
    title: title || undefined,
    noteTexts: region.noteRows.length ? noteTexts : undefined,
    department: department || undefined,
    year: year || undefined,
    formNumber: region.formNumber ? cleanLabel(region.formNumber) : undefined,
    unit: unit || undefined,
    unitCell: unit && unitCell ? unitCell : undefined,
    roundingDecimals: roundingDecimals !== undefined && roundingDecimals < decimals && coarserGrainPossible(unit) ? roundingDecimals : undefined,
    declaredEmpty: declaredEmpty ? true : undefined,
  };
  return kind === named.kind && named.byForm ? { table, certain, byForm: named.byForm } : { table, certain };
}

/** The body's words say the table is empty (本表无数据 in its one row): its cells' texts read as one. */
function saysEmptyInBody(rows: TableRow[]): boolean {
  const texts: string[] = [];
  for (const r of rows) for (const c of Object.values(r.cells)) texts.push(c.text);
  const body = texts.join('\n');
  return declaresEmpty(body) || saysNothingToShow(body);
}

/** An amount other than zero, told by its exact integer where it has one (no Decimal built for the asking). */
function isNonZero(a: ParsedAmount): boolean {
  if (a.kind !== 'amount') return false;
  return a.units !== undefined ? a.units !== 0 : !a.value.isZero();
}

/** Whole hundreds are the 万元 grain only in a 元 table (or one whose caption was lost). */
function coarserGrainPossible(unit: Unit | undefined): boolean {
  return unit === undefined || unit === '元';
}

/**
 * A table whose caption states no unit, given the reviewer's (settings `unit`): read as if its
 * caption said it, so the rounding grain and the cross-table unit factor follow it.
 */
export function withDefaultUnit(table: DetectedTable, unit: Unit | undefined): DetectedTable {
  if (!unit || table.unit || table.kind === 'narrative') return table;
  const { roundingDecimals, ...rest } = table;
  return { ...rest, unit, ...(roundingDecimals !== undefined && coarserGrainPossible(unit) ? { roundingDecimals } : {}) };
}

/** The first line of a header cell of `row` that is a table's title, the header's label on the lines after it. */
function titleGluedToHeader(grid: SheetGrid, row: number, left: number, right: number): string | undefined {
  for (let c = left; c <= right; c++) {
    const t = grid.text(row, c);
    const nl = t.indexOf('\n');
    if (nl > 0 && nl < t.length - 1 && looksLikeTitle(t.slice(0, nl).trim())) return t.slice(0, nl).trim();
  }
  return undefined;
}

/**
 * The columns that hold something of their own: a label in the header band or a cell in the
 * body. A stray value far to the right (a cell in column XFD) widens the table's range by
 * thousands of columns that hold nothing, and a header label merged across thousands of columns
 * lends its words to each of them; as columns they would be empty amount columns, and every
 * check would go through each (found by the fuzz test: a minute per workbook, or hours).
 */
function withoutBlankColumns(heads: HeaderColumn[], rows: RowInfo[], band: [number, number], body: [number, number]): HeaderColumn[] {
  if (heads.length === 0) return heads;
  // The heads are the columns first..last in order: a flag per column of that span (no set of every cell's column).
  const first = heads[0].col;
  const used = new Uint8Array(heads[heads.length - 1].col - first + 1);
  const inBody = new Uint8Array(used.length);
  // Once every column has shown a cell, in its body too, the rest cannot change the answer: a dense table stops
  // within its first rows (reading every cell of a million-cell body here cost ~30 ms).
  let unseen = used.length;
  let unseenInBody = used.length;
  for (let r = band[0]; r <= body[1] && (unseen > 0 || unseenInBody > 0); r++) {
    const cells = rows[r - 1]?.cells ?? [];
    for (let i = 0; i < cells.length; i++) {
      const at = cells[i].col - first;
      if (at < 0 || at >= used.length) continue;
      if (used[at] === 0) {
        used[at] = 1;
        unseen--;
      }
      if (r >= body[0] && inBody[at] === 0) {
        inBody[at] = 1;
        unseenInBody--;
      }
    }
  }
  const kept = heads.filter((h) => used[h.col - first] === 1);
  // A converter's spacer beside a column of figures (a PDF's header centred over right-aligned figures becomes two grid
  // columns): no figure in its body, under the same header as the column right of it, or over a column holding the
  // figures under none of its own (no header, or the band's upper labels only). The figures' column is the one, under
  // that header.
  const out: HeaderColumn[] = [];
  const holds = (x: HeaderColumn) => inBody[x.col - first] === 1;
  for (let i = 0; i < kept.length; i++) {
    const h = kept[i];
    const next = kept[i + 1];
    // The empty column's header over the figures' column: its own, the band's upper labels only, or none.
    const named = (x: HeaderColumn): HeaderColumn => ({ ...x, path: h.path, ...(h.side ? { side: h.side } : {}) });
    const spacer = h.path.length > 0 && !holds(h);
    const before = out[out.length - 1];
    // (Figures wider than their column printed into the spacer on its left, under no header or the band's upper labels
    // only: that spacer is the column.)
    if (spacer && before && before.col === h.col - 1 && holds(before) && before.path.length < h.path.length && leadsPath(before.path, h.path)) {
      out[out.length - 1] = named(before);
      continue;
    }
    // (Under the same header, or under only the band's upper labels: the lower ones were printed over the spacer.
    // Not where the figures are the next column's, too wide for it, printed short of it: spilledFigures.ts.)
    if (spacer && next && next.col === h.col + 1 && holds(next) && leadsPath(next.path, h.path) && !(kept[i + 2] && spillsLeftInto(rows, body, next, kept[i + 2]))) {
      out.push(named(next));
      i++;
      continue;
    }
    out.push(h);
  }
  return out;
}
