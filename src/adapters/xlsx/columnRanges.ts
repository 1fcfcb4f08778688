/**
 * Column records (`<col min max>`) past Excel's last column. SheetJS copies a column record once
 * for every column of its range, so one range to column 2,147,483,647 made it allocate until the
 * process died (found by the fuzz test). Excel's grid ends at column 16,384 (XFD) and Excel
 * refuses such a file too: the reader refuses it as damaged before SheetJS sees it.
 */
export const LAST_COLUMN = 16384;

/** SheetJS reads column records before <sheetData> only; a head longer than this holds no sheet Excel wrote. */
const MAX_HEAD = 4 * 2 ** 20;

export interface ColumnRange {
  min: number;
  max: number;
}

/**
 * Fed a worksheet part's bytes as they are unpacked; keeps only the part's head, up to <sheetData>.
 * Each chunk is searched with only the head's last '<' onwards carried over: a `<sheetData` tag
 * holds no other '<', so one reaching into this chunk starts there or in the chunk, and none lies
 * wholly in what was searched before. (Searching the whole head again at every chunk cost a part
 * with no <sheetData> — a million-cell workbook's shared strings, 4 MB read — half a second.)
 */
export class WorksheetHead {
  private parts: string[] = [];
  private length = 0;
  /** The head from its last '<' on. */
  private carry = '';
  private complete = false;
  private joined: string | undefined;

  feed(chunk: Buffer): void {
    if (this.complete) return;
    // Tags are ASCII: latin1 keeps every byte one character, whatever the text around them.
    const text = chunk.toString('latin1');
    const window = this.carry + text;
    const data = window.search(/<(?:[\w.-]+:)?sheetData\b/);
    if (data >= 0) {
      // The head ends where the tag starts: `data - carry.length` characters into this chunk (before it when negative).
      const cut = this.length - this.carry.length + data;
      this.parts.push(text);
      this.joined = this.parts.join('').slice(0, cut);
      this.parts = [];
      this.complete = true;
      return;
    }
    this.parts.push(text);
    this.length += text.length;
    this.joined = undefined;
    const lt = text.lastIndexOf('<');
    this.carry = lt >= 0 ? text.slice(lt) : window;
    if (this.length > MAX_HEAD) this.complete = true;
  }

  /** The head as kept: up to <sheetData>, or all of it fed when there is none. */
  private get head(): string {
    if (this.joined === undefined) {
      this.joined = this.parts.join('');
      this.parts = [this.joined];
    }
    return this.joined;
  }

  /** The first column range past the grid, if any. */
  rangePastGrid(): ColumnRange | undefined {
    for (const m of this.head.matchAll(/<(?:[\w.-]+:)?col\s[^>]*>/g)) {
      const min = parseInt(/\bmin\s*=\s*["']\s*([^"']*)["']/.exec(m[0])?.[1] ?? '', 10);
      const max = parseInt(/\bmax\s*=\s*["']\s*([^"']*)["']/.exec(m[0])?.[1] ?? '', 10);
      // As SheetJS counts: from min to max, one copy each.
      if (max > LAST_COLUMN || max - min > LAST_COLUMN) return { min, max };
    }
    return undefined;
  }
}
