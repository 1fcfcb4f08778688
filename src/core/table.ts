import type Decimal from 'decimal.js';
import type { ParsedAmount } from './amount';
import type { CellRange } from './snapshot';
import type { KindSource, TableKind } from './tableKind';

/**
 * A detected table: where it is, what it is, and its cells read in the domain's terms.
 * Built by `detect` from a SheetSnapshot; read by the rules. Plain data.
 */

export type Unit = '万元' | '元' | '千元' | '亿元';

/**
 * What a column holds.
 * - function-code: concatenated functional code (208 / 20801 / 2080109) in one column;
 *   function-lei / -kuan / -xiang: split 类 / 款 / 项 columns.
 * - econ-*: department economic classification (301 / 30101), gov-econ-*: government
 *   economic classification (501 / 50101). `-code` one column, `-lei`/`-kuan` split.
 * - unit-code: 单位代码 (309, 707002).
 * - label: the row's name (科目名称, 项目, 单位名称, 项目名称).
 * - line-no: 行次 (numbers, never amounts).
 * - amount: money.
 * - text: any other text (项目单位, 类型 …).
 */
export type ColumnRole =
  | 'function-code'
  | 'function-lei'
  | 'function-kuan'
  | 'function-xiang'
  | 'econ-code'
  | 'econ-lei'
  | 'econ-kuan'
  | 'gov-econ-code'
  | 'gov-econ-lei'
  | 'gov-econ-kuan'
  | 'unit-code'
  | 'label'
  | 'line-no'
  | 'amount'
  | 'text';

export interface TableColumn {
  /** 1-based sheet column. */
  col: number;
  role: ColumnRole;
  /** Header labels from the top of the header band down, cleaned (no line breaks, no
   * stray spaces), repeated merged labels collapsed: ['基本支出', '人员经费', '工资福利支出']. */
  headerPath: string[];
  /**
   * Side-by-side tables (收支总表, 财政拨款收支表) put income lines left and expenditure
   * lines right; each column knows its side. Tables side by side in groups (公开06表's
   * three 经济分类 groups) use `group` 0, 1, 2 …
   */
  side?: 'income' | 'expenditure';
  /**
   * Within a side, the block of lines the column belongs to: a side may list its lines in
   * several blocks, each with its own label column (收支总表 支出: 功能分类 | 支出用途).
   */
  block?: number;
  group?: number;
}

/**
 * A row's role in the table.
 * - total: 合计 / 总计 (the table's grand total row, also an unlabeled first body row that
 *   equals the sum);
 * - subtotal: 小计 inside the body;
 * - unit: a unit row (`309 医疗保障局`, `707002 三门峡市医疗保障服务中心`), a total of
 *   the rows below it;
 * - detail: an ordinary data row (a 类 / 款 / 项 line, a project, an economic item);
 * - line: a labelled line of a side-by-side table (一、一般公共预算 …), including its
 *   total lines — see `lineKind`;
 * - of-which: a 其中 row (其中：动用上年结转和结余资金), part of the row above it, never added.
 */
/** statistic: a row of figures about the others (平均, 占比, 排名), never added as a part. */
export type RowRole = 'total' | 'subtotal' | 'unit' | 'detail' | 'line' | 'of-which' | 'statistic';

export interface TableCell {
  /** 1-based sheet row and column. */
  row: number;
  col: number;
  /** Displayed text, trimmed. */
  text: string;
  amount: ParsedAmount;
}

export interface TableRow {
  /** 1-based sheet row. */
  row: number;
  role: RowRole;
  /** The row's name (label column), cleaned. For side-by-side tables: see `lines`. */
  label: string;
  /** Normalized functional code: '208', '20801', '2080109' (from split or one column). */
  functionCode?: string;
  /** Normalized department economic code: '301', '30101'. */
  econCode?: string;
  /** Normalized government economic code: '501', '50101'. */
  govEconCode?: string;
  unitCode?: string;
  hidden?: boolean;
  /** Every non-empty cell of the row inside the table, by 1-based column. */
  cells: Record<number, TableCell>;
  /**
   * Side-by-side tables: the labelled line on each side of this row (one sheet row
   * carries an income line and an expenditure line), with its amount columns.
   */
  lines?: Partial<Record<'income' | 'expenditure', { label: string; labelCol: number; amountCols: number[] }>>;
  /**
   * Side-by-side tables: every labelled line of the row, one per block of each side, with the
   * columns holding its figures. A total line merged across the blocks of a side (当年支出小计
   * over 功能分类 and 支出用途) belongs to each block it spans, its figure right of the merge.
   */
  blockLines?: BlockLine[];
  /**
   * Optional (added by detect): tables side by side in groups (公开06表's three 经济分类
   * groups) carry one item per group on each sheet row; `econCode` / `functionCode` above
   * are those of group 0. `total` marks a group's 合计 line (人员经费合计).
   */
  groupItems?: GroupItem[];
  /**
   * Optional (added by detect, rowGroups.ts): a line after a 其中 block that neither numbering nor
   * indent places, read from its figures — likely one more 其中 line of the row `parent` (role
   * of-which), or doubtfully the next item (role detail). The column totals take the other reading
   * where only that one adds up.
   */
  ofWhichGuess?: { parent: number; reading: 'likely' | 'doubtful' };
}

