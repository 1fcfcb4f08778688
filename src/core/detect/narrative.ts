import { cellAddress } from '../address';
import type { DetectedTable } from '../table';
import type { RowInfo } from './rowClass';
import type { SheetGrid } from './sheetGrid';
import { cleanLabel, isPageLine } from './labels';
import { charSet, isOneOf } from './charTests';

/**
 * A narrative sheet (情况说明): lines of prose in one column, no header band. Recognised by
 * its title (…情况说明) or by sentences about the budget (万元, 预算, 决算; `sentences` of them, three
 * unless the prose goes on from a narrative above); random text is not.
 */
export function readNarrative(grid: SheetGrid, rows: RowInfo[], left = 1, sentences = 3): DetectedTable | undefined {
  const filled = rows.filter((r) => r.cls !== 'blank');
  if (!filled.length) return undefined;
  const singleColumn = filled.filter((r) => r.texts.length <= 1 || isProseRow(r)).length >= filled.length * 0.8;
  if (!singleColumn) return undefined;
  // A whole 情况说明 kept in one cell (often one merged cell), its paragraphs with line breaks between, is told by its
  // paragraphs as one a row would be: its title the cell's first line, its sentences the lines under it.
  const byParagraph = filled.length < Math.max(2, sentences) && filled.some((r) => hasLineBreak(r.texts[0] ?? ''));
  const lines = byParagraph ? filled.flatMap((r) => paragraphsIn(r.texts[0] ?? '').map((text) => ({ r, text }))) : filled.map((r) => ({ r, text: r.texts[0] ?? '' }));
  if (lines.length < Math.min(2, sentences)) return undefined;
  // (A paragraph is longer than a title: its length is told before its words are searched.)
  const title = lines.find((line) => isNarrativeTitle(cleanLabel(line.text)));
  const titled = title?.r;
  if (!titled && !atLeast(lines, sentences, ({ text }) => /[。，]/.test(text) && /万元|预算|决算|支出|收入/.test(text))) return undefined;
  // The title line, when it opens the sheet, is not part of the prose.
  const first = titled && titled === filled[0] && filled.length > 1 ? filled[1].row : filled[0].row;
  const last = filled[filled.length - 1].row;
  let right = left;
  for (const r of filled) for (const c of r.cells) right = Math.max(right, c.col);
  // Its columns start at the sheet's first, or at the first of its part of the sheet (prose beside a table).
  const range = { top: filled[0].row, left, bottom: last, right };
  return {
    id: `${grid.name}!${cellAddress(filled[0].row, left)}`,
    sheet: grid.name,
    kind: 'narrative',
    title: title?.text.replace(/[\r\n]+/g, '').trim(),
    range,
    headerRows: null,
    bodyRows: [first, last],
    noteRows: [],
    decimals: 2,
    columns: [],
    rows: [],
    unreadable: [],
    paragraphs: joinWrappedRows(paragraphsOf(filled)),
  };
}

/** A narrative's title: …情况说明, 预算编制说明, 部门决算公开说明 (no longer than a title). */
function isNarrativeTitle(line: string): boolean {
  return line.length <= 60 && /情况说明|(预算|决算)(编制|公开)?的?说明|编制说明/.test(line);
}

/** At least n of the lines are so (counted only as far as n: a sheet of prose has hundreds of sentences). */
function atLeast<T>(lines: T[], n: number, is: (line: T) => boolean): boolean {
  let seen = 0;
  for (const line of lines) if (is(line) && ++seen >= n) return true;
  return false;
}

/**
 * A row of prose over two cells: its numbering or heading in one and its sentence in the next (一、 | 2025年部门收入预算…;
 * （一）“三公”经费 | …), or a sentence split where a cell ended (…其中基本支出 2512.11 万元， | 项目支出 609.31 万元。).
 * No figure stands alone in a cell of it: a table's row names a line and prints its figures.
 */
