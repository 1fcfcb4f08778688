import { NumberCell, type GridCell, type SheetGrid } from './sheetGrid';
import { charSet, cleansTo, isOneOf } from './charTests';
import {
  cleanLabel,
  declaresEmpty,
  saysNothingToShow,
  isEnumeratedLine,
  isFormNumber,
  isTotalLabel,
  looksLikeCaption,
  looksLikeNote,
  looksLikeTitle,
  withoutUnitCaption,
} from './labels';

/**
 * What one sheet row is, before any table is known:
 * - blank;
 * - form-number (预算03表 alone), title (…预算表), caption (单位：万元, 部门：…);
 * - note (注：…, 说明：…);
 * - column-numbers: the 栏次 row of final-accounts tables (栏次 1 2 3 …), part of the header;
 * - text: words only (a header row, a label-only body line, a stray line);
 * - data: amounts, codes, error values, numbered lines or a lone 合计.
 */
export type RowClass = 'blank' | 'form-number' | 'title' | 'caption' | 'note' | 'column-numbers' | 'text' | 'data';

export interface RowInfo {
  row: number;
  cls: RowClass;
  cells: GridCell[];
  /** Distinct non-empty texts of the row's own cells, in order. */
  texts: string[];
  /** The title text, when cls is title. */
  title?: string;
  /** A form number found in the row (alone or beside the title). */
  formNumber?: string;
  /** Data only because it is a lone 合计 / 总计 (the header band may still own it). */
  totalOnly?: boolean;
}

// (A minus may be typed as an en dash: Word's autoformat makes one of a hyphen before a figure.)
const AMOUNT_TEXT = /^[(（]?[-−–+]?[¥￥$]?\s*[\d０-９][\d０-９,，\s]*([.．。]\s*[\d０-９\s]*)?[)）]?\s*(元|万元)?$/;
// (UNCALCULATED, a formula stored without its result, is spelt as one: snapshot.ts.)
const ERROR_TEXT = /^#(REF!|DIV\/0!|VALUE!|NAME\?|N\/A|NUM!|NULL!|SPILL!|CALC!|GETTING_DATA|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!|UNCALCULATED!)$/i;
const EMPTY_MARK = /^(-|--|—|——|－|–|\/|／|…|_)$/;

/**
 * A text opening with a Chinese character other than a numeral (行政运行, 合计, 项目): no amount,
 * code, error value or zero mark opens so, nor a numbered line (一、 …). Most words of a sheet are
 * told so by their first character, before any pattern is tried.
 */
function opensWithWord(t: string): boolean {
  const c = t.charCodeAt(0);
  return c >= 0x4e00 && c <= 0x9fff && !isOneOf(c, NUMERALS);
}

/** The numerals, told by code (t[0] of a Chinese text is a new one-character string each time). */
const NUMERALS = charSet('一二三四五六七八九十');

/** A cell holding a figure: a number, an amount or code as text, an error value, a zero mark (not a numbered line). */
export function isFigureCell(cell: GridCell): boolean {
  if (cell instanceof NumberCell) return true;
  const raw = cell.raw;
  if (typeof raw === 'number' || typeof raw === 'boolean') return true;
  return isFigureText(cell.text);
}

/** The text of a cell holding words (no number or boolean) shows a figure: an amount or code, an error value, a zero mark. */
export function isFigureText(t: string): boolean {
  if (opensWithWord(t)) return false;
  return AMOUNT_TEXT.test(t) || ERROR_TEXT.test(t) || EMPTY_MARK.test(t);
}

/** A cell that only a body row holds: a figure (isFigureCell), or a numbered line (一、…). */
export function isDataCell(cell: GridCell): boolean {
  return isFigureCell(cell) || (!opensWithWord(cell.text) && isEnumeratedLine(cell.text));
}

