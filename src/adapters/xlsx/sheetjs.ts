import type * as XLSX from '@e965/xlsx';
import type { UnpackedPart } from './workbookContainer';

/**
 * SheetJS in the build a file needs. Its full build (`@e965/xlsx`) carries the code pages of
 * legacy BIFF files (.xls, WPS .et: 8-bit text in the workbook's code page) and takes ~170 ms to
 * load; the core build, the same parser without the code pages (~70 ms), reads .xlsx, .xlsm,
 * .xlsb and .ods to the same cells. A one-file `check` of an .xlsx so loads only what it needs.
 */
export type SheetJS = typeof XLSX;

let core: SheetJS | undefined;
let full: SheetJS | undefined;

/** The core build: OOXML and OpenDocument workbooks. */
export function sheetjsCore(): SheetJS {
  return (core ??= require('@e965/xlsx/dist/xlsx.core.min.js') as SheetJS);
}

/** The full build, with code pages: legacy BIFF workbooks and the OLE container they sit in. */
export function sheetjsFull(): SheetJS {
  return (full ??= require('@e965/xlsx') as SheetJS);
}

/**
 * SheetJS's container of a zip's parts (its CFB), made as its own zip reader makes it: its parts in the
 * zip's order, added without a lookup. The workbook's relationships with plain targets where they had others.
 */
export function zipOf(sheetjs: SheetJS, parts: UnpackedPart[], relationshipsPart: string | undefined, relationships: string | undefined): unknown {
  const cfb = sheetjs.CFB as { utils: { cfb_new(): unknown; cfb_add(cfb: unknown, name: string, content: Uint8Array, opts: { unsafe: true }): unknown } };
  const zip = cfb.utils.cfb_new();
  for (const part of parts) {
    const content = relationships !== undefined && part.name === relationshipsPart ? Buffer.from(relationships, 'utf8') : part.content;
    cfb.utils.cfb_add(zip, part.name, content, { unsafe: true });
  }
  return zip;
}

/** SheetJS's reader of a zip's parts (zipOf): its read() without the unpacking. Exported by the build, not in its typings. */
export function parseZip(sheetjs: SheetJS, zip: unknown, options: XLSX.ParsingOptions): XLSX.WorkBook {
  return (sheetjs as unknown as { parse_zip(zip: unknown, options: XLSX.ParsingOptions): XLSX.WorkBook }).parse_zip(zip, options);
}
