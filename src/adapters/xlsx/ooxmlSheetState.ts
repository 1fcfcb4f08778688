import type { WorkBook } from '@e965/xlsx';
import { UNCALCULATED } from '../../core/snapshot';
import { walkXml } from './xmlElements';

/**
 * What SheetJS leaves out of an OOXML workbook and the snapshot needs, read from the zip's
 * parts that SheetJS keeps with `bookFiles`: which part holds each sheet, and whether a sheet is
 * protected (SheetJS writes <sheetProtection> but does not read it).
 */
type ZipParts = Record<string, { content?: Uint8Array } | undefined>;

function zipParts(wb: WorkBook): ZipParts {
  return (wb as { files?: ZipParts }).files ?? {};
}

function partText(parts: ZipParts, path: string): string | undefined {
  const c = parts[path]?.content;
  return c ? Buffer.from(c.buffer, c.byteOffset, c.byteLength).toString('utf8') : undefined;
}

/** The part path of each sheet, in workbook order (undefined where the workbook names none). */
export function ooxmlSheetPaths(wb: WorkBook): (string | undefined)[] {
  const parts = zipParts(wb);
  const rels = partText(parts, 'xl/_rels/workbook.xml.rels') ?? partText(parts, 'xl/_rels/workbook.bin.rels');
  const targets = new Map<string, string>();
  if (rels) {
    try {
      walkXml(rels, (el) => {
        if (el.name === 'Relationship' && el.attrs.Id && el.attrs.Target) targets.set(el.attrs.Id, el.attrs.Target);
      });
    } catch {
      // A broken relationship part: SheetJS has already said what it could read; no paths.
    }
  }
  return (wb.Workbook?.Sheets ?? []).map((s) => {
    const target = targets.get((s as { id?: string }).id ?? '');
    if (!target) return undefined;
    return target.startsWith('/') ? target.slice(1) : `xl/${target.replace(/^\.\//, '')}`;
  });
}

/** Per sheet: protected (true/false) where its part says, undefined where it cannot be told. */
export function ooxmlSheetProtection(wb: WorkBook): (boolean | undefined)[] {
  const parts = zipParts(wb);
  return ooxmlSheetPaths(wb).map((path) => {
    const c = path ? parts[path]?.content : undefined;
    if (!c || !path?.endsWith('.xml')) return undefined;
    return sheetProtected(Buffer.from(c.buffer, c.byteOffset, c.byteLength));
  });
}

/**
 * <sheetProtection sheet="1"/> follows <sheetData> in a sheet part (ECMA-376 §18.3.1.99), so
 * only the part's tail is read, however many cells come before it.
 */
function sheetProtected(xml: Buffer): boolean {
  const end = xml.lastIndexOf('sheetData');
  const tail = xml.subarray(end < 0 ? 0 : end).toString('utf8');
  const m = /<(?:[\w]+:)?sheetProtection\b[^>]*>/.exec(tail);
  if (!m) return false;
  let on = false;
  try {
    walkXml(m[0].endsWith('/>') ? m[0] : `${m[0].slice(0, -1)}/>`, (el) => {
      on = el.attrs.sheet === '1' || el.attrs.sheet === 'true';
    });
  } catch {
    return false;
  }
  return on;
}

/**
 * Per sheet: the cells whose value SheetJS does not give as the file stores it, by their 0-based
 * "row,column", with the value to read instead:
 * - number cells whose stored value is not a finite number as written, with the text stored. SheetJS
 *   reads a number cell's `<v>` with parseFloat, so `1,234` became 1 and `1.2.3` became 1.2 (found by
 *   the fuzz test); Excel itself refuses such a file. The snapshot keeps what is written instead, as
 *   text, and the rules then read it as they read any amount typed as text (or report it unreadable);
 * - formulas stored without a result (UNCALCULATED), which SheetJS drops as empty cells.
 */
export function ooxmlStoredValues(wb: WorkBook): (Map<string, string> | undefined)[] {
  const parts = zipParts(wb);
  return ooxmlSheetPaths(wb).map((path) => {
    const c = path?.endsWith('.xml') ? parts[path]?.content : undefined;
    if (!c) return undefined;
    const xml = Buffer.from(c.buffer, c.byteOffset, c.byteLength).toString('utf8');
    const odd = oddNumbers(xml);
    const uncalculated = uncalculatedFormulas(xml);
    if (!uncalculated) return odd;
    const all = odd ?? new Map<string, string>();
    for (const key of uncalculated) if (!all.has(key)) all.set(key, UNCALCULATED);
    return all;
  });
}

