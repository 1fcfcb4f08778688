import { readdirSync, readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import ExcelJS from 'exceljs';
import { FIXTURES } from './cliRun';

/**
 * Fuzzed workbooks for the command line's promises (exit status, one-line reasons, the source
 * never written): the five real disclosures with cells, rows, merges, sheets and notes mutated,
 * and with their bytes flipped or cut. Deterministic: mutant `i` is the same on every machine.
 */
export const MUTATIONS = ['cells', 'rows', 'merges', 'bytes', 'truncate', 'sheets', 'notes', 'cells'] as const;

/** A small deterministic generator (mulberry32), so a failing mutant can be rebuilt from its number. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const VALUES: ((r: () => number) => { value: ExcelJS.CellValue; numFmt?: string })[] = [
  () => ({ value: 123456789012 }),
  (r) => ({ value: -Math.round(r() * 1e6) / 100 }),
  () => ({ value: '1,234.5' }),
  () => ({ value: '１２３．４５' }),
  () => ({ value: '-' }),
  () => ({ value: '' }),
  // A 9-digit amount in a date format: out of the date range.
  () => ({ value: 123456789, numFmt: 'yyyy-mm-dd' }),
  () => ({ value: 2940.05, numFmt: 'h:mm:ss' }),
  () => ({ value: { error: '#REF!' } as ExcelJS.CellErrorValue }),
  () => ({ value: { formula: 'SUM(A1:A2)' } as ExcelJS.CellFormulaValue }),
  () => ({ value: { richText: [{ text: '12', font: { bold: true } }, { text: '3.4' }] } }),
  () => ({ value: '9'.repeat(10000) }),
  () => ({ value: true }),
  (r) => ({ value: Math.round(r() * 1e7), numFmt: '#,##0,' }),
  (r) => ({ value: r() * 1e-12 }),
  () => ({ value: '合计' }),
  () => ({ value: '=SUM(1)' }),
];

export async function writeMutant(i: number, path: string): Promise<string> {
  const r = random(i * 7919 + 1);
  const fixtures = readdirSync(FIXTURES).filter((f) => f.endsWith('.xlsx'));
  const source = join(FIXTURES, fixtures[i % fixtures.length]);
  const kind = MUTATIONS[i % MUTATIONS.length];
  if (kind === 'bytes' || kind === 'truncate') {
    const bytes = Buffer.from(readFileSync(source));
    if (kind === 'bytes') for (let k = 0; k < 1 + Math.floor(r() * 20); k++) bytes[Math.floor(r() * bytes.length)] = Math.floor(r() * 256);
    writeFileSync(path, kind === 'bytes' ? bytes : bytes.subarray(0, Math.floor(r() * bytes.length)));
    return kind;
  }
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(source);
  const sheets = wb.worksheets;
  const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)];
  const count = 1 + Math.floor(r() * 30);
  for (let k = 0; k < count; k++) {
    const ws = pick(sheets);
    const row = 1 + Math.floor(r() * Math.max(1, ws.rowCount + 2));
    const col = 1 + Math.floor(r() * Math.max(1, ws.columnCount + 1));
    try {
      if (kind === 'cells') {
        const { value, numFmt } = pick(VALUES)(r);
        const cell = ws.getCell(row, col);
        cell.value = value;
        if (numFmt) cell.numFmt = numFmt;
      } else if (kind === 'rows') {
        if (r() < 0.4) ws.spliceRows(row, 1);
        else if (r() < 0.7) ws.insertRow(row, []);
        else ws.getRow(row).hidden = true;
      } else if (kind === 'merges') {
        ws.mergeCells(row, col, row + Math.floor(r() * 3), col + Math.floor(r() * 3));
      } else if (kind === 'sheets') {
        if (r() < 0.3 && wb.worksheets.length > 1) wb.removeWorksheet(ws.id);
        else ws.name = `${pick(['=SUM(1)', "O'Brien", '预算 表', 'x'.repeat(31)])}${k}`.slice(0, 31);
      } else if (kind === 'notes') {
        ws.getCell(row, col).note = { texts: [{ text: '审核意见', font: { bold: true, color: { argb: 'FFFF0000' } } }, { text: ` ${k}` }] };
      }
    } catch {
      // A mutation ExcelJS refuses (an overlapping merge, a duplicate sheet name) is skipped.
    }
  }
  await wb.xlsx.writeFile(path);
  return kind;
}
