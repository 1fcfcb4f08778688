import * as yauzl from 'yauzl';
import * as zlib from 'zlib';
import { megabytes } from './workbookBytes';
import { unreadable, type Detail } from './unreadableWorkbook';
import { sheetjsFull } from './sheetjs';
import { WORKBOOK_RELATIONSHIPS, type RelationshipsText } from './relationshipTargets';
import { XmlPartEnvelope, envelopeDetail, type EnvelopeFault } from './xmlPartEnvelope';
import { LAST_COLUMN, WorksheetHead, type ColumnRange } from './columnRanges';

/**
 * What a file is, from its bytes (never from its name: a .xls is often an .xlsx renamed, WPS's
 * .et is an OLE workbook, and a .xlsx may be anything):
 * - `ooxml`: a zip with [Content_Types].xml and a workbook part (.xlsx, .xlsm, .xlsb, WPS's
 *   OOXML .et);
 * - `ods`: an OpenDocument zip (.ods);
 * - `xls`: an OLE compound file with a BIFF workbook stream (.xls, WPS's .et).
 * Anything else is refused with its reason before a parser sees it: SheetJS alone would read
 * any text as a one-column CSV sheet and report "0 tables", a silent pass.
 */
export type WorkbookKind = 'ooxml' | 'ods' | 'xls';

/** The bound on a zip's unpacked parts: a small file may unpack to gigabytes (a zip bomb). */
export const MAX_UNZIPPED_BYTES = 512 * 2 ** 20;

export interface ZipInventory {
  /** Part name → unpacked size, as the zip's central directory declares them. */
  parts: Map<string, number>;
}

/**
 * A part as this check unpacked it (and SheetJS would have again: its inflater in JavaScript was a sixth of
 * reading a million-cell workbook). Named as SheetJS names its parts: the name's bytes one character each.
 */
export interface UnpackedPart {
  name: string;
  content: Buffer;
}

export type Container =
  | { kind: 'ooxml'; zip: ZipInventory; workbookRelationships?: RelationshipsText; unpacked: UnpackedPart[] }
  | { kind: 'ods'; zip: ZipInventory; contentXml: string; stylesXml: string }
  /** `ole`: the compound file as SheetJS's OLE reader read it (oleProperties.ts). */
  | { kind: 'xls'; ole: unknown };

/** SheetJS's OLE (compound file) reader; its typing is `any`, this is the part used here. */
interface OleReader {
  read(data: Uint8Array, options: { type: 'buffer' }): unknown;
  find(container: unknown, name: string): unknown;
}
// SheetJS's OLE reader decodes its directory's names with the code pages: the full build.
const oleReader = (): OleReader => sheetjsFull().CFB as OleReader;

const ODS_PARTS = new Set(['content.xml', 'styles.xml']);

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

export async function inspectContainer(bytes: Uint8Array, file: string): Promise<Container> {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] < 0x09 && bytes[3] < 0x09) return inspectZip(bytes, file);
  if (OLE_MAGIC.every((b, i) => bytes[i] === b)) return inspectOle(bytes, file);
  throw unreadable('unsupported-format', file, guessKind(bytes));
}

/**
 * Lists a zip's parts from its central directory before anything is unpacked (yauzl), so a
 * zip bomb is refused by its declared sizes; then unpacks every part once with Node's zlib (each
 * to no more than its declared size), checking its size and CRC-32, so that a damaged part is
 * refused here with its name. SheetJS is handed these parts (readSnapshot.ts): its own inflater did
 * not stop on every damaged stream (a few flipped bits in a sheet made it loop forever), and was
 * slower. An OpenDocument's content.xml and styles.xml are kept as text (odsSheetState.ts).
 */
