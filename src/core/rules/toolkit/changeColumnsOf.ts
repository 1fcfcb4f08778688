import { perTable } from './tableMemo';
import type { DetectedTable, TableColumn, TableRow } from '../../table';
import { isTotalHeader } from './headerTree';
import { amountColumns, bodyRows, cleanLabel, figureAt, rowHasFigures } from './tableAccess';
import { columnMeasure, columnYear, labelYear, tableYear, yearOfColumns } from './yearColumns';
import { lastItem } from './lastItem';

/**
 * The three columns of a table that prints this year, the year before and the change side by side
 * (“三公”经费表: 2025年预算数 | 2024年预算数 | 增减额; 本年 | 上年 | 增减), found only where they are
 * beyond doubt: one of each, read from their own headers (a year is this year's only when it is the
 * table's). Shared by the change (column-change) and its rate (column-change-rate).
 */
// A bracket after 增减 states a sign convention (（-增+减）); read as written it could be either
// way round, so such a column is not judged.
const CHANGE = /^(?:比上年|较上年|与上年相比)?增减(?:额|数|金额|变动|变化)?$/;
const PREVIOUS = /^(?:上年|去年|上一年|上年度)/;
const CURRENT = /^(?:本年|当年|今年|本年度)/;

export function leaf(c: TableColumn): string {
  return cleanLabel(lastItem(c.headerPath) ?? '');
}

/** 本年 / 上年 by the words, or by the year the header names against the table's own. */
function yearOf(label: string, year: number | undefined): 'current' | 'previous' | undefined {
  if (CURRENT.test(label)) return 'current';
  if (PREVIOUS.test(label)) return 'previous';
  const named = /^((?:19|20)\d{2})\s*年/.exec(label);
  if (!named || year === undefined) return undefined;
  if (Number(named[1]) === year) return 'current';
  if (Number(named[1]) === year - 1) return 'previous';
  return undefined;
}

export interface ChangeColumns {
  current: TableColumn;
  previous: TableColumn;
  change: TableColumn;
}

/**
 * The sets of three a table prints: one for the table, else one for each side of a table of two
 * sides (收支总表: 项目 | 上年预算数 | 本年预算数 | 增减额 on the 收入 side and again on the 支出 side).
 */
export function changeColumnSets(table: DetectedTable): ChangeColumns[] {
  return perTable(table, 'changeColumnSets', () => readChangeColumnSets(table));
}

function readChangeColumnSets(table: DetectedTable): ChangeColumns[] {
  // The table's own three, as the narrative asks for them: read once for both.
  const whole = changeColumns(table);
  if (whole) return [whole];
  const cols = amountColumns(table);
  const sides = new Map<string, TableColumn[]>();
  for (const c of cols) {
    if (!c.side) continue;
    const key = `${c.side}|${c.block ?? ''}|${c.group ?? ''}`;
    sides.set(key, [...(sides.get(key) ?? []), c]);
  }
  if (sides.size < 2) return [];
  return [...sides.values()].map((own) => changeColumns(table, own)).filter((x): x is ChangeColumns => x !== undefined);
}

/** The three of a table's amount columns (asked per row by the narrative's year-before reading: read once), or of the columns given. */
export function changeColumns(table: DetectedTable, cols?: TableColumn[]): ChangeColumns | undefined {
  return cols ? readChangeColumns(table, cols) : perTable(table, 'changeColumns', () => readChangeColumns(table, amountColumns(table)));
}

function readChangeColumns(table: DetectedTable, cols: TableColumn[]): ChangeColumns | undefined {
  const change = cols.filter((c) => CHANGE.test(leaf(c)));
  // No column headed 增减 (most tables): the headings cannot find the three either, as they too want
  // one; the years are not read.
  if (change.length === 0) return undefined;
  const year = yearOfColumns(table, cols);
  // Each column's own header read once more: this year's or the year before's.
  const current: TableColumn[] = [];
  const previous: TableColumn[] = [];
  for (const c of cols) {
    const y = yearOf(leaf(c), year);
    if (y === 'current') current.push(c);
    else if (y === 'previous') previous.push(c);
  }
  // This year's budget beside what was spent (上年决算数 | 本年预算数 | 本年决算数 | 增减额): the change is between the two of
  // one measure.
  const same = current.length > 1 && previous.length === 1 ? current.filter((c) => columnMeasure(leaf(c)) === columnMeasure(leaf(previous[0]))) : current;
  if (change.length !== 1 || same.length !== 1 || previous.length !== 1) return byHeadings(table, cols);
  // (…unless the figures say the change is between this year's two (本年决算 − 本年预算 on more lines): a bare 增减额 names
  // neither pair, and then it is not judged.)
  if (current.length > 1) {
    const fits = (a: TableColumn, b: TableColumn) => {
      const pair = { current: a, previous: b, change: change[0] };
      return changeRows(table, pair).filter((r) => changeIs(table, r.row, pair, 1) || changeIs(table, r.row, pair, -1)).length;
    };
    const mine = fits(same[0], previous[0]);
    if (current.some((c) => c !== same[0] && fits(same[0], c) > mine)) return undefined;
  }
  const three = [same[0], previous[0], change[0]];
  // The three side by side under one heading (the same side, block and parent path).
  const parent = (c: TableColumn) => `${c.side ?? ''}|${c.block ?? ''}|${c.group ?? ''}|${c.headerPath.slice(0, -1).join('>')}`;
  if (new Set(three.map(parent)).size !== 1) return undefined;
  return { current: same[0], previous: previous[0], change: change[0] };
}

