import { audit, detect } from '../src/core/engine';
import type { GridSheet } from '../src/core/snapshot';
import { sheet, workbook, type CellInput } from './support/sheetBuilder';
import { BUDGET_TABLES } from './support/smallBudget';

/**
 * A 支出表 converted from its PDF with 类 | 款 | 项 in three grid columns under the one merged 科目编码 header, the
 * 类/款/项 row under it lost: every row's 类 read as its whole code, the hierarchy fell apart (9 errors and 54
 * warnings at right figures on one final account). The columns' codes say which part each holds.
 * Support: test/support/smallBudget.ts (预算03表, 1,000.00: 类 208 120.00, 210 800.00, 221 80.00).
 */
const CODES: CellInput[][] = [
  ['208', null, null, '社会保障和就业支出', 120, 120, 120, null, null],
  ['208', '05', null, '行政事业单位养老支出', 120, 120, 120, null, null],
  ['208', '05', '05', '机关事业单位基本养老保险缴费支出', 120, 120, 120, null, null],
  ['210', null, null, '卫生健康支出', 800, 600, 500, 100, 200],
  ['210', '15', null, '医疗保障管理事务', 800, 600, 500, 100, 200],
  ['210', '15', '01', '行政运行', 600, 600, 500, 100, null],
  ['210', '15', '02', '一般行政管理事务', 200, null, null, null, 200],
  ['221', null, null, '住房保障支出', 80, 80, 80, null, null],
  ['221', '02', null, '住房改革支出', 80, 80, 80, null, null],
  ['221', '02', '01', '住房公积金', 80, 80, 80, null, null],
];

function expenditure(lines = CODES): GridSheet {
  return sheet(
    '预算03表',
    [
      ['2024年部门支出预算表'],
      ['部门：某某局', null, null, null, null, null, null, null, '单位：万元'],
      ['功能分类科目编码', null, null, '科目名称', '合计', '基本支出', null, null, '项目支出'],
      [null, null, null, null, null, '小计', '人员经费', '公用经费'],
      ['合计', null, null, null, 1000, 800, 700, 100, 200],
      ...lines,
    ],
    { merges: ['A1:I1', 'A3:C4', 'D3:D4', 'E3:E4', 'F3:H3', 'I3:I4', 'A5:D5'] },
  );
}
const budgetWith = (s: GridSheet) => workbook(...BUDGET_TABLES.map((t) => t()).map((x) => (x.name === '预算03表' ? s : x)));

test('the three columns are read as 类, 款 and 项', () => {
  const t = detect(budgetWith(expenditure())).find((x) => x.sheet === '预算03表')!;
  expect(t.columns.slice(0, 3).map((c) => c.role)).toEqual(['function-lei', 'function-kuan', 'function-xiang']);
});

test('consistent, nothing is said', () => {
  expect(audit(budgetWith(expenditure())).findings.filter((f) => f.severity !== 'info')).toEqual([]);
});

test('a 项 off is told at its cell', () => {
  const lines = CODES.map((l) => (l[3] === '住房公积金' ? [...l.slice(0, 4), 90, ...l.slice(5)] : l));
  expect(audit(budgetWith(expenditure(lines))).findings.filter((f) => f.severity === 'error').map((f) => `${f.rule} ${f.sheet}!${f.cell}`)).toEqual(['row-sum 预算03表!E15']);
});
