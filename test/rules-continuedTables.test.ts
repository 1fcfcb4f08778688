import { audit, detect } from '../src/core/engine';
import { markContinuations } from '../src/core/detect/continuation';
import type { GridSheet } from '../src/core/snapshot';
import { all, loud, said } from './support/checklist';
import { sheet, workbook } from './support/sheetBuilder';
import { BUDGET_TABLES } from './support/smallBudget';

/**
 * A table split over pages (table-continued): the small budget's 预算03表 printed on two sheets, its
 * 合计 and 类 208, 210 on the first, 类 221 on 预算03表(续) under the same header. Read as two tables,
 * the first part's 合计 1,000 did not cover its rows (920) and the 收支总表's 住房保障支出 80 found
 * no rows in it: errors about figures that are right. Now the parts are one table split over pages:
 * checked along their rows, said once, quietly, to be unchecked down their columns and across.
 */
const UNIT = '单位：万元';
const HEADER = [
  ['科目编码', '科目名称', '合计', '基本支出', null, null, '项目支出'],
  [null, null, null, '小计', '人员经费', '公用经费'],
];
const MERGES = ['A1:G1', 'A3:A4', 'B3:B4', 'C3:C4', 'D3:F3', 'G3:G4'];

const firstPart = (title = '2024年部门支出预算表'): GridSheet =>
  sheet(
    '预算03表',
    [
      [title],
      ['部门：某某局', null, null, null, null, null, UNIT],
      ...HEADER,
      [null, '合计', 1000, 800, 700, 100, 200],
      ['208', '社会保障和就业支出', 120, 120, 120, null, null],
      ['20805', '行政事业单位养老支出', 120, 120, 120, null, null],
      ['2080505', '机关事业单位基本养老保险缴费支出', 120, 120, 120, null, null],
      ['210', '卫生健康支出', 800, 600, 500, 100, 200],
      ['21015', '医疗保障管理事务', 800, 600, 500, 100, 200],
      ['2101501', '行政运行', 600, 600, 500, 100, null],
      ['2101502', '一般行政管理事务', 200, null, null, null, 200],
    ],
    { merges: MERGES },
  );

const secondPart = (name = '预算03表(续)', title = '2024年部门支出预算表（续）', basic = 80): GridSheet =>
  sheet(
    name,
    [
      [title],
      ['部门：某某局', null, null, null, null, null, UNIT],
      ...HEADER,
      ['221', '住房保障支出', 80, 80, 80, null, null],
      ['22102', '住房改革支出', 80, 80, 80, null, null],
      ['2210201', '住房公积金', 80, basic, 80, null, null],
    ],
    { merges: MERGES },
  );

const split = (second = secondPart()) => {
  const sheets = BUDGET_TABLES.map((t) => t());
  const at = sheets.findIndex((s) => s.name === '预算03表');
  sheets.splice(at, 1, firstPart(), second);
  return workbook(...sheets);
};

