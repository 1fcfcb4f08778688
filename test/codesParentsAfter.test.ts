import type { GridSheet } from '../src/core/snapshot';
import { all, edited, said } from './support/checklist';
import { workbook } from './support/sheetBuilder';
import { general05 } from './support/smallBudget';

/**
 * A template printing each 类 and 款 after its items, as a subtotal at the foot of its group (2080505, 20805, 208,
 * 2101501, 2101502, 21015, 210, …), with the codes in one column. A row stands under the next 类 below it there:
 * read against the last 类 above, every right code of the next group was "listed under another 类" (17–45
 * code-parent-missing errors a workbook). Support: 一般公共预算支出表 of test/support/smallBudget.ts, each group
 * turned foot up.
 */
const parentsAfter = (sh: GridSheet): GridSheet => {
  const body = 5; // title, department, two header rows, 合计 (0-based: the first row after 合计)
  const order: number[] = [];
  let group: number[] = [];
  for (let i = body; i < sh.values.length; i++) {
    const code = String(sh.values[i][0]);
    if (code.length === 3 && group.length > 0) {
      order.push(...group.reverse());
      group = [];
    }
    group.push(i);
  }
  order.push(...group.reverse());
  const only = <T>(grid: T[][]) => [...grid.slice(0, body), ...order.map((i) => grid[i])];
  return { ...sh, values: only(sh.values), text: only(sh.text), numberFormats: only(sh.numberFormats) };
};
const book = () => workbook(parentsAfter(general05()));

test('the layout as built: each group foot up (项, then 款, then 类)', () => {
  const codes = parentsAfter(general05()).values.slice(5).map((r) => r[0]);
  expect(codes).toEqual(['2080505', '20805', '208', '2101502', '2101501', '21015', '210', '2210201', '22102', '221']);
});

test('as printed: nothing said — every code stands with its own 类, printed after it', () => {
  expect(all(book()).map(said)).toEqual([]);
});

test('一般行政管理事务 typed 2210202 in the 210 group while 221 is printed below: that one code is told (code-parent-missing)', () => {
  // Row 9 holds 2101502 (title, department, two header rows, 合计, 2080505, 20805, 208, 2101502).
  const found = all(edited([['预算05表', 'A9', '2210202']], book())).filter((f) => f.rule === 'code-parent-missing');
  expect(found.map((f) => [f.rule, f.severity, f.cell, f.actual])).toEqual([['code-parent-missing', 'error', 'A9', '2210202']]);
});
