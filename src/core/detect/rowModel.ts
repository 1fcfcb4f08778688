import type Decimal from 'decimal.js';
import { CellAmount, parseAmount, type ParsedAmount } from '../amount';
import type { BlockLine, ColumnRole, RowRole, TableCell, TableColumn, TableRow, UnreadableCell } from '../table';
import type { RawValue } from '../snapshot';
import { isGeneral, NumberCell, WordCell, type GridCell, type SheetGrid } from './sheetGrid';
import { cleanLabel, COUNT_LINE, isStatisticLabel, isSubtotalLabel, isTotalLabel, looksLikeUnitName, unitCodeBeforeName } from './labels';
import { closingTotal, groupHeadings, ofWhichSiblings } from './rowGroups';
import { codeBeforeName, codeDigits, isEconCode, isFunctionCode, joinFunctionCode, leiPart, twoDigitPart } from './codes';
import { charSet, isAsciiDigits, isOneOf } from './charTests';

/**
 * Read the body rows in the domain's terms: each row's role (total, subtotal, unit, detail,
 * line), its name, its normalized codes and its cells with parsed amounts.
 */
export function readRows(
  grid: SheetGrid,
  columns: TableColumn[],
  body: [number, number],
  emptyBody: boolean,
  rowCells: (row: number) => GridCell[] = (row) => grid.cells(row),
): { rows: TableRow[]; unreadable: UnreadableCell[]; decimals: number; roundingDecimals?: number } {
  const rows: TableRow[] = [];
  const unreadable: UnreadableCell[] = [];
  const decimalsSeen = new Tally();
  const grain = new HundredsGrain();
  const layout = layoutOf(columns);
  const sided = columns.some((c) => c.side);
  const sideBlocks = sided ? sideBlocksOf(columns) : [];
  const grouped = columns.some((c) => (c.group ?? 0) > 0);
  const groupLayouts = grouped ? groupLayoutsOf(columns) : [];
  const left = columns.length ? columns[0].col : 1;
  const right = columns.length ? columns[columns.length - 1].col : 0;
  let ofWhichIndent = -1;
  const carry: SplitCarry = {};
  // Which rows show a figure, by position (a Set of a million rows' objects cost more than the rows' reading).
  const withFigures: boolean[] = [];
  const generalCells: NumberCell[] = [];
  const formattedDecimals = new Tally();
  // A row's 合计 / 小计 / 平均 words, told as its cells are read (plainRow does not walk the row again).
  const words: RowWords = { totalText: '', subtotal: false, statistic: false };

  for (let r = body[0]; r <= body[1]; r++) {
    // By column: an array as wide as the row holds them in fewer bytes than an object's elements
    // (a table far to the right, where such an array would be mostly holes, keeps an object).
    const cells: Record<number, TableCell> = right <= DENSE_ROW_WIDTH ? new Array<TableCell>(right + 1) : {};
    let hasAmount = false;
    let count = 0;
    // The row's cells in column order, for what looks at each of them (no key enumeration per row).
    const gridCells = rowCells(r);
    words.totalText = '';
    words.subtotal = false;
    words.statistic = false;
    // The last words read on the row, left of the amounts (see below: a label copied over its merge).
    let copiedLabel: string | undefined;
    for (let i = 0; i < gridCells.length; i++) {
      const gc = gridCells[i];
      if (gc.col < left || gc.col > right) continue;
      const role = layout.roleAt[gc.col];
      let cell: TableCell;
      if (role === 'amount') {
        // Only a number's format counts (text is read as written). A number's grid cell is its
        // table cell too, its text laid out only if something reads it (a message naming it).
        cell =
          gc instanceof NumberCell
            ? gc
            : { row: r, col: gc.col, text: gc.text, amount: typeof gc.raw === 'number' ? parseAmount(gc.raw, gc.format ?? grid.format(r, gc.col)) : parseAmount(gc.raw) };
        const amount = cell.amount;
        // A merged label a converter copied into every cell it spanned (当年支出小计 over C:E): the row's words again in
        // an amount's place, no amount and no unreadable one.
        if (amount.kind === 'invalid' && copiedLabel !== undefined && gc.text === copiedLabel) continue;
        if (amount.kind === 'invalid') unreadable.push({ row: r, col: gc.col, raw: amount.raw, reason: amount.reason });
        if (amount.kind === 'amount') {
          hasAmount = true;
          grain.see(amount);
          // (Figures shown as typed, General: read to the grain of the table's other figures, below, and
          // their decimals seen then.)
          if (gc instanceof NumberCell && isGeneral(gc.format)) generalCells.push(gc);
          else {
            decimalsSeen.see(amount.decimals);
            if (!isZeroAmount(amount)) formattedDecimals.see(amount.decimals);
          }
        }
      } else {
        // Words are their own table cells, holding no amount; a number here (a code typed as one) is none either.
        cell = gc instanceof WordCell ? gc : { row: r, col: gc.col, text: gc.text, amount: { kind: 'not-amount', raw: gc.text } };
        // (A line's name, two characters at least: 无 typed in the blank cells is no name.)
        if (gc.text.length >= 2) copiedLabel = gc.text;
        // The row's words: its cells inside the table, but for the amounts.
        if (!sided) markWords(words, gc.text);
      }
      cells[gc.col] = cell;
      count++;
    }
    if (emptyBody && count === 0) continue;
    const row = sided ? sideRow(grid, r, sideBlocks, cells) : plainRow(grid, r, layout, cells, words, rows.length === 0, hasAmount, body, grouped ? undefined : carry);
    if (grouped) row.groupItems = groupItems(grid, groupLayouts, row);
    if (grid.isHidden(r)) row.hidden = true;
    // The lines that continue a 其中 (其中：公务用车购置费 / the next line indented under it,
    // 公务用车运行费) are of-which lines too: indented deeper than the 其中 line, with no code.
    if (!sided) {
      if (row.role === 'of-which') ofWhichIndent = indentOf(grid, layout, row);
      else if (ofWhichIndent >= 0 && row.role === 'detail' && !row.functionCode && !row.econCode && !row.govEconCode && indentOf(grid, layout, row) > ofWhichIndent) row.role = 'of-which';
      else ofWhichIndent = -1;
    }
    rows.push(row);
    withFigures.push(hasAmount);
  }
  if (!sided && !grouped) {
    unitHeadings(grid, layout, rows);
    unitsByName(rows, withFigures);
  }
  // A General figure (35.8, 0) among figures shown to 0.01 is rounded to 0.01 as they are: its band is theirs.
  // Where no figure has a format, the General figures' own most-seen decimals (of the non-zero ones) are the grain.
  if (generalCells.length > 0) {
    let grainOf = formattedDecimals.mostSeen(-1);
    if (grainOf < 0) {
      const own = new Tally();
      for (const c of generalCells) if (!isZeroAmount(c.amount)) own.see((c.amount as CellAmount).decimals);
      grainOf = own.mostSeen(-1);
    }
    if (grainOf > 0) for (const c of generalCells) c.widenTo(grainOf);
    for (const c of generalCells) decimalsSeen.see((c.amount as CellAmount).decimals);
  }
  const decimals = decimalsSeen.mostSeen(2);
  if (!sided && !grouped) {
    const amountCols = columns.filter((c) => c.role === 'amount').map((c) => c.col);
    // Read with the table's rounding grain (a 元 copy of a 万元 table: whole hundreds).
    const grainDecimals = grain.roundingDecimals() ?? decimals;
    ofWhichSiblings(rows, amountCols, grainDecimals);
    groupHeadings(rows, layout.labelCols, amountCols, grainDecimals, (r) => indentOf(grid, layout, r));
    closingTotal(rows, amountCols, grainDecimals);
  }
  return { rows, unreadable, decimals, roundingDecimals: grain.roundingDecimals() };
}

