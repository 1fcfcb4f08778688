import type { DetectedTable, TableColumn } from '../../table';
import { amountColumns, cleanLabel } from './tableAccess';
import { withoutUnitMark } from '../../detect/labels';
import { patternKey, perTable, perTableBy } from './tableMemo';
import { headedBy, labelYear, ownFigureColumns } from './yearColumns';
import { lastItem } from './lastItem';

/**
 * The header hierarchy of a table's amount columns, read from each column's header path:
 * a header with children is the sum of them. 基本支出 > 人员经费 > 工资福利支出 …
 *
 * - A group's total is its child leaf labelled 合计 / 小计 / 总计 (or …合计: 本年支出合计,
 *   “三公”经费合计); the group's other children are its parts.
 * - A child group is represented by its own total column, or, lacking one, by all its
 *   leaves (05表: 基本支出小计 = 工资福利 + 对个人和家庭的补助 + 商品和服务 + 资本性).
 * - 其中 columns are a part of their sibling, never a summed part.
 * - A group whose own label is a total (收入表's 合计 group split by fund) is another
 *   breakdown of the same total: checked on its own, not added to the others.
 */

export interface HeaderNode {
  label: string;
  path: string[];
  /** The column when this node is a leaf. */
  column?: TableColumn;
  children: HeaderNode[];
}

export interface ColumnRelation {
  total: TableColumn;
  parts: TableColumn[];
  /** The group's path ([] at top level). */
  group: string[];
  /**
   * Where the header leaves open which columns the total adds (a flat level with several totals: flatTotals), the
   * readings it may have, `parts` the first: the rows' figures choose (rowSum.ts), and none where none holds.
   */
  readings?: TableColumn[][];
}

/** A header that totals its group: 合计 / 小计 / 总计, or a label ending in 合计 / 总计 (rows use detect's isTotalLabel). */
export function isTotalHeader(label: string): boolean {
  // Cleaning only drops spaces and folds brackets: a label without 计 is none, uncleaned.
  if (!label.includes('计')) return false;
  // (本年支出合计（万元）: the unit written in the header is no part of its name.)
  const l = withoutUnitMark(cleanLabel(label));
  return /^(合计|小计|总计)$/.test(l) || /(合计|总计)$/.test(l);
}

export function isOfWhich(label: string): boolean {
  // (授予中小企业合同金额 beside a procurement table's 合计 | 货物 | 工程 | 服务: a part of the 合计, never a fourth kind.)
  return (label.includes('其') && /^其中/.test(cleanLabel(label))) || (label.includes('企业') && SME_SHARE.test(cleanLabel(label)));
}

const SME_SHARE = /^(?:其中[:：]?)?授予(?:中小|小微)企业/;

/** Headers that only say "the amount" (金额, 决算数, 预算数) add no level. */
function meaningfulPath(c: TableColumn): string[] {
  // (One list, not a mapped one and a filtered copy: a path is read for every column of every tree built.)
  const p: string[] = [];
  for (let i = 0; i < c.headerPath.length; i++) {
    const l = cleanLabel(c.headerPath[i]);
    if (l !== '') p.push(l);
  }
  // A one-label path of "amount" words is still a leaf; drop such words only above a real label.
  return p;
}

export function buildHeaderTree(columns: TableColumn[]): HeaderNode {
  const root: HeaderNode = { label: '', path: [], column: undefined, children: [] };
  // (Most callers give the columns in order already, amountColumns' own list: not copied and sorted again.)
  const ordered = inColumnOrder(columns) ? columns : [...columns].sort((a, b) => a.col - b.col);
  for (const c of ordered) {
    const path = meaningfulPath(c);
    if (path.length === 0) continue;
    let node = root;
    for (let i = 0; i < path.length; i++) {
      // Merged labels repeat consecutively; a sibling with the same label is the same group
      // only while the columns stay adjacent in the tree (last child).
      // (A new node's children are empty: lastItem, not [-1], which is a property lookup.)
      const last = lastItem(node.children);
      let next = last && last.label === path[i] && !last.column ? last : undefined;
      if (!next && last?.column && last.label === path[i] && i < path.length - 1) {
        // A vertically merged header (基本支出 over its own column) followed by its
        // sub-columns: the first column is the group's total.
        const total: HeaderNode = { label: '合计', path: [...last.path, '合计'], column: last.column, children: [] };
        // (Set to undefined, not deleted: every node keeps one shape, which the walks below read fast.)
        last.column = undefined;
        last.children.push(total);
        next = last;
      }
      if (i === path.length - 1) {
        // A leaf's path is the column's whole path (a list of its own, made above).
        next = { label: path[i], path, column: c, children: [] };
        node.children.push(next);
      } else if (!next) {
        next = { label: path[i], path: path.slice(0, i + 1), column: undefined, children: [] };
        node.children.push(next);
      }
      node = next;
    }
  }
  return root;
}

