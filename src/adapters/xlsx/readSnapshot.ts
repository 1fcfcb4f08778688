import type * as XLSX from '@e965/xlsx';
import { parseZip, sheetjsCore, sheetjsFull, zipOf } from './sheetjs';
import type { SheetSnapshot, WorkbookSnapshot } from '../../core/snapshot';
import { sheetSnapshot, type SheetState } from './sheetSnapshot';
import { checkSize, readWorkbookBytes } from './workbookBytes';
import { inspectContainer, type Container } from './workbookContainer';
import { ooxmlStoredValues, ooxmlSheetPaths, ooxmlSheetProtection } from './ooxmlSheetState';
import { odsSheetStates, type OdsSheetState } from './odsSheetState';
import { unreadable, UnreadableWorkbookError } from './unreadableWorkbook';
import { plainTargets } from './relationshipTargets';
import { withoutDocumentProperties, type OleLibrary } from './oleProperties';

export { UnreadableWorkbookError } from './unreadableWorkbook';
export type { UnreadableReason } from './unreadableWorkbook';

/**
 * The file adapter: builds a WorkbookSnapshot from the bytes of an .xlsx, .xlsm, .xlsb, .xls,
 * .ods or WPS .et workbook with SheetJS (@e965/xlsx, a maintained build of the SheetJS
 * parser on the npm registry), whatever name the file has. The same workbook gives the same
 * snapshot, and so the same findings, in every format. Input that is not a readable workbook
 * throws UnreadableWorkbookError with a one-line reason; unreadable *cells* are values.
 */
export async function readSnapshotFromFile(path: string): Promise<WorkbookSnapshot> {
  const name = path.split(/[\\/]/).pop();
  return snapshotFromBytes(await readWorkbookBytes(path), path, name);
}

export async function readSnapshotFromBuffer(data: ArrayBuffer | Uint8Array, name?: string): Promise<WorkbookSnapshot> {
  // As a Buffer (a view, not a copy), as a file is read: SheetJS's OLE reader takes a damaged
  // .xls differently from a Buffer and from a plain Uint8Array (found by the fuzz test).
  const bytes = data instanceof Uint8Array ? Buffer.from(data.buffer, data.byteOffset, data.byteLength) : Buffer.from(data);
  const label = name ?? 'workbook';
  checkSize(bytes.byteLength, label);
  return snapshotFromBytes(bytes, label, name);
}

async function snapshotFromBytes(bytes: Uint8Array, file: string, name: string | undefined): Promise<WorkbookSnapshot> {
  const container = await inspectContainer(bytes, file);
  // The .ods side pass runs first, so that its copy of content.xml is gone before SheetJS makes its own.
  const ods = container.kind === 'ods' ? odsStates(container, file) : undefined;
  const wb = parseWorkbook(bytes, container, file);
  const states = sheetStates(wb, container, ods);
  const sheets: SheetSnapshot[] = [];
  wb.SheetNames.forEach((sheetName, i) => {
    const ws = wb.Sheets[sheetName];
    // Chart, macro and dialog sheets hold no cells; Excel's worksheet list leaves them out too.
    if (!ws || (ws['!type'] && ws['!type'] !== 'sheet')) return;
    sheets.push(sheetSnapshot(sheetName, ws, states[i], container.kind === 'ods'));
    // Let the parser's cell objects go as soon as their sheet is built.
    delete wb.Sheets[sheetName];
  });
  return { name, sheets };
}

function odsStates(container: Extract<Container, { kind: 'ods' }>, file: string): OdsSheetState[] {
  try {
    return odsSheetStates(container.stylesXml, container.contentXml);
  } catch (e) {
    // Malformed XML in the parts SheetJS is about to read: a damaged file.
    throw unreadable('damaged', file, 'content.xml', e);
  } finally {
    container.contentXml = container.stylesXml = '';
  }
}

/** SheetJS's options: dense rows (holes for empty rows), format codes, no work not used here. */
function readOptions(kind: Container['kind']): XLSX.ParsingOptions {
  return {
    type: 'buffer',
    dense: true,
    cellNF: true,
    // Row and column records (hidden rows and columns) come only with cell styles.
    cellStyles: true,
    // .ods stores what each cell displays; elsewhere numfmt computes it (sheetSnapshot.ts).
    cellText: kind === 'ods',
    cellDates: false,
    cellFormula: false,
    cellHTML: false,
    bookVBA: false,
    // The zip's parts stay reachable for what SheetJS does not read (sheet protection).
    bookFiles: kind === 'ooxml',
  };
}

/**
 * The options of an OOXML workbook's parse, as SheetJS's read() sets them before it reads a zip: cell styles
 * bring the number formats and the empty cells' stubs.
 */
function zipReadOptions(): XLSX.ParsingOptions {
  return { ...readOptions('ooxml'), cellNF: true, sheetStubs: true };
}

