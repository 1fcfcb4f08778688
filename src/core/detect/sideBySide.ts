import type { DetectedTable } from '../table';
import type { SheetGrid, GridCell } from './sheetGrid';
import { blankRow, classifyRow, type RowClass, type RowInfo } from './rowClass';
import { regionsIn, type TableRegion } from './regions';
import { readNarrative } from './narrative';
import { INDICATOR_HEADER } from './labels';
import { isEconCode, isFunctionCode, isGovEconCode } from './codes';

/** Columns left..right of a sheet (inclusive): the whole sheet, or one side of two tables placed side by side. */
export interface ColumnWindow {
  left: number;
  right: number;
}

/**
 * What a part of a sheet holds, top to bottom: table regions and prose. A region read in a part
 * of the sheet (one of two tables side by side) keeps its rows as that part reads them (`local`,
 * rows top..its last row): the same sheet rows read in full are another table's too.
 */
export type Piece =
  | { region: TableRegion; left: number; local?: RowInfo[] }
  | { narrative: DetectedTable; top: number; left: number };

const pieceTop = (p: Piece): number => ('region' in p ? p.region.top : p.top);

/** Two tables beside two more beside… : this many splits deep, no more. */
const MAX_DEPTH = 3;
/** Empty columns tried per region (a table with many empty columns inside is still read in linear time). */
const MAX_TRIES = 4;
/** Rows that open the next thing (its title, unit caption, form number) rather than end this one. */
const OPENS: ReadonlySet<RowClass> = new Set<RowClass>(['blank', 'title', 'caption', 'form-number']);

/**
 * The tables and prose of rows from..to in columns `win` (`rows` holds them as read in that
 * window). Regions are found down the rows (regions.ts); a region with an empty column running
 * through it whose two sides read as tables of their own (or a table and prose) is read side by
 * side instead, each side on its own, and the rows they share are done with.
 *
 * Linear in the cells: the rows of a region are looked at a bounded number of times, and the
 * reading resumes under the side-by-side rows without reading again what came before.
 */
export function readArea(grid: SheetGrid, rows: RowInfo[], from: number, to: number, win: ColumnWindow, depth: number): Piece[] {
  const pieces: Piece[] = [];
  let floor = from;
  // Prose around the tables (a 情况说明 pasted above, between or under them) is a narrative.
  const gap = (a: number, b: number): void => {
    // Prose going on after a table inside it (…具体如下表： | the table | 二、“三公”经费 …) is the same 情况说明: one
    // sentence is enough there, and its paragraphs join the narrative's.
    const before = pieces.find((p): p is Extract<Piece, { narrative: DetectedTable }> => 'narrative' in p);
    // (A row alone is prose when its cell holds paragraphs: a whole 情况说明 kept in one cell.)
    if (b < a || (b === a && !before && !/[\r\n]/.test(rows[a - 1]?.texts[0] ?? ''))) return;
    const narrative = readNarrative(grid, rows.slice(a - 1, b), win.left, before ? 1 : 3);
    if (!narrative) return;
    if (!before) {
      pieces.push({ narrative, top: narrative.range.top, left: win.left });
      return;
    }
    const joined = before.narrative;
    joined.paragraphs = [...(joined.paragraphs ?? []), ...(narrative.paragraphs ?? [])];
    joined.range = { ...joined.range, bottom: narrative.range.bottom, right: Math.max(joined.range.right, narrative.range.right) };
    joined.bodyRows = [joined.bodyRows[0], narrative.bodyRows[1]];
  };
  // The region before: two titles on one row (表1 title | 表2 title, no merge) read as a header of
  // their own make a region of a row or two, which the tables under them take in.
  let previous = from;
  let regions = regionsIn(grid, rows, from, to);
  for (let next = regions.next(); !next.done; next = regions.next()) {
    const region = next.value;
    const beside = depth < MAX_DEPTH ? sideBySide(grid, rows, region, previous, floor, to, win, depth) : undefined;
    if (beside) {
      if (beside.top < floor) while (pieces.length && pieceTop(pieces[pieces.length - 1]) >= beside.top) pieces.pop();
      else gap(floor, beside.top - 1);
      pieces.push(...beside.pieces);
      floor = beside.bottom + 1;
      previous = floor;
      regions = regionsIn(grid, rows, floor, to);
      continue;
    }
    // A "header" of sentences (a paragraph split over two cells: …其中基本支出 2512.11 万元， | 项目支出 609.31 万元。) is prose
    // going on, no table: the rows stay with the narrative around them.
    if (headedByProse(rows, region)) continue;
    gap(floor, region.top - 1);
    // A table inside the 情况说明 ends where the prose goes on under it (二、“三公”经费 / 2025年“三公”经费预算 0.95 万元。):
    // those rows are the narrative's again.
    if (pieces.some((p) => 'narrative' in p)) trimProseTail(rows, region);
    previous = region.top;
    if (depth === 0) pieces.push({ region, left: win.left });
    else {
      const last = Math.max(region.bottom, region.bodyRows[1]);
      const local: RowInfo[] = [];
      for (let r = region.top; r <= last; r++) local.push(r <= to ? rows[r - 1] : blankRow(r));
      pieces.push({ region, left: win.left, local });
    }
    floor = region.bottom + 1;
  }
  gap(floor, to);
  return pieces;
}

