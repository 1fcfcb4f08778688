import { forgetViews, patternKey, perTable, perTableBy } from '../src/core/rules/toolkit/tableMemo';
import type { DetectedTable } from '../src/core/table';

/** Views of a table worked out once and shared, by name, and by name and one more value. */
const table = (id: string) => ({ id }) as unknown as DetectedTable;

describe('views kept per table (perTable, perTableBy)', () => {
  test('a view is worked out once per table and name, again for another table', () => {
    const a = table('a');
    const b = table('b');
    let computed = 0;
    const view = (t: DetectedTable) => perTable(t, 'rows', () => ++computed);
    expect([view(a), view(a), view(b), view(b)]).toEqual([1, 1, 2, 2]);
  });

  test('by a side: each side its own view, none (undefined) one of its own, each worked out once', () => {
    const t = table('t');
    let computed = 0;
    const view = (side?: string) => perTableBy(t, 'sideView', side, () => `${side} ${++computed}`);
    expect([view('income'), view('expenditure'), view(undefined), view('income'), view(undefined)]).toEqual(['income 1', 'expenditure 2', 'undefined 3', 'income 1', 'undefined 3']);
  });

  test('a view worked out to be undefined is kept as such, not worked out again', () => {
    const t = table('t');
    let computed = 0;
    const none = () => perTableBy(t, 'changeColumns', 'income', () => void computed++);
    expect([none(), none()]).toEqual([undefined, undefined]);
    expect(computed).toBe(1);
  });

  test('a view kept under a name is not one kept by that name and a value', () => {
    const t = table('t');
    expect(perTable(t, 'quantity', () => 'whole')).toBe('whole');
    expect(perTableBy(t, 'quantity', 'income', () => 'income side')).toBe('income side');
  });

  test('forgetting a table’s views works them out afresh', () => {
    const t = table('t');
    let computed = 0;
    perTableBy(t, 'sideView', 'income', () => ++computed);
    forgetViews(t);
    expect(perTableBy(t, 'sideView', 'income', () => ++computed)).toBe(2);
  });

  test('a table’s views forgotten right after it was asked about are worked out again, another table’s kept', () => {
    const t = table('t');
    const u = table('u');
    let computed = 0;
    const view = (x: DetectedTable) => perTable(x, 'bodyRows', () => `${x === t ? 't' : 'u'} ${++computed}`);
    expect([view(u), view(t)]).toEqual(['u 1', 't 2']);
    forgetViews(t);
    expect([view(t), view(u), view(t)]).toEqual(['t 3', 'u 1', 't 3']);
  });
});

describe('a pattern as a key (patternKey)', () => {
  const literal = () => /基本支出/;
  test('the same literal reached twice (two RegExp objects) is one key', () => {
    expect(literal()).not.toBe(literal());
    expect(patternKey(literal())).toBe(patternKey(literal()));
  });

  test('another pattern, or the same one with flags, is another key', () => {
    expect(patternKey(/基本支出/)).not.toBe(patternKey(/项目支出/));
    expect(patternKey(/基本支出/i)).not.toBe(patternKey(/基本支出/));
    // A source writes its slashes escaped: no pattern's source reads as another's /source/flags.
    expect(patternKey(new RegExp('/a/i'))).not.toBe(patternKey(/a/i));
  });
});
