import { audit } from '../src/core/engine';
import { detectTables } from '../src/core/detect';
import type { Finding } from '../src/core/finding';
import { findingText } from '../src/core/messages/render';
import { sheet, workbook, type CellInput } from './support/sheetBuilder';

/**
 * A 部门收支总表 printed as one list, as some counties print it to fit a portrait page: 项目 | 金额,
 * the income lines down to 收入总计, then the expenditure lines down to 支出总计, under a 收入 and
 * a 支出 row. Read as a list it was a table of no kind (its checks lost) or, summed down its one
 * column, wrong at every right figure; read by its rows' sides it is the two-column summary.
 */
const loud = (fs: Finding[]) => fs.filter((f) => f.severity !== 'info').map((f) => `${f.rule} ${f.sheet}!${f.cell} ${findingText(f)['zh-CN']}`);

function oneList(rows: CellInput[][] = listRows()) {
  return sheet('01', [['部门收支总体情况表'], ['部门：某某局', '单位：万元'], ['项目', '金额'], ...rows]);
}

function listRows(change: Record<string, number> = {}, headings = true): CellInput[][] {
  const v = (label: string, x: number | null) => [label, change[label] ?? x];
  return [
    ...(headings ? [['收入', null]] : []),
    v('一、一般公共预算', 900),
    v('二、政府性基金预算拨款收入', 100),
    v('三、事业收入', null),
    v('本年收入合计', 1000),
    v('上年结转结余', 20),
    v('收入总计', 1020),
    ...(headings ? [['支出', null]] : []),
    v('一、社会保障和就业支出', 700),
    v('二、卫生健康支出', 300),
    v('本年支出合计', 1000),
    v('年终结转结余', 20),
    v('支出总计', 1020),
  ];
}

/** The 支出表 the summary's expenditure lines are held against, by 类. */
const expenditure = sheet('03', [
  ['部门支出总体情况表'],
  ['单位：万元'],
  ['科目编码', '科目名称', '合计', '基本支出', '项目支出'],
  [null, '合计', 1000, 800, 200],
  ['208', '社会保障和就业支出', 700, 600, 100],
  ['20801', '人力资源和社会保障管理事务', 700, 600, 100],
  ['2080101', '行政运行', 700, 600, 100],
  ['210', '卫生健康支出', 300, 200, 100],
  ['21001', '卫生健康管理事务', 300, 200, 100],
  ['2100101', '行政运行', 300, 200, 100],
]);

describe('a 收支总表 printed as one list (收入 lines, then 支出 lines)', () => {
  test('is the summary, each row on the side it lies in; the 收入 and 支出 rows are no lines', () => {
    const [t] = detectTables(workbook(oneList()));
    expect(t.kind).toBe('income-expenditure-summary');
    const sides = t.rows.map((r) => [r.label, Object.keys(r.lines ?? {})[0] ?? '-']);
    expect(sides).toContainEqual(['收入总计', 'income']);
    expect(sides).toContainEqual(['上年结转结余', 'income']);
    expect(sides).toContainEqual(['一、社会保障和就业支出', 'expenditure']);
    expect(sides).toContainEqual(['支出总计', 'expenditure']);
    expect(sides).toContainEqual(['支出', '-']);
  });

  test('consistent, it says nothing (no column total summing both sides down the list)', () => {
    expect(loud(audit(workbook(oneList(), expenditure)).findings)).toEqual([]);
    expect(loud(audit(workbook(oneList(listRows({}, false)), expenditure)).findings)).toEqual([]);
  });

  test('本年收入合计 changed: its side\'s lines tell it (summary-lines), at its cell', () => {
    const found = loud(audit(workbook(oneList(listRows({ 本年收入合计: 1001 })), expenditure)).findings);
    expect(found).toEqual([expect.stringMatching(/^summary-lines 01!B8 .*本年收入合计 1,001\.00，应为 1,000\.00.*与各分项之和及收入总计不符/)]);
  });

  test('an expenditure line changed is told against the 支出表\'s 类 (cross-summary-function)', () => {
    const found = loud(audit(workbook(oneList(listRows({ '二、卫生健康支出': 301 }, false)), expenditure)).findings);
    expect(found).toEqual([expect.stringMatching(/^cross-summary-function 01!B11 .*二、卫生健康支出 301\.00，应为 300\.00.*03 卫生健康支出 合计/)]);
  });

  test('a list that shows only one side\'s totals, or the 支出 lines first, is not read by sides', () => {
    const incomeOnly = listRows().slice(0, 7);
    expect(detectTables(workbook(oneList(incomeOnly)))[0].rows.some((r) => r.lines)).toBe(false);
    const reversed = [...listRows().slice(7), ...listRows().slice(0, 7)];
    expect(detectTables(workbook(oneList(reversed)))[0].rows.some((r) => r.lines)).toBe(false);
  });
});

describe('a 收支总表 whose 类 lines are printed without numbers (卫生健康支出) or with their code (210 卫生健康支出)', () => {
  const twoSides = (health: string, healthFigure = 300) =>
    sheet('01', [
      ['部门收支总体情况表'],
      ['部门：某某局', null, null, '单位：万元'],
      ['收入', null, '支出'],
      ['项目', '金额', '项目', '金额'],
      ['一般公共预算拨款收入', 1000, '社会保障和就业支出', 700],
      [null, null, health, healthFigure],
      ['本年收入合计', 1000, '本年支出合计', 1000],
      ['收入总计', 1000, '支出总计', 1000],
    ]);

  test.each(['卫生健康支出', '210卫生健康支出'])('「%s」 is the 类 line: held against the 支出表\'s 类, a slip there told', (label) => {
    expect(loud(audit(workbook(twoSides(label), expenditure)).findings)).toEqual([]);
    const found = loud(audit(workbook(twoSides(label, 310), expenditure)).findings);
    expect(found.filter((f) => f.startsWith('cross-summary-function 01!D6'))).toHaveLength(1);
  });
});

test('a one-list 收支总表 whose grand lines both say 总计, with no 支出 row: the income 总计 is the income side\'s', () => {
  const rows: CellInput[][] = [
    ['一、一般公共预算', 1000],
    ['本年收入合计', 1000],
    ['上年结转结余', 20],
    ['总计', 1020],
    ['一、社会保障和就业支出', 700],
    ['二、卫生健康支出', 300],
    ['本年支出合计', 1000],
    ['年终结转结余', 20],
    ['总计', 1020],
  ];
  const [t] = detectTables(workbook(oneList(rows)));
  expect(t.rows.filter((r) => r.lines?.income).map((r) => r.label)).toEqual(['一、一般公共预算', '本年收入合计', '上年结转结余', '总计']);
  const slipped = rows.map((r) => (r[0] === '总计' && r === rows[3] ? ['总计', 1040] : r));
  const f = audit(workbook(oneList(slipped), expenditure)).findings.filter((x) => x.severity === 'error');
  expect(f.map((x) => x.cell)).toEqual(['B7']);
});