/** Columns marked filled while a region is scanned (kept between calls; cleared after each). */
let filledScratch = new Uint8Array(1024);

/**
 * Runs of columns empty in every row of the region (no cell, no merged area over them) with
 * filled columns on both sides: the candidates for the gap between two tables side by side.
 * Once every column between the leftmost and the rightmost filled one is filled (a header row
 * usually fills them all), a row within them is passed over without looking at its cells.
 */
function emptyRuns(grid: SheetGrid, rows: RowInfo[], region: TableRegion): [number, number][] {
  const mergesAnywhere = grid.hasMerges;
  const touched: number[] = [];
  let lo = Infinity;
  let hi = 0;
  const mark = (a: number, b: number): void => {
    if (b >= filledScratch.length) {
      const grown = new Uint8Array(Math.max(b + 1, filledScratch.length * 2));
      grown.set(filledScratch);
      filledScratch = grown;
    }
    for (let c = a; c <= b; c++) {
      if (filledScratch[c]) continue;
      filledScratch[c] = 1;
      touched.push(c);
    }
    if (a < lo) lo = a;
    if (b > hi) hi = b;
  };
  for (let r = region.top; r <= region.bottom; r++) {
    const cells = rows[r - 1]?.cells ?? [];
    if (cells.length === 0) continue;
    const merged = mergesAnywhere && grid.rowHasMerges(r);
    if (touched.length > 0 && touched.length === hi - lo + 1) {
      const last = cells[cells.length - 1].col;
      const m = merged ? grid.merge(r, last) : undefined;
      if (cells[0].col >= lo && (m ? Math.max(m.right, last) : last) <= hi) continue;
    }
    for (const c of cells) {
      const m = merged ? grid.merge(r, c.col) : undefined;
      if (m) mark(m.left, m.right);
      else mark(c.col, c.col);
    }
  }
  const runs: [number, number][] = [];
  if (touched.length !== hi - lo + 1) {
    const cols = [...touched].sort((a, b) => a - b);
    for (let i = 1; i < cols.length && runs.length < MAX_TRIES; i++) if (cols[i] > cols[i - 1] + 1) runs.push([cols[i - 1] + 1, cols[i] - 1]);
  }
  for (const c of touched) filledScratch[c] = 0;
  return runs;
}

/** Row r holds nothing in columns s..e: no cell, and no merged area (even an empty one) over them. */
function emptyAcross(grid: SheetGrid, info: RowInfo, s: number, e: number): boolean {
  if (grid.merge(info.row, s) || grid.merge(info.row, e)) return false;
  for (const c of info.cells) if (c.col >= s && c.col <= e) return false;
  return true;
}

/** The row as one side of the sheet reads it: its cells in the window, classed again when some are left out. */
function within(grid: SheetGrid, info: RowInfo, win: ColumnWindow): RowInfo {
  const cells = info.cells;
  let inside = 0;
  for (const c of cells) if (c.col >= win.left && c.col <= win.right) inside++;
  if (inside === cells.length) return info;
  if (inside === 0) return blankRow(info.row);
  const own: GridCell[] = cells.filter((c) => c.col >= win.left && c.col <= win.right);
  return classifyRow(grid, info.row, own);
}