/**
 * A flat row of headers with a total for each side (收入合计 | 一般公共预算 | 事业收入 | 支出合计 | 基本支出 |
 * 项目支出, a summary by unit printed without its 收入 / 支出 band): each side's total heads the columns after
 * it up to the next total — never one total over both sides' parts. Undefined unless the level's totals
 * name 收入 and 支出 both, each followed by its parts.
 */
function sideSegments(node: HeaderNode): ColumnRelation[] | undefined {
  const totals = node.children.filter((c) => c.column && isTotalHeader(c.label));
  if (totals.length < 2 || !totals.some((c) => c.label.includes('收入')) || !totals.some((c) => c.label.includes('支出'))) return undefined;
  if (node.children[0] !== totals[0]) return undefined;
  const out: ColumnRelation[] = [];
  let current: ColumnRelation | undefined;
  for (const c of node.children) {
    if (c.column && isTotalHeader(c.label)) {
      if (current && current.parts.length === 0) return undefined;
      out.push((current = { total: c.column, parts: [], group: node.path }));
    } else if (!isOfWhich(c.label) && current) current.parts.push(...representatives(c));
  }
  return current && current.parts.length > 0 ? out : undefined;
}

/**
 * A flat level of columns with several totals among its parts — 人员经费 | 公用经费 | 基本支出小计 | 项目支出 | 合计, a payroll's
 * 岗位工资 | 薪级工资 | 应发合计 | 养老保险 | 医疗保险 | 扣款合计 | 实发工资: the header does not say which columns each
 * total adds (a 小计 after its parts, or before them; the last 合计 over the 小计 or beside it), and reading the first
 * total as the sum of every other column made a wall of errors of a sound table. Each total gets its readings, the
 * figures to choose (rowSum.ts): the level's other columns (as a level with one total is read), the columns since the
 * total before it, those with the totals before it standing for theirs, the columns up to the next total.
 * Undefined where the level has one total (read as before).
 */
function flatTotals(node: HeaderNode): ColumnRelation[] | undefined {
  // (基本支出小计, 应发小计: a total of some of the level's columns, as a 小计 alone is.)
  const totalLike = (c: HeaderNode) => isTotalHeader(c.label) || (c.label.includes('小计') && /小计$/.test(withoutUnitMark(cleanLabel(c.label))));
  const totals = node.children.filter((c) => c.column && totalLike(c));
  if (totals.length < 2) return undefined;
  const first = totals[0];
  // (Neither a total, a 其中 column, another breakdown of the same money nor a column of another year is a part.)
  const parts = (c: HeaderNode) => (totalLike(c) || isOfWhich(c.label) || otherYearThan(c.label, first.label) ? [] : representatives(c));
  const out: ColumnRelation[] = [];
  const at = totals.map((t) => node.children.indexOf(t));
  totals.forEach((t, i) => {
    const between = (from: number, to: number) => node.children.slice(from, to).flatMap(parts);
    // (Every other column only for the first total, as a level with one total is read.)
    const every = i === 0 ? node.children.flatMap(parts) : [];
    const since = between(i > 0 ? at[i - 1] + 1 : 0, at[i]);
    // (The totals before it with nothing after them are no reading: 本年收入合计 = 总计 alone holds wherever 上年结转 is empty.)
    const withTotals = i > 0 && since.length > 0 ? [...totals.slice(0, i).map((x) => x.column!), ...since] : [];
    const upToNext = between(at[i] + 1, i + 1 < at.length ? at[i + 1] : node.children.length);
    const readings: TableColumn[][] = [];
    for (const r of [every, since, withTotals, upToNext]) if (r.length > 0 && !readings.some((x) => sameColumns(x, r))) readings.push(r);
    if (readings.length > 0) out.push({ total: t.column!, parts: readings[0], group: node.path, readings });
  });
  return out;
}

