import { displayText } from '../src/core/numberFormat';
import type { GridSheet } from '../src/core/snapshot';
import { all, said } from './support/checklist';
import { sheet, workbook } from './support/sheetBuilder';
import { smallBudget } from './support/smallBudget';

/**
 * An accountant's way of showing 元 as 万元 without dividing: the point written as text in the format
 * (`0!.0000` shows 12345678 as 1234.5678). The published table shows 万元, its caption says 万元, and
 * every other table is typed in 万元: read as the stored 元, each of its figures would be ten thousand
 * times the others' and every comparison would fail.
 */
const IN_YUAN = '#,##0!.0000';

/** The sheet's figures typed in 元 and shown as 万元 by the format, as the accountant did it. */
function typedInYuan(sh: GridSheet): GridSheet {
  const values = sh.values.map((row) => row.map((v) => (typeof v === 'number' ? v * 10000 : v)));
  const numberFormats = sh.numberFormats.map((row, r) => row.map((f, c) => (typeof values[r][c] === 'number' ? IN_YUAN : f)));
  const text = sh.text.map((row, r) => row.map((t, c) => (typeof values[r][c] === 'number' ? displayText(values[r][c] as number, IN_YUAN) : t)));
  return { ...sh, values, numberFormats, text };
}

test('一般公共预算支出表 typed in 元, shown as 万元 (#,##0!.0000): nothing said, as for the table typed in 万元', () => {
  const book = workbook(...smallBudget().sheets.map((sh) => (sh.name === '预算05表' ? typedInYuan(sh) : sh)));
  expect(all(book).map(said)).toEqual([]);
});

test('… and the narrative is read against the 万元 it shows', () => {
  const prose = sheet('情况说明', [['某某局2024年部门预算情况说明'], ['2024年一般公共预算支出预算1000.00万元。']]);
  const book = workbook(...smallBudget().sheets.map((sh) => (sh.name === '预算05表' ? typedInYuan(sh) : sh)), prose);
  expect(all(book).map(said)).toEqual([]);
});
