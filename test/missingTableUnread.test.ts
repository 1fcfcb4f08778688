import { all, said } from './support/checklist';
import { sheet, workbook } from './support/sheetBuilder';
import { smallBudget } from './support/smallBudget';

/**
 * A 收支总表 laid out as one list (收入's lines, then 支出's) is read by its rows' sides (detect/oneListSides.ts),
 * as the two-column form is: it is there, so it is not said to be missing (missing-table), and read, its
 * layout is no longer said to be doubtful. A reviewer told it is missing would look for a table in front of them.
 */
const asOneList = sheet('预算01表', [
  ['2024年部门收支预算总表'],
  ['部门：某某局', '单位：万元'],
  ['项目', '金额'],
  ['收入', null],
  ['一、一般公共预算', 1000],
  ['二、政府性基金预算', null],
  ['本年收入合计', 1000],
  ['收入总计', 1000],
  ['支出', null],
  ['一、社会保障和就业支出', 120],
  ['二、卫生健康支出', 800],
  ['三、住房保障支出', 80],
  ['本年支出合计', 1000],
  ['支出总计', 1000],
]);
const others = () => smallBudget().sheets.filter((s) => s.name !== '预算01表');

test('the 收支总表 as one list: read as the summary, no missing-table warning and no layout note', () => {
  const found = all(workbook(asOneList, ...others())).map(said);
  expect(found.filter((f) => f[0] === 'missing-table')).toEqual([]);
  expect(found.map((f) => f[0])).not.toContain('layout-doubtful');
  // (Read, it is checked: a line off its side's total is told.)
  const slipped = sheet('预算01表', asOneList.values.map((r) => r.map((v) => (v === 120 ? 121 : v))));
  expect(all(workbook(slipped, ...others())).map(said).filter((f) => f[1] === 'error').length).toBeGreaterThan(0);
});

test('with no 收支总表 at all, it is missing (missing-table, a warning naming it)', () => {
  expect(all(workbook(...others())).map(said)).toContainEqual(['missing-table', 'warning', '预算02表!A1', null, '收支总表']);
});
