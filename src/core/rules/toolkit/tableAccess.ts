import Decimal from 'decimal.js';
import { cellAddress } from '../../address';
import { isSpaceCode } from '../../detect/charTests';
import { cleanLabel as withoutSpaces } from '../../detect/labels';
import type { CellRef } from '../../finding';
import { textMemo } from '../../textMemo';
import type { DetectedTable, TableColumn, TableRow, Unit } from '../../table';
import { TABLE_KIND_NAMES, type TableKind } from '../../tableKind';
import { forgetViews, perTable } from './tableMemo';

/**
 * One figure read from a table, with what the rounding band and the messages need:
 * where it is, what it says, whether it is a displayed number (an empty cell is an exact
 * zero and adds no rounding tail), its precision and its unit.
 */
export interface Figure {
  table: DetectedTable;
  row: number;
  col: number;
  /** The amount; zero for an empty cell. */
  value: Decimal;
  /**
   * The amount as an exact integer × 10^−exp, where it was read as one (sumCheck.ts adds such
   * figures without building their Decimals); undefined where only `value` knows it.
   */
  readonly units?: number;
  readonly exp?: number;
  /** A number is displayed (0.00 counts: it may be a rounded 0.004). */
  shown: boolean;
  /** Something unreadable sits there (`#REF!`, `12,3a4`): the figure cannot be used. */
  unreadable: boolean;
  decimals: number;
  /** The precision the figure was rounded to, for the band (table.roundingDecimals, else decimals). */
  grain: number;
  /** What the figure is called in messages: its line and column in the table's own words. */
  name: string;
  /** The line part of the name (the row's label on the figure's side), '' when unnamed. */
  line: string;
  /** The column part of the name, '' where the column goes without saying. */
  column: string;
  /** Entered in a sum negated (增减 = 本年 + (−上年)): `value` is the cell's negated (`negated`). */
  readonly subtracted?: true;
}

const UNIT_FACTOR: Record<Unit, number> = { 元: 1, 千元: 1000, 万元: 10000, 亿元: 100000000 };
/** … as powers of ten. */
const UNIT_POWER: Record<Unit, number> = { 元: 0, 千元: 3, 万元: 4, 亿元: 8 };

/** unitFactor's power of ten (万元 → 4): an exact integer brought to another unit moves by the difference. */
export function unitPower(table: DetectedTable): number {
  return UNIT_POWER[table.unit ?? '万元'] ?? 4;
}
const UNIT_DECIMAL = new Map<number, Decimal>();

/** How many 元 one displayed unit of the table is (万元 → 10000); 万元 when unstated. */
export function unitFactor(table: DetectedTable): Decimal {
  const n = UNIT_FACTOR[table.unit ?? '万元'] ?? 10000;
  let d = UNIT_DECIMAL.get(n);
  if (!d) UNIT_DECIMAL.set(n, (d = new Decimal(n)));
  return d;
}

/**
 * A table's rows by sheet row. Detection gives them in sheet order, a dense run of the region: an
 * array from the first row on, no hashing per lookup (a Map where they are not in order).
 */
type RowIndex = { top: number; rows: (TableRow | undefined)[] } | Map<number, TableRow>;

const rowIndexCache = new WeakMap<DetectedTable, RowIndex>();

function rowIndex(table: DetectedTable): RowIndex {
  const rows = table.rows;
  for (let i = 1; i < rows.length; i++) if (rows[i].row <= rows[i - 1].row) return new Map(rows.map((r) => [r.row, r]));
  const top = rows.length ? rows[0].row : 0;
  const byRow: (TableRow | undefined)[] = new Array(rows.length ? rows[rows.length - 1].row - top + 1 : 0);
  for (const r of rows) byRow[r.row - top] = r;
  return { top, rows: byRow };
}

/** The table whose rows were asked for last, and their index (a table's rows are read one after another). */
let lastRowsOf: DetectedTable | undefined;
let lastRowIndex: RowIndex | undefined;

export function rowAt(table: DetectedTable, row: number): TableRow | undefined {
  let index = table === lastRowsOf ? lastRowIndex : rowIndexCache.get(table);
  if (!index) rowIndexCache.set(table, (index = rowIndex(table)));
  lastRowsOf = table;
  lastRowIndex = index;
  return index instanceof Map ? index.get(row) : index.rows[row - index.top];
}

/** Header words that only say "the amount": a column named so adds nothing to a figure's name. */
const GENERIC_COLUMN = /^(金额|合计金额|预算数|决算数|预算金额|本年预算|本年预算数|年初预算数|预算|决算|数额|金额\(万元\)|金额\(元\))$/;