function sameColumns(a: TableColumn[], b: TableColumn[]): boolean {
  return a.length === b.length && a.every((c, i) => c === b[i]);
}

/** A label of the year before or of the change where the total's is neither (上年预算数 beside 合计). */
function otherYearThan(label: string, totalLabel: string): boolean {
  const year = labelYear(label, undefined);
  return (year === 'previous' || year === 'change') && labelYear(totalLabel, undefined) !== year;
}

function inColumnOrder(columns: TableColumn[]): boolean {
  for (let i = 1; i < columns.length; i++) if (columns[i].col < columns[i - 1].col) return false;
  return true;
}

function totalChild(node: HeaderNode): HeaderNode | undefined {
  return node.children.find((c) => c.column && isTotalHeader(c.label));
}

/** The columns that stand for a node in a sum: its column, its total, or all its leaves. */
export function representatives(node: HeaderNode): TableColumn[] {
  if (node.column) return [node.column];
  const t = totalChild(node);
  if (t?.column) return [t.column];
  const out: TableColumn[] = [];
  for (const c of node.children) {
    if (isOfWhich(c.label)) continue;
    if (!c.column && isTotalHeader(c.label)) continue; // another breakdown of the same money
    out.push(...representatives(c));
  }
  return out;
}

export function columnRelations(root: HeaderNode): ColumnRelation[] {
  const out: ColumnRelation[] = [];
  const visit = (node: HeaderNode) => {
    const t = totalChild(node);
    const sides = t?.column ? sideSegments(node) : undefined;
    const flat = !sides && t?.column ? flatTotals(node) : undefined;
    if (sides) {
      out.push(...sides);
    } else if (flat) {
      out.push(...flat);
    } else if (t?.column) {
      const parts: TableColumn[] = [];
      for (const c of node.children) {
        if (c === t || isOfWhich(c.label)) continue;
        if (!c.column && isTotalHeader(c.label)) {
          const alt = representatives(c);
          if (alt.length > 0) out.push({ total: t.column, parts: alt, group: c.path });
          continue;
        }
        if (c.column && isTotalHeader(c.label)) continue; // a second total column: not a part
        // A column of the year before or of the change beside this year's (… | 项目支出 | 上年预算数 | 增减): no part of
        // this year's total, whatever its place.
        if (otherYearThan(c.label, t.label)) continue;
        parts.push(...representatives(c));
      }
      if (parts.length > 0) out.push({ total: t.column, parts, group: node.path });
    }
    for (const c of node.children) if (!c.column) visit(c);
  };
  visit(root);
  return out;
}

/** Column groups that are separate sub-tables: by side (收支总表) and by `group` (公开06表). */
export function columnBlocks(table: DetectedTable): TableColumn[][] {
  return perTable(table, 'columnBlocks', () => readColumnBlocks(table));
}

function readColumnBlocks(table: DetectedTable): TableColumn[][] {
  const cols = amountColumns(table);
  const blocks = new Map<string, TableColumn[]>();
  for (const c of cols) {
    const key = `${c.side ?? ''}|${c.group ?? ''}`;
    const b = blocks.get(key) ?? [];
    b.push(c);
    blocks.set(key, b);
  }
  return [...blocks.values()];
}

/**
 * Each column block's header tree, in columnBlocks' order: the row sums and the 其中 columns read
 * the same blocks' trees, built once.
 */
export function blockTrees(table: DetectedTable): HeaderNode[] {
  return perTable(table, 'blockTrees', () => columnBlocks(table).map((block) => treeOf(table, block)));
}

/**
 * The header tree of all a table's amount columns, built once: most tables are one block of columns
 * of one year, so the block trees, this year's tree and the income sources' tree are all this one.
 * (Trees are shared as every view is: read, never changed.)
 */
export function wholeTree(table: DetectedTable): HeaderNode {
  return perTable(table, 'wholeTree', () => buildHeaderTree(amountColumns(table)));
}

/** The tree of some of a table's amount columns: the whole tree where they are all of them. */
function treeOf(table: DetectedTable, cols: TableColumn[]): HeaderNode {
  // (The columns given are always among the amount columns: as many is all of them.)
  return cols.length === amountColumns(table).length ? wholeTree(table) : buildHeaderTree(cols);
}

