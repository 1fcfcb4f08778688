/**
 * The same workbook gives the same tables and the same findings in every file format a reviewer
 * receives: .xlsx, its .xls and .ods copies (made by LibreOffice, test/fixtures/formats/convert.sh)
 * and an .xlsm. Eight real disclosures and variety.xlsx, which carries accounting, scaled,
 * percentage and red-negative formats, text amounts, an error value, a formula, a hidden row,
 * column and sheet, and a protected sheet.
 */
import fs from 'node:fs';
import path from 'node:path';
import * as XLSX from '@e965/xlsx';
import { readSnapshotFromBuffer, readSnapshotFromFile } from '../src/adapters/xlsx/readSnapshot';
import { audit } from '../src/core/engine';
import { tableRecord } from '../src/core/report';
import { type WorkbookSnapshot, gridsOf } from '../src/core/snapshot';
import { formatInfo } from '../src/core/numberFormat';

const FIXTURES = path.join(__dirname, 'fixtures');
const FORMATS = path.join(FIXTURES, 'formats');

/** Every workbook with copies in formats/: its .xlsx (in fixtures/ or formats/) and the copies. */
const workbooks = fs
  .readdirSync(FORMATS)
  .filter((f) => f.endsWith('.xls'))
  .map((f) => f.replace(/\.xls$/, ''))
  .sort();

function source(base: string): string {
  const own = path.join(FIXTURES, `${base}.xlsx`);
  return fs.existsSync(own) ? own : path.join(FORMATS, `${base}.xlsx`);
}

/** What the engine says of a workbook, in the terms a reviewer compares. */
function outcome(snapshot: WorkbookSnapshot) {
  const result = audit(snapshot);
  return {
    tables: result.tables.map(tableRecord),
    findings: result.findings.map((f) => ({ rule: f.rule, severity: f.severity, sheet: f.sheet, cell: f.cell, actual: f.actual, expected: f.expected })),
  };
}

const fromXlsx = new Map<string, ReturnType<typeof outcome>>();

beforeAll(async () => {
  for (const base of workbooks) fromXlsx.set(base, outcome(await readSnapshotFromFile(source(base))));
});

test('the copies are all there: eight real workbooks and the variety workbook, as .xls and .ods', () => {
  expect(workbooks).toHaveLength(9);
  for (const base of workbooks) {
    expect(fs.existsSync(source(base))).toBe(true);
    expect(fs.existsSync(path.join(FORMATS, `${base}.ods`))).toBe(true);
  }
});

describe.each(workbooks)('%s', (base) => {
  test('the .xlsx has tables to compare', () => {
    expect(fromXlsx.get(base)!.tables.length).toBeGreaterThan(0);
  });
  test.each(['xls', 'ods'])('its .%s copy gives the same tables and findings', async (ext) => {
    const copy = outcome(await readSnapshotFromFile(path.join(FORMATS, `${base}.${ext}`)));
    expect(copy.tables).toEqual(fromXlsx.get(base)!.tables);
    expect(copy.findings).toEqual(fromXlsx.get(base)!.findings);
  });
});

test('there are findings to compare: errors in most workbooks, and every kind the variety workbook carries', () => {
  // Findings of every severity (rounding tails are info): most workbooks have some, and the
  // seeded real mistakes give errors.
  const withFindings = workbooks.filter((b) => fromXlsx.get(b)!.findings.length > 0);
  expect(withFindings.length).toBeGreaterThanOrEqual(5);
  expect(workbooks.filter((b) => fromXlsx.get(b)!.findings.some((f) => f.severity === 'error')).length).toBeGreaterThanOrEqual(2);
  const variety = fromXlsx.get('variety')!.findings;
  expect(variety.filter((f) => f.sheet === '三公经费表').map((f) => [f.cell, f.actual, f.expected])).toContainEqual(['C4', '1235', '1234']);
  expect(variety.some((f) => f.rule === 'unreadable-amount')).toBe(true);
});

test('an .xlsm copy gives the same tables and findings', async () => {
  const base = '000-jiaozuo-medical-insurance-center-2024-budget';
  expect(outcome(await readSnapshotFromFile(path.join(FORMATS, `${base}.xlsm`)))).toEqual(fromXlsx.get(base));
});

test('an .xlsb copy (written here by SheetJS, as LibreOffice cannot) gives the same tables and findings', async () => {
  for (const base of ['variety', '003-sanmenxia-healthcare-security-service-center-2024-budget']) {
    const xlsb = XLSX.write(XLSX.read(fs.readFileSync(source(base)), { cellNF: true, cellStyles: true }), { type: 'buffer', bookType: 'xlsb' }) as Buffer;
    expect(xlsb.subarray(0, 2).toString()).toBe('PK');
    expect(outcome(await readSnapshotFromBuffer(xlsb, `${base}.xlsb`))).toEqual(fromXlsx.get(base));
  }
});

describe('the variety workbook reads the same in every format', () => {
  const snapshots = new Map<string, WorkbookSnapshot>();
  beforeAll(async () => {
    for (const ext of ['xlsx', 'xls', 'ods']) snapshots.set(ext, await readSnapshotFromFile(path.join(FORMATS, `variety.${ext}`)));
  });
  test.each(['xlsx', 'xls', 'ods'])('.%s: hidden row and column, hidden and protected sheets', (ext) => {
    const s = snapshots.get(ext)!;
    expect(s.sheets.map((x) => x.name)).toEqual(['支出预算表', '收入预算表', '三公经费表', '锁定', '隐藏']);
    expect(s.sheets[0].hiddenRows).toEqual([7]);
    expect(s.sheets[0].hiddenColumns).toEqual([6]);
    expect(s.sheets.map((x) => Boolean(x.hidden))).toEqual([false, false, false, false, true]);
    expect(s.sheets.map((x) => Boolean(x.protected))).toEqual([false, false, false, true, false]);
  });
  test.each(['xls', 'ods'])('.%s: the same values as the .xlsx, cell by cell', (ext) => {
    const a = snapshots.get('xlsx')!;
    const b = snapshots.get(ext)!;
    a.sheets.forEach((sheet, i) => expect(gridsOf(b.sheets[i]).values).toEqual(gridsOf(sheet).values));
  });
  test.each(['xls', 'ods'])('.%s: every number cell’s format reads the same (decimals, scale, percent, date)', (ext) => {
    const read = (s: WorkbookSnapshot) =>
      s.sheets.flatMap((sheet) => {
        const { values, numberFormats } = gridsOf(sheet);
        return values.flatMap((row, r) => row.flatMap((v, c) => (typeof v === 'number' ? [{ at: `${sheet.name}!${r + 1}:${c + 1}`, ...formatInfo(numberFormats[r][c]) }] : [])));
      });
    const want = read(snapshots.get('xlsx')!);
    expect(want.some((x) => x.scale === 0.001) && want.some((x) => x.percent)).toBe(true);
    expect(read(snapshots.get(ext)!)).toEqual(want);
  });
});
