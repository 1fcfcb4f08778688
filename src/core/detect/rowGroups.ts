import Decimal from 'decimal.js';
import { compareValues, roundingBand } from '../rounding';
import type { TableRow } from '../table';
import { cleanLabel, foldLabel } from './labels';

/**
 * Two readings of rows that words alone do not settle, read from numbering and, where numbering
 * cannot tell, from the figures (one pass over the rows each, linear):
 *
 * - the line after 其中：X (其中：公务用车购置费 / 公务用车运行费, 车辆 / 其中：一般公务用车 / 执法执勤用车):
 *   one more 其中 line of the same parent, or the next item of the list (ofWhichSiblings);
 * - a category heading carrying its group's subtotal (其他运转类 in 项目类别 over its projects in
 *   项目名称, 一、其他运转类 over unnumbered projects): the 小计 of the rows under it (groupHeadings).
 */

/** A line's numbering: its level (一、 1, （一） 2, 1. 3, （1） 4, ① 5) and its number. */
export interface Numbering {
  level: 1 | 2 | 3 | 4 | 5;
  n: number;
}

const CN = '一二三四五六七八九';

function chineseNumber(s: string): number | undefined {
  if (/^[一二三四五六七八九]$/.test(s)) return CN.indexOf(s) + 1;
  const m = /^([二三四五六七八九]?)十([一二三四五六七八九]?)$/.exec(s);
  if (!m) return undefined;
  return (m[1] ? CN.indexOf(m[1]) + 1 : 1) * 10 + (m[2] ? CN.indexOf(m[2]) + 1 : 0);
}

export function numberingOf(label: string): Numbering | undefined {
  const l = foldLabel(label);
  let m = /^([一二三四五六七八九十]{1,3})[、.]/.exec(l);
  if (m) {
    const n = chineseNumber(m[1]);
    return n === undefined ? undefined : { level: 1, n };
  }
  m = /^\(([一二三四五六七八九十]{1,3})\)/.exec(l);
  if (m) {
    const n = chineseNumber(m[1]);
    return n === undefined ? undefined : { level: 2, n };
  }
  m = /^(\d{1,2})[.、](?!\d)/.exec(l);
  if (m) return { level: 3, n: Number(m[1]) };
  m = /^\((\d{1,2})\)/.exec(l);
  if (m) return { level: 4, n: Number(m[1]) };
  m = /^[\u2460-\u2473]/.exec(l);
  if (m) return { level: 5, n: l.charCodeAt(0) - 0x2460 + 1 };
  return undefined;
}

function hasCode(r: TableRow): boolean {
  return !!(r.functionCode || r.econCode || r.govEconCode);
}

const ZERO = new Decimal(0);

/** The row's figure in the column: its amount, 0 when empty or a zero mark; undefined when unreadable. */
function figure(r: TableRow, col: number): Decimal | undefined {
  const a = r.cells[col]?.amount;
  if (!a || a.kind === 'empty' || a.kind === 'not-amount') return ZERO;
  return a.kind === 'amount' ? a.value : undefined;
}

function hasFigures(r: TableRow, cols: number[]): boolean {
  return cols.some((c) => r.cells[c]?.amount.kind === 'amount');
}

interface OfWhichBlock {
  parent: TableRow;
  parentNumbering?: Numbering;
  members: TableRow[];
  /** The numbering of the last 其中 line, when it has one (其中：（1）… → （1）). */
  last?: Numbering;
  /** The members' sum in each amount column, kept as they come (a block is never added up again). */
  sums: Decimal[];
  /** Whether a member's figure is unreadable, by column. */
  unreadable: boolean[];
}

function openBlock(parent: TableRow, first: TableRow, cols: number[]): OfWhichBlock {
  const b: OfWhichBlock = {
    parent,
    parentNumbering: numberingOf(parent.label),
    members: [],
    last: numberingOf(first.label.replace(/^其中[:：]?/, '')),
    sums: cols.map(() => ZERO),
    unreadable: cols.map(() => false),
  };
  join(b, first, cols);
  return b;
}

function join(b: OfWhichBlock, r: TableRow, cols: number[]): void {
  b.members.push(r);
  cols.forEach((col, i) => {
    const v = figure(r, col);
    if (v) b.sums[i] = b.sums[i].plus(v);
    else b.unreadable[i] = true;
  });
}