/** One to three ASCII digits (a 栏次 number), told without a pattern: asked of the first cells of every row. */
function isSmallNumeral(t: string): boolean {
  if (t.length === 0 || t.length > 3) return false;
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

function isColumnNumbers(grid: SheetGrid, row: number, cells: GridCell[]): boolean {
  let expected = 1;
  let ints = 0;
  let sawLabel = false;
  let moneyFormatted = false;
  // (Indexed loops here and in classifyRow: they run for every row of a sheet, and a for…of allocates
  // an iterator step by step until V8 has optimised the function.)
  for (let i = 0; i < cells.length; i++) {
    const c = cells[i];
    const t = c.text;
    // A text holding 栏 or 行 is the 栏次 / 行次 label or ends the row's numbers (it is no numeral):
    // told without cleaning it (a paragraph holding 执行 or 运行 was copied without its spaces).
    if (t.includes('栏') || t.includes('行')) {
      if (!cleansTo(t, '栏次') && !cleansTo(t, '行次')) return false;
      sawLabel = true;
      continue;
    }
    // The final accounts' code columns head their last header row (类 | 款 | 项 | 栏次 | 1 | 2 …, or
    // 类 | 款 | 项 under a merged 科目名称 | 1 | 2 …): the 栏次 numbers share that row.
    if (t === '类' || t === '款' || t === '项') continue;
    // The report forms name their label columns by the stems, as their figures' columns by number (甲 | 乙 | 1 | 2 …):
    // passed over as 类 | 款 | 项 are (the numbers then still count from 1).
    if (t.length === 1 && isOneOf(t.charCodeAt(0), COLUMN_STEMS)) continue;
    // 栏次 numbers are text, or integers without a money format (codes-as-numbers copies).
    if (typeof c.raw === 'number' && !Number.isInteger(c.raw)) return false;
    // (Integers in a money format are figures — unless the whole row counts 1, 2, 3, 4 … or says 栏次: below.
    // Their text shows the format, 1.00: the number is read from the value.)
    const money = typeof c.raw === 'number' && /0\.0/.test(grid.format(row, c.col));
    if (money) moneyFormatted = true;
    const shown = money ? String(c.raw) : t;
    if (!isSmallNumeral(shown)) return false;
    const n = Number(shown);
    if (n !== expected && !sawLabel) return false;
    if (sawLabel && n < expected) return false;
    expected = n + 1;
    ints++;
  }
  // A 栏次 row formatted as the money under it (a system's export): told by its label or a count of four and more.
  if (moneyFormatted) return sawLabel ? ints >= 2 : ints >= 4;
  return ints >= 2 || (sawLabel && ints >= 1);
}

/** The stems a report form's label columns are numbered by (甲 乙 丙 丁 …, its figures' columns by 1 2 3 …). */
const COLUMN_STEMS = charSet('甲乙丙丁戊己');

const NO_CELLS: GridCell[] = [];
const NO_TEXTS: string[] = [];

/** An empty row (most rows of a sparse sheet): shares its empty lists. */
export function blankRow(row: number): RowInfo {
  return new ClassifiedRow(row, NO_CELLS, NO_TEXTS);
}

function isEnumeratedOrNumbered(text: string): boolean {
  return isEnumeratedLine(text) || /^[\s\u3000]*\d{1,2}[.、．]/.test(text);
}

/**
 * A row's texts sorted once for the tests below: the form numbers (预算03表) apart, the rest, and of
 * the rest the words that are no caption (单位：万元, 部门：…) — counted, with the first of each.
 */
interface RowWords {
  /** The first form number (set in the literal, though found later: one shape for every row's words). */
  formNumber: string | undefined;
  /** Texts other than form numbers, and the first of them. */
  rest: number;
  firstRest: string;
  /**
   * Of those, the captions; and the others (the words that may be a title), with the first of them.
   * Counted until two words are seen: a row then is neither a title of one word nor a caption line
   * (its captions can no longer be all of the rest, nor two words hold one), whatever the rest are.
   */
  captions: number;
  /** Of the words, a unit alone (万元, 元): a caption beside others (部门：… | 2024年度 | 万元), a header word alone. */
  units: number;
  words: number;
  firstWord: string;
}

const BARE_UNIT = /^\s*(?:万元|千元|亿元|元)\s*$/;

function wordsOf(texts: string[]): RowWords {
  const out: RowWords = { formNumber: undefined, rest: 0, firstRest: '', captions: 0, units: 0, words: 0, firstWord: '' };
  for (let i = 0; i < texts.length; i++) {
    const t = texts[i];
    if (isFormNumber(t)) {
      out.formNumber ??= t;
      continue;
    }
    if (out.rest++ === 0) out.firstRest = t;
    // (A header row's many words are not each asked whether they are a caption: see RowWords.)
    if (out.words >= 2) continue;
    if (looksLikeCaption(t)) out.captions++;
    else {
      if (BARE_UNIT.test(t)) out.units++;
      if (out.words++ === 0) out.firstWord = t;
    }
  }
  return out;
}

/** Every text but the form numbers is a short 合计 / 总计 (a lone total line under the header). */
function onlyShortTotals(texts: string[]): boolean {
  for (let i = 0; i < texts.length; i++) {
    const t = texts[i];
    if (isTotalLabel(t) && cleanLabel(t).length <= 3) continue;
    // (Whether it is a form number is asked again only of a text that is no short total: a row of
    // words stops at its first, and no list of the answers is kept per row.)
    if (!isFormNumber(t)) return false;
  }
  return true;
}

function withClass(info: RowInfo, cls: RowClass): RowInfo {
  info.cls = cls;
  return info;
}

/**
 * A classified row. Its texts are gathered when first read: a body row of figures is classed by
 * its cells' kinds, and laying out each number's text for it was most of classing a big sheet.
 */
class ClassifiedRow implements RowInfo {
  // Every field is set in the constructor, in one order: rows of every class then share one shape,
  // and the passes reading row after row (regions, extents, side by side) read them at one place.
  cls: RowClass = 'blank';
  title: string | undefined = undefined;
  formNumber: string | undefined = undefined;
  totalOnly: boolean | undefined = undefined;

  constructor(
    readonly row: number,
    readonly cells: GridCell[],
    private distinct: string[] | undefined = undefined,
  ) {}

  get texts(): string[] {
    return (this.distinct ??= distinctTexts(this.cells));
  }
}

/** Rows this long keep a set of the texts seen beside the list (includes over the list is quadratic in a wide header row). */
const FEW_TEXTS = 8;

/** The cells' non-empty texts, each once, in the cells' order. */
function distinctTexts(cells: GridCell[]): string[] {
  const texts: string[] = [];
  if (cells.length <= FEW_TEXTS) {
    for (let i = 0; i < cells.length; i++) {
      const t = cells[i].text;
      if (t && !texts.includes(t)) texts.push(t);
    }
    return texts;
  }
  const seen = new Set<string>();
  for (let i = 0; i < cells.length; i++) {
    const t = cells[i].text;
    if (t && !seen.has(t)) {
      seen.add(t);
      texts.push(t);
    }
  }
  return texts;
}

/** A row's class from its cells: all of them, or those of a part of the sheet (one of two tables side by side). */
export function classifyRow(grid: SheetGrid, row: number, cells: GridCell[] = grid.cells(row)): RowInfo {
  const info = new ClassifiedRow(row, cells);
  if (cells.length === 0) return info;
  if (isColumnNumbers(grid, row, cells)) return withClass(info, 'column-numbers');
  let numbers = 0;
  let strings = 0;
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i];
    // A grid's number is told by its class: reading its value boxed a new double per figure.
    if (cell instanceof NumberCell) {
      numbers++;
      continue;
    }
    const raw = cell.raw;
    if (typeof raw === 'number') numbers++;
    else if (typeof raw === 'string') strings++;
  }
  // A date typed as a date (a finance system's 2024年1月15日 under the table, or beside the captions): a
  // stamp, no figure. (Asked of rows of one number only: a row of figures is not looked at cell by cell.)
  let stamp: GridCell | undefined;
  if (numbers === 1 && cells.length <= 4) {
    stamp = cells.find((c) => c instanceof NumberCell && c.isDate);
    if (stamp && cells.length === 1) return withClass(info, 'note');
    if (stamp) [numbers, strings] = [0, strings + 1];
  }
  // Most rows of a big sheet are numbers only: data, without looking at any words.
  if (numbers === cells.length) return withClass(info, 'data');
  // A numbered title alone on its row (一、2018年度…收支预算总表, 5.2025年部门…预算表) is a title,
  // not a numbered body line, though it opens like one. (Text cells only: the cheap test first.)
  let words: RowWords | undefined;
  if (strings === cells.length) {
    words = wordsOf(info.texts);
    if (words.words === 1 && isEnumeratedOrNumbered(words.firstWord) && looksLikeTitle(words.firstWord)) {
      info.title = withoutUnitCaption(words.firstWord).replace(/[\r\n]+/g, '').trim();
      info.formNumber = words.formNumber;
      return withClass(info, 'title');
    }
  }
  // Titles, captions and form-number lines hold no amounts: a row with one is a body row
  // (or a note that happens to carry a figure).
  // (A number is a figure: a row holding one need not be looked at again, cell by cell.)
  const hasData = numbers > 0 || cells.some((c) => c !== stamp && isDataCell(c));
  if (hasData) return withClass(info, looksLikeNote(cells[0].text) ? 'note' : 'data');
  words ??= wordsOf(info.texts);
  if (words.formNumber !== undefined) info.formNumber = words.formNumber;
  if (words.rest === 0) return withClass(info, 'form-number');
  // The first cell with words other than a form number holds the first of the rest (texts keep the cells' order).
  const first = words.firstRest;
  if (looksLikeNote(first)) return withClass(info, 'note');
  // A lone sentence saying the table is empty (此表为空 / 本表无数据) is a note, whatever its opening.
  if (words.rest === 1 && (declaresEmpty(first) || saysNothingToShow(first)) && !isTotalLabel(first)) return withClass(info, 'note');
  // A title line: one title, perhaps with the form number or the unit caption beside it.
  if (words.words === 1 && looksLikeTitle(words.firstWord)) {
    info.title = withoutUnitCaption(words.firstWord).replace(/[\r\n]+/g, '').trim();
    return withClass(info, 'title');
  }
  // A caption line holds captions only (部门：… | 2023年度 | 单位：万元), or a caption and
  // a word or two; a header row with 单位：万元 in its last cell stays a header row.
  if (words.captions > 0 && (words.captions + words.units === words.rest || words.rest <= 2)) return withClass(info, 'caption');
  // A lone 合计 under the header is the (empty) total row of the body.
  if (onlyShortTotals(info.texts)) {
    info.totalOnly = true;
    return withClass(info, 'data');
  }
  return withClass(info, 'text');
}
