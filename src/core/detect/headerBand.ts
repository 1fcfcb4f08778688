import type { CellRange } from '../snapshot';
import type { SheetGrid } from './sheetGrid';
import type { RowInfo } from './rowClass';
import { cleanLabel, looksLikeCaption } from './labels';

export interface HeaderColumn {
  col: number;
  /** Labels top-down, cleaned, merged labels propagated, repeats collapsed. */
  path: string[];
  side?: 'income' | 'expenditure';
  group?: number;
}

/**
 * Each column's header path. Merged header cells keep their label in the top-left cell
 * only (as in Excel), so the label is propagated here over the merged area; the 栏次 row
 * (column numbers) is not a label, but the 类 | 款 | 项 heading the code columns on it are.
 */
export function headerPaths(grid: SheetGrid, rows: RowInfo[], band: [number, number], left: number, right: number, gluedTitle?: string): HeaderColumn[] {
  const out: HeaderColumn[] = [];
  if (right < left) return out;
  const memo = new Map<number, string>();
  // The band's texts, each row walked once (not searched for each of its columns).
  const bandTexts: string[][] = [];
  for (let r = band[0]; r <= band[1]; r++) bandTexts.push(grid.rowTexts(r, left, right));
  const textAt = (r: number, c: number): string => (c >= left && c <= right ? bandTexts[r - band[0]][c - left] : grid.text(r, c));
  // Each band row's labels along it, then each column's path down them.
  const bandLabels: string[][] = [];
  for (let r = band[0]; r <= band[1]; r++) bandLabels.push(rowLabels(grid, rows, band, r, left, right, bandTexts[r - band[0]], textAt, memo));
  for (let c = left; c <= right; c++) {
    const path: string[] = [];
    for (let j = 0; j < bandLabels.length; j++) {
      const clean = bandLabels[j][c - left];
      // (Asked of an empty path too: path[-1] is no index but a property's name, looked up the slow way.)
      if (clean && (path.length === 0 || path[path.length - 1] !== clean)) path.push(clean);
    }
    // (A title glued into the header's first cell, 2024年单位收支预算表\n收入: no part of the labels under it.)
    if (gluedTitle && path.length && path[0].startsWith(gluedTitle) && path[0].length > gluedTitle.length) path[0] = path[0].slice(gluedTitle.length);
    out.push({ col: c, path });
  }
  assignSides(out);
  return out;
}

/**
 * The labels of band row r in columns left..right (index c − left), cleaned, '' where none: its own
 * text, else the label of the merged area over it (read once for the run of columns under one
 * area: a header's group label spans several), else a label typed once over its columns.
 */
function rowLabels(
  grid: SheetGrid,
  rows: RowInfo[],
  band: [number, number],
  r: number,
  left: number,
  right: number,
  own: string[],
  textAt: (r: number, c: number) => string,
  memo: Map<number, string>,
): string[] {
  const out = new Array<string>(right - left + 1).fill('');
  // The 栏次 row's numbers are no labels, but the 类 | 款 | 项 it may open with are (rowClass.ts).
  if (rows[r - 1].cls === 'column-numbers') {
    for (let c = left; c <= right; c++) {
      const t = own[c - left];
      if (t && CODE_PART.test(cleanLabel(t))) out[c - left] = headerLabel(t);
    }
    return out;
  }
  const merged = grid.rowHasMerges(r);
  let area: CellRange | undefined;
  let areaLabel = '';
  for (let c = left; c <= right; c++) {
    const t = own[c - left];
    if (t) {
      out[c - left] = headerLabel(t);
      continue;
    }
    const m = merged ? grid.merge(r, c) : undefined;
    if (m) {
      // An area opened above the band (a title merged down into it) lends it nothing.
      if (m !== area) {
        area = m;
        const label = m.top >= band[0] ? textAt(m.top, m.left) : '';
        areaLabel = label ? headerLabel(label) : '';
      }
      out[c - left] = areaLabel;
      continue;
    }
    const spanned = spannedLabel(grid, rows, band, r, c, left, memo);
    // (An empty cell under no label is none: no label to clean.)
    if (spanned) out[c - left] = headerLabel(spanned);
  }
  return out;
}

const CODE_PART = /^[类款项]$/;

/**
 * A header cell's label as a path holds it, cleaned; '' for none (empty, 栏次, a caption such as
 * 单位：万元). Worked out per cell, not kept in a map of the labels seen: a merged label is read once
 * for its run of columns (rowLabels), and the map's entries cost more to make than the two scans
 * of a short label's characters they saved.
 */
function headerLabel(label: string): string {
  const clean = cleanLabel(label);
  return clean === '栏次' || looksLikeCaption(clean) ? '' : clean;
}

/** A label of the header band at (r, c): own text or its merged area's. */
function labelAt(grid: SheetGrid, band: [number, number], r: number, c: number): string {
  const own = grid.text(r, c);
  if (own) return own;
  const m = grid.merge(r, c);
  return m && m.top >= band[0] ? grid.text(m.top, m.left) : '';
}

/**
 * A group label typed once over its columns without a merge (基本支出 in the first of its
 * columns, the rest left empty): an empty header cell with labels under it belongs to the
 * nearest label on its left, when every column in between has labels under it too.
 */
