import { detectTables } from '../src/core/detect';
import { kindFromTitle } from '../src/core/detect/kindFromTitle';
import type { GridSheet, RawValue, WorkbookSnapshot } from '../src/core/snapshot';
import type { DetectedTable } from '../src/core/table';
import { fixtureSnapshot } from './detectFixtures';
import { shiftRight } from './support/variants';

/**
 * Layouts seen in other provinces' workbooks, made by editing a real sheet: the unit in the
 * title row or in the header row, a 附表1： prefix on the title, a table that starts in
 * column B, a 合计-only header row under merged cells, a 项目|金额 summary without a
 * 收入/支出 band, a blank row inside the body.
 */
const FILE = '000-jiaozuo-medical-insurance-center-2024-budget.xlsx';

function edit(src: WorkbookSnapshot<GridSheet>, sheetName: string, f: (s: GridSheet) => void): GridSheet {
  const s0 = src.sheets.find((s) => s.name === sheetName) as GridSheet;
  const s: GridSheet = {
    ...s0,
    values: s0.values.map((r) => [...r]),
    text: s0.text.map((r) => [...r]),
    numberFormats: s0.numberFormats.map((r) => [...r]),
    merges: s0.merges.map((m) => ({ ...m })),
    hiddenRows: [...s0.hiddenRows],
  };
  f(s);
  return s;
}

function put(s: GridSheet, row: number, col: number, v: RawValue): void {
  while (s.values.length < row) {
    s.values.push([]);
    s.text.push([]);
    s.numberFormats.push([]);
  }
  const fill = <T>(arr: T[], empty: T) => {
    while (arr.length < col) arr.push(empty);
  };
  fill(s.values[row - 1], null);
  fill(s.text[row - 1], '');
  fill(s.numberFormats[row - 1], 'General');
  s.values[row - 1][col - 1] = v;
  s.text[row - 1][col - 1] = v === null ? '' : String(v);
}

function only(s: GridSheet): DetectedTable {
  const ts = detectTables({ sheets: [s] });
  expect(ts).toHaveLength(1);
  return ts[0];
}

let src: WorkbookSnapshot<GridSheet>;
beforeAll(async () => {
  src = await fixtureSnapshot(FILE);
});

test('unit caption beside the title, in the title row', () => {
  const s = edit(src, '预算03表', (x) => {
    put(x, 2, 16, '单位：元');
    put(x, 3, 16, null);
  });
  expect(only(s)).toMatchObject({ kind: 'expenditure', title: '2024年单位支出预算表', unit: '元', headerRows: [4, 6], bodyRows: [7, 19] });
});

test('unit caption in the last cell of the first header row', () => {
  const s = edit(src, '预算13表', (x) => {
    put(x, 3, 3, null);
    x.merges = x.merges.filter((m) => !(m.top === 4 && m.left === 1));
    put(x, 4, 2, '单位：万元');
  });
  const t = only(s);
  expect(t).toMatchObject({ kind: 'operating-cost', unit: '万元', headerRows: [4, 5], bodyRows: [6, 13] });
  expect(t.columns[1].headerPath).toEqual(['科目名称']);
});

test('a 附表1： prefix on the title does not hide the title', () => {
  const s = edit(src, '预算01表', (x) => put(x, 2, 1, '附表1：2024年单位收支预算表'));
  expect(only(s)).toMatchObject({ kind: 'income-expenditure-summary', title: '附表1：2024年单位收支预算表', headerRows: [4, 5], bodyRows: [6, 38] });
});

test('a table that starts in column B has its range from B', () => {
  const v = shiftRight({ sheets: [src.sheets.find((s) => s.name === '预算05表') as GridSheet] }, 1);
  const t = only(v.snapshot.sheets[0]);
  expect(t).toMatchObject({ kind: 'general-budget-expenditure', headerRows: [4, 6], bodyRows: [7, 19], range: { left: 2, right: 15 } });
  expect(t.rows.find((r) => r.row === 9)?.functionCode).toBe('2050803');
});

test('a header row holding only 合计 under merged cells stays in the header band', () => {
  const s = edit(src, '预算02表', (x) => {
    // Row 6 keeps only a 合计 of its own; the other cells are covered by merges from row 5.
    for (let c = 1; c <= 24; c++) if (x.values[5][c - 1] !== null && c !== 8) put(x, 6, c, null);
    put(x, 6, 8, '合计');
    for (let c = 9; c <= 10; c++) x.merges.push({ top: 5, left: c, bottom: 6, right: c });
    x.merges = x.merges.filter((m) => !(m.top === 5 && m.left === 9 && m.right === 10));
  });
  expect(only(s)).toMatchObject({ kind: 'income', headerRows: [4, 6], bodyRows: [7, 9] });
});

