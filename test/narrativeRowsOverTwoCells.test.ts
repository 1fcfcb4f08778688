import { audit } from '../src/core/engine';
import type { CellInput } from './support/sheetBuilder';
import { sheet, workbook } from './support/sheetBuilder';
import { BUDGET_TABLES } from './support/smallBudget';

/**
 * A 情况说明 whose rows hold their prose over two cells: its numbering or topic in a column of its own (一、 | 2024年…,
 * 1 | 2024年…, 人员经费 | 700.00万元), or a sentence split where a cell ended (text pasted from Word). Read as a table,
 * the sheet vanished (or was "a clean 一般公共预算支出表") —
 * or, split mid-sentence, became a “三公” table from that row on — and every slip in it went untold, with nothing said.
 * Support: test/support/smallBudget.ts (收支 1000.00 = 基本 800.00 + 项目 200.00; “三公” 40.00; 机关运行经费 100.00).
 */
const told = (rows: CellInput[][]) =>
  audit(workbook(...BUDGET_TABLES.map((t) => t()), sheet('情况说明', [['某某局2024年部门预算情况说明'], ...rows])))
    .findings.filter((f) => f.sheet === '情况说明' && f.severity !== 'info')
    .map((f) => `${f.rule} ${f.cell} ${f.actual}→${f.expected}`);

test.each([
  ['一、', '二、', '三、'],
  ['1', '2', '3'],
])('numbering in its own column (%s …): the prose is read, its slips told', (a, b, c) => {
  expect(
    told([
      [a, '2024年部门支出预算1000.00万元，其中基本支出810.00万元，项目支出200.00万元。'],
      [b, '2024年“三公”经费预算45.00万元，与上年持平。'],
      [c, '2024年机关运行经费预算100.00万元。'],
    ]),
  ).toEqual(['narrative-vs-table A2 810.00→800.00', 'narrative-vs-table A3 45.00→40.00']);
});

test('a sentence split over two cells: read as one paragraph, and the rows after it still read', () => {
  expect(
    told([
      ['2024年部门支出预算1000.00万元，其中基本支出810.00万元，', '项目支出200.00万元。'],
      ['2024年“三公”经费预算45.00万元，与上年持平。'],
      ['2024年机关运行经费预算100.00万元。'],
    ]),
  ).toEqual(['narrative-vs-table A2 810.00→800.00', 'narrative-vs-table A3 45.00→40.00']);
});

test('right, with its numbering in a column: nothing said', () => {
  expect(told([['一、', '2024年部门支出预算1000.00万元，其中基本支出800.00万元，项目支出200.00万元。'], ['二、', '2024年“三公”经费预算40.00万元，与上年持平。']])).toEqual([]);
});

test('a 情况说明 written as 项目 | 说明 (a topic, then what is said of it): read as prose, its slips told', () => {
  expect(
    told([
      ['项目', '说明'],
      ['支出预算', '2024年部门支出预算1000.00万元，其中基本支出800.00万元，项目支出200.00万元。'],
      ['人员经费', '710.00万元'],
      ['“三公”经费', '45.00万元，与上年持平'],
      ['机关运行经费', '100.00万元'],
    ]),
  ).toEqual(['narrative-vs-table A4 710.00→700.00', 'narrative-vs-table A5 45.00→40.00']);
});

test('a 情况说明 opening on a table of its topics (项目 | 金额（万元） | 说明): no sum is read into it', () => {
  const found = audit(
    workbook(
      ...BUDGET_TABLES.map((t) => t()),
      sheet('情况说明', [
        ['某某局2024年部门预算情况说明'],
        ['项目', '金额（万元）', '说明'],
        ['收入总计', 1000, '比上年增加50.00万元，增长5.26%'],
        ['基本支出', 800, '主要保障机构正常运转'],
        ['项目支出', 200, '主要用于医疗保障事业发展'],
        ['“三公”经费', 40, '与上年持平'],
        ['机关运行经费', 100, '保障机关正常运转'],
      ]),
    ),
  ).findings.filter((f) => f.sheet === '情况说明' && f.severity !== 'info');
  expect(found.map((f) => `${f.rule} ${f.cell}`)).toEqual([]);
});

test('a table inside the 情况说明 (…具体如下表： | 项目 | 金额 |, then the prose again): the paragraphs after it are read too', () => {
  expect(
    told([
      ['一、收支预算总体情况'],
      ['2024年部门支出预算1000.00万元，具体如下表：'],
      ['项目', '金额（万元）'],
      ['基本支出', 800],
      ['项目支出', 200],
      ['二、“三公”经费'],
      ['2024年“三公”经费预算45.00万元。'],
      ['2024年机关运行经费预算100.00万元。'],
    ]),
  ).toEqual(['narrative-vs-table A8 45.00→40.00']);
});

test('a topic before a part of it (机关运行经费 | 办公费 8.00万元) heads it as before a colon: the part is no figure of the topic', () => {
  expect(told([['项目', '说明'], ['机关运行经费', '办公费8.00万元，主要用于日常办公'], ['“三公”经费', '40.00万元，与上年持平']])).toEqual([]);
});