/** A column's name in messages: its last header label (基本支出小计 for a bare 小计 under 基本支出). */
export function columnName(c: TableColumn): string {
  const p = c.headerPath.map(cleanLabel).filter(Boolean);
  if (p.length === 0) return '';
  const last = p[p.length - 1];
  if (/^(合计|小计)$/.test(last) && p.length > 1) return `${p[p.length - 2]}${last}`;
  return last;
}

/**
 * A figure's name in the table's own words: its line (the row's label on the column's side or
 * group, else its code, else 合计 for a total row) and its column (omitted where the table or
 * side has one amount column, or the header only says 金额).
 */
export function figureName(table: DetectedTable, row: number, col: number): string {
  const { line, column } = figureParts(table, row, col);
  return [line, column].filter(Boolean).join(' ');
}

/**
 * What a figure's name needs of its column, worked out once per table and column rather than
 * per figure: the column, and its name when it tells the figure apart (several amount columns on
 * its side or group, a header that says more than 金额).
 */
interface ColumnNaming {
  column: TableColumn | undefined;
  /** The column's name when it belongs in a figure's name, else ''. */
  name: string;
}

const namingCache = new WeakMap<DetectedTable, Map<number, ColumnNaming>>();

function columnNaming(table: DetectedTable, col: number): ColumnNaming {
  let byCol = namingCache.get(table);
  if (!byCol) namingCache.set(table, (byCol = new Map()));
  let naming = byCol.get(col);
  if (!naming) {
    const column = table.columns.find((c) => c.col === col);
    let name = '';
    if (column) {
      const peers = table.columns.filter((c) => c.role === 'amount' && c.side === column.side && (c.group ?? 0) === (column.group ?? 0));
      const own = columnName(column);
      if (peers.length > 1 && !GENERIC_COLUMN.test(own)) name = own;
    }
    byCol.set(col, (naming = { column, name }));
  }
  return naming;
}

function figureParts(table: DetectedTable, row: number, col: number): { line: string; column: string; name?: string } {
  const r = rowAt(table, row);
  const { column, name } = columnNaming(table, col);
  let line = '';
  if (r) {
    const side = column?.side;
    const item = r.groupItems?.find((g) => g.amountCols.includes(col));
    if (side && r.lines?.[side]) line = r.lines[side]!.label;
    else if (item) line = item.label || item.econCode || item.functionCode || '';
    else line = r.label || r.functionCode || r.econCode || r.govEconCode || r.unitCode || '';
    if (!line && r.role === 'total') line = '合计';
  }
  const cleanLine = cleanLabel(line);
  return { line: cleanLine, column: name && name !== cleanLine ? name : '' };
}

const ZERO = new Decimal(0);

/** A figure's amount as a figure keeps it: its Decimal (built when first asked for) and, where known, its exact integer form. */
interface FigureAmount {
  readonly value: Decimal;
  readonly units?: number;
  readonly exp?: number;
}

/** An empty cell: an exact zero. */
const NOUGHT: FigureAmount = { value: ZERO, units: 0, exp: 0 };
/** Something unreadable (`#REF!`, `12,3a4`): a zero that no check may use. */
const UNREADABLE: FigureAmount = { value: ZERO };

/** A figure's name in parts: its line, its column, and the two joined (when first asked for). */
interface FigureNames {
  line: string;
  column: string;
  name?: string;
}

/**
 * The names of the figures read from their cells, worked out when a message first asks: kept
 * aside rather than in a field of every figure, as only the figures of findings are ever named.
 * Kept by table and cell (row × 2^14 + col), not by figure: a name depends on the cell alone, and
 * a lookup by number costs a fraction of a WeakMap's by figure (which also weighs on every
 * garbage collection while the figures live).
 */
const cellNames = new WeakMap<DetectedTable, Map<number, FigureNames>>();

/** The table named last, and its names: a finding's figures mostly come from one table. */
let namesTable: DetectedTable | undefined;
let namesOfTable: Map<number, FigureNames> | undefined;

function cellNamesOf(table: DetectedTable, row: number, col: number): FigureNames {
  let byCell = table === namesTable ? namesOfTable : cellNames.get(table);
  if (!byCell) cellNames.set(table, (byCell = new Map()));
  namesTable = table;
  namesOfTable = byCell;
  const k = row * 2 ** 14 + col;
  let names = byCell.get(k);
  if (!names) byCell.set(k, (names = figureParts(table, row, col)));
  return names;
}

