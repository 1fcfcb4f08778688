import { UNCALCULATED } from '../src/core/snapshot';
import { all, edited, loud, said, type Edit } from './support/checklist';
import { sheet, workbook } from './support/sheetBuilder';
import { general05, smallBudget } from './support/smallBudget';

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

  test('a merged label a converter copied into every cell it spanned (the line\'s name again in its amount cells) is no amount, nor unreadable', () => {
    // 预算03表 row 6 is 208 社会保障和就业支出: its name copied into 基本支出 / 人员经费 (D6, E6) with the figures left out there.
    const copied = edited([
      ['预算03表', 'D6', '社会保障和就业支出'],
      ['预算03表', 'E6', '社会保障和就业支出'],
    ]);
    expect(all(copied).filter((f) => f.rule === 'unreadable-amount')).toEqual([]);
    // A word that is not the line's own name stays unreadable.
    expect(all(edited([['预算03表', 'D6', '一百二十']])).filter((f) => f.rule === 'unreadable-amount').map(said)).toEqual([['unreadable-amount', 'error', '预算03表!D6', '一百二十', null]]);
  });

  test('amounts typed as text, in full-width digits, or a dash for nothing are read, not reported', () => {
    expect(all(edited([['预算03表', 'C6', '120.00']])).map(said)).toEqual([]);
    expect(all(edited([['预算03表', 'C6', '１２０．００']])).map(said)).toEqual([]);
    expect(all(edited([['预算03表', 'F6', '—']])).map(said)).toEqual([]);
  });
});

/**
 * Formulas stored without their results (uncalculated-formula): a finance system's export or a script writes
 * `<f>SUM(C6:C20)</f>` and no value, and only Excel or WPS calculates it. Such a cell is no slip of the
 * document and no 0: its figure is left out of every check, and that is said once for the disclosure, a
 * warning at the first such cell with the others marked.
 */
describe('formulas stored without their results (uncalculated-formula)', () => {
  const totals: Edit[] = ['C5', 'D5', 'E5', 'F5', 'G5'].map((c): Edit => ['预算05表', c, UNCALCULATED]);

  test('05’s 合计 line all formulas without results: one warning at the first, the other four marked, no sum judged on them and no error', () => {
    const f = all(edited(totals));
    expect(f.map(said)).toEqual([['uncalculated-formula', 'warning', '预算05表!C5', null, null]]);
    expect(f[0].cells.map((c) => `${c.cell}${c.other ? '*' : ''}`)).toEqual(['C5', 'D5*', 'E5*', 'F5*', 'G5*']);
    expect(f[0].message).toEqual({ key: 'amount.uncalculated', args: { table: { t: 'table', v: '预算05表' }, cell: { t: 'cell', v: 'C5' }, count: { t: 'n', v: 5 } } });
  });

  test('read as blank they would be told 0 against their parts and the other tables: five and more errors at cells nobody has seen', () => {
    const blank = totals.map(([s, c]): Edit => [s, c, null]);
    expect(loud(edited(blank)).filter((f) => f.severity === 'error').length).toBeGreaterThanOrEqual(5);
  });

  test('the narrative is not held to such a figure: 一般公共预算支出 1000.00 in the text is not told against an unread 合计 (as 0)', () => {
    const prose = (amount: string) => sheet('情况说明', [['某某局2024年部门预算情况说明'], [`2024年一般公共预算支出预算${amount}万元。`]]);
    // 一般公共预算支出表 alone holds the figure the text names.
    const told = (amount: string, edits: Edit[]) => all(edited(edits, workbook(general05(), prose(amount)))).filter((f) => f.rule.startsWith('narrative') || f.rule === 'uncalculated-formula').map((f) => f.rule);
    expect(told('1000.00', [])).toEqual([]);
    expect(told('1100.00', [])).toEqual(['narrative-vs-table']);
    expect(told('1000.00', [['预算05表', 'C5', UNCALCULATED]])).toEqual(['uncalculated-formula']);
  });
});
