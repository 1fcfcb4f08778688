import type { SheetGrid } from './sheetGrid';
import { isFigureCell, type RowInfo } from './rowClass';
import { isHeaderWord, isPageLine, looksLikeTitle, looksLikeUnitName } from './labels';

/**
 * A table's rows on the sheet, found from the row classes alone:
 * preamble (form number, title, captions) → header band → body → notes.
 */
export interface TableRegion {
  /** First row of the region (form number or title when present). */
  top: number;
  /** Last row: the last note row, or the last body row. */
  bottom: number;
  titleRow?: number;
  title?: string;
  formNumber?: string;
  /** Caption rows (单位：万元, 部门：…). */
  captionRows: number[];
  headerRows: [number, number];
  bodyRows: [number, number];
  noteRows: number[];
  /** The body held no row at all: the row under the header stands for it (empty table). */
  emptyBody: boolean;
  /** Rows inside the body that are a page's break, not lines of the table: the page line, the title and header printed again. */
  breakRows: number[];
}

interface Preamble {
  top?: number;
  titleRow?: number;
  title?: string;
  formNumber?: string;
  captionRows: number[];
}

const freshPreamble = (): Preamble => ({ captionRows: [] });

/**
 * The most blank rows a body bridges to the data under them. Tables leave a few blank bordered
 * rows inside; a figure a million rows further down (a stray value at row 1,048,576) is not part
 * of the table, and bridging to it would make the table, and every check over its rows, as long
 * as the sheet instead of as long as its figures.
 */
const MAX_BLANK_RUN_IN_BODY = 100;
const MAX_BLANK_ROWS_UNDER_HEADER = 2;

/** A row holding one whole number of at most three digits, shown so, and nothing else: a page's number. */
function isPageNumberRow(row: RowInfo): boolean {
  return row.cells.length === 1 && typeof row.cells[0].raw === 'number' && /^\d{1,3}$/.test(row.cells[0].text);
}

/** A title that ends as a table's or a part's does (…收支总表, …情况说明, …表（续）). */
const COMPLETE_TITLE = /(表|说明|情况|目录)[)）]?$|[（(]续[)）]$/;

/**
 * Words alone on a row that may be a wrapped title's first: a year or the money's words (2024年财政拨款, 一般公共预算,
 * 收入预), not a title ending as one does, and not the department's name a PDF prints atop every page (江苏省高级人民法院,
 * 某某部门), which no page's title takes.
 */
function isTitleStart(text: string): boolean {
  return TITLE_WORDS.test(text) && !COMPLETE_TITLE.test(text) && !looksLikeUnitName(text);
}
const TITLE_WORDS = /\d{4}\s*年|预算|决算|收入|支出|收支|财政|拨款|经费|三公|基金|资本|采购/;
/** A title's year opens it: a row under words alone that names its own year is a title of its own (焦作市医疗保障局2023年度部门决算 over 2025年部门收入预算表 is a running head). */
const YEAR = /\d{4}\s*年/;

/** A row that ends a body or a note block and belongs to what comes next. */
function startsSomethingNew(info: RowInfo): boolean {
  return info.cls === 'title' || info.cls === 'form-number' || info.cls === 'caption';
}

/**
 * A line that continues the notes: numbered (2. 按照…), about the table (本表仅含…), or a
 * sentence (…故本表无数据。). A short heading such as 第二部分 is not.
 */
