import * as XLSX from '@e965/xlsx';
import { readFileSync } from 'fs';
import { join } from 'path';
import { readSnapshotFromBuffer } from '../src/adapters/xlsx/readSnapshot';

/**
 * An .xls file's document properties are never read (found by the fuzz test: SheetJS trusted a
 * property count one flipped byte had made 2 billion, and allocated until the process died).
 */
const VARIETY = join(__dirname, 'fixtures', 'formats', 'variety.xls');

interface OleEntry {
  content: Uint8Array;
}
const CFB = XLSX.CFB as { read(d: Uint8Array, o: { type: 'buffer' }): unknown; find(c: unknown, n: string): OleEntry | null; write(c: unknown, o: { type: 'buffer' }): Uint8Array };

/** variety.xls with the property count of its summary information set to `count`. */
function withPropertyCount(stream: string, count: number): Uint8Array {
  const ole = CFB.read(readFileSync(VARIETY), { type: 'buffer' });
  const entry = CFB.find(ole, stream)!;
  const data = Buffer.from(entry.content);
  // [MS-OLEPS] 2.21: the first property set's offset follows the 28-byte header and its 16-byte FMTID.
  const set = data.readUInt32LE(44);
  data.writeUInt32LE(count, set + 4);
  entry.content = data;
  return CFB.write(ole, { type: 'buffer' });
}

test.each(['!SummaryInformation', '!DocumentSummaryInformation'])('an .xls whose %s claims 2 billion properties reads as the original, at once', async (stream) => {
  const original = await readSnapshotFromBuffer(readFileSync(VARIETY), 'variety.xls');
  const started = performance.now();
  const read = await readSnapshotFromBuffer(withPropertyCount(stream, 0x7fffffff), 'variety.xls');
  expect(performance.now() - started).toBeLessThan(2000);
  expect(read).toEqual(original);
});
