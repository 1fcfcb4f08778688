import { render } from '../src/core/messages/render';
import { edited, loud, said } from './support/checklist';
import { workbook } from './support/sheetBuilder';
import { general05Split, smallBudget } from './support/smallBudget';

/**
 * Two cells of one line typed in each other's columns (基本支出 and 项目支出 exchanged): the line
 * still adds up, the sums down both columns fail by the same amount, one over and one under. The
 * pair is named, once, instead of the line above whose figures are right. Support: the small
 * disclosure with 预算05表 in split 类/款/项 columns — 合计 E, 基本支出 F, 项目支出 G; row 5 合计,
 * row 8 2101502 一般行政管理事务 200.00 of 项目支出.
 */
const split = () => workbook(...smallBudget('预算05表').sheets, general05Split());

describe('two cells of a line exchanged (sum.swapped)', () => {
  test('the disclosure as it is: nothing', () => {
    expect(loud(split())).toEqual([]);
  });

  test('一般行政管理事务’s 200.00 under 基本支出, its 项目支出 empty: one error at the pair, none at the 合计', () => {
    const found = loud(
      edited(
        [
          ['预算05表', 'F8', 200],
          ['预算05表', 'G8', null],
        ],
        split(),
      ),
    );
    expect(found.map(said)).toEqual([['column-total', 'error', '预算05表!F8', '200.00', '0.00']]);
    const [f] = found;
    expect(f.cells.map((c) => c.cell)).toEqual(['F8', 'G8', 'F5', 'G5']);
    // Both cells of the pair are marked; the 合计 that are right are only listed.
    expect(f.cells.filter((c) => c.other).map((c) => c.cell)).toEqual(['G8']);
    expect(f.explains).toHaveLength(2);
    // (One figure and an empty cell: the figure is misplaced — the blank is never said to hold 0.00.)
    expect(render(f.message, 'zh-CN')).toBe('预算05表 F8 一般行政管理事务 基本支出 200.00 疑应填在 G8 项目支出（该格为空）：移过去后，合计 两列的合计均相符。');
    expect(render(f.message, 'en')).toContain('seems to belong in G8');
  });

  test('two slips that happen to offset (基本 +10.00 on one line, 项目 −10.00 on another): each named alone, no pair', () => {
    const found = loud(
      edited(
        [
          ['预算05表', 'F7', 610],
          ['预算05表', 'E7', 610],
          ['预算05表', 'G8', 190],
          ['预算05表', 'E8', 190],
        ],
        split(),
      ),
    );
    expect(found.some((f) => f.message.key === 'sum.swapped')).toBe(false);
    expect(found.length).toBeGreaterThan(0);
  });
});
