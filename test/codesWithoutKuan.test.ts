import type { GridSheet } from '../src/core/snapshot';
import { all, edited, said } from './support/checklist';
import { workbook } from './support/sheetBuilder';
import { general05 } from './support/smallBudget';

/**
 * A template printing 类 and 项 lines and no 款 line at all (208 社会保障和就业支出 / 2080505 机关事业单位基本养老
 * 保险缴费支出): a 项's parent there is its 类. No 项 is an orphan for a 款 the layout never prints
 * (code-parent-missing at every 项 was a wall of errors at right codes), and each 类 adds up over its 项.
 * Support: 一般公共预算支出表 of test/support/smallBudget.ts without its 款 rows (20805, 21015, 22102).
 */
const withoutKuan = (sh: GridSheet): GridSheet => {
  const keep = sh.values.map((row) => !(typeof row[0] === 'string' && /^2\d{4}$/.test(row[0])));
  const only = <T>(grid: T[][]) => grid.filter((_, i) => keep[i]);
  return { ...sh, values: only(sh.values), text: only(sh.text), numberFormats: only(sh.numberFormats) };
};
const book = () => workbook(withoutKuan(general05()));

test('as printed: nothing said — no 项 is missing a 款 the layout never prints', () => {
  expect(all(book()).map(said)).toEqual([]);
});

test('行政运行 raised by 10.00 in every column: the 类 210 no longer adds up over its 项, and that is told (code-hierarchy)', () => {
  // 2101501 行政运行 is row 9 once the 款 rows are gone (title, unit, two header rows, 合计, 208, 2080505, 210, 2101501 …).
  const found = all(edited([['预算05表', 'C9', 610], ['预算05表', 'D9', 610], ['预算05表', 'E9', 510]], book())).filter((f) => f.severity === 'error');
  expect(found.map((f) => f.rule)).toContain('code-hierarchy');
});

test('a 项 typed under a 类 the list does not print (2240101 under no 224 line): still told as an orphan code', () => {
  const found = all(edited([['预算05表', 'A9', '2240101']], book())).map((f) => f.rule);
  expect(found).toContain('code-parent-missing');
});
