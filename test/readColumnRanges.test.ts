import { readFileSync } from 'fs';
import { join } from 'path';
import { readSnapshotFromBuffer, UnreadableWorkbookError } from '../src/adapters/xlsx/readSnapshot';
import { MutantPackage } from './support/fuzz/mutantPackage';
import { columnCount, rowCount } from '../src/core/snapshot';
import { WorksheetHead } from '../src/adapters/xlsx/columnRanges';

/**
 * Column records past Excel's last column (XFD, 16,384) are refused as damaged, naming the part
 * and the range (found by the fuzz test: SheetJS copies a record once per column of its range, and
 * `<col min="1" max="2147483647">` ran the process out of memory); ranges up to XFD read as ever.
 */
const VARIETY = join(__dirname, 'fixtures', 'formats', 'variety.xlsx');
const PART = 'xl/worksheets/sheet1.xml';

function withColumns(min: string, max: string): Uint8Array {
  const pkg = MutantPackage.read(readFileSync(VARIETY));
  pkg.setText(PART, pkg.text(PART)!.replace(/<cols>.*?<\/cols>/, `<cols><col min="${min}" max="${max}" width="12" hidden="1" customWidth="1"/></cols>`));
  return pkg.write();
}

test.each([
  ['1', '2147483647'],
  ['16385', '99999'],
])('columns %s to %s: refused at once as damaged, with the part and the range', async (min, max) => {
  const started = performance.now();
  const error = await readSnapshotFromBuffer(withColumns(min, max), 'v.xlsx').catch((e: unknown) => e);
  expect(performance.now() - started).toBeLessThan(2000);
  expect(error).toBeInstanceOf(UnreadableWorkbookError);
  expect((error as UnreadableWorkbookError).reason).toBe('damaged');
  expect((error as Error).message).toContain(`${PART} has a column range ${min}–${max} past the sheet's 16384 columns`);
});

test('every column hidden, A to XFD, reads: the sheet is there and its columns are hidden', async () => {
  const snapshot = await readSnapshotFromBuffer(withColumns('1', '16384'), 'v.xlsx');
  const sheet = snapshot.sheets[0];
  expect(rowCount(sheet)).toBeGreaterThan(0);
  expect(sheet.hiddenColumns).toEqual(Array.from({ length: columnCount(sheet) }, (_, i) => i + 1));
});

describe('the worksheet head, fed chunk by chunk as the part is unpacked', () => {
  const xml =
    '<?xml version="1.0"?><x:worksheet xmlns:x="s"><x:cols><x:col min="1" max="3"/><x:col min="4" max="16385" width="9"/></x:cols>' +
    '<x:sheetData><x:row r="1"><x:c r="A1"><x:v>1</x:v></x:c></x:row></x:sheetData></x:worksheet>';
  const headOf = (text: string, size: number): { range: ReturnType<WorksheetHead['rangePastGrid']>; head: string } => {
    const h = new WorksheetHead();
    for (let i = 0; i < text.length; i += size) h.feed(Buffer.from(text.slice(i, i + size), 'latin1'));
    return { range: h.rangePastGrid(), head: (h as unknown as { head: string }).head };
  };

  test('ends where <sheetData> starts, however the chunks cut the tag', () => {
    const whole = xml.slice(0, xml.search(/<(?:[\w.-]+:)?sheetData\b/));
    for (const size of [1, 2, 3, 5, 7, 11, 13, 64, 1000]) {
      const { range, head } = headOf(xml, size);
      expect(head).toBe(whole);
      expect(range).toEqual({ min: 4, max: 16385 });
    }
  });

  test('a part with no <sheetData> is kept whole (up to its cap), its column records read', () => {
    const noData = xml.replace(/<x:sheetData>.*<\/x:sheetData>/, '');
    for (const size of [1, 4, 9, 100]) expect(headOf(noData, size).head).toBe(noData);
  });
});