/**
 * A figure of a table. Its name is worked out only when a message asks for it: a workbook's
 * checks read hundreds of thousands of figures and name only those of its findings. Whether it is
 * shown or unreadable is told by its amount (NOUGHT, UNREADABLE), not by fields of its own: a
 * million-cell table keeps some 600,000 figures alive while its checks are judged (four fields each).
 */
class TableFigure implements Figure {
  declare subtracted?: true;

  constructor(
    readonly table: DetectedTable,
    readonly row: number,
    readonly col: number,
    private readonly amount: FigureAmount,
  ) {}

  get shown(): boolean {
    return this.amount !== NOUGHT && this.amount !== UNREADABLE;
  }

  get unreadable(): boolean {
    return this.amount === UNREADABLE;
  }

  get value(): Decimal {
    return this.amount.value;
  }

  get units(): number | undefined {
    return this.amount.units;
  }

  get exp(): number | undefined {
    return this.amount.exp;
  }

  get decimals(): number {
    return this.table.decimals;
  }

  get grain(): number {
    return this.table.roundingDecimals ?? this.table.decimals;
  }

  /** The figure's names, from its cell's line and column. */
  protected names(): FigureNames {
    return cellNamesOf(this.table, this.row, this.col);
  }

  get line(): string {
    return this.names().line;
  }

  get column(): string {
    return this.names().column;
  }

  get name(): string {
    const names = this.names();
    // (Joined as [line, column].filter(Boolean).join(' ') would, without its two arrays.)
    return (names.name ??= names.line && names.column ? `${names.line} ${names.column}` : names.line || names.column);
  }
}

/** A figure named by the rule that reads it, or keeping the names of the figure it stands for (a correction, a negation). */
class NamedFigure extends TableFigure {
  constructor(table: DetectedTable, row: number, col: number, amount: FigureAmount, private readonly given: FigureNames) {
    super(table, row, col, amount);
  }

  protected override names(): FigureNames {
    return this.given;
  }
}

/**
 * Figures read once per table and cell: the same figure serves every check that reads it. The
 * table's range is small and dense (a region of one sheet), so the figures sit in one array by
 * position in the range: no hashing per figure, whatever the table's size.
 */
interface FigureGrid {
  top: number;
  left: number;
  width: number;
  figures: (TableFigure | undefined)[];
}

const figureGrids = new WeakMap<DetectedTable, FigureGrid>();

/**
 * The most slots a per-cell array of a table may have: a few for each of its cells (a range is a
 * dense region, so that is every real table), and never more than 4,000,000 (32 MB).
 */
export function denseLimit(table: DetectedTable): number {
  return Math.min(4_000_000, 4 * table.rows.length * Math.max(1, table.columns.length) + 4096);
}

/** The table asked about last, and its grid: checks read a table's figures one after another. */
let lastTable: DetectedTable | undefined;
let lastGrid: FigureGrid | undefined;

function figureGrid(table: DetectedTable): FigureGrid {
  if (table === lastTable) return lastGrid!;
  let grid = figureGrids.get(table);
  if (!grid) {
    const { top, left, right, bottom } = table.range;
    const width = right - left + 1;
    // Sized once (a table's checks read most of its cells): no growing and copying as they are
    // read. A range far larger than its cells (denseLimit) grows as it is read instead.
    const area = Math.max(0, width * (bottom - top + 1));
    grid = { top, left, width, figures: area <= denseLimit(table) ? new Array(area) : [] };
    figureGrids.set(table, grid);
  }
  lastTable = table;
  lastGrid = grid;
  return grid;
}

/** The figure in (row, col) of a table; named after its line and column unless `name` is given. */
export function figureAt(table: DetectedTable, row: number, col: number, name?: string): Figure {
  if (name !== undefined) return readFigure(table, row, col, { line: name, column: '', name });
  const grid = figureGrid(table);
  const r = row - grid.top;
  const c = col - grid.left;
  // A cell outside the table's range (a rule reading a neighbour) is read afresh.
  if (r < 0 || c < 0 || c >= grid.width || row > table.range.bottom) return readFigure(table, row, col);
  const i = r * grid.width + c;
  return (grid.figures[i] ??= readFigure(table, row, col));
}

function readFigure(table: DetectedTable, row: number, col: number, given?: FigureNames): TableFigure {
  const a = rowAt(table, row)?.cells[col]?.amount;
  // The band follows the table's displayed precision (table.decimals), not a stray cell's.
  const amount = a?.kind === 'amount' ? a : a && a.kind !== 'empty' ? UNREADABLE : NOUGHT;
  return given ? new NamedFigure(table, row, col, amount, given) : new TableFigure(table, row, col, amount);
}

