import { readFileSync } from 'fs';
import { join } from 'path';
import { readSnapshotFromBuffer } from '../src/adapters/xlsx/readSnapshot';
import { UNCALCULATED, valueAt } from '../src/core/snapshot';
import { MutantPackage } from './support/fuzz/mutantPackage';

/**
 * A formula stored without its result (`<c r="B3"><f>SUM(B4:B9)</f></c>`): a finance system's export or a
 * script writes it so, and only Excel or WPS calculates it. SheetJS drops such a cell as empty, and a blank
 * 合计 would be told 0 everywhere; the reader keeps it as UNCALCULATED, a figure nobody can read yet.
 */
const VARIETY = join(__dirname, 'fixtures', 'formats', 'variety.xlsx');
const PART = 'xl/worksheets/sheet1.xml';

/** variety.xlsx with the first number cells' `<v>` replaced, in order, by the XML in `cells` (formula, value). */
async function withFormulas(cells: string[]) {
  const pkg = MutantPackage.read(readFileSync(VARIETY));
  const refs: string[] = [];
  let i = 0;
  pkg.setText(
    PART,
    pkg.text(PART)!.replace(/<c r="([A-Z]+\d+)"([^>]*?)>(<v>[^<]*<\/v>)<\/c>/g, (all, ref: string, attrs: string) => {
      if (/\st=/.test(attrs) || i >= cells.length) return all;
      refs.push(ref);
      const [type, inner] = cells[i++].split('|');
      return `<c r="${ref}"${attrs}${type ? ` t="${type}"` : ''}>${inner}</c>`;
    }),
  );
  const snapshot = await readSnapshotFromBuffer(pkg.write(), 'variety.xlsx');
  const at = (ref: string) => {
    const [, col, row] = /^([A-Z]+)(\d+)$/.exec(ref)!;
    return valueAt(snapshot.sheets[0], Number(row), col.charCodeAt(0) - 64);
  };
  return refs.map(at);
}

test('a formula with no value, or an empty one, or a shared formula’s cell with none, is UNCALCULATED', async () => {
  expect(await withFormulas(['|<f>SUM(A1:A2)</f>', '|<f>SUM(A1:A2)</f><v></v>', '|<f t="shared" si="0"/>', '|<f>A1</f><v/>'])).toEqual([UNCALCULATED, UNCALCULATED, UNCALCULATED, UNCALCULATED]);
});

test('a formula with its result stored is read as the result; one giving empty text (="") is empty, not uncalculated', async () => {
  expect(await withFormulas(['|<f>SUM(A1:A2)</f><v>12.5</v>', 'str|<f>IF(A1=0,"",A1)</f><v></v>', 'str|<f>A1&amp;""</f><v>x</v>'])).toEqual([12.5, null, 'x']);
});

test('a whole disclosure whose 合计 and 总计 lines are formulas saved without results: one warning, and nothing else the workbook as calculated does not say', async () => {
  const ExcelJS = require('exceljs');
  const file = join(__dirname, 'fixtures', '003-sanmenxia-healthcare-security-service-center-2024-budget.xlsx');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(file));
  const made: string[] = [];
  for (const ws of wb.worksheets) {
    ws.eachRow((row: { values: unknown[]; eachCell: (f: (c: { value: unknown; address: string }) => void) => void }) => {
      if (!row.values.some((v) => typeof v === 'string' && /合\s*计|总\s*计/.test(v))) return;
      row.eachCell((c) => {
        if (typeof c.value !== 'number') return;
        c.value = { formula: 'SUM(A1:A2)' };
        made.push(`${ws.name}!${c.address}`);
      });
    });
  }
  const { audit } = await import('../src/core/engine');
  const before = audit(await readSnapshotFromBuffer(readFileSync(file), 'x.xlsx')).findings;
  const after = audit(await readSnapshotFromBuffer(Buffer.from(await wb.xlsx.writeBuffer()), 'x.xlsx')).findings;
  const warning = after.filter((f) => f.rule === 'uncalculated-formula');
  expect(warning).toHaveLength(1);
  expect(warning[0].cells.map((c) => `${c.sheet}!${c.cell}`).sort()).toEqual([...made].sort());
  // Every other finding is one the calculated workbook gives too (a check on an unread figure is left out).
  const key = (f: { rule: string; sheet: string; cell: string }) => `${f.rule} ${f.sheet}!${f.cell}`;
  const had = new Set(before.map(key));
  expect(after.filter((f) => f.rule !== 'uncalculated-formula').map(key).filter((k) => !had.has(k))).toEqual([]);
});