const DENSE_ROW_WIDTH = 64;

function isZeroAmount(a: ParsedAmount): boolean {
  return a.kind === 'amount' && (a instanceof CellAmount ? a.units === 0 : a.value.isZero());
}

/** How often each number of decimals is seen: counts in an array for the usual 0–15, a Map beyond. */
class Tally {
  private readonly small: number[] = [];
  private readonly other = new Map<number, number>();
  private readonly order: number[] = [];

  see(d: number): void {
    if (d >= 0 && d < 16 && Number.isInteger(d)) {
      if (this.small[d] === undefined) {
        this.small[d] = 0;
        this.order.push(d);
      }
      this.small[d]++;
    } else {
      if (!this.other.has(d)) this.order.push(d);
      this.other.set(d, (this.other.get(d) ?? 0) + 1);
    }
  }

  /** The most seen; of equals the first seen; `none` when nothing was. */
  mostSeen(none: number): number {
    let best = 0;
    let most = none;
    for (const d of this.order) {
      const n = this.small[d] ?? this.other.get(d) ?? 0;
      if (n > best) [most, best] = [d, n];
    }
    return most;
  }
}

/**
 * Figures rounded to whole hundreds: a 元 table made from a 万元 one (×10,000) carries the
 * 万元 rounding (0.01 万元 = 100 元) whatever its number format shows. Enough non-zero figures
 * must all be whole hundreds for that to be the table's grain and not a coincidence.
 */
