import { audit } from '../src/core/engine';
import { sheet, workbook } from './support/sheetBuilder';
import { expenditure03Split, general05Split } from './support/smallBudget';

/**
 * Tables printing only their 项 rows (支出表 and 一般公共预算支出表 of the Henan / national export: 类 | 款 | 项 codes,
 * the 项 names) beside a 收入表 printing the 类 and 款 lines too. A path in the 情况说明 (卫生健康支出（类）医疗保障管理
 * 事务（款）行政运行（项） A) found its 款 in the 收入表 only, so only the income row was left, which a spending sentence
 * is never held to: the slip went untold. The 项 rows of the tables printing no 款 line are found under the 类 the
 * path's class words name. Support: test/support/smallBudget.ts (its split-code 03 and 05).
 */
const income02 = sheet(
  '预算02表',
  [
    ['2024年部门收入预算表'],
    ['部门：某某局', null, null, '单位：万元'],
    ['科目编码', '科目名称', '合计', '一般公共预算'],
    [null, '合计', 1000, 1000],
    ['208', '社会保障和就业支出', 120, 120],
    ['20805', '行政事业单位养老支出', 120, 120],
    ['2080505', '机关事业单位基本养老保险缴费支出', 120, 120],
    ['210', '卫生健康支出', 800, 800],
    ['21015', '医疗保障管理事务', 800, 800],
    ['2101501', '行政运行', 600, 600],
    ['2101502', '一般行政管理事务', 200, 200],
    ['221', '住房保障支出', 80, 80],
    ['22102', '住房改革支出', 80, 80],
    ['2210201', '住房公积金', 80, 80],
  ],
  { merges: ['A1:D1'] },
);
const told = (line: string) =>
  audit(workbook(income02, expenditure03Split(), general05Split(), sheet('情况说明', [['某某局2024年部门预算情况说明'], [line]])))
    .findings.filter((f) => f.sheet === '情况说明' && f.severity !== 'info')
    .map((f) => `${f.rule} ${f.cell} ${f.actual}→${f.expected}`);

test('right: nothing said', () => {
  expect(told('卫生健康支出（类）医疗保障管理事务（款）行政运行（项）600.00万元，主要用于机关基本支出。')).toEqual([]);
});

test('slipped: told against the 项 row of the spending tables', () => {
  expect(told('卫生健康支出（类）医疗保障管理事务（款）行政运行（项）610.00万元，主要用于机关基本支出。')).toEqual(['narrative-vs-table A2 610.00→600.00']);
});
