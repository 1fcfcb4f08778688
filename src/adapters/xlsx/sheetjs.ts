import type * as XLSX from '@e965/xlsx';

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