/** Powers of ten up to 10^15 are exact doubles: a remainder by 10^(exp + 2) is exact for exp ≤ 13. */
const SAFE_EXP = 13;

class HundredsGrain {
  private nonZero = 0;
  private allHundreds = true;
  /** Figures whose hundreds are not all thousands (12,692,400): a 万元 figure's cents show there, a round budget's do not. */
  private oddHundreds = 0;
  see(a: { value: Decimal; units?: number; exp?: number }): void {
    // A figure held as an exact integer is judged on it (no Decimal built).
    if (a.units !== undefined && a.exp !== undefined && a.exp <= SAFE_EXP) {
      if (a.units === 0) return;
      this.nonZero++;
      if (this.allHundreds && a.units % 10 ** (a.exp + 2) !== 0) this.allHundreds = false;
      if (this.allHundreds && a.units % 10 ** (a.exp + 3) !== 0) this.oddHundreds++;
      return;
    }
    const v = a.value;
    if (v.isZero()) return;
    this.nonZero++;
    if (this.allHundreds && !v.mod(100).isZero()) this.allHundreds = false;
    if (this.allHundreds && !v.mod(1000).isZero()) this.oddHundreds++;
  }
  roundingDecimals(): number | undefined {
    // (A 元 table of round budgets — 政府采购 38,400,000.00, a capital injection 5,000,000.00 — is whole thousands
    // throughout: its figures are exact, not a 万元 table × 10,000, whose cents make hundreds in most of them.)
    return this.allHundreds && this.nonZero >= 8 && this.oddHundreds * 3 >= this.nonZero ? -2 : undefined;
  }
}

/**
 * Units as rows with no codes, the department's line over its own units indented under it
 * (某某局 / 某某局本级 / 某某中心): each unit line flush left with indented lines under it heads
 * them as their subtotal. Only where the rows are all of that shape — every line flush left is a
 * unit's name with indented lines under it, every other line indented — else nothing changes.
 */
function unitHeadings(grid: SheetGrid, layout: Layout, rows: TableRow[]): void {
  // A coded table is asked first (its first row says so): listing a big table's details was 4 MB for nothing.
  if (rows.some((r) => r.functionCode || r.econCode || r.govEconCode || r.role === 'unit' || r.role === 'subtotal')) return;
  const details = rows.filter((r) => r.role === 'detail');
  if (details.length < 3) return;
  // The first line is a unit's name flush left (cheap to ask first: most tables stop here).
  if (!looksLikeUnitName(details[0].label)) return;
  const indents = details.map((r) => indentOf(grid, layout, r));
  let flush = Infinity;
  for (const i of indents) {
    if (i < 0) return;
    if (i < flush) flush = i;
  }
  const heads: TableRow[] = [];
  for (let i = 0; i < details.length; i++) {
    if (indents[i] !== flush) {
      if (heads.length === 0) return;
      continue;
    }
    if (!looksLikeUnitName(details[i].label) || i + 1 >= details.length || indents[i + 1] <= flush) return;
    heads.push(details[i]);
  }
  for (const h of heads) h.role = 'subtotal';
}

/**
 * Units as rows in a coded table, named without a code (某某局本级, 某某监督站): each carries its
 * unit's totals and heads that unit's own 类/款/项 rows, the next unit repeating the codes. A row
 * with no code of its own, a unit's name and figures, directly above a 类 row, is such a unit row
 * (its rows run to the next unit row or total). Where a name does not say unit, nothing changes.
 */
function unitsByName(rows: TableRow[], withFigures: boolean[]): void {
  if (!rows.some((r) => r.functionCode || r.econCode)) return;
  for (let i = 0; i + 1 < rows.length; i++) {
    const r = rows[i];
    if (r.role !== 'detail' || r.functionCode || r.econCode || r.govEconCode || !withFigures[i] || !looksLikeUnitName(r.label)) continue;
    const next = rows[i + 1];
    const code = next.functionCode ?? next.econCode;
    if (next.role === 'detail' && code?.length === 3) r.role = 'unit';
  }
}

/** The leading blanks of a row's name (its indent as typed), or −1 when it has no name. */
function indentOf(grid: SheetGrid, layout: Layout, row: TableRow): number {
  for (const col of layout.labelCols) {
    if (!row.cells[col]?.text) continue;
    // The cell as typed (the grid's text is trimmed).
    const raw = grid.raw(row.row, col);
    return typeof raw === 'string' ? /^[\s\u00a0\u3000]*/.exec(raw)![0].length : 0;
  }
  return -1;
}

