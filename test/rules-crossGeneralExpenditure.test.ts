import { all, edited, loud, said, type Edit } from './support/checklist';
import { smallBudget } from './support/smallBudget';

/**
 * The general budget within the department's spending (cross-general-expenditure), and a bound settling
 * which of two tables at odds is off. The 一般公共预算支出表 (预算05表) is part of the 部门支出总表 (预算03表,
 * every source by function): by 类 and in total never larger. Support: the small disclosure
 * (test/support/smallBudget.ts), where all the money is general budget, so 03 and 05 print the same
 * figures: 210 卫生健康支出 800.00 (row 9; 21015 row 10, 2101502 一般行政管理事务 row 12, 项目支出 in G),
 * 合计 1000.00 (row 5).
 */

/** 预算05表's 一般行政管理事务 raised by 10.00 with its 款, 类 and 合计 (合计 C and 项目支出 G): 05 still adds up. */
const raised05: Edit[] = [
  ['预算05表', 'C12', 210],
  ['预算05表', 'G12', 210],
  ['预算05表', 'C10', 810],
  ['预算05表', 'G10', 210],
  ['预算05表', 'C9', 810],
  ['预算05表', 'G9', 210],
  ['预算05表', 'C5', 1010],
  ['预算05表', 'G5', 210],
];

describe('the 一般公共预算支出表 is never larger than the 部门支出总表 (cross-general-expenditure)', () => {
  test('the small disclosure as printed: nothing said', () => {
    expect(all(edited([])).filter((f) => f.rule === 'cross-general-expenditure')).toEqual([]);
  });

  test('05 raised with its totals, no 财政拨款收支总表 to compare: its 类 and 合计 told at 05 as above 03’s', () => {
    const found = loud(edited(raised05, smallBudget('预算04表'))).filter((f) => f.rule !== 'missing-table');
    expect(found.map(said)).toEqual([
      ['cross-general-expenditure', 'error', '预算05表!C5', '1010.00', '1000.00'],
      ['cross-general-expenditure', 'error', '预算05表!C9', '810.00', '800.00'],
    ]);
    expect(found.map((f) => f.explains[0].comparison)).toEqual(['at-most', 'at-most']);
  });

  test('05 lowered: only a bound, nothing said by it (other money may be the rest)', () => {
    const lowered: Edit[] = raised05.map(([s, c, v]) => [s, c, (v as number) - 20]);
    expect(all(edited(lowered, smallBudget('预算04表'))).filter((f) => f.rule === 'cross-general-expenditure')).toEqual([]);
  });
});

describe('two tables at odds, a bound says which (boundTieBreak)', () => {
  test('05 raised: 预算04表’s 一般公共预算 line and total are right; the gaps are told at 05 with what they should be', () => {
    const found = loud(edited(raised05));
    expect(found.map(said)).toEqual([
      ['cross-fiscal-function', 'error', '预算05表!C9', '810.00', '800.00'],
      ['cross-fiscal-function', 'error', '预算05表!C5', '1010.00', '1000.00'],
    ]);
    // Each tells the equality with 预算04表 and the bound with 预算03表 it breaks.
    expect(found.map((f) => f.explains.map((e) => `${e.rule}:${e.comparison}`))).toEqual([
      ['cross-fiscal-function:equal', 'cross-general-expenditure:at-most'],
      ['cross-fiscal-function:equal', 'cross-general-expenditure:at-most'],
    ]);
  });

  test('05 lowered (within the bound): the equality is told where it is stated, at 预算04表 — no bound, no tie broken', () => {
    const lowered: Edit[] = raised05.map(([s, c, v]) => [s, c, (v as number) - 20]);
    const found = loud(edited(lowered)).filter((f) => f.rule === 'cross-fiscal-function');
    expect(found.map((f) => `${f.sheet}!${f.cell}`).every((c) => c.startsWith('预算04表!'))).toBe(true);
    expect(found.length).toBeGreaterThan(0);
  });

  test('预算04表’s line lowered instead: told at 预算04表 (05 breaks no bound)', () => {
    const found = loud(edited([['预算04表', 'E7', 790], ['预算04表', 'D7', 790]]));
    expect(found.some((f) => f.sheet === '预算05表')).toBe(false);
  });
});

describe('a bound against an odd table says nothing of the other table', () => {
  test('last year’s 预算03表 (every figure lower): 05 above it is not told, the odd table is', () => {
    const stale03: Edit[] = [
      ['预算03表', 'C5', 945],
      ['预算03表', 'D5', 755],
      ['预算03表', 'E5', 665],
      ['预算03表', 'F5', 90],
      ['预算03表', 'G5', 190],
      ...(['C6', 'D6', 'E6', 'C7', 'D7', 'E7', 'C8', 'D8', 'E8'].map((c) => ['预算03表', c, 110]) as Edit[]),
      ...(['C9', 'C10'].map((c) => ['预算03表', c, 760]) as Edit[]),
      ...(['D9', 'D10', 'C11', 'D11'].map((c) => ['预算03表', c, 570]) as Edit[]),
      ...(['E9', 'E10', 'E11'].map((c) => ['预算03表', c, 480]) as Edit[]),
      ...(['F9', 'F10', 'F11'].map((c) => ['预算03表', c, 90]) as Edit[]),
      ...(['G9', 'G10', 'C12', 'G12'].map((c) => ['预算03表', c, 190]) as Edit[]),
      ...(['C13', 'D13', 'E13', 'C14', 'D14', 'E14', 'C15', 'D15', 'E15'].map((c) => ['预算03表', c, 75]) as Edit[]),
    ];
    const found = loud(edited(stale03, smallBudget('预算12表')));
    expect(found.filter((f) => f.rule === 'cross-general-expenditure')).toEqual([]);
    expect(found.some((f) => f.rule === 'cross-table-odd' && f.sheet === '预算03表')).toBe(true);
  });
});