test('项目|金额|项目|金额 without a 收入/支出 band still reads as two sides', () => {
  const s = edit(src, '预算01表', (x) => {
    x.values.splice(3, 1);
    x.text.splice(3, 1);
    x.numberFormats.splice(3, 1);
    x.merges = x.merges.filter((m) => m.top !== 4).map((m) => (m.top > 4 ? { ...m, top: m.top - 1, bottom: m.bottom - 1 } : m));
    put(x, 2, 1, null);
  });
  const t = only(s);
  expect(t).toMatchObject({ kind: 'income-expenditure-summary', headerRows: [4, 4], bodyRows: [5, 37] });
  expect(t.columns.map((c) => c.side)).toEqual(['income', 'income', 'expenditure', 'expenditure']);
});

test('a blank row inside the body does not cut the table', () => {
  const s = edit(src, '预算03表', (x) => {
    x.values.splice(11, 0, []);
    x.text.splice(11, 0, []);
    x.numberFormats.splice(11, 0, []);
  });
  expect(only(s)).toMatchObject({ headerRows: [4, 6], bodyRows: [7, 20], noteRows: [21] });
});

test('a blank row right under the header (a spacer above the 合计) does not cut the table either', () => {
  const s = edit(src, '预算03表', (x) => {
    x.values.splice(6, 0, []);
    x.text.splice(6, 0, []);
    x.numberFormats.splice(6, 0, []);
  });
  const t = only(s);
  expect(t).toMatchObject({ headerRows: [4, 6], bodyRows: [7, 20], noteRows: [21] });
  expect(t.rows.find((r) => r.role === 'total')?.row).toBe(8);
});

test('a 情况说明 pasted above a table is a narrative, and the table is still found', () => {
  const prose = src.sheets.find((s) => s.name === '情况说明') as GridSheet;
  const table = src.sheets.find((s) => s.name === '预算03表') as GridSheet;
  const n = prose.values.length + 1;
  const sheet: GridSheet = {
    name: '合并',
    values: [...prose.values, [], ...table.values],
    text: [...prose.text, [], ...table.text],
    numberFormats: [...prose.numberFormats, [], ...table.numberFormats],
    merges: table.merges.map((m) => ({ ...m, top: m.top + n, bottom: m.bottom + n })),
    hiddenRows: [],
    hiddenColumns: [],
  };
  const ts = detectTables({ sheets: [sheet] });
  expect(ts.map((t) => t.kind)).toEqual(['narrative', 'expenditure']);
  expect(ts[1]).toMatchObject({ headerRows: [4 + n, 6 + n], bodyRows: [7 + n, 19 + n], title: '2024年单位支出预算表' });
  expect(ts[0].range.bottom).toBeLessThan(ts[1].range.top);
});

test('a form number to the right of the table widens the range, not the columns', () => {
  const s = edit(src, '预算13表', (x) => {
    put(x, 1, 3, null);
    put(x, 1, 6, '预算13表');
  });
  const t = only(s);
  expect(t).toMatchObject({ kind: 'operating-cost', formNumber: '预算13表', range: { left: 1, right: 6 } });
  expect(t.columns.map((c) => c.col)).toEqual([1, 2, 3]);
});

test('an empty table says so in other words (没有…支出) or in its body; a full one does not', () => {
  const s = edit(src, '预算11表', (x) => {
    put(x, 8, 1, '注：本单位2024年没有国有资本经营预算安排的支出。');
    put(x, 9, 1, null);
  });
  expect(only(s)).toMatchObject({ kind: 'state-capital-expenditure', declaredEmpty: true, noteRows: [8] });
  const inBody = edit(src, '预算10表', (x) => {
    put(x, 7, 5, '本表无数据');
    put(x, 8, 1, null);
    put(x, 9, 1, null);
  });
  expect(only(inBody)).toMatchObject({ declaredEmpty: true, bodyRows: [7, 7] });
  const full = edit(src, '预算09表', (x) => put(x, 7, 1, '注：本单位没有因公出国（境）费支出。'));
  expect(only(full).declaredEmpty).toBeUndefined();
});