function textIn(cells: Record<number, TableCell>, col: number): string {
  return cells[col]?.text ?? '';
}

/** One block of lines of a side (收支总表: 收入 | 支出, each perhaps in blocks), found once per table. */
interface SideBlock {
  side: 'income' | 'expenditure';
  block: number;
  labelCol: number;
  amounts: number[];
  /** The side's columns (its label columns of other blocks, its amount columns right of a merge). */
  own: TableColumn[];
}

/** The blocks of both sides in the order a row lists its lines: income first, each side's blocks as its columns first name them. */
function sideBlocksOf(columns: TableColumn[]): SideBlock[] {
  const out: SideBlock[] = [];
  for (const side of ['income', 'expenditure'] as const) {
    const own = columns.filter((c) => c.side === side);
    const blocks = [...new Set(own.map((c) => c.block ?? 0))];
    for (const block of blocks) {
      const cols = own.filter((c) => (c.block ?? 0) === block);
      const labelCol = cols.find((c) => c.role === 'label');
      if (!labelCol) continue;
      out.push({ side, block, labelCol: labelCol.col, amounts: cols.filter((c) => c.role === 'amount').map((c) => c.col), own });
    }
  }
  return out;
}

/** A sheet row of a side-by-side table: the income line(s) on the left, the expenditure line(s) on the right. */
function sideRow(grid: SheetGrid, r: number, sideBlocks: SideBlock[], cells: Record<number, TableCell>): TableRow {
  const lines: NonNullable<TableRow['lines']> = {};
  const blockLines: BlockLine[] = [];
  // A total line over the blocks whose merge a conversion lost (below): the label it carries into the next block.
  let spilled: { side: string; block: number; label: string; labelAt: number } | undefined;
  for (let i = 0; i < sideBlocks.length; i++) {
    const { side, block, labelCol, amounts, own } = sideBlocks[i];
    let label = cleanLabel(textIn(cells, labelCol));
    let labelAt = labelCol;
    // A label merged in from an earlier block of this side (当年支出小计 over C:E) is this block's line too.
    const m = grid.merge(r, labelCol);
    if (!label && m && m.left < labelCol && own.some((c) => c.col === m.left && c.role === 'label')) {
      label = cleanLabel(grid.text(m.top, m.left));
      labelAt = m.left;
    }
    if (!label && spilled?.side === side && spilled.block === block) ({ label, labelAt } = spilled);
    // Its figures: the block's amount columns the label's merge does not cover, else those right of the merge.
    const span = m && m.left === labelAt ? m : grid.merge(r, labelAt);
    let amountCols = span ? amounts.filter((c) => c < span.left || c > span.right) : amounts.slice();
    if (span && amountCols.length === 0) {
      const after = own.filter((c) => c.role === 'amount' && c.col > span.right).map((c) => c.col);
      amountCols = after.length ? [after[0]] : [];
    }
    // The same line with its merge lost (a PDF's conversion, a two-up page): 支出合计 or 结转下年资金 in the 功能分类 block with
    // no figure there, the 支出用途 block's name cell empty and its 金额 holding the figure. The line is both blocks' as if merged.
    const next = sideBlocks[i + 1];
    if (!span && label && next?.side === side && !amountCols.some((c) => cells[c])) {
      const filled = !textIn(cells, next.labelCol) && !grid.merge(r, next.labelCol) ? next.amounts.find((c) => cells[c]) : undefined;
      if (filled !== undefined) {
        amountCols = [filled];
        spilled = { side, block: next.block, label, labelAt };
      }
    }
    const anyAmount = amountCols.some((c) => cells[c]);
    if (!label && !anyAmount) continue;
    blockLines.push({ side, block, label, labelCol: labelAt, amountCols });
    if (!lines[side]) lines[side] = { label, labelCol: labelAt, amountCols };
  }
  const row: TableRow = { row: r, role: 'line', label: lines.income?.label || lines.expenditure?.label || '', cells, lines };
  if (blockLines.length) row.blockLines = blockLines;
  return row;
}

/** Where a table keeps each kind of column, looked up once per table rather than per row. */
interface Layout {
  /** Each column's role, by column (looked up for every cell of the body). */
  roleAt: (ColumnRole | undefined)[];
  labelCols: number[];
  textCols: number[];
  /** The first column of each code role, read on every row (fields, not a lookup by role). */
  code: CodeColumns;
  /** A code column of any kind / of the economic classification. */
  anyCodeColumn: boolean;
  econCodeColumn: boolean;
}

