import { all, edited, loud, said } from './support/checklist';
import { smallBudget } from './support/smallBudget';

/**
 * Something unreadable where an amount belongs (unreadable-amount): a typo such as `12,3a4`, an
 * Excel error left in the published file, words for a figure. It is named at its cell, an error,
 * and never guessed at: the sums it belongs to are not judged on a figure nobody can read.
 */
describe('an amount nobody can read (unreadable-amount)', () => {
  test('the small disclosure has none', () => {
    expect(all(smallBudget()).map(said)).toEqual([]);
  });

  test('社会保障和就业支出 合计 typed 12,3a4 in 支出表: an error at that cell, nothing expected in its place, and no sum judged on it', () => {
    const f = all(edited([['预算03表', 'C6', '12,3a4']]));
    expect(f.map(said)).toEqual([['unreadable-amount', 'error', '预算03表!C6', '12,3a4', null]]);
    expect(f[0].message).toEqual({ key: 'amount.unreadable', args: { table: { t: 'table', v: '预算03表' }, cell: { t: 'cell', v: 'C6' }, actual: { t: 'quote', v: '12,3a4' } } });
  });

  test('an Excel error left in the cell (#REF!, #DIV/0!) is named as one', () => {
    for (const raw of ['#REF!', '#DIV/0!']) {
      const f = all(edited([['预算03表', 'C6', raw]]));
      expect(f.map(said)).toEqual([['unreadable-amount', 'error', '预算03表!C6', raw, null]]);
      expect(f[0].message.key).toBe('amount.error-value');
    }
  });

  test('a project amount written in words (一百五十) in 项目支出表 is unreadable too', () => {
    expect(loud(edited([['预算12表', 'C5', '一百五十']])).map(said)).toEqual([['unreadable-amount', 'error', '预算12表!C5', '一百五十', null]]);
  });

  test('amounts typed as text, in full-width digits, or a dash for nothing are read, not reported', () => {
    expect(all(edited([['预算03表', 'C6', '120.00']])).map(said)).toEqual([]);
    expect(all(edited([['预算03表', 'C6', '１２０．００']])).map(said)).toEqual([]);
    expect(all(edited([['预算03表', 'F6', '—']])).map(said)).toEqual([]);
  });
});
