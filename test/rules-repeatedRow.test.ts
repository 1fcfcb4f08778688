import { render } from '../src/core/messages/render';
import { edited, loud, said, type Edit } from './support/checklist';
import { workbook } from './support/sheetBuilder';
import { general05Split, smallBudget } from './support/smallBudget';

/**
 * A row entered twice (sum.repeated-row): a line pasted again under itself, the total above not
 * updated. Each column sum of that total fails by exactly the row; the row is named, once, not the
 * right total. Support: the small disclosure with 预算05表 in split columns — 合计 E, 基本支出 F, 项目支出
 * G; row 5 合计 1000.00; rows 6–9 the 项; a row 10 added below.
 */
const split = () => workbook(...smallBudget('预算05表').sheets, general05Split());
const row10 = (values: Array<string | number | null>): Edit[] => values.map((v, k): Edit => ['预算05表', `${'ABCDEFG'[k]}10`, v]);

describe('a row entered twice (sum.repeated-row)', () => {
  test('住房公积金 80.00 pasted again under itself: one error at the repeated row, none at the 合计', () => {
    const found = loud(edited(row10(['221', '02', '01', '住房公积金', 80, 80, null]), split()));
    expect(found.map(said)).toEqual([['column-total', 'error', '预算05表!E10', '80.00', null]]);
    const [f] = found;
    // Its 合计's two columns, and 预算04表's 221 line that the row alone puts over.
    expect(f.explains.map((e) => e.rule).sort()).toEqual(['column-total', 'column-total', 'cross-fiscal-function']);
    expect(f.cells.filter((c) => c.other).map((c) => c.cell)).toEqual(['F10']);
    expect(render(f.message, 'zh-CN')).toBe('预算05表 E10 住房公积金 80.00：第10行与第9行完全相同，疑为重复录入（去掉后 合计 的合计相符）。');
    expect(render(f.message, 'en')).toContain('row 10 repeats row 9 exactly');
  });

  test('a new row of its own (another 项, the same figures): the 合计 is told as before, no repeat', () => {
    const found = loud(edited(row10(['221', '02', '02', '提租补贴', 80, 80, null]), split()));
    expect(found.some((f) => f.message.key === 'sum.repeated-row')).toBe(false);
    expect(found.length).toBeGreaterThan(0);
  });

  test('the same row again with the 合计 updated too (1080.00): no repeat told by the sums', () => {
    const found = loud(edited([...row10(['221', '02', '01', '住房公积金', 80, 80, null]), ['预算05表', 'E5', 1080], ['预算05表', 'F5', 880]], split()));
    expect(found.some((f) => f.message.key === 'sum.repeated-row')).toBe(false);
  });
});