/**
 * Whether a side may hold a table of its own (a title or form number) or be prose (lines of words
 * in one column), told before reading it: only its rows of words are classed (a body of figures is
 * not), so a table with an empty column inside costs little more than reading it.
 */
function mayStandAlone(grid: SheetGrid, shared: RowInfo[], win: ColumnWindow): boolean {
  let filled = 0;
  let single = 0;
  let wordRows = 0;
  for (const info of shared) {
    let n = 0;
    let words = true;
    for (const c of info.cells) {
      if (c.col < win.left || c.col > win.right) continue;
      n++;
      if (typeof c.raw !== 'string') words = false;
    }
    if (n === 0) continue;
    filled++;
    if (n === 1) single++;
    if (!words) continue;
    wordRows++;
    const cls = within(grid, info, win).cls;
    if (cls === 'title' || cls === 'form-number') return true;
  }
  return wordRows >= 2 && single >= filled * 0.8;
}

const ownTable = (pieces: Piece[]): boolean => pieces.some((p) => 'region' in p && (p.region.titleRow !== undefined || p.region.formNumber !== undefined));
const anyTable = (pieces: Piece[]): boolean => pieces.some((p) => 'region' in p);
const proseOnly = (pieces: Piece[]): boolean => pieces.length > 0 && pieces.every((p) => 'narrative' in p);

/**
 * Two tables side by side, or a table with prose beside it: the region has an empty column
 * (a run of them) from its top to its bottom, and the two sides read on their own each hold a
 * table with its own title (or form number), or one a table and the other prose. The rows they
 * share go up and down from the region as long as the column stays empty (a taller table or the
 * prose beside goes on), less the title and caption that open what fills the column next.
 *
 * One table with an empty column inside stays one table: a spacer between the 收入 and 支出
 * halves of a 收支总表 leaves the right half without a title of its own; an amount column with
 * no figures has its header, and a title or header merged over the column fills it.
 */
function sideBySide(
  grid: SheetGrid,
  rows: RowInfo[],
  region: TableRegion,
  previous: number,
  floor: number,
  to: number,
  win: ColumnWindow,
  depth: number,
): { top: number; bottom: number; pieces: Piece[] } | undefined {
  for (const [s, e] of gapsOrHalves(grid, rows, region, win)) {
    // (s > e: two halves with no column between them, no merged area across their edge.)
    const empty = (r: number): boolean => (s > e ? !crossesEdge(grid, r, e) : emptyAcross(grid, rows[r - 1], s, e));
    // One long table printed in two halves side by side under its title (its header printed again over the second):
    // the title above spans both, so the column between runs empty from the header down only.
    const halves = repeatsHeader(grid, rows, region, win.left, s - 1, e + 1, win.right);
    let clear = true;
    for (let r = halves ? region.headerRows[0] : region.top; r <= region.bottom && clear; r++) clear = empty(r);
    if (!clear) continue;
    // Up over the rows before (and the region before, when the column runs empty through all of it).
    let top = region.top;
    while (top > previous && empty(top - 1)) top--;
    if (top > previous && top < floor) top = floor;
    while (top < region.top && rows[top - 1].cls === 'blank') top++;
    let bottom = region.bottom;
    while (bottom < to && empty(bottom + 1)) bottom++;
    const stopped = bottom < to;
    while (bottom > region.bottom && (rows[bottom - 1].cls === 'blank' || (stopped && OPENS.has(rows[bottom - 1].cls)))) bottom--;

    const shared = rows.slice(top - 1, bottom);
    const leftWin = { left: win.left, right: s - 1 };
    const rightWin = { left: e + 1, right: win.right };
    // Cheap first: each side must have a title of its own or be prose, before reading it.
    // (A box beside a titled table has no title of its own: boxBeside tells it once both are read — where the right side
    // fills at most half the rows the left does.)
    // (A 绩效目标 block beside a table is no part of it, whatever its height.)
    const indicators = !halves && holdsIndicators(shared, rightWin);
    const beside = (): boolean => mayStandAlone(grid, shared, rightWin) || shortBeside(shared, leftWin, rightWin) || indicators;
    if (!halves && (!mayStandAlone(grid, shared, leftWin) || !beside())) continue;
    const leftRows = shared.map((info) => within(grid, info, leftWin));
    const rightRows = shared.map((info) => within(grid, info, rightWin));

    const read = (side: RowInfo[], w: ColumnWindow): Piece[] => {
      for (let r = top; r <= bottom; r++) rows[r - 1] = side[r - top];
      return readArea(grid, rows, top, bottom, w, depth + 1);
    };
    const left = read(leftRows, leftWin);
    const right = read(rightRows, rightWin);
    for (let r = top; r <= bottom; r++) rows[r - 1] = shared[r - top];
    const second = halves ? secondHalf(left, right) : false;
    const box = !second && ownTable(left) && (indicators || boxBeside(leftRows, rightRows, top, left, right));
    const apart = second || (ownTable(left) && ownTable(right)) || (anyTable(left) && proseOnly(right)) || (proseOnly(left) && anyTable(right)) || box;
    // (Read without a title of its own, the right side stands apart only as such a box, or as the table's second half.)
    if (!apart || (!box && !second && !mayStandAlone(grid, shared, rightWin))) continue;
    // Top to bottom, left before right on the same row (the template's order: 表1 | 表2, then 表3 | 表4).
    const pieces: Piece[] = [];
    let i = 0;
    let j = 0;
    while (i < left.length || j < right.length) {
      if (j >= right.length || (i < left.length && pieceTop(left[i]) <= pieceTop(right[j]))) pieces.push(left[i++]);
      else pieces.push(right[j++]);
    }
    return { top, bottom, pieces };
  }
  return undefined;
}