/** A formula element's start (`<f>`, `<f t="shared" …/>`, `<x:f>`), with its namespace prefix; not `<font`, `<formula>`. */
const FORMULA = /<((?:[\w.-]+:)?)f[\s>/]/g;

/**
 * The cells holding a formula and no value (`<c r="C6"><f>SUM(C7:C20)</f></c>`, or a shared formula's
 * `<f t="shared" si="0"/>` alone), by 0-based "row,column". Excel and WPS store each formula's result; a
 * program writing a workbook without calculating it (a finance system's export, a script) stores none.
 */
function uncalculatedFormulas(xml: string): string[] | undefined {
  // A sheet of values only (most exports) has no formula to look at: two searches for a plain string, not the
  // pattern tried at every tag.
  if (xml.indexOf('<f') < 0 && xml.indexOf(':f') < 0) return undefined;
  let found: string[] | undefined;
  for (const m of xml.matchAll(FORMULA)) {
    const prefix = m[1];
    const tag = cellTagBefore(xml, prefix, m.index);
    const end = xml.indexOf(`</${prefix}c>`, m.index);
    if (!tag || end < 0) continue;
    const value = /<((?:[\w.-]+:)?)v(?:\s[^>]*)?>([^<]*)<\/\1v>/.exec(xml.slice(m.index, end));
    // An empty value is a result only of a formula giving text (="" where nothing is to show).
    if (value && (value[2] !== '' || cellType(tag) === 'str')) continue;
    const key = cellKey(tag);
    if (key) (found ??= []).push(key);
  }
  return found;
}

/** A finite xsd:double as Excel writes it (whitespace allowed around it). */
const FINITE_NUMBER = /^\s*[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?\s*$/;
/**
 * A `<v>` holding anything but a finite number or nothing (FINITE_NUMBER, or blanks, before its `</`): the
 * values every number cell holds are passed over inside the pattern, not each made a match and tested (a
 * million-cell sheet's million matches were a tenth of reading it).
 */
const ODD_VALUE = /<((?:[\w.-]+:)?)v>(?!\s*(?:[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?\s*)?<\/)([^<]*)<\/\1v>/g;

function oddNumbers(xml: string): Map<string, string> | undefined {
  let found: Map<string, string> | undefined;
  for (const m of xml.matchAll(ODD_VALUE)) {
    const [, prefix, stored] = m;
    // Error, string, date and shared-string cells hold other things in <v>: only number cells count.
    const tag = cellTagBefore(xml, prefix, m.index);
    const type = cellType(tag);
    const key = cellKey(tag);
    if ((type !== undefined && type !== 'n') || !key) continue;
    const value = stored.trim().replace(/&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);/g, (_e, e: string) =>
      e === 'amp' ? '&' : e === 'lt' ? '<' : e === 'gt' ? '>' : e === 'quot' ? '"' : e === 'apos' ? "'" : String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : Number(e.slice(1))),
    );
    // A character reference may spell a plain number (&#49;2 is 12): SheetJS decodes it right.
    if (FINITE_NUMBER.test(value)) continue;
    (found ??= new Map()).set(key, value);
  }
  return found;
}

/** The start tag of the cell (`<c r="B5" t="n">`) holding the position `at` of its sheet's XML; '' where none. */
function cellTagBefore(xml: string, prefix: string, at: number): string {
  const start = Math.max(xml.lastIndexOf(`<${prefix}c `, at), xml.lastIndexOf(`<${prefix}c>`, at));
  return start < 0 ? '' : xml.slice(start, xml.indexOf('>', start) + 1);
}

/** A cell's type attribute (n, s, str, e …), undefined where it states none (a number). */
function cellType(tag: string): string | undefined {
  return /\st\s*=\s*["']([^"']*)["']/.exec(tag)?.[1];
}

/** A cell's 0-based "row,column" from its reference (r="B5" → "4,1"). */
function cellKey(tag: string): string | undefined {
  const ref = /\sr\s*=\s*["']\$?([A-Za-z]{1,3})\$?(\d+)["']/.exec(tag);
  return ref ? `${Number(ref[2]) - 1},${columnIndex(ref[1])}` : undefined;
}

function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + ch.charCodeAt(0) - 64;
  return n - 1;
}
