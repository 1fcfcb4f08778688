import { audit, detect } from '../src/core/engine';
import type { GridSheet } from '../src/core/snapshot';
import { sheet, workbook, type CellInput } from './support/sheetBuilder';
import { BUDGET_TABLES } from './support/smallBudget';

/**
 * A long 科目名称 wrapped in its PDF cell, two grid rows after the conversion: the code and the name's start on one row
 * and the figures with the name's end on the next, or the figures on the first row and the name's end alone under it.
 * Read as two lines, the totals over them were called wrong (3–26 errors a workbook) and the cut name disagreed with
 * the other tables'. Support: test/support/smallBudget.ts (预算05表, 2080505 机关事业单位基本养老保险缴费支出 120.00).
 */
const NAME = '机关事业单位基本养老保险缴费支出';
const HEAD = '机关事业单位基本养老';
const END = '保险缴费支出';

/** 预算05表 with 2080505's line replaced by the two rows given. */
function wrapped(rows: CellInput[][]): GridSheet {
  const s = BUDGET_TABLES.map((t) => t()).find((x) => x.name === '预算05表')!;
  const at = s.values.findIndex((r) => r[0] === '2080505');
  const values = [...s.values.slice(0, at), ...rows, ...s.values.slice(at + 1)];
  return sheet('预算05表', values as CellInput[][], { merges: ['A1:G1', 'A3:A4', 'B3:B4', 'C3:C4', 'D3:F3', 'G3:G4'] });
}
const budgetWith = (general: GridSheet) => workbook(...BUDGET_TABLES.map((t) => t()).map((s) => (s.name === '预算05表' ? general : s)));
const loud = (general: GridSheet) =>
  audit(budgetWith(general))
    .findings.filter((f) => f.severity !== 'info')
    .map((f) => `${f.severity} ${f.rule} ${f.sheet}!${f.cell}`);
const lineOf = (general: GridSheet) => detect(budgetWith(general)).find((t) => t.sheet === '预算05表')!.rows.find((r) => r.functionCode === '2080505')!;

describe.each([
  ['the code and the name\'s start above, the figures and its end below', [['2080505', HEAD, null, null, null, null, null], [null, END, 120, 120, 120, null, null]], 9],
  ['the figures on the first row, the name\'s end alone below', [['2080505', HEAD, 120, 120, 120, null, null], [null, END, null, null, null, null, null]], 8],
])('a name wrapped over two rows: %s', (_, rows, figureRow) => {
  test('one line, its code and its whole name: nothing said', () => {
    const general = wrapped(rows as CellInput[][]);
    expect(loud(general)).toEqual([]);
    expect([lineOf(general).label, lineOf(general).row]).toEqual([NAME, figureRow]);
  });
  test('its figure raised by 10.00: told at the figure\'s cell, once', () => {
    const slipped = (rows as CellInput[][]).map((r) => (r[2] === 120 ? [r[0], r[1], 130, ...r.slice(3)] : r));
    expect(loud(wrapped(slipped))).toEqual([`error row-sum 预算05表!C${figureRow}`]);
  });
});

test('an uncoded line with figures under a coded line with figures is no name\'s end (a 小计, an item of its own)', () => {
  const general = wrapped([['2080505', NAME, 120, 120, 120, null, null], [null, '小计', 120, 120, 120, null, null]]);
  expect(detect(budgetWith(general)).find((t) => t.sheet === '预算05表')!.rows.some((r) => r.label === '小计')).toBe(true);
});

test('a group\'s heading of no code and no figure under a line with a long name (商品和服务支出 in 基本支出表) is no name\'s end', () => {
  const basic = BUDGET_TABLES.map((t) => t()).find((x) => x.name === '预算06表')!;
  // (Under 30108 机关事业单位基本养老保险缴费, a name long enough to have been cut.)
  const at = basic.values.findIndex((r) => r[0] === '30113');
  const values = [...basic.values.slice(0, at), [null, '商品和服务支出', null, null, null, null, null], ...basic.values.slice(at)] as CellInput[][];
  const withHeading = sheet('预算06表', values, { merges: ['A1:G1', 'A3:B3', 'C3:D3', 'E3:G3'] });
  const wb = workbook(...BUDGET_TABLES.map((t) => t()).map((s) => (s.name === '预算06表' ? withHeading : s)));
  expect(detect(wb).find((t) => t.sheet === '预算06表')!.rows.find((r) => r.econCode === '30108')!.label).toBe('机关事业单位基本养老保险缴费');
  expect(audit(wb).findings.filter((f) => f.severity !== 'info').map((f) => `${f.rule} ${f.sheet}!${f.cell}`)).toEqual([]);
});