function parseWorkbook(bytes: Uint8Array, container: Container, file: string): XLSX.WorkBook {
  let wb: XLSX.WorkBook;
  try {
    // Legacy BIFF files need SheetJS's code pages; the rest its lighter core build (sheetjs.ts).
    const sheetjs = container.kind === 'xls' ? sheetjsFull() : sheetjsCore();
    if (container.kind === 'ooxml') {
      // The parts as the container's check unpacked them, not the zip again.
      const zip = zipOf(sheetjs, container.unpacked, container.workbookRelationships?.part, plainTargets(container.workbookRelationships));
      // The container lives on until the sheets are built: its list let go, the parts go with SheetJS's copy of the
      // zip (sheetStates deletes it once read), not at the end of the read.
      container.unpacked = [];
      wb = quietly(() => parseZip(sheetjs, zip, zipReadOptions()));
    } else {
      const input = container.kind === 'xls' ? withoutDocumentProperties(bytes, container.ole, sheetjsFull().CFB as OleLibrary) : bytes;
      wb = quietly(() => sheetjs.read(input, readOptions(container.kind)));
    }
  } catch (e) {
    throw parserError(e, file);
  }
  if (container.kind === 'ooxml') checkSheetParts(wb, container.zip.parts, file);
  if (!wb.SheetNames.length) throw unreadable('missing-sheets', file, { zh: '一张工作表也没有', en: 'no sheet at all' });
  checkSheetsRead(wb, file);
  return wb;
}

/**
 * Every sheet the workbook lists was read. SheetJS stops reading a damaged .xls stream early and
 * hands back the sheets it got (found by the fuzz test: 2 of 14 sheets, and "no error"); such a
 * workbook is refused with the sheets it lacks, never read as a workbook with fewer sheets.
 */
function checkSheetsRead(wb: XLSX.WorkBook, file: string): void {
  const missing = wb.SheetNames.filter((n) => !wb.Sheets[n]);
  if (missing.length) throw unreadable('damaged', file, missing.join('、'));
}

/**
 * SheetJS skips a sheet whose part is missing or cannot be parsed and goes on; here such a
 * workbook is refused with the sheets it lacks, never read as a workbook with fewer sheets.
 */
function checkSheetParts(wb: XLSX.WorkBook, parts: Map<string, number>, file: string): void {
  const paths = ooxmlSheetPaths(wb);
  const missing = wb.SheetNames.map((n, i) => ({ name: n, path: paths[i] })).filter((s) => !wb.Sheets[s.name]);
  if (!missing.length) return;
  const names = missing.map((s) => s.name).join('、');
  if (missing.some((s) => !s.path || !parts.has(s.path))) throw unreadable('missing-sheets', file, names);
  const hasSharedStrings = [...parts.keys()].some((p) => /sharedStrings\d*\.(xml|bin)$/i.test(p));
  if (!hasSharedStrings && refersToSharedStrings(wb, missing.map((s) => s.path!))) throw unreadable('missing-shared-strings', file);
  throw unreadable('damaged', file, names);
}

/** Whether any of these sheet parts holds a cell of type "s" (an index into the shared strings). */
function refersToSharedStrings(wb: XLSX.WorkBook, paths: string[]): boolean {
  const files = (wb as { files?: Record<string, { content?: Uint8Array } | undefined> }).files ?? {};
  return paths.some((path) => {
    const c = files[path]?.content;
    if (!c) return false;
    const xml = Buffer.from(c.buffer, c.byteOffset, c.byteLength);
    return xml.includes('t="s"') || xml.includes("t='s'");
  });
}

function sheetStates(wb: XLSX.WorkBook, container: Container, ods: OdsSheetState[] | undefined): SheetState[] {
  const flags = wb.Workbook?.Sheets ?? [];
  const base: SheetState[] = wb.SheetNames.map((n, i) => ({
    hidden: Boolean(flags[i]?.Hidden),
    protected: Boolean(wb.Sheets[n]?.['!protect']),
  }));
  if (container.kind === 'ooxml') {
    const protectedSheets = ooxmlSheetProtection(wb);
    const storedValues = ooxmlStoredValues(wb);
    // The zip's parts were kept only for this; let them go before the snapshot is built.
    delete (wb as { files?: unknown }).files;
    delete (wb as { keys?: unknown }).keys;
    return base.map((s, i) => ({ ...s, protected: protectedSheets[i] ?? s.protected, storedValues: storedValues[i] }));
  }
  if (ods) return base.map((s, i) => ({ ...s, ...ods[i] }));
  return base;
}

/** What SheetJS throws, as the reason a person can act on. */
function parserError(e: unknown, file: string): UnreadableWorkbookError {
  if (e instanceof UnreadableWorkbookError) return e;
  const message = String((e as Error)?.message ?? e);
  if (/password|encrypt/i.test(message)) return unreadable('encrypted', file, '', e);
  if (/not a spreadsheet/i.test(message)) return unreadable('not-a-workbook', file, { zh: 'OpenDocument 文档或演示文稿', en: 'an OpenDocument text or presentation' }, e);
  if (/Cannot find Workbook stream|Unsupported/i.test(message)) return unreadable('unsupported-format', file, '', e);
  if (/Could not find workbook|Cannot find file/i.test(message)) return unreadable('missing-sheets', file, '', e);
  return unreadable('damaged', file, '', e);
}

/**
 * SheetJS writes some notes straight to the console (e.g. "ODS number format may be incorrect"
 * for every conditional format); the CLI's stderr is for its one-line reasons only. The parse is
 * synchronous, so nothing else can write in between.
 */
function quietly<T>(parse: () => T): T {
  const { error, warn, log } = console;
  console.error = console.warn = console.log = () => undefined;
  try {
    return parse();
  } finally {
    Object.assign(console, { error, warn, log });
  }
}