describe('a 支出表 split over two sheets (table-continued)', () => {
  test('the second part goes on from the first: both marked split, one disclosure', () => {
    const tables = detect(split()).filter((t) => t.kind === 'expenditure');
    expect(tables.map((t) => [t.sheet, t.continues ?? null, t.splitOverPages ?? null])).toEqual([
      ['预算03表', null, true],
      ['预算03表(续)', tables[0].id, true],
    ]);
    expect(audit(split()).disclosures).toHaveLength(1);
  });

  test('consistent: nothing above info, and one quiet note at the second part', () => {
    const f = all(split());
    expect(f.filter((x) => x.severity !== 'info').map(said)).toEqual([]);
    expect(f.filter((x) => x.rule === 'table-continued').map(said)).toEqual([['table-continued', 'info', '预算03表(续)!A3', null, null]]);
  });

  test('a line of the second part still adds up along its row: 住房公积金 基本支出 70 is named (row-sum)', () => {
    expect(loud(split(secondPart(undefined, undefined, 70))).map(said)).toContainEqual(['row-sum', 'error', '预算03表(续)!D7', '70.00', '80.00']);
  });

  test('a sheet that says 续 but holds other columns is a table of its own, as before', () => {
    const other = sheet('预算03表(续)', [['2024年部门支出预算表（续）'], ['部门：某某局', null, null, UNIT], ['科目编码', '科目名称', '合计', '基本支出'], ['221', '住房保障支出', 80, 80]]);
    const tables = detect(split(other)).filter((t) => t.kind === 'expenditure');
    expect(tables.every((t) => !t.splitOverPages && !t.continues)).toBe(true);
  });

  test('a 续表 sheet put elsewhere in the workbook (after the other tables) still goes on from the table it names', () => {
    const sheets = BUDGET_TABLES.map((t) => t());
    sheets.splice(sheets.findIndex((s) => s.name === '预算03表'), 1, firstPart());
    const apart = workbook(...sheets, secondPart('预算03表续', '2024年部门支出预算表（续表）'));
    const tables = detect(apart).filter((t) => t.kind === 'expenditure');
    expect(tables.map((t) => [t.sheet, t.continues ?? null, t.splitOverPages ?? null])).toEqual([
      ['预算03表', null, true],
      ['预算03表续', tables[0].id, true],
    ]);
    expect(loud(apart).map(said)).toEqual([]);
  });

  test('the header printed again at a page break on the same sheet (no title, no 合计 of its own): the rows go on', () => {
    // (Read from a PDF's copy of a long table: the detector finds a second table under the repeated header.)
    const [first] = detect(workbook(...BUDGET_TABLES.map((t) => t()))).filter((t) => t.kind === 'expenditure');
    const below = { ...first, id: '预算03表!A20', title: undefined, range: { ...first.range, top: 20, bottom: 24 }, rows: first.rows.filter((r) => r.role !== 'total') };
    const parts = markContinuations([first, below]);
    expect(parts.map((t) => [t.continues ?? null, t.splitOverPages ?? null])).toEqual([
      [null, true],
      [first.id, true],
    ]);
    // With a 合计 of its own, or a title, it is a table of its own.
    expect(markContinuations([first, { ...below, rows: first.rows }]).every((t) => !t.splitOverPages)).toBe(true);
    expect(markContinuations([first, { ...below, title: '2024年部门支出预算表（二）' }]).every((t) => !t.splitOverPages)).toBe(true);
  });

  test('the next sheet under the same title and department, with no 合计 of its own, goes on though it does not say 续 (a PDF\'s next page)', () => {
    const tables = detect(split(secondPart('预算03表二', '2024年部门支出预算表'))).filter((t) => t.kind === 'expenditure');
    expect(tables.map((t) => [t.sheet, t.continues ?? null, t.splitOverPages ?? null])).toEqual([
      ['预算03表', null, true],
      ['预算03表二', tables[0].id, true],
    ]);
    // (Before: a second disclosure, the first part's 合计 called wrong and four tables called missing.)
    expect(loud(split(secondPart('预算03表二', '2024年部门支出预算表'))).map(said)).toEqual([]);
  });

  test('a second 支出表 that does not say 续 is a table of its own where it has its own 合计 or names another department', () => {
    const withTotal = sheet('预算03表二', [['2024年部门支出预算表'], ['部门：某某局', null, null, null, null, null, UNIT], ...HEADER, [null, '合计', 80, 80, 80, null, null], ['221', '住房保障支出', 80, 80, 80, null, null]], { merges: MERGES });
    const otherUnit = secondPart('预算03表二', '2024年部门支出预算表');
    otherUnit.values[1][0] = otherUnit.text[1][0] = '部门：另一局';
    for (const second of [withTotal, otherUnit]) expect(detect(split(second)).filter((t) => t.kind === 'expenditure').every((t) => !t.continues)).toBe(true);
  });
});

/**
 * The PDF's next page as a converter writes it, one sheet a page: the header printed again over the rest of the rows,
 * with a 续表 line, the captions or nothing above it, no title; a third page like the second; the 单位 printed once,
 * above the first page; the page's number under its last row.
 */