function isProseRow(r: RowInfo): boolean {
  if (r.texts.length !== 2) return false;
  const [a, b] = r.texts;
  // (An item's number before its sentence, 1 | 2025年部门收入预算…, is its numbering.)
  if ((FIGURE_ALONE.test(a) && !ORDINAL.test(a)) || FIGURE_ALONE.test(b)) return false;
  const longer = a.length >= b.length ? a : b;
  if (longer.length >= 15 && PROSE_MARK.test(longer)) return true;
  // (…or a topic and what is said of it, 项目 | 说明: 人员经费 | 1040.48万元; “三公”经费 | 6.50万元，与上年持平.)
  return a.length <= 12 && !/[\d０-９]/.test(a) && MONEY_SAID.test(b);
}
/** Words saying a sum of money (1040.48万元, 占 9.36%): a cell of prose, not a table's figure. */
const MONEY_SAID = /[\d０-９][\d０-９,，.．]*\s*(?:万元|亿元|千元|元|%|％)/;
const FIGURE_ALONE = /^[\s\d０-９,，.．%％()（）\-−–—+]+$/;
const PROSE_MARK = /[。，,；;]/;
const ORDINAL = /^\s*[\d０-９]{1,2}[.、．]?\s*$/;
/** A numbering alone (一、, （一）): the sentence goes on right after it. */
const SECTION_OPENING_ONLY = /^[\s\u3000]*(?:[一二三四五六七八九十]{1,3}[、.．]|[(（][一二三四五六七八九十\d]{1,3}[)）])\s*$/;

/**
 * Every paragraph of the rows' cells, row by row, left to right (loops: nested flatMaps cost a microsecond a row).
 * A row of prose over two cells is one paragraph, at its first cell: its numbering with its sentence, or a
 * sentence split where a cell ended.
 */
function paragraphsOf(rows: RowInfo[]): { row: number; col: number; text: string }[] {
  const out: { row: number; col: number; text: string }[] = [];
  for (const r of rows) {
    if (isProseRow(r)) {
      const cells = r.cells.filter((c) => !!c.text);
      if (cells.length === 2 && !endsSentence(cells[0].text.trim()) && !hasLineBreak(cells[0].text)) {
        // (A topic before what is said of it: 基本支出 | 1147.92万元 reads 基本支出1147.92万元.)
        // (A bare number is an item's: 1 | 2025年… reads 1、2025年…, never 12025年.)
        // (A topic heads what is said of it as before a colon: 机关运行经费 | 办公费8万元 is 机关运行经费：办公费8万元, no
        // 机关运行经费办公费.)
        const head = cells[0].text.trim();
        const sep = /^[\d０-９]{1,2}$/.test(head) ? '、' : SECTION_OPENING_ONLY.test(head) || /[、：:.．]$/.test(head) ? '' : PROSE_MARK.test(head) ? '' : '：';
        const joined = head + sep + cells[1].text.trim();
        for (const text of paragraphsIn(joined)) out.push({ row: r.row, col: cells[0].col, text });
        continue;
      }
    }
    for (const c of r.cells) {
      if (!c.text) continue;
      for (const text of paragraphsIn(c.text)) out.push({ row: r.row, col: c.col, text });
    }
  }
  return out;
}

/** A line break inside a cell's text (two searches for a character: a pattern scanned paragraphs more slowly). */
function hasLineBreak(text: string): boolean {
  return text.includes('\n') || text.includes('\r');
}

/** A printed line's least length: a PDF's lines of prose are as wide as its page, a heading or a list item is short. */
const WRAPPED_LINE_MIN = 20;

/**
 * Prose pasted from a PDF, one printed line a row: a sentence (and a figure: 1523.0 | 7万元) broken
 * where the page's line ended. A row of one cell that does not end a sentence, is as long as a
 * printed line and is no heading goes on in the row under it, unless that row opens a section.
 * Paragraphs typed one a row end their sentences, and are left as they are.
 */
function joinWrappedRows(paragraphs: { row: number; col: number; text: string }[]): { row: number; col: number; text: string }[] {
  const out: { row: number; col: number; text: string }[] = [];
  let last: { row: number; col: number; line: string } | undefined;
  // The page's width: its longest line (a numbered item's first line runs to it, a heading does not).
  let width = 0;
  for (const p of paragraphs) if (!hasLineBreak(p.text)) width = Math.max(width, p.text.trim().length);
  // Rows of a page's foot and head between two lines of one sentence (- 3 -, 第 3 页，共 9 页): no prose, passed over.
  let skipped = 0;
  for (const p of paragraphs) {
    const onOwnRow = !hasLineBreak(p.text);
    const line = p.text.trim();
    // (The next page's running head under its page number: 某某局2025年部门预算公开.)
    if (onOwnRow && last !== undefined && (isPageMark(line) || (skipped > 0 && line.length <= 40 && RUNNING_HEAD.test(line)))) {
      skipped++;
      continue;
    }
    const prev = out[out.length - 1];
    const goesOn =
      onOwnRow &&
      last !== undefined &&
      prev !== undefined &&
      last.col === p.col &&
      last.row + 1 + skipped === p.row &&
      last.line.length >= WRAPPED_LINE_MIN &&
      !endsSentence(last.line) &&
      !isTitleLike(last.line) &&
      !isHeadingLine(last.line, width) &&
      !OPENS_SECTION.test(line);
    skipped = 0;
    if (goesOn) prev.text += line;
    else out.push({ ...p });
    last = onOwnRow ? { row: p.row, col: p.col, line } : undefined;
  }
  return out;
}

