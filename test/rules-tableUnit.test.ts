import type { GridSheet, WorkbookSnapshot } from '../src/core/snapshot';
import { render } from '../src/core/messages/render';
import { all, edited, loud, said, type Edit } from './support/checklist';
import { smallBudget } from './support/smallBudget';

/**
 * A table's unit caption changed (单位：万元 → 单位：元) but not its figures: its comparisons with
 * the other tables fail by 10,000 while its own sums hold. That is one finding at the caption
 * (table-unit), not a dozen gaps in nonsense numbers; the table is checked as if its caption were
 * right, so a real slip of one of its figures is still named. Support: the small disclosure, every
 * table 单位：万元; 预算05表's caption at G2.
 */
const unitOf05 = (unit: string): Edit => ['预算05表', 'G2', `单位：${unit}`];

/** The workbook with 预算05表 really in 元: its caption says 元 and every figure is × 10,000. */
function general05InYuan(): WorkbookSnapshot<GridSheet> {
  const wb = edited([unitOf05('元')]);
  const s = wb.sheets.find((x) => x.name === '预算05表')!;
  s.values.forEach((row, r) =>
    row.forEach((v, c) => {
      if (typeof v !== 'number') return;
      const yuan = v * 10000;
      s.values[r][c] = yuan;
      s.text[r][c] = yuan.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    }),
  );
  return wb;
}

describe('a table whose caption states the wrong unit (table-unit)', () => {
  test('the consistent disclosure: nothing', () => {
    expect(all(smallBudget())).toEqual([]);
  });

  test('预算05表 says 单位：元 with its 万元 figures: one error at the caption, nothing else', () => {
    const found = all(edited([unitOf05('元')]));
    expect(found.map(said)).toEqual([['table-unit', 'error', '预算05表!G2', '元', '万元']]);
    const [f] = found;
    expect(f.cells).toEqual([{ sheet: '预算05表', cell: 'G2' }]);
    expect(f.explains.length).toBeGreaterThanOrEqual(3);
    expect(render(f.message, 'zh-CN')).toBe(`预算05表 G2 单位写的是「元」，但本表数字与其他表按「万元」相符（${f.explains.length} 项核对）。`);
    expect(render(f.message, 'en')).toContain('in 万元');
  });

  test('the same caption written 单位：亿元: told the same way', () => {
    expect(loud(edited([unitOf05('亿元')])).map(said)).toEqual([['table-unit', 'error', '预算05表!G2', '亿元', '万元']]);
  });

  test('a real slip in that table is still named as it would be under the right caption', () => {
    const slip: Edit = ['预算05表', 'E6', 130]; // 208 人员经费 130.00 for 120.00
    const alone = loud(edited([slip])).map(said);
    expect(alone.length).toBeGreaterThan(0);
    expect(loud(edited([unitOf05('元'), slip])).map(said)).toEqual([...alone, ['table-unit', 'error', '预算05表!G2', '元', '万元']]);
  });

  test('a table really in 元 (its figures × 10,000) beside 万元 tables: nothing', () => {
    expect(loud(general05InYuan())).toEqual([]);
  });

  test('switched off, the caption is not told and the gaps are as before', () => {
    const found = loud(edited([unitOf05('元')]), { disabledRules: ['table-unit'] });
    expect(found.map((f) => f.rule)).not.toContain('table-unit');
    expect(found.length).toBeGreaterThan(1);
  });
});
