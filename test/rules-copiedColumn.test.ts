import { render } from '../src/core/messages/render';
import { edited, loud, type Edit } from './support/checklist';
import { workbook } from './support/sheetBuilder';
import { general05Split, smallBudget } from './support/smallBudget';

/**
 * A column pasted over another (sum.copied-column): 基本支出's figures copied into 项目支出 row by row.
 * Every row's 合计 then fails; the pair of columns is told once instead of a wall of errors at 合计
 * that are right. Support: the small disclosure with 预算05表 in split columns — 合计 E, 基本支出 F,
 * 项目支出 G; rows 5 (合计) to 9.
 */
const split = () => workbook(...smallBudget('预算05表').sheets, general05Split());
/** 基本支出 (F) as printed, row by row, pasted into 项目支出 (G). */
const pasted: Edit[] = [
  ['预算05表', 'G5', 800],
  ['预算05表', 'G6', 120],
  ['预算05表', 'G7', 600],
  ['预算05表', 'G8', null],
  ['预算05表', 'G9', 80],
];

describe('a column pasted over another (sum.copied-column)', () => {
  test('基本支出 pasted into 项目支出: one error naming the two columns, no 合计 blamed row by row', () => {
    const found = loud(edited(pasted, split()));
    const copied = found.filter((f) => f.message.key === 'sum.copied-column');
    expect(copied.map((f) => [f.rule, f.severity, `${f.sheet}!${f.cell}`])).toEqual([['row-sum', 'error', '预算05表!G5']]);
    expect(found.filter((f) => f.rule === 'row-sum' && f.message.key !== 'sum.copied-column')).toEqual([]);
    expect(copied[0].explains).toHaveLength(5);
    expect(render(copied[0].message, 'zh-CN')).toBe('预算05表 项目支出 列与 基本支出 列逐行相同，疑为整列复制：5 行的合计因此不符，请核对这两列。');
  });

  test('two rows that happen to be equal in both columns, the others right: no copy told', () => {
    // 2080505 120.00 | 120.00 and the 合计 off with it: one row, not a column.
    const found = loud(edited([['预算05表', 'G6', 120]], split()));
    expect(found.some((f) => f.message.key === 'sum.copied-column')).toBe(false);
  });
});

describe('a 其中 column summed with its 小计 is a misread, not a pasted column', () => {
  test('the same figures under 其中：财政拨款 and 一般公共预算 小计: no copy told', () => {
    const found = loud(edited([['预算05表', 'F3', '其中：财政拨款'], ...pasted], split()));
    expect(found.some((f) => f.message.key === 'sum.copied-column')).toBe(false);
  });
});
