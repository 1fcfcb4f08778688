import * as os from 'os';
import * as path from 'path';
import * as fs from 'fs';
import { detectSheet, detectTables } from '../src/core/detect';
import { readSnapshotFromFile } from '../src/adapters/xlsx/readSnapshot';
import type { GridSheet, RawValue, WorkbookSnapshot } from '../src/core/snapshot';
import { fixtureSnapshot } from './detectFixtures';
import { stackTables, textAmounts } from './support/variants';
import { writeXlsx } from './support/writeXlsx';

/**
 * What a reviewer may open by mistake or on purpose: nothing in it, prose that is not a
 * budget, a huge sheet of numbers, a sheet of broken formulas. Detection must answer
 * quickly, never crash, and never invent a budget table.
 */
function sheet(name: string, values: RawValue[][], formats?: string[][]): GridSheet {
  return {
    name,
    values,
    text: values.map((r) => r.map((v) => (v === null ? '' : String(v)))),
    numberFormats: formats ?? values.map((r) => r.map(() => 'General')),
    merges: [],
    hiddenRows: [],
    hiddenColumns: [],
  };
}

const BUDGET_KINDS = (k: string) => k !== 'unknown' && k !== 'narrative';

test('an empty workbook and an empty sheet give no table', () => {
  expect(detectTables({ sheets: [] })).toEqual([]);
  expect(detectTables({ sheets: [sheet('Sheet1', [])] })).toEqual([]);
  expect(detectTables({ sheets: [sheet('Sheet1', [[], [null, null], []])] })).toEqual([]);
});

test('a sheet of random text is not a budget table', () => {
  const words = ['苹果', 'banana', '会议纪要', 'lorem ipsum', '天气晴', '第三季度', 'x', '联系人：张三', '电话'];
  let seed = 7;
  const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const values: RawValue[][] = [];
  for (let r = 0; r < 60; r++) values.push(Array.from({ length: 1 + Math.floor(rnd() * 5) }, () => words[Math.floor(rnd() * words.length)]));
  const tables = detectTables({ sheets: [sheet('杂项', values)] });
  expect(tables.filter((t) => BUDGET_KINDS(t.kind))).toEqual([]);
});

test('a cover sheet and chart data are not budget tables', () => {
  const cover = sheet('封面', [[null], ['焦作市医疗保障局'], ['2024年部门预算公开'], [null], ['二〇二四年二月']]);
  const chart = sheet('图表数据', [['月份', '支出'], ...Array.from({ length: 12 }, (_, i) => [`${i + 1}月`, 100 + i])]);
  const tables = detectTables({ sheets: [cover, chart] });
  expect(tables.filter((t) => BUDGET_KINDS(t.kind))).toEqual([]);
});

test('a 50,000-row sheet of numbers is classified quickly and yields no table', () => {
  const values: RawValue[][] = Array.from({ length: 50_000 }, (_, r) => [r, r * 1.5, r * 2.25, (r % 97) / 3]);
  const t0 = Date.now();
  const tables = detectTables({ sheets: [sheet('数据', values)] });
  expect(Date.now() - t0).toBeLessThan(3000);
  expect(tables).toEqual([]);
});

test('a 200,000-row sheet of numbers and words under a sheet-wide merge does not blow up', () => {
  const values: RawValue[][] = Array.from({ length: 200_000 }, (_, r) => [r, r * 1.5, `x${r}`]);
  const s = sheet('大数据', values);
  s.merges = [{ top: 1, left: 1, bottom: 1_048_576, right: 16_384 }];
  const t0 = Date.now();
  expect(detectTables({ sheets: [s] }).filter((t) => BUDGET_KINDS(t.kind))).toEqual([]);
  expect(Date.now() - t0).toBeLessThan(15_000);
});

test('a 200,000-row table under a real header is read in linear time', () => {
  const header: RawValue[][] = [['2024年项目支出预算表'], ['单位：万元'], ['类型', '项目名称', '项目单位', '合计', '一般公共预算']];
  const body: RawValue[][] = Array.from({ length: 200_000 }, (_, r) => ['特定目标类', `项目${r}`, '某单位', 1 + (r % 100), 1 + (r % 100)]);
  const values = [...header, ...body];
  const formats = values.map((r, i) => r.map((_, c) => (i >= 3 && c >= 3 ? '#,##0.00' : 'General')));
  const t0 = Date.now();
  const tables = detectTables({ sheets: [sheet('大表', values, formats)] });
  const ms = Date.now() - t0;
  expect(tables).toHaveLength(1);
  expect(tables[0]).toMatchObject({ kind: 'project-expenditure', headerRows: [3, 3], bodyRows: [4, 200_003], unit: '万元' });
  expect(ms).toBeLessThan(20_000);
});

