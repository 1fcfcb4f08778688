import { all, edited, said, type Edit } from './support/checklist';
import { sheet, workbook } from './support/sheetBuilder';
import { expenditure03, general05 } from './support/smallBudget';

/**
 * One table raised on its own — 05's 行政运行 up by 10.00 with its 款, 类 and 合计 kept adding up — while the
 * 支出表 and the text stay right: the two tables' comparison names 05's 类 210 (over the 支出表's, which it can
 * never exceed), and the text's 1000.00, under 05's 合计 by just those 10.00, is no slip to tell against 05
 * (narrative/gapWitness.ts). Support: 支出表 and 一般公共预算支出表 of test/support/smallBudget.ts.
 */
const raised: Edit[] = [
  ['C11', 610], ['D11', 610], ['E11', 510], // 2101501 行政运行
  ['C10', 810], ['D10', 610], ['E10', 510], // 21015
  ['C9', 810], ['D9', 610], ['E9', 510], // 210
  ['C5', 1010], ['D5', 810], ['E5', 710], // 合计
].map(([cell, v]): Edit => ['预算05表', cell as string, v as number]);

const book = (amount: string) => edited(raised, workbook(expenditure03(), general05(), sheet('情况说明', [['某某局2024年部门预算情况说明'], [`2024年一般公共预算支出预算${amount}万元。`]])));
const rules = (amount: string) => all(book(amount)).filter((f) => f.severity !== 'info').map((f) => f.rule);

test('as the tables show it: 05’s 合计 and 类 210 named against the 支出表; the text’s 1000.00, off from 05’s 合计 by just that, is not told', () => {
  const found = all(book('1000.00')).filter((f) => f.severity !== 'info');
  expect(found.map(said)).toEqual([
    ['cross-general-expenditure', 'error', '预算05表!C5', '1010.00', '1000.00'],
    ['cross-general-expenditure', 'error', '预算05表!C9', '810.00', '800.00'],
  ]);
});

test('a text off from 05’s 合计 by another amount (1005.00) is told against it, as before', () => {
  expect(rules('1005.00')).toContain('narrative-vs-table');
});

test('a text agreeing with 05’s raised 合计 (1010.00) says nothing of the text', () => {
  expect(rules('1010.00')).not.toContain('narrative-vs-table');
});