interface CodeColumns {
  fLei?: number;
  fKuan?: number;
  fXiang?: number;
  fWhole?: number;
  eLei?: number;
  eKuan?: number;
  eWhole?: number;
  gLei?: number;
  gKuan?: number;
  gWhole?: number;
  unit?: number;
}

function layoutOf(columns: TableColumn[]): Layout {
  // Sized once to the last column (filled by assignment from an empty array, it grew step by step).
  const roleAt = new Array<ColumnRole | undefined>(columns.length ? columns[columns.length - 1].col + 1 : 0);
  const labelCols: number[] = [];
  const textCols: number[] = [];
  // The first column of each code role, told by a switch as the columns go by (a Map of every role's
  // first column, then a lookup per code role, cost more than reading a small table's rows).
  const code: CodeColumns = {
    fLei: undefined,
    fKuan: undefined,
    fXiang: undefined,
    fWhole: undefined,
    eLei: undefined,
    eKuan: undefined,
    eWhole: undefined,
    gLei: undefined,
    gKuan: undefined,
    gWhole: undefined,
    unit: undefined,
  };
  for (let i = 0; i < columns.length; i++) {
    const { col, role } = columns[i];
    roleAt[col] = role;
    switch (role) {
      case 'label':
        labelCols.push(col);
        break;
      case 'text':
        // (A 备注 is about the row, never its name, code or unit: a year typed there, 2024, was read as a unit's code.)
        if (!REMARKS.test(columns[i].headerPath[columns[i].headerPath.length - 1] ?? '')) textCols.push(col);
        break;
      case 'function-lei':
        code.fLei ??= col;
        break;
      case 'function-kuan':
        code.fKuan ??= col;
        break;
      case 'function-xiang':
        code.fXiang ??= col;
        break;
      case 'function-code':
        code.fWhole ??= col;
        break;
      case 'econ-lei':
        code.eLei ??= col;
        break;
      case 'econ-kuan':
        code.eKuan ??= col;
        break;
      case 'econ-code':
        code.eWhole ??= col;
        break;
      case 'gov-econ-lei':
        code.gLei ??= col;
        break;
      case 'gov-econ-kuan':
        code.gKuan ??= col;
        break;
      case 'gov-econ-code':
        code.gWhole ??= col;
        break;
      case 'unit-code':
        code.unit ??= col;
        break;
    }
  }
  // A code column of any kind (function-code, function-lei, econ-code, econ-lei, gov-econ-code, gov-econ-lei) / of the economic classification.
  const econCodeColumn = code.eWhole !== undefined || code.eLei !== undefined;
  const anyCodeColumn = econCodeColumn || code.fWhole !== undefined || code.fLei !== undefined || code.gWhole !== undefined || code.gLei !== undefined;
  return { roleAt, labelCols, textCols, code, anyCodeColumn, econCodeColumn };
}

/** A 类 part (three digits) or a 款/项 part (two) of a split code in this column. */
function codePart(grid: SheetGrid, r: number, cells: Record<number, TableCell>, col: number | undefined, two: boolean): string {
  const c = col === undefined ? undefined : cells[col];
  if (!c) return '';
  return two ? twoDigitPart(cellRaw(grid, r, c), c.text) : leiPart(cellRaw(grid, r, c), c.text);
}

/** A whole code in this column. */
function wholeCode(grid: SheetGrid, r: number, cells: Record<number, TableCell>, col: number | undefined): string {
  const c = col === undefined ? undefined : cells[col];
  return c ? codeDigits(cellRaw(grid, r, c), c.text) : '';
}

/** A code written before its name in a code column's cell (2080201-行政运行), of the column's kind. */
function codeAndName(cells: Record<number, TableCell>, col: number | undefined, kind: 'function' | 'econ'): { code: string; name: string } | undefined {
  const c = col === undefined ? undefined : cells[col];
  const own = c && typeof c.text === 'string' ? codeBeforeName(cleanLabel(c.text)) : undefined;
  return own && own.kind === kind ? own : undefined;
}

/** A cell's value as stored: the grid's cell is the table's for words and figures, else the grid is asked. */
function cellRaw(grid: SheetGrid, r: number, c: TableCell): RawValue {
  return c instanceof WordCell || c instanceof NumberCell ? c.raw : grid.raw(r, c.col);
}