/** One paragraph of a narrative, at the cell that holds it. */
export interface Paragraph {
  row: number;
  col: number;
  text: string;
}

/** One labelled line of one block of a side-by-side table's row (see TableRow.blockLines). */
export interface BlockLine {
  side: 'income' | 'expenditure';
  block: number;
  label: string;
  labelCol: number;
  amountCols: number[];
}

/** One group's item on a sheet row of a grouped table (see TableRow.groupItems). */
export interface GroupItem {
  group: number;
  label: string;
  labelCol?: number;
  codeCol?: number;
  econCode?: string;
  functionCode?: string;
  amountCols: number[];
  total?: boolean;
}

/** A cell inside an amount column that holds something unreadable (`12,3a4`, `#REF!`). */
export interface UnreadableCell {
  row: number;
  col: number;
  raw: string;
  reason: 'error-value' | 'uncalculated' | 'unreadable';
}

export interface DetectedTable {
  /** Stable id: `${sheet}!${range}`. */
  id: string;
  sheet: string;
  kind: TableKind;
  /** Where the kind was read from: the title, the header signature, the notes … */
  kindFrom?: KindSource;
  /**
   * Of kind unknown: the kind it was guessed to be (by its header and place alone) where another table holds that
   * kind too. Not compared with other tables as that kind, and not missing from the disclosure (detect/index.ts).
   */
  kindGuess?: TableKind;
  title?: string;
  /** 预算03表, YS03, 公开03表. */
  formNumber?: string;
  /** The department its captions or title name (部门：…, 2018 年度某某局收支预算总表). */
  department?: string;
  /** The fiscal year its title or captions name. */
  year?: number;
  unit?: Unit;
  /** The cell (A1, on the table's sheet) its unit was read from: the 单位 caption. */
  unitCell?: string;
  /** No unit stated: read in 元, the unit the 情况说明's amounts agree with (narrative/unitFromNarrative.ts). */
  unitFromNarrative?: true;
  /** Whole region: title to last note row. */
  range: CellRange;
  /** 1-based sheet rows of the header band, inclusive; null when there is none (narrative). */
  headerRows: [number, number] | null;
  /** First to last body row, totals included, notes excluded. */
  bodyRows: [number, number];
  /** Rows under the body: 注：…, 说明 … */
  noteRows: number[];
  /** The text of each note row (as `noteRows`). */
  noteTexts?: string[];
  /** Displayed decimals of the amounts (2 for 0.00): drives the rounding band. */
  decimals: number;
  /**
   * Set when the figures were rounded coarser than they are displayed: a 元 table whose every
   * amount is a whole hundred is a 万元 table × 10,000 (0.01 万元 = 100 元), so its figures carry
   * ±50 元, not ±0.005 元 (−2 = rounded to hundreds). The band uses this; messages use `decimals`.
   */
  roundingDecimals?: number;
  columns: TableColumn[];
  rows: TableRow[];
  /** The table says it has no data (本表无数据 / 无…数据). */
  declaredEmpty?: boolean;
  /**
   * The id of the table this one goes on from (支出决算表（续）, a sheet 公开03表(续)): one table split
   * over pages, its 合计 on the first part. Set on every part after the first (detect/continuation.ts).
   */
  continues?: string;
  /** Set on every part of a table split over pages, the first included. */
  splitOverPages?: true;
  /** A narrative's paragraphs, each at its cell (a paragraph per row, or per merged block). */
  paragraphs?: Paragraph[];
  unreadable: UnreadableCell[];
}

/** Convenience: the amount in (row, col) as a Decimal, zero when empty, null when unreadable. */
export type AmountLookup = (row: number, col: number) => Decimal | null;
