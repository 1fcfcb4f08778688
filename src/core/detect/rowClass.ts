import type { GridCell, SheetGrid } from './sheetGrid';
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

const AMOUNT_TEXT = /^[(（]?[-−+]?[¥￥$]?\s*[\d０-９][\d０-９,，\s]*([.．。]\s*[\d０-９\s]*)?[)）]?\s*(元|万元)?$/;
const ERROR_TEXT = /^#(REF!|DIV\/0!|VALUE!|NAME\?|N\/A|NUM!|NULL!|SPILL!|CALC!|GETTING_DATA|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!)$/i;
const EMPTY_MARK = /^(-|--|—|——|－|–|\/|／|…|_)$/;

/**
 * A text opening with a Chinese character other than a numeral (行政运行, 合计, 项目): no amount,
 * code, error value or zero mark opens so, nor a numbered line (一、 …). Most words of a sheet are
 * told so by their first character, before any pattern is tried.
 */
function opensWithWord(t: string): boolean {
  const c = t.charCodeAt(0);
  return c >= 0x4e00 && c <= 0x9fff && !NUMERALS.includes(t[0]);
}

const NUMERALS = '一二三四五六七八九十';

/** A cell holding a figure: a number, an amount or code as text, an error value, a zero mark (not a numbered line). */
export function isFigureCell(cell: GridCell): boolean {
  if (typeof cell.raw === 'number' || typeof cell.raw === 'boolean') return true;
  const t = cell.text;
  if (opensWithWord(t)) return false;
  return AMOUNT_TEXT.test(t) || ERROR_TEXT.test(t) || EMPTY_MARK.test(t);
}

/** A cell that only a body row holds: a number, an amount or code as text, an error, a zero mark. */
export function isDataCell(cell: GridCell): boolean {
  if (typeof cell.raw === 'number' || typeof cell.raw === 'boolean') return true;
  const t = cell.text;
  if (opensWithWord(t)) return false;
  return AMOUNT_TEXT.test(t) || ERROR_TEXT.test(t) || EMPTY_MARK.test(t) || isEnumeratedLine(t);
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
  for (const c of cells) {
    const t = c.text.includes('栏') || c.text.includes('行') ? cleanLabel(c.text) : c.text;
    if (t === '栏次' || t === '行次') {
      sawLabel = true;
      continue;
    }
    // The final accounts' code columns head their last header row (类 | 款 | 项 | 栏次 | 1 | 2 …, or
    // 类 | 款 | 项 under a merged 科目名称 | 1 | 2 …): the 栏次 numbers share that row.
    if (t === '类' || t === '款' || t === '项') continue;
    // 栏次 numbers are text, or integers without a money format (codes-as-numbers copies).
    if (!isSmallNumeral(t)) return false;
    if (typeof c.raw === 'number' && (!Number.isInteger(c.raw) || /0\.0/.test(grid.format(row, c.col)))) return false;
    const n = Number(t);
    if (n !== expected && !sawLabel) return false;
    if (sawLabel && n < expected) return false;
    expected = n + 1;
    ints++;
  }
  return ints >= 2 || (sawLabel && ints >= 1);
}

const NO_CELLS: GridCell[] = [];
const NO_TEXTS: string[] = [];

/** An empty row (most rows of a sparse sheet): shares its empty lists. */
export function blankRow(row: number): RowInfo {
  return new ClassifiedRow(row, NO_CELLS, NO_TEXTS);
}

function isEnumeratedOrNumbered(text: string): boolean {
  return isEnumeratedLine(text) || /^[\s\u3000]*\d{1,2}[.、．]/.test(text);
}

/** Which of a row's texts are form numbers and which captions: asked once each, read by several tests. */
interface TextKinds {
  form: boolean[];
  caption: boolean[];
}

function textKinds(texts: string[]): TextKinds {
  return { form: texts.map(isFormNumber), caption: texts.map(looksLikeCaption) };
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
    if (!this.distinct) {
      const texts: string[] = [];
      for (const c of this.cells) if (c.text && !texts.includes(c.text)) texts.push(c.text);
      this.distinct = texts;
    }
    return this.distinct;
  }
}

/** A row's class from its cells: all of them, or those of a part of the sheet (one of two tables side by side). */
export function classifyRow(grid: SheetGrid, row: number, cells: GridCell[] = grid.cells(row)): RowInfo {
  const info = new ClassifiedRow(row, cells);
  if (cells.length === 0) return info;
  if (isColumnNumbers(grid, row, cells)) return withClass(info, 'column-numbers');
  // Most rows of a big sheet are numbers only: data, without looking at any words.
  if (cells.every((c) => typeof c.raw === 'number')) return withClass(info, 'data');
  // A numbered title alone on its row (一、2018年度…收支预算总表, 5.2025年部门…预算表) is a title,
  // not a numbered body line, though it opens like one. (Text cells only: the cheap test first.)
  let kinds: TextKinds | undefined;
  if (cells.every((c) => typeof c.raw === 'string')) {
    const { form, caption } = (kinds = textKinds(info.texts));
    const texts = info.texts;
    const titleText = texts.filter((t, i) => !caption[i] && !form[i]);
    if (titleText.length === 1 && isEnumeratedOrNumbered(titleText[0]) && looksLikeTitle(titleText[0])) {
      info.title = titleText[0].replace(/[\r\n]+/g, '').trim();
      info.formNumber = texts.find((t, i) => form[i]);
      return withClass(info, 'title');
    }
  }
  // Titles, captions and form-number lines hold no amounts: a row with one is a body row
  // (or a note that happens to carry a figure).
  const hasData = cells.some(isDataCell);
  if (hasData) return withClass(info, looksLikeNote(cells[0].text) ? 'note' : 'data');
  const texts = info.texts;
  const { form, caption } = kinds ?? textKinds(texts);
  const formNumber = texts.find((t, i) => form[i]);
  if (formNumber !== undefined) info.formNumber = formNumber;
  const rest = texts.filter((t, i) => !form[i]);
  if (rest.length === 0) return withClass(info, 'form-number');
  // The first cell with words other than a form number holds the first of the rest (texts keep the cells' order).
  if (looksLikeNote(rest[0])) return withClass(info, 'note');
  // A lone sentence saying the table is empty (此表为空 / 本表无数据) is a note, whatever its opening.
  if (rest.length === 1 && (declaresEmpty(rest[0]) || saysNothingToShow(rest[0])) && !isTotalLabel(rest[0])) return withClass(info, 'note');
  // A title line: one title, perhaps with the form number or the unit caption beside it.
  const words = texts.filter((t, i) => !form[i] && !caption[i]);
  if (words.length === 1 && looksLikeTitle(words[0])) {
    info.title = words[0].replace(/[\r\n]+/g, '').trim();
    return withClass(info, 'title');
  }
  // A caption line holds captions only (部门：… | 2023年度 | 单位：万元), or a caption and
  // a word or two; a header row with 单位：万元 in its last cell stays a header row.
  const captions = texts.filter((t, i) => !form[i] && caption[i]).length;
  if (captions > 0 && (captions === rest.length || rest.length <= 2)) return withClass(info, 'caption');
  // A lone 合计 under the header is the (empty) total row of the body.
  if (rest.every((t) => isTotalLabel(t) && cleanLabel(t).length <= 3)) {
    info.totalOnly = true;
    return withClass(info, 'data');
  }
  return withClass(info, 'text');
}