async function inspectZip(bytes: Uint8Array, file: string): Promise<Container> {
  const parts = new Map<string, number>();
  let total = 0;
  let encrypted = false;
  // An OpenDocument's parts that SheetJS does not fully read (odsSheetState.ts), and the
  // workbook's relationships (relationshipTargets.ts): kept as text.
  const kept = new Map<string, string>();
  // Every part's bytes, in the zip's order, for the parser (readSnapshot.ts): unpacked once, not twice.
  const unpacked: UnpackedPart[] = [];
  try {
    const source = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const zip = await yauzl.fromBufferPromise(source, { lazyEntries: true });
    await new Promise<void>((resolve, reject) => {
      zip.on('entry', (entry: yauzl.Entry) => {
        parts.set(entry.fileName, entry.uncompressedSize);
        total += entry.uncompressedSize;
        if (entry.isEncrypted()) encrypted = true;
        if (encrypted || total > MAX_UNZIPPED_BYTES) return zip.readEntry();
        // (A folder's entry is a part of no bytes to SheetJS, listed as it lists it.)
        if (entry.fileName.endsWith('/')) {
          unpacked.push({ name: entry.fileNameRaw.toString('latin1'), content: Buffer.alloc(0) });
          return zip.readEntry();
        }
        const keep = ODS_PARTS.has(entry.fileName) || WORKBOOK_RELATIONSHIPS.test(entry.fileName);
        const head = XML_PART.test(entry.fileName) ? new WorksheetHead() : undefined;
        const envelope = READ_PART.test(entry.fileName) ? new XmlPartEnvelope() : undefined;
        if (entry.compressionMethod !== STORED && entry.compressionMethod !== DEFLATED) return reject(new DamagedPart(entry.fileName, new Error(`unsupported compression method: ${entry.compressionMethod}`)));
        zip.readLocalFileHeader(entry, {}, (err, header) => {
          if (err) return reject(new DamagedPart(entry.fileName, err));
          // Unpacked in one call, not streamed: a stream per part (a zlib handle, the thread pool, a turn of the
          // event loop per chunk) cost a small workbook more than reading its cells. The declared size bounds
          // what it may unpack to (the zip-bomb check above counted it).
          let content: Buffer;
          try {
            const stored = source.subarray(header.fileDataStart, header.fileDataStart + entry.compressedSize);
            content = entry.compressionMethod === STORED ? stored : zlib.inflateRawSync(stored, { maxOutputLength: Math.max(1, entry.uncompressedSize) });
          } catch (e) {
            return reject(new DamagedPart(entry.fileName, e));
          }
          if (content.length !== entry.uncompressedSize) return reject(new DamagedPart(entry.fileName, new Error(`${content.length} bytes, not the ${entry.uncompressedSize} declared`)));
          if (checksum && checksum(content) >>> 0 !== entry.crc32 >>> 0) return reject(new DamagedPart(entry.fileName, new Error('CRC-32 mismatch')));
          // The checks read a part as they read a stream, chunk by chunk (the column records' check stops at <sheetData>).
          for (let at = 0; at < content.length; at += CHUNK) {
            const chunk = content.subarray(at, at + CHUNK);
            head?.feed(chunk);
            envelope?.feed(chunk);
          }
          const range = head?.rangePastGrid();
          if (range) return reject(new ColumnsPastGrid(entry.fileName, range));
          const fault = envelope?.fault();
          if (fault) return reject(new BrokenXml(entry.fileName, fault));
          if (keep) kept.set(entry.fileName, content.toString('utf8'));
          // (Named as its local header names it, as SheetJS's own reader named it.)
          unpacked.push({ name: header.fileName.toString('latin1'), content });
          zip.readEntry();
        });
      });
      zip.on('end', () => resolve());
      zip.on('error', reject);
      zip.readEntry();
    });
  } catch (e) {
    if (e instanceof ColumnsPastGrid) {
      const { min, max } = e.range;
      throw unreadable('damaged', file, { zh: `${e.part} 的列范围 ${min}–${max} 超出工作表的 ${LAST_COLUMN} 列`, en: `${e.part} has a column range ${min}–${max} past the sheet's ${LAST_COLUMN} columns` });
    }
    if (e instanceof BrokenXml) throw unreadable('damaged', file, envelopeDetail(e.part, e.fault));
    if (e instanceof DamagedPart) throw unreadable('damaged', file, { zh: `zip 中的部件 ${e.part} 已损坏`, en: `part ${e.part} of the zip is damaged` }, e.cause);
    throw unreadable('damaged', file, 'zip', e);
  }
  if (encrypted) throw unreadable('encrypted', file);
  if (total > MAX_UNZIPPED_BYTES) throw unreadable('too-big', file, `${megabytes(total)} > ${megabytes(MAX_UNZIPPED_BYTES)}`);
  const contentXml = kept.get('content.xml');
  if (contentXml !== undefined) return { kind: 'ods', zip: { parts }, contentXml, stylesXml: kept.get('styles.xml') ?? '' };
  if (parts.has('[Content_Types].xml') && [...parts.keys()].some((p) => /^\/?xl\//i.test(p))) {
    const rels = [...kept].find(([name]) => WORKBOOK_RELATIONSHIPS.test(name));
    return { kind: 'ooxml', zip: { parts }, workbookRelationships: rels && { part: rels[0], xml: rels[1] }, unpacked };
  }
  throw unreadable('not-a-workbook', file, zipKind(parts));
}

const STORED = 0;
const DEFLATED = 8;
/** The checks' reading unit: a zlib stream's chunk. */
const CHUNK = 16 * 1024;

/** Node's CRC-32 (Node 20.15 and later); on an older Node the sizes and the inflater still check each part. */
const checksum = (zlib as { crc32?: (data: Buffer, value?: number) => number }).crc32;

/**
 * The parts whose column records are checked (columnRanges.ts): every XML part, since a sheet may
 * live at any path its relationship names; the check reads a part's head only.
 */
const XML_PART = /\.xml$/i;
/**
 * The parts the reader uses, checked to be whole (xmlPartEnvelope.ts): the workbook, its sheets,
 * shared strings and styles, the relationships, an OpenDocument's content and styles. Metadata and
 * custom XML the reader never opens are not its business to refuse.
 */
const READ_PART = /^(?:xl\/(?:workbook|sharedStrings|styles)\.xml|xl\/worksheets\/[^/]+\.xml|(?:.*\/)?_rels\/[^/]*\.rels|content\.xml|styles\.xml)$/i;

class ColumnsPastGrid extends Error {
  constructor(
    readonly part: string,
    readonly range: ColumnRange,
  ) {
    super(`${part}: columns ${range.min}..${range.max}`);
  }
}

/** An XML part that unpacked but is not whole (xmlPartEnvelope.ts). */
class BrokenXml extends Error {
  constructor(
    readonly part: string,
    readonly fault: EnvelopeFault,
  ) {
    super(`${part}: ${fault}`);
  }
}

/** A part that would not unpack (a damaged stream, a wrong size) or failed its CRC-32. */
class DamagedPart extends Error {
  constructor(
    readonly part: string,
    readonly cause: unknown,
  ) {
    super(`${part}: ${(cause as Error)?.message ?? cause}`);
  }
}

/** Names the zips people mistake for workbooks, so the message says what was sent instead. */
function zipKind(parts: Map<string, number>): Detail {
  if (parts.has('word/document.xml')) return { zh: 'Word 文档', en: 'a Word document' };
  if (parts.has('ppt/presentation.xml')) return { zh: 'PowerPoint 演示文稿', en: 'a PowerPoint presentation' };
  return { zh: `内有 ${parts.size} 个文件`, en: `${parts.size} files inside` };
}

function inspectOle(bytes: Uint8Array, file: string): Container {
  let cfb: unknown;
  try {
    cfb = oleReader().read(bytes, { type: 'buffer' });
  } catch (e) {
    throw unreadable('damaged', file, 'OLE', e);
  }
  // An encrypted .xlsx is an OLE file holding EncryptionInfo and the EncryptedPackage.
  if (oleReader().find(cfb, 'EncryptionInfo') || oleReader().find(cfb, 'EncryptedPackage')) throw unreadable('encrypted', file);
  if (oleReader().find(cfb, 'Workbook') || oleReader().find(cfb, 'Book')) return { kind: 'xls', ole: cfb };
  if (oleReader().find(cfb, 'WordDocument')) throw unreadable('unsupported-format', file, { zh: 'Word 文档', en: 'a Word document' });
  throw unreadable('unsupported-format', file, 'OLE');
}

/** A hint for the formats people send by mistake; the sentence itself says what to do. */
function guessKind(bytes: Uint8Array): Detail {
  const head = Buffer.from(bytes.subarray(0, 512)).toString('latin1').replace(/^\uFEFF|^\xEF\xBB\xBF/, '').trimStart().toLowerCase();
  if (head.startsWith('%pdf')) return 'PDF';
  if (/^<(!doctype html|html|table|meta)/.test(head)) return { zh: '网页（HTML）另存的 .xls', en: 'a web page (HTML) saved as .xls' };
  if (head.startsWith('<?xml') || head.startsWith('<')) return 'XML';
  return '';
}
