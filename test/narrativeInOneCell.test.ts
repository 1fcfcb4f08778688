import { audit } from '../src/core/engine';
import { sheet, workbook } from './support/sheetBuilder';
import { BUDGET_TABLES } from './support/smallBudget';

/**
 * A 情况说明 kept whole in one cell (a merged cell over the sheet, its paragraphs with line breaks between), as many
 * departments paste it from Word. A sheet of one filled row was no narrative at all: the sheet vanished from the
 * report and every slip in its prose went untold, with nothing said.
 * Support: test/support/smallBudget.ts (收支 1000.00 = 基本 800.00 + 项目 200.00; “三公” 40.00; 机关运行经费 100.00).
 */
const PROSE = [
  '某某局2024年部门预算情况说明',
  '一、收支预算总体情况',
  '2024年部门支出预算1000.00万元，其中基本支出810.00万元，项目支出200.00万元。',
  '二、“三公”经费预算情况',
  '2024年“三公”经费预算45.00万元，与上年持平。',
  '三、机关运行经费',
  '2024年机关运行经费预算100.00万元。',
];

const audited = (cell: string) => audit(workbook(...BUDGET_TABLES.map((t) => t()), sheet('情况说明', [[cell]])));
const told = (cell: string) =>
  audited(cell)
    .findings.filter((f) => f.sheet === '情况说明' && f.severity !== 'info')
    .map((f) => `${f.rule} ${f.cell} ${f.actual}→${f.expected}`);

test('the whole 情况说明 in one cell: read as prose, titled by its first line, its slips told at that cell', () => {
  const narrative = audited(PROSE.join('\n')).tables.find((t) => t.kind === 'narrative');
  expect(narrative?.title).toBe('某某局2024年部门预算情况说明');
  expect(told(PROSE.join('\n'))).toEqual(['narrative-vs-table A1 810.00→800.00', 'narrative-vs-table A1 45.00→40.00']);
});

test('…with Windows line breaks and blank lines between its paragraphs, the same', () => {
  expect(told(PROSE.join('\r\n\r\n'))).toEqual(['narrative-vs-table A1 810.00→800.00', 'narrative-vs-table A1 45.00→40.00']);
});

test('…untitled, told by its sentences about the budget', () => {
  expect(told(PROSE.slice(1).join('\n'))).toEqual(['narrative-vs-table A1 810.00→800.00', 'narrative-vs-table A1 45.00→40.00']);
});

test('…right: read, and nothing said', () => {
  const right = PROSE.join('\n').replace('810.00', '800.00').replace('45.00', '40.00');
  expect(audited(right).tables.some((t) => t.kind === 'narrative')).toBe(true);
  expect(told(right)).toEqual([]);
});

test('one cell of a line or two that say nothing of the budget is no narrative', () => {
  expect(audited('联系人：张三\n电话：0391-1234567').tables.some((t) => t.kind === 'narrative')).toBe(false);
});