describe('a 支出表 cut over PDF pages, one sheet a page', () => {
  const page = (name: string, above: (string | null)[][], rows: (string | number | null)[][], merges = MERGES.slice(1)) =>
    sheet(name, [...above, ...HEADER, ...rows], { merges: merges.map((m) => m.replace(/(\d+)/g, (d) => String(Number(d) - 2 + above.length))) });
  const restRows: (string | number | null)[][] = [
    ['221', '住房保障支出', 80, 80, 80, null, null],
    ['22102', '住房改革支出', 80, 80, 80, null, null],
    ['2210201', '住房公积金', 80, 80, 80, null, null],
  ];
  const pages = (second: GridSheet, ...more: GridSheet[]) => {
    const sheets = BUDGET_TABLES.map((t) => t());
    sheets.splice(sheets.findIndex((s) => s.name === '预算03表'), 1, firstPart(), second, ...more);
    return workbook(...sheets);
  };

  test.each([
    ['the header alone', []],
    ['a 续表 line and the header', [['续表']]],
    ['the captions and the header', [['部门：某某局', null, null, null, null, null, UNIT]]],
  ])('the next page under %s: the rows go on from the table before, nothing said above info', (_, above) => {
    const wb = pages(page('Page 2', above as (string | null)[][], restRows));
    const tables = detect(wb).filter((t) => t.kind === 'expenditure');
    expect(tables.map((t) => [t.sheet, t.continues ?? null])).toEqual([
      ['预算03表', null],
      ['Page 2', tables[0].id],
    ]);
    expect(loud(wb).map(said)).toEqual([]);
  });

  test('three pages, the 合计 at the foot of the last: each goes on from the one before, in the first page\'s unit', () => {
    const noTotal = firstPart().values.slice(0, 4).concat(firstPart().values.slice(5)) as (string | number | null)[][];
    const first = sheet('预算03表', noTotal, { merges: MERGES });
    const second = page('Page 2', [], restRows.slice(0, 2));
    const third = page('Page 3', [], [restRows[2], [null, '合计', 1000, 800, 700, 100, 200]]);
    const sheets = BUDGET_TABLES.map((t) => t());
    sheets.splice(sheets.findIndex((s) => s.name === '预算03表'), 1, first, second, third);
    const tables = detect(workbook(...sheets)).filter((t) => t.sheet === '预算03表' || t.sheet.startsWith('Page'));
    expect(tables.map((t) => [t.sheet, t.kind, t.continues ?? null, t.unit])).toEqual([
      ['预算03表', 'expenditure', null, '万元'],
      ['Page 2', 'expenditure', tables[0].id, '万元'],
      ['Page 3', 'expenditure', tables[0].id, '万元'],
    ]);
  });

  test('a page of another table with no title of its own and its own 合计 is no page of this one', () => {
    const own = page('Page 2', [], [[null, '合计', 80, 80, 80, null, null], ...restRows]);
    expect(detect(pages(own)).filter((t) => t.kind === 'expenditure').every((t) => !t.continues)).toBe(true);
  });

  test.each(['- 2 -', '2/5', '第2页，共5页', 2])('the page number 「%s」 under the last row (right under it, or a blank row lower) is no line of the table', (footer) => {
    for (const gap of [[], [[null]]]) {
      const p2 = page('Page 2', [], [...restRows, ...gap, [null, null, footer]]);
      // (A page number typed as a number is shown as typed: General, no decimals.)
      const last = p2.values.length - 1;
      if (typeof footer === 'number') [p2.text[last][2], p2.numberFormats[last][2]] = [String(footer), 'General'];
      expect(loud(pages(p2)).map(said)).toEqual([]);
    }
  });

  test('a last line of one figure shown with its decimals is a line of the table, not a page number', () => {
    const wb = pages(page('Page 2', [], [...restRows, [null, null, 5]]));
    const page2 = detect(wb).find((t) => t.sheet === 'Page 2')!;
    expect(page2.bodyRows[1]).toBe(6);
  });
});

test('a 收支总表 cut over two pages, its title printed again: its totals are its 总计 lines, on the second page — one table, nothing said above info', () => {
  const head = [['2024年部门收支预算总表'], ['部门：某某局', null, null, UNIT], ['收入', null, '支出'], ['项目', '金额', '项目', '金额']];
  const merges = ['A1:D1', 'A3:B3', 'C3:D3'];
  const first = sheet('预算01表', [...head, ['一、一般公共预算', 1000, '一、社会保障和就业支出', 120], ['二、政府性基金预算', null, '二、卫生健康支出', 800]], { merges });
  const second = sheet('Page 2', [...head, ['三、事业收入', null, '三、住房保障支出', 80], ['本年收入合计', 1000, '本年支出合计', 1000], ['上年结转结余', null, '年终结转结余', null], ['收入总计', 1000, '支出总计', 1000]], { merges });
  const sheets = BUDGET_TABLES.map((t) => t());
  sheets.splice(0, 1, first, second);
  const wb = workbook(...sheets);
  expect(detect(wb).filter((t) => t.kind === 'income-expenditure-summary').map((t) => [t.sheet, t.continues ?? null])).toEqual([
    ['预算01表', null],
    ['Page 2', '预算01表!A1:D6'],
  ]);
  expect(loud(wb).map(said)).toEqual([]);
});

test('a 收支总表 cut over three pages, the middle one holding only lines left blank (…、国防支出 with no figure): one table still', () => {
  const head = [['部门：某某局', null, null, UNIT], ['收入', null, '支出'], ['项目', '金额', '项目', '金额']];
  const merges = ['A2:B2', 'C2:D2'];
  const first = sheet('预算01表', [['2024年部门收支预算总表'], ...head, ['一、一般公共预算', 1000, '一、社会保障和就业支出', 120], ['二、政府性基金预算', null, '二、卫生健康支出', 800]], { merges: ['A1:D1', 'A3:B3', 'C3:D3'] });
  const middle = sheet('Page 2', [...head, [null, null, '三、国防支出', null], [null, null, '四、公共安全支出', null]], { merges });
  const last = sheet('Page 3', [...head, ['三、事业收入', null, '五、住房保障支出', 80], ['本年收入合计', 1000, '本年支出合计', 1000], ['收入总计', 1000, '支出总计', 1000]], { merges });
  const sheets = BUDGET_TABLES.map((t) => t());
  sheets.splice(0, 1, first, middle, last);
  const parts = detect(workbook(...sheets)).filter((t) => t.kind === 'income-expenditure-summary');
  expect(parts.map((t) => [t.sheet, t.continues ?? null])).toEqual([
    ['预算01表', null],
    ['Page 2', parts[0].id],
    ['Page 3', parts[0].id],
  ]);
  expect(loud(workbook(...sheets)).map(said)).toEqual([]);
});