test.each([
  ['部门收支总体情况表', 'income-expenditure-summary'],
  ['2024年部门收支预算总表', 'income-expenditure-summary'],
  ['收入支出决算表', 'income-expenditure-summary'],
  ['部门收入总体情况表', 'income'],
  ['收入决算表', 'income'],
  ['部门支出总体情况表', 'expenditure'],
  ['财政拨款收支总体情况表', 'fiscal-appropriation-summary'],
  ['财政拨款收入支出决算总表', 'fiscal-appropriation-summary'],
  ['一般公共预算财政拨款支出决算表', 'general-budget-expenditure'],
  ['一般公共预算基本支出预算表（按经济分类）', 'basic-expenditure'],
  ['一般公共预算“三公”经费支出情况表', 'three-public'],
  ['政府性基金预算财政拨款收入支出决算表', 'gov-fund-expenditure'],
  ['国有资本经营预算支出情况表', 'state-capital-expenditure'],
  ['部门支出经济分类汇总表', 'economic-classification-summary'],
  ['行政（事业）单位机构运行经费表', 'operating-cost'],
  ['项目支出预算表', 'project-expenditure'],
  ['2024年部门整体支出绩效目标表', 'unknown'],
  // Listing 项目名称 and amounts as a 项目支出表 does, but none of the checked tables.
  ['2024年政府购买服务预算表', 'unknown'],
  ['2024年新增资产配置预算表', 'unknown'],
  ['机构人员情况表', 'unknown'],
  ['一般公共预算基本支出（人员经费）预算表', 'basic-expenditure'],
  ['2024年政府采购预算表', 'government-procurement'],
  ['2018年度某某局财政拨款支出预算表（功能科目）', 'fiscal-appropriation-expenditure'],
  ['财政拨款基本支出预算表（经济科目）', 'fiscal-appropriation-basic-expenditure'],
  ['一般公共预算财政拨款基本支出决算表', 'basic-expenditure'],
])('the title %s names a %s table', (title, kind) => {
  expect(kindFromTitle(title)).toBe(kind);
});

test('a form number under the title and a (单位：万元) caption in brackets', () => {
  const s = edit(src, '预算06表', (x) => {
    put(x, 1, 7, null);
    put(x, 3, 7, '预算06表');
    put(x, 3, 1, '（单位：万元）');
  });
  expect(only(s)).toMatchObject({ kind: 'basic-expenditure', title: '2024年一般公共预算基本支出预算表', formNumber: '预算06表', unit: '万元', headerRows: [4, 5], bodyRows: [6, 25], range: { top: 2 } });
});

test('another province: 序号, 项目代码 and 占比 columns are not money, the amounts are', () => {
  const values: RawValue[][] = [
    ['附表12', null, null, null, null, null],
    ['2025年部门项目支出预算表', null, null, null, null, null],
    ['编制单位：某某局', null, null, null, '金额单位：万元', null],
    ['序号', '项目代码', '项目名称', '合计', '一般公共预算', '占比%'],
    [null, null, '合计', 30.5, 30.5, 1],
    [1, '41080025000000000001', '医保基金监管', 10, 10, 0.33],
    [2, '41080025000000000002', '医疗救助', 20.5, 20.5, 0.67],
  ];
  const s: GridSheet = {
    name: 'Sheet1',
    values,
    text: values.map((r) => r.map((v) => (v === null ? '' : String(v)))),
    numberFormats: values.map((r, i) => r.map((_, c) => (i >= 4 && c >= 3 && c <= 4 ? '#,##0.00' : i >= 4 && c === 5 ? '0%' : 'General'))),
    merges: [{ top: 2, left: 1, bottom: 2, right: 6 }],
    hiddenRows: [],
    hiddenColumns: [],
  };
  const t = only(s);
  expect(t).toMatchObject({ kind: 'project-expenditure', formNumber: '附表12', unit: '万元', headerRows: [4, 4], bodyRows: [5, 7] });
  expect(t.columns.map((c) => c.role)).toEqual(['line-no', 'text', 'label', 'amount', 'amount', 'text']);
  expect(t.rows.map((r) => r.role)).toEqual(['total', 'detail', 'detail']);
});

test('sign-off lines under a table (单位负责人：… 制表人：…) end the body and stay with the notes', () => {
  const s = edit(src, '预算13表', (x) => {
    put(x, 15, 1, '单位负责人：张三');
    put(x, 15, 3, '制表人：李四');
  });
  expect(only(s)).toMatchObject({ bodyRows: [6, 13], noteRows: [14, 15] });
});

test('a header typed without merges (group label once, cells beside it empty) gives the same paths', () => {
  const merged = only(edit(src, '预算03表', () => undefined));
  const flat = only(edit(src, '预算03表', (x) => (x.merges = x.merges.filter((m) => m.top < 4))));
  expect(flat.columns.map((c) => c.headerPath)).toEqual(merged.columns.map((c) => c.headerPath));
  expect(flat).toMatchObject({ kind: 'expenditure', headerRows: [4, 6], bodyRows: [7, 19] });
});
