import type { DetectedTable, TableColumn } from '../../table';
import { amountColumns, cleanLabel } from './tableAccess';
import { perTable } from './tableMemo';
import { textMemo } from '../../textMemo';

/**
 * Which year an amount column is of, by the words of its header path (at any level: a year's
 * heading over its 合计 | 基本支出 | 项目支出): this year's, the year before's, or the change
 * between them. A budget may print the year before first (2024年预算数 | 2025年预算数 (合计,
 * 基本支出, 项目支出) | 本年比上年 (增减额, 增减%)); the table's figure is still this year's.
 *
 * - previous: 上年 / 上年度 / 去年 / 上一年 with at most a measure word (上年预算数, 上年决算数), or a
 *   year earlier than the table's own (2024年预算数 in a 2025 table). 上年结转 is this year's money
 *   brought forward: not a year's figure, never read as one.
 * - current: 本年 / 本年度 / 当年 / 今年 with at most a measure word, or the table's own year.
 * - change: 增减 / 本年比上年 / 较上年 / 比2024年 … (a difference of the two, never a year's figure).
 *
 * A table whose year cannot be told leaves its dated columns undecided; two columns of the same
 * words (预算数 | 预算数) are never told apart.
 */
export type ColumnYear = 'current' | 'previous' | 'change';

const MEASURE = '(?:年初)?(?:预算执行|预算|决算|执行|实际|完成)?(?:数|额|金额)?';
const PREVIOUS = new RegExp(`^(?:上年度?|去年|上一年度?)(?:同期)?${MEASURE}$`);
const CURRENT = new RegExp(`^(?:本年度?|当年|今年)${MEASURE}$`);
const DATED = new RegExp(`^((?:19|20)\\d{2})年度?${MEASURE}$`);
const CHANGE = /^(?:本年|今年|当年|(?:19|20)\d{2}年)?(?:比|较|与)(?:上年|去年|上一年|(?:19|20)\d{2}年)|^增减|增减(?:额|数|金额)?$/;

/** A header label without spaces and without a trailing unit in brackets (2024年预算数（万元）). */
function bare(label: string): string {
  return cleanLabel(label).replace(/\((?:万元|元|千元|亿元)\)$/, '');
}

/** What a header label's words say of its year, whatever the table's: read once per label. */
interface YearWords {
  change: boolean;
  previous: boolean;
  current: boolean;
  /** The year it names (2024年预算数), if any. */
  dated: number | undefined;
}

// (The same headers — 合计, 基本支出, 2025年预算数 — are read for every table and several times for
// each: by the table's year, each column's year and the change columns; four patterns a label.)
const yearWords = textMemo((label): YearWords => {
  const l = bare(label);
  const dated = DATED.exec(l);
  return { change: CHANGE.test(l), previous: PREVIOUS.test(l), current: CURRENT.test(l), dated: dated ? Number(dated[1]) : undefined };
}, 20_000, 200);

/** The year a header label names, against the table's own year. */
export function labelYear(label: string, year: number | undefined): ColumnYear | undefined {
  const w = yearWords(label);
  if (w.change) return 'change';
  if (w.previous) return 'previous';
  if (w.current) return 'current';
  if (w.dated === undefined || year === undefined) return undefined;
  return w.dated === year ? 'current' : w.dated < year ? 'previous' : undefined;
}

/** The year of a column: the first label of its path (top-down) that names one. */
export function columnYear(table: DetectedTable, c: TableColumn): ColumnYear | undefined {
  return columnYears(table).byCol.get(c.col);
}

/**
 * The year a table's figures are of: its own (from its title), else the later of two years its
 * labels print side by side with their change (2024年预算数 | 2025年预算数 | 增减额 under a title
 * naming none, Chongqing's 表二): a table comparing two years compares this year with the one before.
 * Without a change, or with other than two years in a row, it stays untold: one year named alone
 * (2024年预算数 in a 2024 final accounts is this year's), a rolling plan (2025年 | 2026年 | 2027年).
 */
