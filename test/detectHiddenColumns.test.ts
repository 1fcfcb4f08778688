import { detect } from '../src/core/engine';
import { withoutColumns, forEachPacked } from '../src/core/packedCells';
import { packedCellsOf } from '../src/core/snapshot';
import { loud, said } from './support/checklist';
import { sheet, workbook, type CellInput } from './support/sheetBuilder';
import { BUDGET_TABLES } from './support/smallBudget';

/**
 * A hidden column is not printed, so it is not read: the published table is what shows. Sheets
 * keep helper columns beside or inside their tables (the figure again in 元, a lookup key) and hide
 * them; read, a 辅助列(元) next to 合计 | 基本支出 | 项目支出 was taken for an amount column and every
 * row's 合计 was said to miss it (15 false errors on one table).
 */
const rows = (helperAt: 'right' | 'middle'): CellInput[][] => {
  const body: [string | null, string, number, number, number][] = [
    [null, '合计', 1000, 800, 200],
    ['208', '社会保障和就业支出', 120, 120, 0],
    ['20805', '行政事业单位养老支出', 120, 120, 0],
    ['2080505', '机关事业单位基本养老保险缴费支出', 120, 120, 0],
    ['210', '卫生健康支出', 800, 600, 200],
    ['21015', '医疗保障管理事务', 800, 600, 200],
    ['2101501', '行政运行', 600, 600, 0],
    ['2101502', '一般行政管理事务', 200, 0, 200],
    ['221', '住房保障支出', 80, 80, 0],
    ['22102', '住房改革支出', 80, 80, 0],
    ['2210201', '住房公积金', 80, 80, 0],
  ];
  const head: CellInput[][] = [['2024年部门支出预算表'], ['部门：某某局', null, null, null, '单位：万元'], ['科目编码', '科目名称', '合计', '基本支出', '项目支出']];
  const withHelper = (r: CellInput[], helper: CellInput) => (helperAt === 'right' ? [...r, null, helper] : [r[0], r[1], helper, ...r.slice(2)]);
  return [
    ...head.map((r, i) => (i === 2 ? withHelper(r, '辅助列(元)') : r)),
    ...body.map((r) =>
      withHelper(
        r.map((v) => (v === 0 ? null : v)),
        typeof r[2] === 'number' ? r[2] * 10000 : null,
      ),
    ),
  ];
};

const budgetWith = (expenditure: ReturnType<typeof sheet>) => workbook(...BUDGET_TABLES.map((t) => t()).map((s) => (s.name === '预算03表' ? expenditure : s)));

describe('hidden columns', () => {
  test('a hidden 辅助列(元) right of the table: not a column of it, nothing said', () => {
    const wb = budgetWith(sheet('预算03表', rows('right'), { hiddenColumns: [7] }));
    const t = detect(wb).find((x) => x.sheet === '预算03表')!;
    expect(t.columns.map((c) => c.col)).not.toContain(7);
    expect(loud(wb).map(said)).toEqual([]);
  });

  test('the same column inside the table, hidden, between 科目名称 and 合计: nothing said', () => {
    expect(loud(budgetWith(sheet('预算03表', rows('middle'), { hiddenColumns: [3] }))).map(said)).toEqual([]);
  });

  test('shown, the helper is a column of the table and its rows no longer add up (why hiding matters)', () => {
    expect(loud(budgetWith(sheet('预算03表', rows('right')))).some((f) => f.rule === 'row-sum')).toBe(true);
  });

  test('a hidden row still counts: its figures add up to the 合计 as before', () => {
    const wb = budgetWith(sheet('预算03表', rows('right'), { hiddenColumns: [7], hiddenRows: [11] }));
    expect(loud(wb).map(said)).toEqual([]);
  });

  test('withoutColumns keeps every other cell, in order, with its text and format', () => {
    const s = sheet(
      'x',
      [
        ['a', 1, 'b'],
        [null, 2],
        [3, null, 'c'],
      ],
      { format: '0.00' },
    );
    const kept: string[] = [];
    const p = withoutColumns(packedCellsOf(s), new Set([2]));
    forEachPacked(p, (row, i) => kept.push(`${row}:${p.cols[i]}:${p.formats[p.formatIds[i]]}`));
    expect(kept).toEqual(['1:1:General', '1:3:General', '3:1:0.00', '3:3:General']);
    expect(p.height).toBe(3);
  });
});

describe('a hidden line replaced by the one shown beside it (supersededRows.ts)', () => {
  /** 行政运行 corrected from 580.00 to 600.00 on a new row, the old one kept and hidden above or below it. */
  const corrected = (oldAt: 'above' | 'below', hide = true) => {
    const body = rows('right').map((r) => r.slice(0, 5));
    const at = body.findIndex((r) => r[1] === '行政运行');
    const old = ['2101501', '行政运行', 580, 580, null];
    const withOld = oldAt === 'above' ? [...body.slice(0, at), old, ...body.slice(at)] : [...body.slice(0, at + 1), old, ...body.slice(at + 1)];
    return sheet('预算03表', withOld, { hiddenRows: hide ? [(oldAt === 'above' ? at : at + 1) + 1] : [] });
  };

  test.each(['above', 'below'] as const)('the old 行政运行, hidden %s the shown one: no line of the table, nothing said', (oldAt) => {
    const wb = budgetWith(corrected(oldAt));
    expect(
      detect(wb)
        .find((t) => t.sheet === '预算03表')!
        .rows.filter((r) => r.label === '行政运行'),
    ).toHaveLength(1);
    expect(loud(wb).map(said)).toEqual([]);
  });

  test('shown, the two rows are two lines and the 款 over them is short by 580.00 (code-hierarchy)', () => {
    expect(loud(budgetWith(corrected('below', false))).map((f) => f.rule)).toContain('code-hierarchy');
  });
});
