import type { WorkBook } from '@e965/xlsx';
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
