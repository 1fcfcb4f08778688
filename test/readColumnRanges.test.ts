import { readFileSync } from 'fs';
import { join } from 'path';
import { readSnapshotFromBuffer, UnreadableWorkbookError } from '../src/adapters/xlsx/readSnapshot';
import { MutantPackage } from './support/fuzz/mutantPackage';
import { columnCount, rowCount } from '../src/core/snapshot';

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