/**
 * Is the figure's amount zero? Told by its exact integer where it has one: a Decimal is built for a
 * cell only when a sum needs it, and a rule asking this of every cell of a table would build them all.
 */
export function isNought(f: Figure): boolean {
  return f.units !== undefined ? f.units === 0 : f.value.isZero();
}

/** Do two figures hold the same amount? Their exact integers compared where both have one (as isNought). */
export function sameAmount(a: Figure, b: Figure): boolean {
  const [x, y] = [a.units, b.units];
  if (x !== undefined && y !== undefined && a.exp !== undefined && b.exp !== undefined) {
    if (a.exp === b.exp) return x === y;
    // Brought to the finer of the two powers of ten; exact while below 2^53, else told by their Decimals.
    const [sx, sy] = a.exp < b.exp ? [x * 10 ** (b.exp - a.exp), y] : [x, y * 10 ** (a.exp - b.exp)];
    if (Math.abs(sx) <= Number.MAX_SAFE_INTEGER && Math.abs(sy) <= Number.MAX_SAFE_INTEGER) return sx === sy;
  }
  return a.value.eq(b.value);
}

/** The same figure with another value, as if its cell had been written so (pinpointing's corrections). */
export function withValue(f: Figure, value: Decimal): Figure {
  // (A corrected figure is shown: pinpointing corrects only readable ones.)
  return new NamedFigure(f.table, f.row, f.col, f.unreadable ? UNREADABLE : { value }, { line: f.line, column: f.column, name: f.name });
}

/**
 * The figure subtracted, as a part of a sum (增减 = 本年 + (−上年)): its value negated, its cell and
 * names kept. An empty cell stays empty (nought either way, and not counted as shown in the band).
 */
export function negated(f: Figure): Figure {
  const names = { line: f.line, column: f.column, name: f.name };
  const g = f.shown ? (withValue(f, f.value.negated()) as TableFigure) : new NamedFigure(f.table, f.row, f.col, f.unreadable ? UNREADABLE : NOUGHT, names);
  // Pinpointing works out a subtracted cell's right value in the cell's own terms.
  g.subtracted = true;
  return g;
}

/** The line a figure stands on, for sentences: the row's label, else the figure's name, else its cell. */
export function lineName(f: Figure): string {
  return f.line || f.name || cellAddress(f.row, f.col);
}

export function cellRef(f: { table: DetectedTable; row: number; col: number }): CellRef {
  return { sheet: f.table.sheet, cell: cellAddress(f.row, f.col) };
}

/**
 * Once a run of the rules is over, its figures, names and views are let go: the tables live on in
 * the audit's result, and a million-cell table's figures would otherwise live with them.
 */
export function forgetFigures(tables: DetectedTable[]): void {
  lastTable = lastGrid = undefined;
  lastRowsOf = lastRowIndex = undefined;
  namesTable = namesOfTable = undefined;
  idTable = undefined;
  for (const t of tables) {
    figureGrids.delete(t);
    cellNames.delete(t);
    namingCache.delete(t);
    rowIndexCache.delete(t);
    forgetViews(t);
  }
}

/** Sheets by number, for figureId; renumbered from 0 (a new epoch) between runs once it grows large. */
const sheetNumbers = new Map<string, number>();
let epoch = 0;

/** Called as a run of the rules begins: never renumbers sheets in the middle of one. */
export function startFigureIds(): void {
  if (sheetNumbers.size < 2 ** 17) return;
  sheetNumbers.clear();
  epoch++;
}

/**
 * A number naming a figure's cell (its sheet, row and column): the same for every figure read
 * from that cell, whatever its name, as figureKey; cheap to compare and to keep in a Set.
 * Rows go up to 2^20 and columns to 2^14, so row × 2^14 + col stays under 2^35 and the sheet's
 * number × 2^35 keeps every id an exact integer for 2^18 sheets.
 */
export function figureId(f: { table: DetectedTable; row: number; col: number }): number {
  // Figures come table by table: the last table's sheet number is at hand.
  if (f.table !== idTable || epoch !== idEpoch) {
    let sheet = sheetNumbers.get(f.table.sheet);
    if (sheet === undefined) sheetNumbers.set(f.table.sheet, (sheet = sheetNumbers.size));
    idTable = f.table;
    idEpoch = epoch;
    idSheet = sheet * 2 ** 35;
  }
  return idSheet + f.row * 2 ** 14 + f.col;
}