/**
 * Where a region may part in two: the runs of empty columns inside it; else, under a title across a table printed in
 * two halves, the empty columns between them; else, two halves with no column between, the middle of the header band
 * where the band is printed twice (as [s, s - 1]).
 */
function gapsOrHalves(grid: SheetGrid, rows: RowInfo[], region: TableRegion, win: ColumnWindow): [number, number][] {
  const runs = emptyRuns(grid, rows, region);
  if (runs.length > 0 || region.headerRows[0] === region.top) return runs;
  // (Under a title merged across both halves.)
  const under = emptyRuns(grid, rows, { ...region, top: region.headerRows[0] }).filter(([s, e]) => repeatsHeader(grid, rows, region, win.left, s - 1, e + 1, win.right));
  if (under.length > 0) return under;
  let lo = Infinity;
  let hi = 0;
  for (let r = region.headerRows[0]; r <= region.headerRows[1]; r++) {
    const cells = rows[r - 1]?.cells ?? [];
    if (cells.length === 0) continue;
    lo = Math.min(lo, cells[0].col);
    const last = cells[cells.length - 1].col;
    hi = Math.max(hi, grid.merge(r, last)?.right ?? last);
  }
  const width = hi - lo + 1;
  if (!(width >= 6 && width % 2 === 0)) return [];
  const mid = lo + width / 2;
  return repeatsHeader(grid, rows, region, lo, mid - 1, mid, hi) ? [[mid, mid - 1]] : [];
}

/** A merged area on row r runs over the edge between column c and the next. */
function crossesEdge(grid: SheetGrid, r: number, c: number): boolean {
  const m = grid.merge(r, c);
  return m !== undefined && m.right > c;
}

/**
 * The header band reads the same over columns a..b as over c..d: every header row's cells, by their place from
 * each half's first column, hold the same words, and there are at least three of them (a table's header, not a
 * 项目 | 金额 pair twice). Merged areas of the band stay within their half.
 */
