import { readFileSync } from 'fs';
import { join } from 'path';
import { crc32 } from 'zlib';
import { readSnapshotFromBuffer, UnreadableWorkbookError } from '../src/adapters/xlsx/readSnapshot';
import { XmlPartEnvelope } from '../src/adapters/xlsx/xmlPartEnvelope';
import { MutantPackage } from './support/fuzz/mutantPackage';

/**
 * A part edited by hand and zipped again passes its CRC-32, and SheetJS reads a worksheet whose
 * `</sheetData>` is misspelt, or a workbook.xml cut in half, without a word: fewer sheets, no
 * cells, "0 tables" — a silent pass. Each XML part must end with its root's end tag, and a
 * worksheet's cell data must be closed; otherwise the file is refused as damaged, naming the part.
 */
const SAMPLE = join(__dirname, 'fixtures', '003-sanmenxia-healthcare-security-service-center-2024-budget.xlsx');
const SHEET = 'xl/worksheets/sheet2.xml';

function sampleWithText(part: string, edit: (xml: string) => string): Uint8Array {
  const pkg = MutantPackage.read(readFileSync(SAMPLE));
  const entry = pkg.entries.find((e) => e.name === part)!;
  entry.data = new Uint8Array(Buffer.from(edit(Buffer.from(entry.data).toString('utf8'))));
  entry.stored = true;
  entry.crc = crc32(entry.data);
  return pkg.write();
}

async function refusal(bytes: Uint8Array): Promise<UnreadableWorkbookError> {
  const error = await readSnapshotFromBuffer(bytes, 'edited.xlsx').then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(UnreadableWorkbookError);
  return error as UnreadableWorkbookError;
}

describe('an XML part that is not whole is refused as damaged', () => {
  test('a sound part rewritten with its own text still reads the same', async () => {
    const original = await readSnapshotFromBuffer(readFileSync(SAMPLE), 'sample.xlsx');
    expect(await readSnapshotFromBuffer(sampleWithText(SHEET, (x) => x), 'sample.xlsx')).toEqual(original);
  });

  test('a worksheet whose </sheetData> is misspelt (</sheetDat>)', async () => {
    const e = await refusal(sampleWithText(SHEET, (x) => x.replace('</sheetData>', '</sheetDat>')));
    expect(e.reason).toBe('damaged');
    expect(e.message).toContain(SHEET);
    expect(e.message).toContain('cell data is not closed');
  });

  test('workbook.xml cut in half', async () => {
    const e = await refusal(sampleWithText('xl/workbook.xml', (x) => x.slice(0, Math.floor(x.length / 2))));
    expect(e.reason).toBe('damaged');
    expect(e.message).toContain('xl/workbook.xml');
  });

  test('a worksheet cut short after its cell data', async () => {
    const e = await refusal(sampleWithText(SHEET, (x) => x.slice(0, x.indexOf('</sheetData>') + '</sheetData>'.length)));
    expect(e.message).toMatch(/不完整.*cut short/);
  });

  test('a part the reader never opens (docProps/core.xml cut short) does not make the workbook unreadable', async () => {
    const original = await readSnapshotFromBuffer(readFileSync(SAMPLE), 'sample.xlsx');
    const edited = await readSnapshotFromBuffer(sampleWithText('docProps/core.xml', (x) => x.slice(0, Math.floor(x.length / 2))), 'sample.xlsx');
    expect(edited.sheets.length).toBe(original.sheets.length);
  });

  test('a worksheet cut short in the middle of its rows', async () => {
    const e = await refusal(sampleWithText(SHEET, (x) => x.slice(0, x.indexOf('</row>') + 6)));
    expect(e.reason).toBe('damaged');
  });
});

describe('the envelope of one part, fed in chunks as it is unpacked', () => {
  const fault = (xml: string, size = 5) => {
    const env = new XmlPartEnvelope();
    const bytes = Buffer.from(xml, 'utf8');
    for (let i = 0; i < bytes.length; i += size) env.feed(bytes.subarray(i, i + size));
    return env.fault();
  };
  const sheet = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<!-- made by hand --><worksheet xmlns="x"><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData></worksheet>';

  test.each([1, 3, 7, 64, 10_000])('a whole worksheet is whole, whatever the chunk size (%i)', (size) => {
    expect(fault(sheet, size)).toBeUndefined();
    expect(fault(sheet.replace('</sheetData>', '</sheetDat>'), size)).toBe('unclosed-sheet-data');
    expect(fault(sheet.slice(0, -3), size)).toBe('unclosed-root');
  });

  test('prefixes, an empty <sheetData/>, a self-closed root, trailing blanks and NULs are whole', () => {
    expect(fault('<x:worksheet xmlns:x="x"><x:sheetData></x:sheetData></x:worksheet>')).toBeUndefined();
    expect(fault('<worksheet><sheetData/></worksheet>\r\n  ')).toBeUndefined();
    expect(fault('<Relationships xmlns="r"/>')).toBeUndefined();
    expect(fault('<sst count="0"></sst>\0\0')).toBeUndefined();
    expect(fault('')).toBeUndefined();
  });

  test('a comment or a processing instruction after the root is whole XML', () => {
    expect(fault('<worksheet><sheetData></sheetData></worksheet><!-- saved by hand -->\r\n')).toBeUndefined();
    expect(fault('<sst count="0"></sst><?mso-application progid="Excel.Sheet"?>')).toBeUndefined();
    expect(fault('<worksheet><sheetData></sheetData><!-- cut --></work')).toBe('unclosed-root');
  });

  test('a UTF-16 part (byte-order mark first) is left to the parser', () => {
    const env = new XmlPartEnvelope();
    env.feed(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('<worksheet><sheetData>', 'utf16le')]));
    expect(env.fault()).toBeUndefined();
  });

  test('a part with no element at all, or a different end tag, is not whole', () => {
    expect(fault('just text')).toBe('no-root');
    expect(fault('<worksheet><sheetData></sheetData></work>')).toBe('unclosed-root');
  });
});