let idTable: DetectedTable | undefined;
let idEpoch = -1;
let idSheet = 0;

export function figureKey(f: { table: DetectedTable; row: number; col: number }): string {
  return `${f.table.sheet}!${cellAddress(f.row, f.col)}`;
}

/** A table's name for people: 支出表「三、部门支出预算表」. */
export function tableName(table: DetectedTable, lang: 'zh-CN' | 'en'): string {
  const kind = TABLE_KIND_NAMES[table.kind as TableKind]?.[lang] ?? table.kind;
  return `${kind}「${table.sheet}」`;
}

/**
 * A table's short name for sentences: its form number (YS04, 预算03表, 公开05表), else its sheet's
 * name when short, else its kind (一般公共预算支出表). The sheet itself is named beside every sentence.
 */
export function tableShort(table: DetectedTable): string {
  if (table.formNumber) return table.formNumber;
  if (table.sheet.length <= 12) return table.sheet;
  return TABLE_KIND_NAMES[table.kind as TableKind]?.['zh-CN'] ?? table.sheet;
}

/**
 * Labels as the rules match them: detection's cleaned label (no spaces or line breaks) with
 * the full-width brackets and colon folded, so 维修（护）费 meets 维修(护)费.
 */
export function cleanLabel(s: string): string {
  // Most labels need no change at all: one pass over their few characters tells so, where a lookup
  // in the memo hashes and compares the text (detection reads the labels afresh each audit).
  return needsCleaning(s) ? cleanedLabel(s) : s;
}

/** Does the label hold a space or a full-width （ ） ：, what cleanedLabel removes or folds? */
function needsCleaning(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0xff08 || c === 0xff09 || c === 0xff1a || isSpaceCode(c)) return true;
  }
  return false;
}

// (Rules look up the same few hundred labels again and again: each is cleaned once; a long text,
// never a label, is cleaned afresh rather than kept.)
const cleanedLabel = textMemo((s) => withoutSpaces(s).replace(/（/g, '(').replace(/）/g, ')').replace(/：/g, ':'), 50_000, 200);

export function amountColumns(table: DetectedTable): TableColumn[] {
  return perTable(table, 'amountColumns', () => table.columns.filter((c) => c.role === 'amount').sort((a, b) => a.col - b.col));
}

/** Text of a cell of the table ('' when empty). */
export function textAt(table: DetectedTable, row: number, col: number): string {
  return rowAt(table, row)?.cells[col]?.text ?? '';
}

/** Body rows in sheet order, hidden rows included (hidden figures still have to add up). */
export function bodyRows(table: DetectedTable): TableRow[] {
  return perTable(table, 'bodyRows', () => readBodyRows(table));
}

/**
 * The body's rows picked in one indexed pass (no copy of a big table's rows before filtering them), sorted
 * only when detection gave them out of sheet order: sorting rows already in order, a comparison per row, is
 * what most of a million-cell table's body cost.
 */
function readBodyRows(table: DetectedTable): TableRow[] {
  const [first, last] = table.bodyRows;
  const rows: TableRow[] = [];
  let ordered = true;
  for (let i = 0; i < table.rows.length; i++) {
    const r = table.rows[i];
    if (r.row < first || r.row > last) continue;
    if (rows.length > 0 && r.row < rows[rows.length - 1].row) ordered = false;
    rows.push(r);
  }
  // (A stable sort leaves rows in order, equal ones included, as they are.)
  return ordered ? rows : rows.sort((a, b) => a.row - b.row);
}

/**
 * Does any body row carry a figure (amount or unreadable) in an amount column? An empty table (本表无数据:
 * a 政府性基金 or 国有资本经营 table of most budgets) does not: the rules that read only rows with
 * figures have nothing to read there, and are told so before they build their views of its columns.
 */
export function hasFigures(table: DetectedTable): boolean {
  return perTable(table, 'hasFigures', () => {
    const cols = amountColumns(table).map((c) => c.col);
    return bodyRows(table).some((r) => rowHasFigures(table, r.row, cols));
  });
}

/** Does a row carry any figure (amount or unreadable) in these columns? */
export function rowHasFigures(table: DetectedTable, row: number, cols: number[]): boolean {
  const r = rowAt(table, row);
  if (!r) return false;
  for (const c of cols) {
    const kind = r.cells[c]?.amount.kind;
    if (kind !== undefined && kind !== 'empty' && kind !== 'not-amount') return true;
  }
  return false;
}