/**
 * How the block with `r` fits its parent in every amount column where any of them has a figure:
 * 'equal' (Σ = parent within the rounding band), 'within' (Σ ≤ parent, where no figure is
 * negative), 'bad', or 'empty' when `r` has no figure other than zero (nothing to decide by).
 */
function fitWith(b: OfWhichBlock, r: TableRow, cols: number[], decimals: number): 'equal' | 'within' | 'bad' | 'empty' {
  if (!hasFigures(r, cols)) return 'empty';
  let counted = false;
  let equal = true;
  let within = true;
  for (let i = 0; i < cols.length; i++) {
    const stated = figure(b.parent, cols[i]);
    const own = figure(r, cols[i]);
    if (!stated || !own || b.unreadable[i]) return 'bad';
    if (!own.isZero()) counted = true;
    const sum = b.sums[i].plus(own);
    if (stated.isZero() && sum.isZero()) continue;
    const cmp = compareValues(stated, sum, b.members.length + 1, decimals);
    if (cmp.consistent) continue;
    equal = false;
    if (cmp.difference.isNegative() || stated.isNegative() || own.isNegative() || b.sums[i].isNegative()) within = false;
  }
  if (!counted) return 'empty';
  return equal ? 'equal' : within ? 'within' : 'bad';
}

/**
 * The line after a 其中 block (其中：X, and the lines already read as its siblings), when no indent
 * made it one: one more 其中 line when its numbering continues the 其中's own ((1) → (2), or 1. → 2.
 * a level deeper than the parent's numbering); the next item when it is numbered otherwise. With no
 * numbering to tell (none, or one that continues both lists), the figures are read: X + it = the
 * parent, or ≤ the parent where the parent is numbered and it is not, makes it likely a 其中 line
 * (role of-which, `ofWhichGuess` likely); otherwise it stays an item, doubtfully (`ofWhichGuess`
 * doubtful). The column totals take the other reading where only that one adds up, and say nothing
 * where neither does (columnTotal.ts).
 */
export function ofWhichSiblings(rows: TableRow[], amountCols: number[], decimals: number): void {
  let block: OfWhichBlock | undefined;
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    if (r.role === 'of-which') {
      const prev = rows[i - 1];
      if (block && prev && block.members[block.members.length - 1] === prev) {
        join(block, r, amountCols);
        const own = numberingOf(r.label.replace(/^其中[:：]?/, ''));
        if (own && block.last && own.level === block.last.level) block.last = own;
      } else if (/^其中/.test(r.label) && prev && (prev.role === 'detail' || prev.role === 'subtotal') && !hasCode(prev)) {
        block = openBlock(prev, r, amountCols);
      } else block = undefined;
      continue;
    }
    const b = block;
    block = undefined;
    if (!b || r.role !== 'detail' || hasCode(r) || !r.label) continue;
    const own = numberingOf(r.label);
    const continues = !!own && !!b.last && own.level === b.last.level && own.n === b.last.n + 1;
    // Numbered on its own (the parent's next number, another list): an item of the list.
    if (own && !continues) continue;
    const parentsToo = !!own && !!b.parentNumbering && own.level === b.parentNumbering.level && own.n === b.parentNumbering.n + 1;
    if (continues && !parentsToo && (!b.parentNumbering || own!.level > b.parentNumbering.level)) {
      r.role = 'of-which';
      join(b, r, amountCols);
      b.last = own;
      block = b;
      continue;
    }
    const fit = fitWith(b, r, amountCols, decimals);
    if (fit === 'empty') continue;
    const likely = fit === 'equal' || (fit === 'within' && !!b.parentNumbering);
    r.ofWhichGuess = { parent: b.parent.row, reading: likely ? 'likely' : 'doubtful' };
    if (!likely) continue;
    r.role = 'of-which';
    join(b, r, amountCols);
    if (own) b.last = own;
    // Lines that make up the parent whole close the block: the next line is the list's again.
    if (fit === 'within') block = b;
  }
}