function spannedLabel(
  grid: SheetGrid,
  rows: RowInfo[],
  band: [number, number],
  r: number,
  c: number,
  left: number,
  memo: Map<number, string> = new Map(),
): string {
  const key = r * 20000 + c;
  const known = memo.get(key);
  if (known !== undefined) return known;
  const found = findSpannedLabel(grid, rows, band, r, c, left, memo);
  memo.set(key, found);
  return found;
}

/** Groups typed without merges span a few columns, not a whole sheet: look this far left. */
const MAX_SPAN = 64;

function findSpannedLabel(grid: SheetGrid, rows: RowInfo[], band: [number, number], r: number, c: number, left: number, memo: Map<number, string>): string {
  let below = r + 1;
  while (below <= band[1] && rows[below - 1].cls === 'column-numbers') below++;
  if (below > band[1]) return '';
  // The row below may hold spanned labels of its own (基本支出 > 人员经费 > 工资福利支出).
  const under = (k: number): string => labelAt(grid, band, below, k) || (grid.merge(below, k) ? '' : spannedLabel(grid, rows, band, below, k, left, memo));
  if (!under(c)) return '';
  for (let k = c - 1; k >= Math.max(left, c - MAX_SPAN); k--) {
    if (grid.merge(r, k)) return '';
    const label = grid.text(r, k);
    if (!under(k)) return '';
    if (label) return label;
  }
  return '';
}

/**
 * The side a band label names: 收入 / 本年收入 / 财政拨款收入 over the income columns, 支出 /
 * 本年支出 / 财政拨款支出 over the expenditure columns (a label naming both, 收支, names neither).
 */
function sideOf(label: string): 'income' | 'expenditure' | undefined {
  // A side is named by 收入 or 支出 (most columns' top labels name neither).
  if (!/收入|支出/.test(label)) return undefined;
  if (/合计|总计/.test(label)) return undefined;
  const inc = /^(本年|当年|财政拨款|预算)?收入/.test(label);
  const exp = /^(本年|当年|财政拨款|预算)?支出/.test(label);
  if (inc === exp) return undefined;
  return inc ? 'income' : 'expenditure';
}

/** A header that is a side's name alone, heading that side's lines: 收入 / 支出 (项目). */
const SIDE_LINES_LABEL = /^(收入|支出)(?:项目)?$/;

/** Side-by-side tables: the top header label 收入 over the left columns, 支出 over the right. */
function assignSides(cols: HeaderColumn[]): void {
  // The columns under one merged label share its text: its side is told once for the run of them.
  const top: ('income' | 'expenditure' | undefined)[] = new Array(cols.length);
  let label: string | undefined;
  for (let i = 0; i < cols.length; i++) {
    const l = cols[i].path[0] ?? '';
    top[i] = i > 0 && l === label ? top[i - 1] : sideOf(l);
    label = l;
  }
  // Each side lists its own lines: a 项目 / 名称 column under it (a fund table's 本年收入 | 本年支出
  // columns are amounts of one line, not two sides). An amount leaf 项目支出 (本年支出 > 基本支出 |
  // 项目支出 in a 财政拨款收入支出决算总表 by function code) lists no lines.
  const listsLines = (side: 'income' | 'expenditure') =>
    cols.some((c, i) => {
      const leaf = lastOf(c.path);
      return top[i] === side && /项目|名称|科目$/.test(leaf) && !/(?:支出|收入)$/.test(leaf);
    });
  if (top.includes('income') && top.includes('expenditure') && listsLines('income') && listsLines('expenditure')) {
    cols.forEach((c, i) => {
      if (top[i]) c.side = top[i];
    });
    return;
  }
  // One header row naming each side over its own lines (收入 | 金额 | 支出 | 金额, 收 入 | 预算数 | 支 出 | 预算数): the
  // side's first column, amounts after it. (Not 项目 | 收入 | 支出, a fund's two figures of one line: no column between
  // them, and a column of names before them.)
  const named = cols.map((c) => (c.path.length === 1 ? SIDE_LINES_LABEL.exec(c.path[0].replace(/\s+/g, ''))?.[1] : undefined));
  const [inc, exp] = [named.indexOf('收入'), named.indexOf('支出')];
  if (inc === 0 && exp > inc + 1 && named.filter(Boolean).length === 2) {
    cols.forEach((c, i) => (c.side = i < exp ? 'income' : 'expenditure'));
    return;
  }
  // No 收入 / 支出 band: two 项目 columns (项目 金额 项目 金额) still make two sides.
  const items = cols.filter((c) => c.path.length === 1 && c.path[0] === '项目');
  if (items.length === 2) {
    for (const c of cols) {
      if (c.col >= items[1].col) c.side = 'expenditure';
      else if (c.col >= items[0].col) c.side = 'income';
    }
  }
}

/**
 * A path's last label, '' for an empty path: told by its length, since path[-1] is no index but a
 * property's name, looked up along the prototype chain (some 70 ns, where an index costs one).
 */
/** The labels `lead` are the first of `path` (the same path, or its upper labels only, or none). */
export function leadsPath(lead: readonly string[], path: readonly string[]): boolean {
  return lead.length <= path.length && lead.every((label, k) => label === path[k]);
}

export function lastOf(path: readonly string[]): string {
  return path.length === 0 ? '' : path[path.length - 1];
}