/** A row's words that make it a total, subtotal or statistic line: the first 合计 (cleaned), any 小计, any 平均 … */
interface RowWords {
  totalText: string;
  subtotal: boolean;
  statistic: boolean;
}

function markWords(words: RowWords, text: string): void {
  if (!words.totalText && isTotalLabel(text)) words.totalText = cleanLabel(text);
  if (!words.subtotal && isSubtotalLabel(text)) words.subtotal = true;
  if (!words.statistic && isStatisticLabel(text)) words.statistic = true;
}

/** The 类 (and 款) of split code columns, carried down to rows that write only their own part. */
interface SplitCarry {
  fLei?: string;
  fKuan?: string;
  eLei?: string;
}

function plainRow(
  grid: SheetGrid,
  r: number,
  layout: Layout,
  cells: Record<number, TableCell>,
  words: RowWords,
  first: boolean,
  hasAmount: boolean,
  body: [number, number],
  carry?: SplitCarry,
): TableRow {

  // Its codes are named here, though found below: a field added to an object literal later lands
  // in a property array of its own (40 bytes more on every row of a big table).
  const row: TableRow = { row: r, role: 'detail', label: '', cells, functionCode: undefined, econCode: undefined, govEconCode: undefined };
  // Names: the first label column with words in it.
  let label = '';
  let codeInLabel = '';
  for (const col of layout.labelCols) {
    const t = cleanLabel(textIn(cells, col));
    if (!t) continue;
    if (isAsciiDigits(t)) {
      codeInLabel ||= t;
      continue;
    }
    label = t;
    break;
  }
  // Most tables have no text column: their rows share one empty list (a list per row was 5 MB of a big table).
  let texts: string[] = NO_TEXTS;
  for (let i = 0; i < layout.textCols.length; i++) {
    const t = cleanLabel(textIn(cells, layout.textCols[i]));
    if (!t) continue;
    if (texts === NO_TEXTS) texts = [];
    texts.push(t);
  }

  // Codes.
  const at = layout.code;
  const fLei = codePart(grid, r, cells, at.fLei, false);
  const fKuan = codePart(grid, r, cells, at.fKuan, true);
  const fXiang = codePart(grid, r, cells, at.fXiang, true);
  let fCode = fLei ? joinFunctionCode(fLei, fKuan, fXiang) : wholeCode(grid, r, cells, at.fWhole) || undefined;
  const eLei = codePart(grid, r, cells, at.eLei, false);
  const eKuan = codePart(grid, r, cells, at.eKuan, true);
  let eCode = eLei ? (eKuan ? eLei + eKuan : eLei) : wholeCode(grid, r, cells, at.eWhole);
  // A code column headed 科目编码 whose cells carry the name too (2080201-行政运行, no name column
  // beside it): the code is the row's, the rest its name.
  if (!fCode && !fLei) {
    const own = codeAndName(cells, at.fWhole, 'function');
    if (own) [fCode, label] = [own.code, label || own.name];
  }
  if (!eCode && !eLei) {
    const own = codeAndName(cells, at.eWhole, 'econ');
    if (own) [eCode, label] = [own.code, label || own.name];
  }
  // Split 类 | 款 | 项 columns where each level's column holds the whole code (201 | 20106 | 2010601, as some
  // finance systems print them): the code is the one written.
  const wholeInPart = fLei ? undefined : wholeFunctionCodeIn(fXiang, fKuan);
  if (wholeInPart) {
    fCode = wholeInPart;
    if (carry) [carry.fLei, carry.fKuan] = [wholeInPart.slice(0, 3), wholeInPart.length >= 5 ? wholeInPart.slice(3, 5) : undefined];
  }
  if (!eLei && eKuan.length === 5 && isEconCode(eKuan)) eCode = eKuan;
  // Split 类 | 款 | 项 columns where each row writes only its own part (the 款 row 06, the 项 row
  // 01): the parts not written are those of the rows above.
  if (carry && !wholeInPart) {
    if (fLei) {
      carry.fLei = fLei;
      carry.fKuan = fKuan || undefined;
    } else if (carry.fLei && isTwoDigits(fKuan)) {
      fCode = joinFunctionCode(carry.fLei, fKuan, fXiang);
      carry.fKuan = fKuan;
    } else if (carry.fLei && carry.fKuan && isTwoDigits(fXiang)) fCode = joinFunctionCode(carry.fLei, carry.fKuan, fXiang);
    if (eLei) carry.eLei = eLei;
    else if (carry.eLei && isTwoDigits(eKuan)) eCode = carry.eLei + eKuan;
  }
  const gLei = codePart(grid, r, cells, at.gLei, false);
  const gKuan = codePart(grid, r, cells, at.gKuan, true);
  const gCode = gLei ? (gKuan ? gLei + gKuan : gLei) : wholeCode(grid, r, cells, at.gWhole);
  const uCode = wholeCode(grid, r, cells, at.unit);

  // A unit row: a unit code beside a unit's name (309 医疗保障局, 707002 …服务中心),
  // wherever the code sits (单位代码, the 类 column, the 类型 column, the name column).
  // Its code may be written before its name in the name cell (118001 某某局本级, 【118001】某某局).
  const unitInLabel = label ? unitCodeBeforeName(label) : undefined;
  const strayCode =
    unitInLabel?.code ||
    codeInLabel ||
    firstNumeral(texts) ||
    (eLei && !eKuan ? eLei : '') ||
    (fLei && !fKuan && fLei.length !== 3 ? fLei : '') ||
    // (A department's code that is a 类's, 210 某县卫生健康委员会, on its line over its units: no 类 is named as a body.)
    (fCode && fCode.length === 3 && label && looksLikeUnitName(label) ? fCode : '') ||
    (eCode && eCode.length > 5 ? eCode : '') ||
    (fCode && fCode.length === 6 ? fCode : '');
  // 小计 and 平均 may stand in any text column (in 编号 under codes, in the name column).
  const totalText = words.totalText;
  const subtotalText = words.subtotal;
  const statisticText = words.statistic;

  // (A 项 row carrying its unit's code as well, 309101 | 2050803 培训支出, is a line of that unit, not the unit.)
  if ((uCode && !(fCode && fCode.length === 7 && label && !looksLikeUnitName(label))) || (strayCode && !totalText)) {
    const unitName = unitNameOf(unitInLabel, label, texts);
    if (uCode || unitName) {
      row.role = 'unit';
      row.unitCode = uCode || strayCode;
      row.label = unitName || label;
      return row;
    }
  }
  // A table with no code column may write each subject's code in its name cell
  // ([201]一般公共服务支出, 2010301 行政运行): the code is the row's, the rest its name.
  // (An economic-range number before a unit's name, 309医疗保障局, is a unit code: no subject code.)
  let inLabel = layout.anyCodeColumn ? undefined : codeBeforeName(label);
  if (inLabel && inLabel.kind !== 'function' && looksLikeUnitName(inLabel.name)) inLabel = undefined;
  row.label = inLabel ? inLabel.name : label;
  if (fCode) row.functionCode = fCode;
  else if (inLabel?.kind === 'function') row.functionCode = inLabel.code;
  if (eCode) row.econCode = eCode;
  else if (inLabel?.kind === 'econ') row.econCode = inLabel.code;
  if (gCode) row.govEconCode = gCode;
  else if (inLabel?.kind === 'gov-econ') row.govEconCode = inLabel.code;

  const anyCode = !!(fCode || eCode || gCode || inLabel);
  // 小计 may sit in its own column beside the category it closes (一般公共预算资金 | 小计).
  // (The name columns are among the words read above: a 小计 there is subtotalText.)
  const subtotalCell = subtotalText;
  let role: RowRole = 'detail';
  // (A line of a count, by its name only — 1.因公出国（境）团组数（个）, 公务用车保有量（辆）: never summed with money.)
  if ((statisticText || mayCount(label)) && !anyCode) role = 'statistic';
  else if (totalText && !anyCode) role = 'total';
  else if (isSubtotalLabel(label) || subtotalCell) role = 'subtotal';
  else if (label.startsWith('其中')) role = 'of-which';
  // 人员经费 / 公用经费 lines over their economic classes (基本支出 in two blocks down the rows).
  else if (!anyCode && layout.econCodeColumn && ECON_HALF.test(label)) role = 'subtotal';
  // An unlabelled first row above the rest is their total; one that names something in a text
  // column (1 | 办公设备购置 | 180,000 under 序号 | 采购项目) is the list's first item.
  else if (first && !label && !texts.length && !anyCode && hasAmount && body[1] > body[0]) role = 'total';
  row.role = role;
  if (!row.label && role === 'total' && totalText) row.label = totalText;
  return row;
}