/**
 * Category headings carrying their group's subtotal: a row named in an outer name column (项目类别)
 * over rows named only in an inner one (项目名称), or numbered at a higher level (一、其他运转类) than
 * the rows under it. Each becomes the 小计 of the rows under it up to the next heading (role
 * subtotal), so the total is the sum of the headings and each heading the sum of its rows. Only where
 * every line is a heading or an item, the first line a heading, every heading has figures, and the
 * figures agree: the total, when there is one, adds up over the headings or else not over every line,
 * and at least half of the groups add up (one wrong figure is still a group heading's slip to name).
 */
export function groupHeadings(rows: TableRow[], labelCols: number[], amountCols: number[], decimals: number, indent?: (r: TableRow) => number): void {
  if (amountCols.length === 0) return;
  // The first line must be a heading (named in the outer column, numbered 一、, or flush left over indented
  // lines): most tables stop here, before their rows are gathered.
  const first = rows.find((r) => r.role === 'detail');
  if (!first) return;
  const outerNamed = labelCols.length >= 2 && cleanLabel(first.cells[labelCols[0]]?.text ?? '') !== '';
  const second = indent && !outerNamed && !numberingOf(first.label) ? rows[rows.indexOf(first) + 1] : undefined;
  const byIndent = !!second && second.role === 'detail' && indent!(second) > indent!(first);
  if (!outerNamed && !numberingOf(first.label) && !byIndent) return;
  const lines: TableRow[] = [];
  for (const r of rows) {
    if (r.role === 'subtotal' || r.role === 'unit' || r.ofWhichGuess) return;
    if (r.role === 'detail') lines.push(r);
  }
  if (lines.length < 2) return;
  const heads = headsByColumn(lines, labelCols) ?? headsByNumbering(lines) ?? (byIndent ? headsByIndent(lines, indent!) : undefined);
  if (!heads || heads.size === lines.length || !heads.has(lines[0])) return;
  for (const h of heads) if (!hasFigures(h, amountCols)) return;
  // The groups: each heading with the lines under it.
  const groups: Array<{ head: TableRow; items: TableRow[] }> = [];
  for (const r of lines) {
    if (heads.has(r)) groups.push({ head: r, items: [] });
    else groups[groups.length - 1].items.push(r);
  }
  const adds = (stated: TableRow, parts: TableRow[]) => addsUp(stated, parts, amountCols, decimals);
  // A group adds up where it does in at least half the columns it shows a figure in: one slip in a
  // column (预算数 | 决算数, the 预算数 of one line off) is that column's to name, not a reason to read every
  // line as an item and call the right column wrong too.
  const mostly = (stated: TableRow, parts: TableRow[]) => {
    const shown = amountCols.filter((c) => stated.cells[c]?.amount.kind === 'amount');
    return shown.length > 0 && shown.filter((c) => addsUpIn(c, stated, parts, decimals)).length * 2 >= shown.length;
  };
  const withItems = groups.filter((g) => g.items.length > 0);
  if (withItems.filter((g) => mostly(g.head, g.items)).length * 2 < withItems.length) return;
  const total = rows.find((r) => r.role === 'total');
  if (total && !adds(total, [...heads]) && adds(total, lines)) return;
  for (const h of heads) h.role = 'subtotal';
}

/**
 * The stated row is, in every amount column, the sum of the parts within their rounding: what
 * compareWithSum calls consistent, without the intervals and difference it lays out for a message.
 */
function addsUp(stated: TableRow, parts: TableRow[], amountCols: number[], decimals: number): boolean {
  for (const col of amountCols) if (!addsUpIn(col, stated, parts, decimals)) return false;
  return true;
}

/** The stated row is the sum of the parts in this column, within their rounding (an unreadable figure: not). */
function addsUpIn(col: number, stated: TableRow, parts: TableRow[], decimals: number): boolean {
  const s = figure(stated, col);
  if (!s) return false;
  let sum = ZERO;
  for (const p of parts) {
    const v = figure(p, col);
    if (!v) return false;
    sum = sum.plus(v);
  }
  return s.minus(sum).abs().lte(roundingBand(parts.length, decimals).tolerance);
}

