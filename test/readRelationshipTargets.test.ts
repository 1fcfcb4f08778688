import { readFileSync } from 'fs';
import { join } from 'path';
import { readSnapshotFromBuffer } from '../src/adapters/xlsx/readSnapshot';
import { MutantPackage } from './support/fuzz/mutantPackage';

/**
 * A workbook's relationships may name its sheets in any spelling OPC allows; each reads the same
 * (found by the fuzz test: SheetJS skipped a sheet named `./worksheets/…` or `../xl/worksheets/…`
 * and the workbook was refused as damaged).
 */
const VARIETY = join(__dirname, 'fixtures', 'formats', 'variety.xlsx');
const RELS = 'xl/_rels/workbook.xml.rels';

function withTargets(spell: (target: string) => string): Uint8Array {
  const pkg = MutantPackage.read(readFileSync(VARIETY));
  pkg.setText(RELS, pkg.text(RELS)!.replace(/Target="(worksheets\/[^"]+)"/g, (_m, target: string) => `Target="${spell(target)}"`));
  return pkg.write();
}

test.each([
  ['./worksheets/sheet1.xml', (t: string) => `./${t}`],
  ['../xl/worksheets/sheet1.xml', (t: string) => `../xl/${t}`],
  ['/xl/worksheets/sheet1.xml', (t: string) => `/xl/${t}`],
  ['worksheets/./sub/../sheet1.xml', (t: string) => t.replace('worksheets/', 'worksheets/./sub/../')],
])('sheets named as %s read as the original, hidden and protected sheets included', async (_name, spell) => {
  const original = await readSnapshotFromBuffer(readFileSync(VARIETY), 'variety.xlsx');
  const bytes = withTargets(spell);
  expect(new TextDecoder().decode(MutantPackage.read(bytes).entries.find((e) => e.name === RELS)!.data)).toContain(spell('worksheets/sheet1.xml'));
  const read = await readSnapshotFromBuffer(bytes, 'variety.xlsx');
  expect(read).toEqual(original);
  expect(read.sheets.some((s) => s.protected)).toBe(true);
});