/** A 款 or 项 column's cell holding a whole functional code (20106, 2010601), not a part of one. */
function wholeFunctionCodeIn(...parts: string[]): string | undefined {
  for (const p of parts) if ((p.length === 5 || p.length === 7) && isFunctionCode(p)) return p;
  return undefined;
}

/** A 款 or 项 part as written: two ASCII digits (/^\d{2}$/ without a pattern's call per row). */
function isTwoDigits(s: string): boolean {
  return s.length === 2 && isAsciiDigits(s);
}

/** The texts of a row with none (never pushed to: a row with texts gets a list of its own). */
const NO_TEXTS: string[] = [];

/**
 * The name a unit row goes by: asked only of a row with a unit's code (most rows have none). A
 * function, not a closure made in plainRow: that was one closure and its context per row.
 */
function unitNameOf(unitInLabel: { name: string } | undefined, label: string, texts: readonly string[]): string | undefined {
  return unitInLabel ? unitInLabel.name : label && looksLikeUnitName(label) ? label : texts.find((t) => looksLikeUnitName(t));
}

/** A 备注 column's header (its words are about the row: no name, code or unit of it). */
const REMARKS = /^\s*(?:备注|附注|说明|备注说明|备\s+注)\s*$/;

/** The first text of three digits or more (an arrow passed to find was a function made per row). */
function firstNumeral(texts: string[]): string | undefined {
  for (let i = 0; i < texts.length; i++) if (texts[i].length >= 3 && isAsciiDigits(texts[i])) return texts[i];
  return undefined;
}