/** Headings named in the first name column, the lines under them only in a later one. */
function headsByColumn(lines: TableRow[], labelCols: number[]): Set<TableRow> | undefined {
  if (labelCols.length < 2) return undefined;
  const [outer, ...inner] = labelCols;
  const text = (r: TableRow, col: number) => cleanLabel(r.cells[col]?.text ?? '');
  const heads = new Set<TableRow>();
  if (text(lines[0], outer) === '') return undefined;
  for (const r of lines) {
    const named = text(r, outer) !== '' && !/^\d+$/.test(text(r, outer));
    const under = inner.some((c) => text(r, c) !== '');
    if (named && !under) heads.add(r);
    else if (named || !under) return undefined;
  }
  return heads;
}

/**
 * Headings flush left, each over lines indented deeper (一级项目 over its 二级项目: 医疗保障管理事务 / (indented) 医保基金监管
 * 工作经费 …): every line is one or the other, every heading has lines under it.
 */
function headsByIndent(lines: TableRow[], indent: (r: TableRow) => number): Set<TableRow> | undefined {
  const depth = lines.map(indent);
  if (depth.some((d) => d < 0)) return undefined;
  const flush = Math.min(...depth);
  const heads = new Set<TableRow>();
  for (let i = 0; i < lines.length; i++) {
    if (depth[i] !== flush) continue;
    if (i + 1 >= lines.length || depth[i + 1] <= flush) return undefined;
    heads.add(lines[i]);
  }
  return heads;
}

/** Headings numbered at the highest level present, one after another, the lines between them unnumbered or deeper. */
function headsByNumbering(lines: TableRow[]): Set<TableRow> | undefined {
  // The first line must be a heading: most tables stop here, before any other line is looked at.
  if (!numberingOf(lines[0].label)) return undefined;
  const numbers = lines.map((r) => numberingOf(r.label));
  let top: number | undefined;
  for (const n of numbers) if (n && (top === undefined || n.level < top)) top = n.level;
  if (top === undefined) return undefined;
  const heads = new Set<TableRow>();
  let last: number | undefined;
  for (let i = 0; i < lines.length; i++) {
    const n = numbers[i];
    if (!n || n.level !== top) continue;
    if (last !== undefined && n.n !== last + 1) return undefined;
    last = n.n;
    heads.add(lines[i]);
  }
  return heads;
}

/**
 * A table's total printed as its last row, with no 合计 written (a page template that puts the sum
 * at the foot and leaves its name cell blank). The first unlabelled row is a total by its place; the
 * last is one only by its figures: where no row is a total, the last row names nothing and has no
 * code, and in most of the columns it shows a figure in it is the sum of the table's top lines (its
 * units, or its 类, or, with neither, every line above), it is the table's total, and a column where
 * it is not is a slip the column totals name. A nameless last line that adds up in no more than half
 * stays a line: the column totals say nothing of a total they would have had to guess.
 */
export function closingTotal(rows: TableRow[], amountCols: number[], decimals: number): void {
  if (rows.length < 3 || amountCols.length === 0) return;
  const last = rows[rows.length - 1];
  if (last.role !== 'detail' || last.label || hasCode(last) || last.unitCode || !hasFigures(last, amountCols)) return;
  for (const r of rows) if (r.role === 'total') return;
  for (const c of Object.values(last.cells)) if (c && c.amount.kind === 'not-amount' && c.text) return;
  // (Columns where it shows a figure other than 0: a 0.00 "adds up" over empty items, and says nothing.)
  const shown = amountCols.filter((c) => { const a = last.cells[c]?.amount; return a?.kind === 'amount' && !a.value.isZero(); });
  if (shown.length === 0) return;
  const above = rows.slice(0, -1);
  const units = above.filter((r) => r.role === 'unit');
  const classes = above.filter((r) => [r.functionCode, r.econCode, r.govEconCode].some((code) => code?.length === 3));
  const coded = above.some(hasCode);
  const lines = above.filter((r) => r.role === 'detail' && !coded);
  // (One unit or one 类 may be all a table holds; a lone line equal to the last is no sum.)
  for (const [parts, least] of [[units, 1], [classes, 1], [lines, 2]] as const) {
    if (parts.length < least) continue;
    const adding = shown.filter((c) => addsUpIn(c, last, parts, decimals)).length;
    if (adding * 2 > shown.length) {
      last.role = 'total';
      return;
    }
  }
}
