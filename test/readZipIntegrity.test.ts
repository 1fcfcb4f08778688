import { readFileSync } from 'fs';
import { join } from 'path';
import { crc32, deflateRawSync } from 'zlib';
import { readSnapshotFromBuffer, UnreadableWorkbookError } from '../src/adapters/xlsx/readSnapshot';
import { MutantPackage } from './support/fuzz/mutantPackage';

/**
 * Every part of an OOXML or OpenDocument zip is unpacked once with Node's zlib and checked
 * against its size and CRC-32 before SheetJS reads it (found by the fuzz test: a few flipped
 * bits in a sheet part made SheetJS's own inflater loop forever); an OOXML workbook's parts are
 * then handed to SheetJS as unpacked. A damaged part is refused, named, at once; a sound zip
 * reads as before.
 */
const SAMPLE = join(__dirname, 'fixtures', '003-sanmenxia-healthcare-security-service-center-2024-budget.xlsx');
const ODS = join(__dirname, 'fixtures', 'formats', '003-sanmenxia-healthcare-security-service-center-2024-budget.ods');
const SHEET = 'xl/worksheets/sheet2.xml';

async function refusal(bytes: Uint8Array): Promise<UnreadableWorkbookError> {
  const started = performance.now();
  const error = await readSnapshotFromBuffer(bytes, 'damaged.xlsx').then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(performance.now() - started).toBeLessThan(2000);
  expect(error).toBeInstanceOf(UnreadableWorkbookError);
  return error as UnreadableWorkbookError;
}

function sampleWith(part: string, change: (entry: MutantPackage['entries'][number]) => void, path = SAMPLE): Uint8Array {
  const pkg = MutantPackage.read(readFileSync(path));
  change(pkg.entries.find((e) => e.name === part)!);
  return pkg.write();
}

test('the sample, rewritten entry by entry, still reads: the check refuses nothing sound', async () => {
  const original = await readSnapshotFromBuffer(readFileSync(SAMPLE), 'sample.xlsx');
  const rewritten = await readSnapshotFromBuffer(
    sampleWith(SHEET, (e) => (e.stored = true)),
    'sample.xlsx',
  );
  expect(rewritten).toEqual(original);
});

test('a sheet part whose deflate stream breaks off is refused as damaged, naming the part', async () => {
  const e = await refusal(sampleWith(SHEET, (entry) => (entry.deflated = new Uint8Array([0x02]))));
  expect(e.reason).toBe('damaged');
  expect(e.message).toContain(SHEET);
  expect(e.message).toMatch(/^文件已损坏.* \/ the file is damaged/);
});

test('a sheet part that unpacks but fails its CRC-32 is refused as damaged, naming the part', async () => {
  const e = await refusal(sampleWith(SHEET, (entry) => (entry.crc = 0x12345678)));
  expect(e.reason).toBe('damaged');
  expect(e.message).toContain(SHEET);
});

test('a part whose bytes changed but still unpack (a stored part, one digit other) is caught by its CRC-32', async () => {
  const e = await refusal(
    sampleWith(SHEET, (entry) => {
      const text = Buffer.from(entry.data).toString('utf8');
      const at = text.indexOf('<v>') + 3;
      entry.stored = true;
      entry.crc = crc32(entry.data);
      entry.data = new Uint8Array(Buffer.from(`${text.slice(0, at)}${text[at] === '9' ? '8' : '9'}${text.slice(at + 1)}`));
    }),
  );
  expect(e.message).toContain(SHEET);
});

test('an OpenDocument part that fails its CRC-32 is refused too', async () => {
  const e = await refusal(sampleWith('content.xml', (entry) => (entry.crc = 1), ODS));
  expect(e.reason).toBe('damaged');
  expect(e.message).toContain('content.xml');
});

test('a part that unpacks to more than the zip declares is refused as damaged, naming the part (it is unpacked to its declared size at most)', async () => {
  const e = await refusal(
    sampleWith(SHEET, (entry) => {
      entry.deflated = deflateRawSync(Buffer.concat([Buffer.from(entry.data), Buffer.alloc(4096, 0x20)]));
    }),
  );
  expect(e.reason).toBe('damaged');
  expect(e.message).toContain(SHEET);
});

/** The offset of a part's local header in a zip written by writeZip (its name follows the 30 bytes of the header). */
function localHeaderOf(zip: Buffer, part: string): number {
  for (let at = zip.indexOf('PK\x03\x04', 0, 'latin1'); at >= 0; at = zip.indexOf('PK\x03\x04', at + 4, 'latin1')) {
    if (zip.toString('latin1', at + 30, at + 30 + zip.readUInt16LE(at + 26)) === part) return at;
  }
  throw new Error(`no local header for ${part}`);
}

test("a part's local header with a damaged copy of its sizes reads as before: the zip's directory, the part's size and its CRC-32 are whole (a reader trusting that copy refused the workbook)", async () => {
  const original = await readSnapshotFromBuffer(readFileSync(SAMPLE), 'sample.xlsx');
  const zip = Buffer.from(sampleWith(SHEET, () => undefined));
  const at = localHeaderOf(zip, SHEET);
  // Compressed size (offset 18) and uncompressed size (22) of the local header only; the central directory keeps the right ones.
  zip.writeUInt32LE(zip.readUInt32LE(at + 18) + 7, at + 18);
  zip.writeUInt32LE(zip.readUInt32LE(at + 22) + 7, at + 22);
  expect(await readSnapshotFromBuffer(zip, 'sample.xlsx')).toEqual(original);
});