const ECON_HALF = /^(人员经费|公用经费)(小计)?$/;

/** One group's columns of a grouped table (公开06表), found once per table. */
export interface GroupLayout {
  group: number;
  own: TableColumn[];
  codeCol?: TableColumn;
  kuanCol?: TableColumn;
  labelCol?: TableColumn;
  amountCols: number[];
}

/** The groups of a grouped table in the order their columns first name them. */
function groupLayoutsOf(columns: TableColumn[]): GroupLayout[] {
  return [...new Set(columns.map((c) => c.group ?? 0))].map((group) => {
    const own = columns.filter((c) => (c.group ?? 0) === group);
    return {
      group,
      own,
      codeCol: own.find((c) => c.role === 'econ-code' || c.role === 'function-code' || c.role === 'econ-lei' || c.role === 'function-lei'),
      kuanCol: own.find((c) => c.role === 'econ-kuan' || c.role === 'function-kuan'),
      labelCol: own.find((c) => c.role === 'label'),
      amountCols: own.filter((c) => c.role === 'amount').map((c) => c.col),
    };
  });
}

/**
 * Grouped tables (公开06表): each group's code, name and amounts on this row, so a rule can
 * check every group's 301 = Σ 301xx and the 合计 line of each group.
 */
export function groupItems(grid: SheetGrid, groups: GroupLayout[], row: TableRow): NonNullable<TableRow['groupItems']> {
  const items: NonNullable<TableRow['groupItems']> = [];
  for (const { group: g, own, codeCol, kuanCol, labelCol, amountCols: cols } of groups) {
    const label = labelCol ? cleanLabel(textIn(row.cells, labelCol.col)) : '';
    // A 合计 label merged across a group's code and name cells sits in its first cell.
    const totalText = own.map((c) => cleanLabel(textIn(row.cells, c.col))).find((t) => isTotalLabel(t));
    const codeCell = codeCol && row.cells[codeCol.col];
    let code = codeCell ? codeDigits(cellRaw(grid, row.row, codeCell), codeCell.text) : '';
    // Split 类 | 款 columns: the 款 joins its 类 (301 | 01 → 30101).
    const kuanCell = kuanCol && row.cells[kuanCol.col];
    if (code && kuanCell) code += twoDigitPart(cellRaw(grid, row.row, kuanCell), kuanCell.text);
    if (!label && !code && !totalText && !cols.some((c) => row.cells[c])) continue;
    // Each item its own list of columns (as when each row found them afresh).
    const amountCols = cols.slice();
    const item: NonNullable<TableRow['groupItems']>[number] = { group: g, label: label || totalText || '', amountCols };
    if (labelCol) item.labelCol = labelCol.col;
    if (codeCol) item.codeCol = codeCol.col;
    if (code && /^econ-/.test(codeCol?.role ?? '')) item.econCode = code;
    if (code && /^function-/.test(codeCol?.role ?? '')) item.functionCode = code;
    if (totalText && !code) item.total = true;
    items.push(item);
  }
  return items;
}

/** The last characters a count's name ends in (…团组, …人次数, …保有量, …（个）): only such a name is asked the pattern. */
const COUNT_ENDINGS = charSet('组次数量)）');
function mayCount(label: string): boolean {
  return label.length >= 3 && isOneOf(label.charCodeAt(label.length - 1), COUNT_ENDINGS) && COUNT_LINE.test(label);
}