function repeatsHeader(grid: SheetGrid, rows: RowInfo[], region: TableRegion, a: number, b: number, c: number, d: number): boolean {
  if (b < a || d < c) return false;
  const band = region.headerRows;
  const first: string[] = [];
  const second: string[] = [];
  let firstLeft = Infinity;
  let secondLeft = Infinity;
  for (let r = band[0]; r <= band[1]; r++) {
    for (const cell of rows[r - 1]?.cells ?? []) {
      if (cell.col >= a && cell.col <= b) firstLeft = Math.min(firstLeft, cell.col);
      else if (cell.col >= c && cell.col <= d) secondLeft = Math.min(secondLeft, cell.col);
    }
  }
  for (let r = band[0]; r <= band[1]; r++) {
    if (crossesEdge(grid, r, b)) return false;
    for (const cell of rows[r - 1]?.cells ?? []) {
      if (!cell.text) continue;
      if (cell.col >= a && cell.col <= b) first.push(`${r}:${cell.col - firstLeft}:${cell.text}`);
      else if (cell.col >= c && cell.col <= d) second.push(`${r}:${cell.col - secondLeft}:${cell.text}`);
    }
  }
  return first.length >= 3 && first.join('|') === second.join('|') && !economicList(rows, region, a, b);
}

/**
 * A list of 经济分类 codes (301…, 50101…) wrapped into groups side by side, 公开06表's, is read by its groups
 * (buildTable's assignGroups), whose checks know each group's 类 and 合计: told by its body's codes, most of them
 * 经济分类 codes rather than 功能分类 ones. (Not by the first code alone: a Henan 05表's body opens with its unit's
 * line, 单位代码 309 | 医疗保障局, under 功能分类 lines 205…, 208….)
 */
function economicList(rows: RowInfo[], region: TableRegion, a: number, b: number): boolean {
  let economic = 0;
  let functional = 0;
  for (let r = region.bodyRows[0]; r <= region.bodyRows[1]; r++) {
    for (const cell of rows[r - 1]?.cells ?? []) {
      if (cell.col < a || cell.col > b) continue;
      const code = cell.text.trim();
      if (isEconCode(code) || isGovEconCode(code)) economic++;
      else if (isFunctionCode(code)) functional++;
    }
  }
  return economic > functional;
}

/**
 * The right side is the second half of the left's one table: one region each, the left's titled, the right's with
 * no title or form number of its own. The second half takes its table's title and form number (one table, one kind).
 */
function secondHalf(left: Piece[], right: Piece[]): boolean {
  const tables = left.filter((p): p is Extract<Piece, { region: TableRegion }> => 'region' in p);
  const halves = right.filter((p): p is Extract<Piece, { region: TableRegion }> => 'region' in p);
  if (tables.length !== 1 || halves.length !== 1 || right.length !== 1) return false;
  const whole = tables[0].region;
  const half = halves[0].region;
  if (whole.titleRow === undefined && whole.formNumber === undefined) return false;
  if (half.titleRow !== undefined || half.formNumber !== undefined) return false;
  half.title = whole.title;
  half.formNumber = whole.formNumber;
  return true;
}

/** A 绩效目标表's indicator header (一级指标 | 二级指标 | 指标值) among the rows, in the window's columns. */
function holdsIndicators(shared: RowInfo[], win: ColumnWindow): boolean {
  for (const info of shared) for (const c of info.cells) if (c.col >= win.left && c.col <= win.right && typeof c.raw === 'string' && INDICATOR_HEADER.test(c.text)) return true;
  return false;
}

/** The right side fills at most half as many of the rows as the left (cells counted, not classed). */
function shortBeside(shared: RowInfo[], leftWin: ColumnWindow, rightWin: ColumnWindow): boolean {
  let left = 0;
  let right = 0;
  for (const info of shared) {
    let l = false;
    let r = false;
    for (const c of info.cells) {
      if (c.col >= leftWin.left && c.col <= leftWin.right) l = true;
      else if (c.col >= rightWin.left && c.col <= rightWin.right) r = true;
    }
    if (l) left++;
    if (r) right++;
  }
  return right > 0 && right * 2 <= left;
}

