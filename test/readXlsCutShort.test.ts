import * as XLSX from '@e965/xlsx';
import { readFileSync } from 'fs';
import { join } from 'path';
import { readSnapshotFromBuffer, UnreadableWorkbookError } from '../src/adapters/xlsx/readSnapshot';

/**
 * An .xls whose workbook stream ends early lists sheets it no longer holds; it is refused as
 * damaged, naming them, never read as a workbook with fewer sheets (found by the fuzz test: a few
 * flipped bytes gave 2 of 14 sheets and "no error"). The same bytes give the same answer whether
 * they come as a Buffer (a file) or a Uint8Array.
 */
const VARIETY = join(__dirname, 'fixtures', 'formats', 'variety.xls');

interface OleEntry {
  content: Uint8Array;
  size: number;
}
const CFB = XLSX.CFB as { read(d: Uint8Array, o: { type: 'buffer' }): unknown; find(c: unknown, n: string): OleEntry | null; write(c: unknown, o: { type: 'buffer' }): Uint8Array };

/** variety.xls with its workbook stream cut to `share` of its length. */
function cutShort(share: number): Uint8Array {
  const ole = CFB.read(readFileSync(VARIETY), { type: 'buffer' });
  const stream = CFB.find(ole, 'Workbook')!;
  stream.content = stream.content.slice(0, Math.floor(stream.content.length * share));
  stream.size = stream.content.length;
  return CFB.write(ole, { type: 'buffer' });
}

test.each([
  [0.8, '锁定、隐藏'],
  [0.9, '隐藏'],
])('a workbook stream cut to %p of its length: refused as damaged, naming the sheets it lost (%s)', async (share, lost) => {
  const bytes = cutShort(share);
  for (const input of [Buffer.from(bytes), new Uint8Array(bytes)]) {
    const error = await readSnapshotFromBuffer(input, 'variety.xls').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnreadableWorkbookError);
    expect((error as UnreadableWorkbookError).reason).toBe('damaged');
    expect((error as Error).message).toContain(`文件已损坏，无法读取（${lost}）`);
  }
});

test('the whole stream reads, every sheet of it', async () => {
  const snapshot = await readSnapshotFromBuffer(readFileSync(VARIETY), 'variety.xls');
  expect(snapshot.sheets.length).toBeGreaterThanOrEqual(4);
});