const RUNNING_HEAD = /(公开|预算|决算|说明|情况|报告)$/;

/** A PDF's page number as a converter writes it on a row of its own: 3, - 3 -, 3/10, 第 3 页，共 9 页. */
function isPageMark(line: string): boolean {
  // (A page number typed as a figure shows as the cell's format has it: 3, 3.00.)
  return /^[\d０-９]{1,3}(?:\.0+)?$/.test(line) || isPageLine(line);
}

/**
 * A heading on its row: numbered, no longer than a heading, no figure after its ordinal ((一)农林水支出（类）…（项）).
 * A numbered line that leaves a quote or a bracket open (8.“社会保障和就业支出（类）…（款）其他), or runs to the page's
 * width, is an item's first line going on under it.
 */
function isHeadingLine(line: string, width: number): boolean {
  const m = OPENS_SECTION.exec(line);
  if (!m || line.length > 40 || /[\d０-９]/.test(line.slice(m[0].length))) return false;
  if (leavesOpen(line)) return false;
  return !(width >= 30 && line.length >= width - 2);
}

/**
 * The line leaves a quote or a bracket open, or a subject's path: words after its 类 or 款 with no level of their own
 * (…（类）行政事业单位养老支出（款）其他 | 行政事业单位养老支出（项）…).
 */
function leavesOpen(line: string): boolean {
  return opens(line, '“', '”') || opens(line, '（', '）') || opens(line, '(', ')') || PATH_LEFT_OPEN.test(line);
}
const PATH_LEFT_OPEN = /[（(][类款][)）][^（()）]+$/;

/** More of the opening mark than of the closing one in the line. */
function opens(line: string, open: string, close: string): boolean {
  return line.split(open).length > line.split(close).length;
}

/** A title or heading line: …情况说明, …说明, …情况 (`/(情况说明|说明|情况)$/`, told by its last characters: a pattern anchored at the end is tried at every character of a paragraph). */
function isTitleLike(line: string): boolean {
  return line.endsWith('说明') || line.endsWith('情况');
}

/** A line that opens a heading or a numbered item: 第一部分, 一、, （一）, 1. / 1、, (1). */
const OPENS_SECTION = /^[\s\u3000]*(第[一二三四五六七八九十]+部分|[一二三四五六七八九十]{1,3}[、.．]|[(（][一二三四五六七八九十\d０-９]{1,3}[)）]|[\d０-９]{1,2}[.、．](?![\d０-９]))/;
/** A line that ends a sentence or introduces what follows (`/[。；;！!？?：:]$/`, told by its last character). */
function endsSentence(line: string): boolean {
  return isOneOf(line.charCodeAt(line.length - 1), SENTENCE_ENDS);
}

const SENTENCE_ENDS = charSet('。；;！!？?：:');

/**
 * The paragraphs of one cell. A whole 情况说明 kept in one cell (or a section of it) is its
 * paragraphs with line breaks between: read as one, its headings were lost — a share under
 * （二）一般公共预算当年拨款结构情况 was taken as a share of all spending. A line break inside a
 * sentence (the text pasted from a PDF's lines) is no paragraph's end: the lines are joined there.
 */
export function paragraphsIn(text: string): string[] {
  if (!hasLineBreak(text)) return [text];
  const out: string[] = [];
  let open = false;
  for (const raw of text.split(/\r\n|[\r\n]/)) {
    const line = raw.trim();
    if (!line) {
      open = false;
      continue;
    }
    if (open && !OPENS_SECTION.test(line)) out[out.length - 1] += line;
    else out.push(line);
    const current = out[out.length - 1];
    // A heading (short, numbered, no closing stop) ends where its line ends, as a sentence does; an item's first line
    // leaving a quote or a bracket open goes on.
    open = !endsSentence(current) && !(OPENS_SECTION.test(current) && current.length <= 40 && !leavesOpen(current));
  }
  return out;
}
