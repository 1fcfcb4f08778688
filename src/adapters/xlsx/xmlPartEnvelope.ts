/**
 * Whether an XML part of a zip arrived whole. A part cut short, or edited by hand and zipped
 * again (its CRC-32 then matches), is read by SheetJS without a word: a worksheet whose
 * `</sheetData>` is misspelt or missing gives an empty sheet, a `workbook.xml` cut in half gives
 * fewer sheets — and the check reports "0 tables", a silent pass. Checking that a part ends with
 * its root element's end tag, and that a worksheet's `<sheetData>` is closed, costs one pass over
 * bytes that are unpacked anyway; a full XML parse is SheetJS's job and would double the read.
 */

/** Enough to hold any end tag we look for, with a namespace prefix. */
const CARRY = 64;
/** How far around an occurrence of the name its tag is looked for (a namespace prefix, blanks). */
const AROUND = 32;
const SHEET_DATA = Buffer.from('sheetData', 'latin1');
const SHEET_DATA_TAG = /<(\/?)(?:[\w.-]+:)?sheetData\s*(\/?)>/g;
/** The head holding the root start tag (after the declaration and comments). */
const MAX_HEAD = 64 * 1024;

export type EnvelopeFault = 'no-root' | 'unclosed-root' | 'unclosed-sheet-data';

export class XmlPartEnvelope {
  private head = '';
  private root: string | undefined;
  private rootSelfClosed = false;
  private headDone = false;
  private tail = Buffer.alloc(0);
  private sheetDataOpen = 0;
  private sheetDataClosed = 0;
  private bytes = 0;

  /** A UTF-16 part (its byte-order mark first): not read by these ASCII patterns, left to the parser. */
  private utf16 = false;

  feed(chunk: Buffer): void {
    if (this.bytes === 0 && chunk.length >= 2 && ((chunk[0] === 0xff && chunk[1] === 0xfe) || (chunk[0] === 0xfe && chunk[1] === 0xff))) this.utf16 = true;
    this.bytes += chunk.length;
    if (this.utf16) return;
    // Tags are ASCII: latin1 keeps every byte one character, whatever the text around them.
    if (!this.headDone) this.readHead(chunk.toString('latin1'));
    const window = this.tail.length > 0 ? Buffer.concat([this.tail, chunk]) : chunk;
    // Only around the name is text decoded (a sheet is tens of MB; the tag is in it twice).
    for (let at = window.indexOf(SHEET_DATA); at >= 0; at = window.indexOf(SHEET_DATA, at + SHEET_DATA.length)) {
      const from = Math.max(0, at - AROUND);
      const around = window.toString('latin1', from, Math.min(window.length, at + SHEET_DATA.length + AROUND));
      for (const m of around.matchAll(SHEET_DATA_TAG)) {
        const [start, end] = [from + m.index, from + m.index + m[0].length];
        // The tag holding this occurrence, ending past the carried tail (counted with the chunk before
        // otherwise); one cut at the window's end is matched with the next chunk.
        if (start > at || end <= at || end <= this.tail.length) continue;
        if (m[1]) this.sheetDataClosed++;
        else if (!m[2]) this.sheetDataOpen++;
      }
    }
    this.tail = Buffer.from(window.subarray(Math.max(0, window.length - CARRY)));
  }

  /** What is wrong with the part as fed, or undefined when it is whole. An empty part is left to the parser. */
  fault(): EnvelopeFault | undefined {
    if (this.bytes === 0 || this.utf16) return undefined;
    if (!this.headDone) this.finishHead();
    if (this.root === undefined) return 'no-root';
    if (this.sheetDataOpen > this.sheetDataClosed) return 'unclosed-sheet-data';
    if (this.rootSelfClosed) return undefined;
    // What may follow the root: blanks, NULs, comments and processing instructions.
    const end = this.tail.toString('latin1').replace(/(?:[\s\0]+|<!--(?:(?!-->)[\s\S])*-->|<\?(?:(?!\?>)[\s\S])*\?>)+$/, '');
    return end.endsWith(`</${this.root}>`) || new RegExp(`</${escaped(this.root)}\\s+>$`).test(end) ? undefined : 'unclosed-root';
  }

  private readHead(text: string): void {
    this.head += text;
    if (this.findRoot() || this.head.length > MAX_HEAD) this.finishHead();
  }

  private finishHead(): void {
    if (this.root === undefined) this.findRoot();
    this.headDone = true;
    this.head = '';
  }

  /** The first start tag that is not a declaration, processing instruction, comment or DOCTYPE. */
  private findRoot(): boolean {
    const s = this.head.replace(/^\uFEFF|^\xEF\xBB\xBF/, '');
    const re = /<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^>]*>|\s+|<([\w.:-]+)((?:[^>"']|"[^"]*"|'[^']*')*)>/y;
    let m: RegExpExecArray | null;
    while ((m = re.exec(s))) {
      if (m[1] === undefined) continue;
      this.root = m[1];
      this.rootSelfClosed = m[2].endsWith('/');
      return true;
    }
    return false;
  }
}

const escaped = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The fault in words, for the "damaged" message. */
export function envelopeDetail(part: string, fault: EnvelopeFault): { zh: string; en: string } {
  switch (fault) {
    case 'no-root':
      return { zh: `${part} 不是完整的 XML`, en: `${part} is not whole XML` };
    case 'unclosed-root':
      return { zh: `${part} 不完整（缺少结尾）`, en: `${part} is cut short (its end is missing)` };
    case 'unclosed-sheet-data':
      return { zh: `${part} 的单元格数据没有结束标记`, en: `${part}'s cell data is not closed` };
  }
}