/**
 * The columns of the quantity a label names (基本支出, 人员经费, 项目支出, 一般公共预算),
 * searched top-down so the highest matching header wins; [] when absent.
 */
export function quantityColumns(table: DetectedTable, matcher: RegExp, side?: 'income' | 'expenditure'): TableColumn[] {
  const byPattern = perTableBy(table, 'quantityColumns', side, () => new Map<string, TableColumn[]>());
  const key = patternKey(matcher);
  let cols = byPattern.get(key);
  if (!cols) byPattern.set(key, (cols = findQuantityColumns(table, matcher, side)));
  return cols;
}

function findQuantityColumns(table: DetectedTable, matcher: RegExp, side?: 'income' | 'expenditure'): TableColumn[] {
  let level: HeaderNode[] = thisYearTree(table, side).children;
  while (level.length > 0) {
    const hit = level.find((n) => matcher.test(n.label) && !isOfWhich(n.label));
    if (hit) return representatives(hit);
    // (A loop, not flatMap: V8's flatMap costs more than the few nodes it gathers.)
    const below: HeaderNode[] = [];
    for (const n of level) for (const c of n.children) below.push(c);
    level = below;
  }
  return [];
}

/** The header tree of this year's amount columns (of one side): every quantity is looked for in it. */
function thisYearTree(table: DetectedTable, side?: 'income' | 'expenditure'): HeaderNode {
  return perTableBy(table, 'thisYearTree', side, () =>
    // This year's quantity: the year before's 基本支出 (上年预算数 > 基本支出) is not it.
    treeOf(table, ownFigureColumns(table, sideColumns(table, side))),
  );
}

const CODED_KINDS = new Set<DetectedTable['kind']>(['expenditure', 'general-budget-expenditure', 'fiscal-appropriation-expenditure', 'gov-fund-expenditure', 'state-capital-expenditure']);
const YEAR_SPENDING = /^本年支出(?:合计|小计)?$/;
const CARRY_OR_INCOME = /^(?:年初|年末|上年|本年末)?结转(?:和|及)?结余$|^本年收入(?:合计|小计)?$/;

/** The amount columns of one side (all of them without a side): those of a side-less column included. */
function sideColumns(table: DetectedTable, side?: 'income' | 'expenditure'): TableColumn[] {
  return amountColumns(table).filter((c) => !side || !c.side || c.side === side);
}

/**
 * The table's grand-total column: a top-level total leaf, else the first amount column; of this
 * year's columns (2024年预算数 | 2025年预算数 > 合计 in a 2025 budget: the 2025 合计), a heading
 * left alone when the year before's and the changes are set aside read as the top level.
 */
export function grandTotalColumn(table: DetectedTable, side?: 'income' | 'expenditure'): TableColumn | undefined {
  return perTableBy(table, 'grandTotalColumn', side, () => findGrandTotalColumn(table, side));
}

/**
 * A coded table printed as a fund's (年初结转和结余 | 本年收入 | 本年支出 | 年末结转和结余): its own figure is what
 * was spent, the 本年支出 group, not the carry-over first; its other quantities stay where they are (the fund rule
 * reads its 本年收入).
 */
function yearSpendingColumns(table: DetectedTable, cols: TableColumn[]): TableColumn[] | undefined {
  if (!CODED_KINDS.has(table.kind)) return undefined;
  const spending = cols.filter((c) => headedBy(c, YEAR_SPENDING));
  return spending.length > 0 && spending.length < cols.length && cols.every((c) => spending.includes(c) || headedBy(c, CARRY_OR_INCOME)) ? spending : undefined;
}

function findGrandTotalColumn(table: DetectedTable, side?: 'income' | 'expenditure'): TableColumn | undefined {
  const spending = yearSpendingColumns(table, amountColumns(table));
  // The tree every quantity of this side is looked for in: the same columns, built once.
  const root = spending ? treeOf(table, spending) : thisYearTree(table, side);
  const direct = (n: HeaderNode): TableColumn | undefined => {
    const t = totalChild(n);
    if (t?.column) return t.column;
    if (n.children.length === 1 && !n.children[0].column) return direct(n.children[0]);
    return undefined;
  };
  return direct(root) ?? (spending ?? ownFigureColumns(table, sideColumns(table, side)))[0];
}