test('a sheet full of #REF! is no table, and #REF! inside a table is reported unreadable, not read as zero', async () => {
  const refs: RawValue[][] = Array.from({ length: 40 }, () => Array.from({ length: 8 }, () => '#REF!'));
  expect(detectTables({ sheets: [sheet('坏表', refs)] }).filter((t) => BUDGET_KINDS(t.kind))).toEqual([]);

  const src = await fixtureSnapshot('000-jiaozuo-medical-insurance-center-2024-budget.xlsx');
  const broken: WorkbookSnapshot<GridSheet> = { ...src, sheets: src.sheets.map((s) => ({ ...s, values: s.values.map((r) => [...r]), text: s.text.map((r) => [...r]) })) };
  const s03 = broken.sheets.find((s) => s.name === '预算03表') as GridSheet;
  s03.values[9][5] = '#REF!';
  s03.text[9][5] = '#REF!';
  s03.values[10][6] = '12,3a4';
  s03.text[10][6] = '12,3a4';
  const t = detectTables(broken).find((x) => x.sheet === '预算03表');
  expect(t?.bodyRows).toEqual([7, 19]);
  expect(t?.unreadable).toEqual([
    { row: 10, col: 6, raw: '#REF!', reason: 'error-value' },
    { row: 11, col: 7, raw: '12,3a4', reason: 'unreadable' },
  ]);
});

test('a variant written to .xlsx and read back gives the same tables (for CLI-level tests)', async () => {
  const src = await fixtureSnapshot('002-jiaozuo-healthcare-security-bureau-2023-final-accounts.xlsx');
  const v = stackTables(textAmounts(src, 'pdf-spaces').snapshot, 2);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'detect-'));
  const file = path.join(dir, 'stacked.xlsx');
  await writeXlsx(v.snapshot, file);
  const back = await readSnapshotFromFile(file);
  fs.rmSync(dir, { recursive: true, force: true });
  const shape = (ts: ReturnType<typeof detectTables>) => ts.map((t) => [t.sheet, t.kind, t.headerRows, t.bodyRows]);
  expect(shape(detectTables(back))).toEqual(shape(detectTables(v.snapshot)));
});

test('mangled copies of real sheets never make detection throw', async () => {
  const src = await fixtureSnapshot('001-jiaozuo-healthcare-security-bureau-2025-budget.xlsx');
  let seed = 42;
  const rnd = (n: number) => (seed = (seed * 1103515245 + 12345) % 2147483648) % n;
  const junk: RawValue[] = ['#REF!', '', '合计', '注：', '单位：万元', '2024年部门收支预算表', '类', 0, -1, 1e21, 3.14159, true, '１２', '—', '(1,2)'];
  for (let k = 0; k < 120; k++) {
    const s0 = src.sheets[rnd(src.sheets.length)];
    const values = s0.values.map((r) => [...r]);
    const text = s0.text.map((r) => [...r]);
    const numberFormats = s0.numberFormats.map((r) => [...r]);
    // Delete, duplicate and scribble over rows; add nonsense merges.
    for (let m = 0; m < 6; m++) {
      const r = rnd(values.length + 1);
      const op = rnd(3);
      if (op === 0 && values.length > 1) {
        values.splice(r, 1);
        text.splice(r, 1);
        numberFormats.splice(r, 1);
      } else if (op === 1 && values[r]) {
        values.splice(r, 0, [...values[r]]);
        text.splice(r, 0, [...text[r]]);
        numberFormats.splice(r, 0, [...numberFormats[r]]);
      } else if (values[r]) {
        const c = rnd(values[r].length + 3);
        const v = junk[rnd(junk.length)];
        values[r][c] = v;
        text[r] = text[r] ?? [];
        text[r][c] = v === null ? '' : String(v);
      }
    }
    const merges = [...s0.merges, { top: 1 + rnd(40), left: 1 + rnd(10), bottom: rnd(40), right: rnd(12) }];
    const sheet: GridSheet = { ...s0, values, text, numberFormats, merges, hiddenRows: [rnd(30)] };
    expect(() => detectSheet(sheet)).not.toThrow();
  }
  // A snapshot without text or format grids (a minimal adapter) reads too.
  const bare = { ...src.sheets[2], text: undefined, numberFormats: undefined } as unknown as GridSheet;
  expect(detectSheet(bare)[0].table.bodyRows).toEqual([6, 21]);
});