/** The row's change is exactly (current − previous) × sign. */
function changeIs(table: DetectedTable, row: number, found: ChangeColumns, sign: 1 | -1): boolean {
  const { current, previous, change } = found;
  return figureAt(table, row, change.col).value.eq(figureAt(table, row, current.col).value.minus(figureAt(table, row, previous.col).value).times(sign));
}

/**
 * The three by their headings when the years head groups (2024年预算数 | 2025年预算数 > 合计 | 基本支出 |
 * 项目支出 | 本年比上年 > 增减额 | 增减%): a year's figure is its heading's only column or its 合计;
 * one change amount column; all of one side, block and group.
 */
function byHeadings(table: DetectedTable, cols: TableColumn[]): ChangeColumns | undefined {
  const years = cols.map((c) => columnYear(table, c));
  const of = (y: 'current' | 'previous') => {
    const all = cols.filter((_, i) => years[i] === y);
    const totals = all.length === 1 ? all : all.filter((c) => c.headerPath.length > 1 && isTotalHeader(leaf(c)));
    // The year's own 小计 is the one right under its heading (2025年预算数 > 小计), not a group's
    // (2025年预算数 > 基本支出 > 小计).
    const depth = Math.min(...totals.map((c) => c.headerPath.length));
    const own = totals.filter((c) => c.headerPath.length === depth);
    return own.length === 1 ? own[0] : undefined;
  };
  const change = cols.filter((c, i) => years[i] === 'change' && CHANGE.test(leaf(c)));
  const [current, previous] = [of('current'), of('previous')];
  if (!current || !previous || change.length !== 1) return undefined;
  const key = (c: TableColumn) => `${c.side ?? ''}|${c.block ?? ''}|${c.group ?? ''}`;
  if (new Set([current, previous, change[0]].map(key)).size !== 1) return undefined;
  return { current, previous, change: change[0] };
}

/** The rows that print the three (statistics aside). */
export function changeRows(table: DetectedTable, found: ChangeColumns): TableRow[] {
  const { current, previous, change } = found;
  return bodyRows(table).filter((r) => r.role !== 'statistic' && rowHasFigures(table, r.row, [current.col, previous.col, change.col]));
}

/**
 * A table printing 上年 − 本年 says so by its figures: more rows fit that way round than the other
 * (rows of no change fit both and say nothing; a slip fits neither).
 */
export function printsPreviousLessCurrent(table: DetectedTable, found: ChangeColumns): boolean {
  const rows = changeRows(table, found);
  const fits = (sign: 1 | -1) => rows.filter((r) => changeIs(table, r.row, found, sign) && !changeIs(table, r.row, found, sign === 1 ? -1 : 1)).length;
  return fits(-1) > fits(1);
}

/** The three rows of a table setting the years as rows (“三公”经费表: 2024年预算数 | 2025年预算数 | 增减额). */
export interface ChangeRowsByYear {
  current: TableRow;
  previous: TableRow;
  change: TableRow;
}

/** What a row label naming a year or a change has at least one of (本年, 上年, 2024年, 增减, 比上年, 较上年, 今年, 去年, 当年). */
const YEARISH = /[年增比较]/;

/**
 * The rows of this year, the year before and the change where a table sets the years as rows, each
 * beyond doubt: one of each, read from their own labels (a year is this year's only when it is the
 * table's, or the later of the two it prints), the change an amount (增减额), not a rate.
 */
export function changeRowsByYear(table: DetectedTable): ChangeRowsByYear | undefined {
  // Only a label naming a year or a change can be one (most of a long table's rows are subjects: not cleaned).
  const rows = bodyRows(table).filter((r) => YEARISH.test(r.label));
  if (rows.length < 3) return undefined;
  const labels = rows.map((r) => cleanLabel(r.label));
  const year = tableYear(table, labels);
  const of = (y: 'current' | 'previous') => rows.filter((_, i) => labelYear(labels[i], year) === y);
  const change = rows.filter((_, i) => CHANGE.test(labels[i]));
  const [current, previous] = [of('current'), of('previous')];
  if (current.length !== 1 || previous.length !== 1 || change.length !== 1) return undefined;
  return { current: current[0], previous: previous[0], change: change[0] };
}