export function tableYear(table: DetectedTable, labels: string[]): number | undefined {
  if (table.year !== undefined) return table.year;
  const named = new Set<number>();
  for (const l of labels) {
    const dated = yearWords(l).dated;
    if (dated !== undefined) named.add(dated);
  }
  const [a, b] = [...named].sort();
  if (named.size !== 2 || b - a !== 1 || !labels.some((l) => yearWords(l).change)) return undefined;
  return b;
}

/** The year of a table's figures as its columns tell it: its own, else tableYear's reading of their headers. */
export function yearOfColumns(table: DetectedTable, cols: TableColumn[]): number | undefined {
  // Most tables name their year: their headers are gathered only where one does not.
  if (table.year !== undefined) return table.year;
  const labels: string[] = [];
  for (const c of cols) for (const l of c.headerPath) labels.push(l);
  return tableYear(table, labels);
}

/**
 * Each amount column's year, and whether every one may be this year's: most tables print one year
 * only, and thisYearColumns then gives back the columns it is asked about without filtering them.
 */
interface ColumnYears {
  byCol: Map<number, ColumnYear | undefined>;
  onlyThisYear: boolean;
}

function columnYears(table: DetectedTable): ColumnYears {
  return perTable(table, 'columnYears', () => {
    const byCol = new Map<number, ColumnYear | undefined>();
    const year = yearOfColumns(table, amountColumns(table));
    let onlyThisYear = true;
    for (const c of amountColumns(table)) {
      let y: ColumnYear | undefined;
      for (const l of c.headerPath) if ((y = labelYear(l, year))) break;
      byCol.set(c.col, y);
      if (y === 'previous' || y === 'change') onlyThisYear = false;
    }
    return { byCol, onlyThisYear };
  });
}

/**
 * The columns that may carry the table's own figure: all but the year before's and the changes
 * (the columns as given when nothing else is left). The list given comes back itself where none is
 * of another year (views are read, never changed, by every caller).
 */
export function thisYearColumns(table: DetectedTable, cols: TableColumn[]): TableColumn[] {
  const years = columnYears(table);
  // (A column that is not an amount column has no year: kept either way.)
  if (years.onlyThisYear) return cols;
  const own = cols.filter((c) => {
    const y = years.byCol.get(c.col);
    return y !== 'previous' && y !== 'change';
  });
  return own.length > 0 ? own : cols;
}

/**
 * The columns of a table's own figures: this year's (thisYearColumns), and in final accounts printing the budget beside
 * what was spent (年初预算数 | 全年预算数 | 决算数, on each side of a 收支决算总表 too) the 决算 columns, whatever their place.
 * (A “三公” table keeps both blocks, each a figure of its measure: narrative/facts.ts. A budget's 预算数 | 决算数 prints last
 * year's 决算 beside this year's budget: only a table of final accounts, by its title, is read so.)
 */
export function ownFigureColumns(table: DetectedTable, cols: TableColumn[]): TableColumn[] {
  const own = thisYearColumns(table, cols);
  if (table.kind === 'three-public' || !/决算/.test(table.title ?? '')) return own;
  const spent = own.filter((c) => headedBy(c, SPENT));
  if (spent.length === 0 || spent.length === own.length) return own;
  return own.every((c) => spent.includes(c) || headedBy(c, BUDGETED)) ? spent : own;
}

/** What a column's label measures: 决算 (spent), 预算 (budgeted), or '' where its words do not say (决算 first: 决算数 of 预算 …). */
export function columnMeasure(label: string): '决算' | '预算' | '' {
  return SPENT.test(label) ? '决算' : /预算/.test(label) ? '预算' : '';
}

/** Some label of the column's header path says so. */
export function headedBy(c: TableColumn, re: RegExp): boolean {
  return c.headerPath.some((l) => re.test(l));
}
const SPENT = /决算/;
const BUDGETED = /^(?:年初|全年|调整后?的?)?预算(?:数|金额)?(?:[（(](?:万元|元)[)）])?$/;