/** A region whose header rows hold a sentence stating a sum of money (long, punctuated, 2512.11 万元 in it): prose, no header. */
function headedByProse(rows: RowInfo[], region: TableRegion): boolean {
  for (let r = region.headerRows[0]; r <= region.headerRows[1]; r++) {
    for (const t of rows[r - 1]?.texts ?? []) if (t.length >= 20 && PROSE_PUNCTUATION.test(t) && STATED_SUM.test(t)) return true;
  }
  return false;
}
const PROSE_PUNCTUATION = /[。，；]/;
const MONEY_WORDS = /万元|预算|决算|支出|收入/;
/** A sum of money stated (2512.11 万元): a header names a column, it never states a figure (公用经费（含商品和服务支出，资本性支出） is a header). */
const STATED_SUM = /\d[\d,，.．]*\s*(?:万元|亿元|元)/;

/**
 * A box put beside a titled table (人员编制 | 实有人数, 联系人 | 联系电话, a 政府采购 list), no title of its own: one
 * region, at most half as many body rows as the table's, whose header speaks of no money, or of money in words of its
 * own. (The 支出 half of a 收支总表 beside its 收入 half, a spacer between, names its side; the short last group of a
 * list wrapped into groups repeats the table's header words; a 三公 box of 费 columns beside a table shares its 合计:
 * each stays the table's.)
 */
function boxBeside(leftRows: RowInfo[], rightRows: RowInfo[], top: number, left: Piece[], right: Piece[]): boolean {
  const regions = right.filter((p): p is Extract<Piece, { region: TableRegion }> => 'region' in p);
  const tables = left.filter((p): p is Extract<Piece, { region: TableRegion }> => 'region' in p);
  if (regions.length !== 1 || right.length !== 1 || tables.length === 0) return false;
  const box = regions[0].region;
  const table = tables[0].region;
  if (box.titleRow !== undefined || box.formNumber !== undefined) return false;
  const height = (r: TableRegion) => r.bodyRows[1] - r.bodyRows[0] + 1;
  if (height(box) * 2 > height(table)) return false;
  // (The box's own words: the rows as its side reads them, from the shared rows' first.)
  const words: string[] = [];
  for (let r = box.headerRows[0]; r <= box.headerRows[1]; r++) words.push(...(rightRows[r - top]?.texts ?? []));
  if (!words.some((t) => MONEY_HEADER.test(t))) return true;
  const tableWords = new Set<string>();
  for (let r = table.headerRows[0]; r <= table.headerRows[1]; r++) for (const t of leftRows[r - top]?.texts ?? []) tableWords.add(t);
  return !words.some((t) => SIDE_WORD.test(t) || tableWords.has(t));
}
const MONEY_HEADER = /收入|支出|金额|预算|决算|资金|拨款|经费|费|万元|元/;
const SIDE_WORD = /收入|支出/;

/** A row of prose: one cell of a sentence about the money (no 注：, a table's own note), or a numbered heading alone. */
function isProseLine(info: RowInfo | undefined): boolean {
  if (!info || info.texts.length !== 1 || info.cells.length !== 1) return false;
  const t = info.texts[0];
  if (/^\s*[(（]?\s*注/.test(t)) return false;
  return (t.length >= 10 && PROSE_PUNCTUATION.test(t) && MONEY_WORDS.test(t)) || (t.length <= 30 && SECTION_HEADING.test(t));
}
const SECTION_HEADING = /^[\s\u3000]*(?:[一二三四五六七八九十]{1,3}[、.．]|[(（][一二三四五六七八九十]{1,3}[)）])/;

/** The region without the prose rows it took in at its foot (the body's last rows down to the first that is none). */
function trimProseTail(rows: RowInfo[], region: TableRegion): void {
  let last = region.bottom;
  while (last > region.bodyRows[0] && (rows[last - 1]?.cls === 'blank' || isProseLine(rows[last - 1]))) last--;
  if (last === region.bottom) return;
  // Only where the prose plainly goes on: a section's heading, or two sentences (one line alone under a table may be its own).
  let headings = 0;
  let sentences = 0;
  for (let r = last + 1; r <= region.bottom; r++) {
    const t = rows[r - 1]?.texts[0];
    if (!t) continue;
    if (SECTION_HEADING.test(t) && t.length <= 30) headings++;
    else sentences++;
  }
  if (headings === 0 && sentences < 2) return;
  region.bottom = last;
  region.bodyRows = [region.bodyRows[0], Math.min(region.bodyRows[1], last)];
  region.noteRows = region.noteRows.filter((r) => r <= last);
}
