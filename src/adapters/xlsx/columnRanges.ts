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

/** Fed a worksheet part's bytes as they are unpacked; keeps only the part's head, up to <sheetData>. */
export class WorksheetHead {
  private head = '';
  private complete = false;

  feed(chunk: Buffer): void {
    if (this.complete) return;
    // Tags are ASCII: latin1 keeps every byte one character, whatever the text around them.
    this.head += chunk.toString('latin1');
    const data = this.head.search(/<(?:[\w.-]+:)?sheetData\b/);
    if (data >= 0) this.head = this.head.slice(0, data);
    if (data >= 0 || this.head.length > MAX_HEAD) this.complete = true;
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