function continuesNote(text: string): boolean {
  return /^[\d０-９(（]/.test(text.trim()) || /[。；;.]$/.test(text.trim()) || /本表|本单位|本部门|我单位|我部门/.test(text);
}

/**
 * The first row of another table's header: labels, most of them header words, and either
 * three or more of them or a label merged over the cells beside or below (as header cells are).
 * Two bare labels (上年结转结余 | 年终结转结余) are a body line of a summary table.
 */
function looksLikeHeaderRow(grid: SheetGrid, info: RowInfo): boolean {
  if (info.texts.length < 2) return false;
  const words = info.texts.filter(isHeaderWord).length;
  if (words < 2 || words * 2 < info.texts.length) return false;
  if (info.texts.length >= 3) return true;
  return info.cells.some((c) => {
    const m = grid.merge(info.row, c.col);
    return !!m && m.top === info.row && m.left === c.col && (m.bottom > m.top || m.right > m.left);
  });
}

/** The same words in the same columns: a header row printed again. */
function sameCells(a: RowInfo, b: RowInfo): boolean {
  if (a.cells.length !== b.cells.length || a.cells.length === 0) return false;
  return a.cells.every((c, i) => c.col === b.cells[i].col && c.text === b.cells[i].text);
}

/** The table's own title again, or saying it goes on: 收入支出决算总表（续）, 续表, 接上表. */
function sameTitleGoingOn(info: RowInfo, title: string | undefined): boolean {
  if (info.cls !== 'title' || title === undefined || info.title === undefined) return false;
  const bare = (t: string): string => t.replace(/[（(]\s*续\s*\d*\s*[)）]|续表|接上表|[\s\u3000]+/g, '');
  return bare(info.title) === bare(title);
}

/**
 * Where a table's body goes on after a page's break, or 0 when what stands at row k is no such break.
 * Pages pasted one under another (from a PDF, or a finance system's print) interrupt a body with a
 * page line (第 2 页 共 3 页) and may print the table's title again (…（续）), its form number and
 * captions, and its whole header band, word for word, before the rows go on. Read as the end of the
 * table, the rest became a table of its own (or none), and the first part's 合计 no longer covered
 * its rows: a wall of errors about figures that are right. Only a break followed by more rows of
 * figures counts; anything else still ends the body.
 */
function bodyGoesOnAfter(at: (r: number) => RowInfo, k: number, n: number, header: [number, number], title: string | undefined): number {
  let m = k;
  let pageLine = false;
  while (m <= n && (at(m).cls === 'blank' || (at(m).texts.length === 1 && (isPageLine(at(m).texts[0]) || CONTINUED_MARK.test(at(m).texts[0]))))) {
    if (at(m).cls !== 'blank') pageLine = true;
    m++;
  }
  let h = m;
  while (h <= n && (at(h).cls === 'blank' || at(h).cls === 'form-number' || at(h).cls === 'caption' || sameTitleGoingOn(at(h), title))) h++;
  const height = header[1] - header[0] + 1;
  let repeated = h + height - 1 <= n;
  for (let i = 0; repeated && i < height; i++) repeated = sameCells(at(header[0] + i), at(h + i));
  if (repeated) m = h + height;
  else if (!pageLine) return 0;
  while (m <= n && at(m).cls === 'blank') m++;
  return m <= n && at(m).cls === 'data' ? m : 0;
}

/** A line saying the table goes on, alone in its row (续表, 续表1, （续）, 接上表), as a page line does. */
const CONTINUED_MARK = /^\s*(?:续表\s*\d*|[（(]\s*续\s*\d*\s*[)）]|续|接上表)\s*$/;

/** Header rows have at least two labels, or one label merged across columns. */
function canStartHeader(grid: SheetGrid, info: RowInfo): boolean {
  if (info.cls !== 'text') return false;
  if (info.cells.length >= 2) return true;
  const c = info.cells[0];
  const m = grid.merge(info.row, c.col);
  return !!m && m.right > m.left && m.bottom > m.top;
}

/**
 * Split a sheet into table regions. One pass over the rows (plus bounded look-ahead over
 * blank rows), so it stays linear on very large sheets.
 */
export function findRegions(grid: SheetGrid, rows: RowInfo[]): TableRegion[] {
  return [...regionsIn(grid, rows, 1, rows.length)];
}

/**
 * The table regions of rows from..to, one at a time: a caller that reads the rows after a region
 * otherwise (two tables side by side, regions.ts's caller) starts again after it, and the rows not
 * yet reached were never looked at (`rows` holds rows[r - 1] for r in from..to).
 */
export function* regionsIn(grid: SheetGrid, rows: RowInfo[], from: number, to: number): Generator<TableRegion> {
  const n = to;
  const at = (r: number): RowInfo => rows[r - 1];
  let pre = freshPreamble();
  let r = from;
  // The last row of a few words alone that no region took: a title's first words, when a title's rest is under it.
  let lone: { row: number; text: string } | undefined;
  /** The row's words are the rest of a title whose first words stand alone on the row above: taken as the title. */
  const wrappedTitle = (rest: string): boolean => {
    if (lone?.row !== r - 1 || !isTitleStart(lone.text) || YEAR.test(rest) || !looksLikeTitle(lone.text + rest)) return false;
    pre.top = Math.min(pre.top ?? r - 1, r - 1);
    pre.titleRow = r - 1;
    pre.title = lone.text + rest;
    return true;
  };
  while (r <= n) {
    const info = at(r);
    switch (info.cls) {
      case 'blank':
      case 'column-numbers':
      case 'note':
      case 'data':
        // Nothing to anchor a table on: data without a header is not a table we can read.
        if (info.cls === 'data' || info.cls === 'note') pre = freshPreamble();
        r++;
        continue;
      case 'form-number':
        // A second form number starts another preamble; one under the title is this table's.
        if (pre.formNumber !== undefined) pre = freshPreamble();
        pre.top ??= r;
        pre.formNumber ??= info.formNumber;
        r++;
        continue;
      case 'title':
        if (pre.titleRow !== undefined) pre = freshPreamble();
        // A long title wrapped at a word: its first words alone on the row above, no title of their own (2024年财政拨款 |
        // 收支预算总表, 一般公共预算 | 财政拨款支出决算表). (Words that end as a title does, …表 or …说明, are a title.)
        if (info.title && wrappedTitle(info.title)) {
          pre.formNumber ??= info.formNumber;
          r++;
          continue;
        }
        pre.top ??= r;
        pre.titleRow = r;
        pre.title = info.title;
        pre.formNumber ??= info.formNumber;
        r++;
        continue;
      case 'caption':
        pre.top ??= r;
        pre.captionRows.push(r);
        pre.formNumber ??= info.formNumber;
        r++;
        continue;
      case 'text':
        if (!canStartHeader(grid, info)) {
          const single = info.cells.length === 1 && info.texts.length === 1 && info.texts[0].length <= 30;
          // (…and a title wrapped over two rows, neither half a title alone: 收入预 | 算总表.)
          if (single && pre.titleRow === undefined && wrappedTitle(info.texts[0])) {
            lone = undefined;
            r++;
            continue;
          }
          lone = single ? { row: r, text: info.texts[0] } : undefined;
          r++;
          continue;
        }
    }
    // Header band: text rows (and the 栏次 row) from here, at least as far as the merged
    // header cells reach.
    const headerStart = r;
    let mergeBottom = r;
    const reach = (row: number): void => {
      for (const c of at(row).cells) {
        const m = grid.merge(row, c.col);
        if (m && m.top === row && m.bottom > mergeBottom) mergeBottom = m.bottom;
      }
    };
    reach(r);
    let headerEnd = r;
    while (headerEnd + 1 <= n) {
      const next = at(headerEnd + 1);
      const insideMerges = headerEnd + 1 <= mergeBottom;
      // A lone sentence under the header (本表无数据) is the body, not another header row.
      const ok =
        next.cls === 'column-numbers' ||
        (next.cls === 'text' && (insideMerges || next.cells.length >= 2 || isHeaderWord(next.texts[0]))) ||
        (insideMerges && (next.cls === 'blank' || next.totalOnly === true)) ||
        // A header cell's words wrapped onto the row under it, the cells beside merged down over it (机关（机构） |
        // 运行经费支出): read alone, the words look like a title; right of the band's first cell, they are none.
        (insideMerges && next.cls === 'title' && next.cells.length === 1 && next.cells[0].col > (at(headerStart).cells[0]?.col ?? Infinity)) ||
        // A hidden row under the header, its field names left out (sheetGrid.ts): not printed, it parts nothing.
        (next.cls === 'blank' && grid.isHidden(headerEnd + 1) && headerEnd + 2 <= n && at(headerEnd + 2).cls !== 'blank');
      if (!ok) break;
      headerEnd++;
      reach(headerEnd);
    }
    // Body: data and text lines until a note, a new title/caption, or blank rows followed by
    // something that is not data.
    let k = headerEnd + 1;
    let lastBody = headerEnd;
    // Columns the body has shown figures in: a stacked table's header labels them (金额,
    // 预算数); a label-only line of this table (上年结转资金 | 结转下年资金) leaves them empty.
    const figureCols = new Set<number>();
    // The body's data rows not yet looked at for their figures: read only when a row that may head
    // a stacked table asks (most bodies never do), each row once.
    const unread: RowInfo[] = [];
    const figureColumns = (): Set<number> => {
      for (const data of unread) for (const c of data.cells) if (isFigureCell(c)) figureCols.add(c.col);
      unread.length = 0;
      return figureCols;
    };
    const breakRows: number[] = [];
    // Single blank rows bridged between lines of the body, and lines right under the one above.
    let spacedGaps = 0;
    let closeLines = 0;
    const pageBreak = (from: number): boolean => {
      const goesOn = bodyGoesOnAfter(at, from, n, [headerStart, headerEnd], pre.title);
      if (!goesOn) return false;
      for (let b = k; b < goesOn; b++) breakRows.push(b);
      k = goesOn;
      return true;
    };
    while (k <= n) {
      const row = at(k);
      if (row.cls !== 'data' && row.cls !== 'blank' && lastBody > headerEnd && pageBreak(k)) continue;
      // A header row of the next table stacked right under this one (no title, no blank).
      if (row.cls === 'text' && lastBody > headerEnd && looksLikeHeaderRow(grid, row)) {
        const figures = figureColumns();
        if (row.cells.some((c) => figures.has(c.col))) break;
      }
      if (row.cls === 'data' || row.cls === 'text' || row.cls === 'column-numbers') {
        // A figure, not a numbered line: isFigureCell is isDataCell less the numbered lines (no text is both).
        if (row.cls === 'data') unread.push(row);
        if (lastBody === k - 1 && lastBody > headerEnd) closeLines++;
        lastBody = k;
        k++;
        continue;
      }
      if (row.cls === 'blank') {
        let m = k;
        while (m <= n && at(m).cls === 'blank') m++;
        // Right under the header only a spacer row or two is bridged (a blank bordered row above the
        // 合计): cut there, the table kept no line, its rows were no table and their checks were lost.
        if (m <= n && m - k <= (lastBody > headerEnd ? MAX_BLANK_RUN_IN_BODY : MAX_BLANK_ROWS_UNDER_HEADER) && at(m).cls === 'data') {
          if (m - k === 1 && lastBody > headerEnd) spacedGaps++;
          k = m;
          continue;
        }
        // A body whose every line so far stood a blank row apart (a PDF's row spacing converted to rows) goes on over
        // its next one to a line of words (上年结转资金 | 结转下年资金, 政府性基金 | 小计), as it did to lines of figures.
        if (m - k === 1 && m <= n && spacedGaps >= 2 && closeLines === 0 && at(m).cls === 'text' && !/[。；;]$/.test(at(m).texts.join(''))) {
          spacedGaps++;
          k = m;
          continue;
        }
        if (m <= n && m - k <= MAX_BLANK_RUN_IN_BODY && lastBody > headerEnd && pageBreak(m)) continue;
        break;
      }
      break;
    }
    // A PDF's page number converted into the grid under the last line (5, alone on its row, no label, shown without
    // decimals as no amount of the table is): no line of the table.
    // (Right under the last line or a blank row or two lower: a figure further down, under a run of blank rows, is the
    // table's still.)
    if (lastBody > headerEnd + 1 && isPageNumberRow(at(lastBody)) && !(grid.hasMerges && grid.rowHasMerges(lastBody))) {
      let above = lastBody - 1;
      while (above > headerEnd && at(above).cls === 'blank' && lastBody - above <= 2) above--;
      // (Above it a line of the table: cells beside each other, or a line of words alone, a 其中 line under its 小计.)
      if (above > headerEnd && at(above).cls !== 'blank' && (at(above).cells.length >= 2 || at(above).cls === 'text')) lastBody = above;
    }
    // Notes: 注：… and the lines that continue it.
    const noteRows: number[] = [];
    let q = lastBody + 1;
    while (q <= n && at(q).cls === 'blank' && q - lastBody <= 2) q++;
    if (q <= n && at(q).cls === 'note') {
      while (q <= n) {
        const row = at(q);
        if (row.cls === 'note' || (row.texts.length === 1 && !startsSomethingNew(row) && continuesNote(row.texts[0]))) {
          noteRows.push(q);
          q++;
          continue;
        }
        break;
      }
    }
    const emptyBody = lastBody === headerEnd;
    const bodyStart = headerEnd + 1;
    const bodyEnd = emptyBody ? bodyStart : lastBody;
    const bottom = noteRows.length ? noteRows[noteRows.length - 1] : bodyEnd;
    yield {
      top: pre.top ?? headerStart,
      bottom,
      titleRow: pre.titleRow,
      title: pre.title,
      formNumber: pre.formNumber,
      captionRows: pre.captionRows,
      headerRows: [headerStart, headerEnd],
      bodyRows: [bodyStart, bodyEnd],
      noteRows,
      emptyBody,
      breakRows: breakRows.filter((b) => b <= bodyEnd),
    };
    pre = freshPreamble();
    r = Math.max(bottom, bodyEnd) + 1;
  }
}
