import { readFileSync } from 'fs';
import { join } from 'path';
import { readSnapshotFromBuffer } from '../src/adapters/xlsx/readSnapshot';
import { audit } from '../src/core/engine';
import { MutantPackage } from './support/fuzz/mutantPackage';
import { textAt, valueAt } from '../src/core/snapshot';

/**
 * A number cell whose stored value is not a number (`<v>1,234</v>`, as some exporters write it;
 * Excel refuses the file) keeps what is written, as text (found by the fuzz test: SheetJS's
 * parseFloat read `1,234` as 1 and `1.2.3` as 1.2, a figure nobody wrote). The rules then read it
 * as any amount typed as text, or report it unreadable.
 */
const VARIETY = join(__dirname, 'fixtures', 'formats', 'variety.xlsx');
const PART = 'xl/worksheets/sheet1.xml';

/** variety.xlsx with the stored values of number cells replaced, in order, by `stored`. */
async function withStored(stored: string[]) {
  const pkg = MutantPackage.read(readFileSync(VARIETY));
  const refs: string[] = [];
  let i = 0;
  pkg.setText(
    PART,
    pkg.text(PART)!.replace(/(<c r="([A-Z]+\d+)"[^>]*?>)<v>[^<]*<\/v>/g, (all, tag: string, ref: string) => {
      if (/\st=/.test(tag) || i >= stored.length) return all;
      refs.push(ref);
      return `${tag}<v>${stored[i++]}</v>`;
    }),
  );
  const snapshot = await readSnapshotFromBuffer(pkg.write(), 'variety.xlsx');
  const at = (ref: string) => {
    const [, col, row] = /^([A-Z]+)(\d+)$/.exec(ref)!;
    const sheet = snapshot.sheets[0];
    return { value: valueAt(sheet, Number(row), col.charCodeAt(0) - 64), text: textAt(sheet, Number(row), col.charCodeAt(0) - 64) };
  };
  return { snapshot, refs, at };
}

test('stored text that is no number is kept as written, never as the number its start spells', async () => {
  const { refs, at } = await withStored(['1,234', '1.2.3', '0x10', '12abc', 'INF']);
  expect(refs.map((r) => at(r).value)).toEqual(['1,234', '1.2.3', '0x10', '12abc', 'INF']);
  expect(refs.map((r) => at(r).text)).toEqual(['1,234', '1.2.3', '0x10', '12abc', 'INF']);
});

test('numbers stored in any form xsd:double allows stay numbers', async () => {
  const { refs, at } = await withStored([' 12 ', '1E2', '.5', '5.', '-0', '&#49;2']);
  expect(refs.map((r) => at(r).value)).toEqual([12, 100, 0.5, 5, -0, 12]);
});

test('the rules then report what cannot be an amount as unreadable, where it is', async () => {
  const { snapshot, refs } = await withStored(['1.2.3']);
  const findings = audit(snapshot).findings.filter((f) => f.rule === 'unreadable-amount');
  expect(findings.map((f) => f.cell)).toContain(refs[0]);
});
