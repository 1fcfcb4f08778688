import { render } from '../src/core/messages/render';
import type { GridSheet } from '../src/core/snapshot';
import { edited, loud, said, type Edit } from './support/checklist';
import { workbook } from './support/sheetBuilder';
import { general05, smallBudget } from './support/smallBudget';

/**
 * A row lost under a total (sum.missing-row), or one row's figures off along the whole row: every column
 * sum of the total then fails by that row's figures, and each was told at the total, which is right. One
 * finding instead, where the gaps add up along the line as a row does. Support: the small disclosure
 * (test/support/smallBudget.ts), 预算05表 21015 医疗保障管理事务 (row 10: 合计 C 800, 基本支出 D 600 = 人员经费 E
 * 500 + 公用经费 F 100, 项目支出 G 200) over 2101501 行政运行 (row 11: 600 | 600 | 500 | 100 | —) and
 * 2101502 一般行政管理事务 (row 12: 200 | — | — | — | 200).
 */
describe('one row’s worth missing under a total is one finding (code-hierarchy, sum.missing-row)', () => {
  const emptied: Edit[] = ['C11', 'D11', 'E11', 'F11'].map((c): Edit => ['预算05表', c, null]);

  test('行政运行’s figures deleted: one error at the empty row, its line 21015 (upheld: 类 210 adds up with it) marked beside it, not four errors at right figures', () => {
    const found = loud(edited(emptied)).filter((f) => f.sheet === '预算05表');
    expect(found.map(said)).toEqual([['code-hierarchy', 'error', '预算05表!C11', null, null]]);
    expect(found[0].message.key).toBe('sum.blank-row');
    expect(found[0].explains.map((e) => e.stated.cell)).toEqual(['C10', 'D10', 'E10', 'F10']);
    // No figure is said to be due there, nor a difference (the line's gap is not the row's when rows were pasted low).
    expect(found[0].difference).toBeUndefined();
    expect(render(found[0].message, 'zh-CN')).toBe('预算05表 C11 行政运行 无数字，而 C10 医疗保障管理事务 有 4 列比分项之和多 600.00 等，差额恰成一行：此行数字疑被删除、漏填，或错位粘贴到了下一行。');
    // The line, right, is marked beside the empty row for the reviewer to look at; no figure is said to be due.
    expect(found[0].cells).toEqual([{ sheet: '预算05表', cell: 'C11' }, ...['C10', 'D10', 'E10', 'F10'].map((cell) => ({ sheet: '预算05表', cell, other: true }))]);
  });

  test('行政运行’s figures pasted one row low, onto 一般行政管理事务 (whose own are lost): the error is at the empty row, no figure said to be due there', () => {
    const pastedLow: Edit[] = [...emptied, ['预算05表', 'C12', 600], ['预算05表', 'D12', 600], ['预算05表', 'E12', 500], ['预算05表', 'F12', 100], ['预算05表', 'G12', null]];
    const found = loud(edited(pastedLow)).filter((f) => f.sheet === '预算05表');
    expect(found.map(said)).toEqual([['code-hierarchy', 'error', '预算05表!C11', null, null]]);
    // The line is short by the overwritten row (200.00), not by the figures the empty row held (600.00).
    expect(found[0].message.args.amount).toEqual({ t: 'amount', v: '200.00', d: 2 });
  });

  test('with nothing to uphold the line (一般公共预算支出表 alone, 社会保障和就业支出’s rows all empty): the finding stays at the 合计, naming the empty row to look at', () => {
    const empty208: Edit[] = ['C6', 'D6', 'E6', 'C7', 'D7', 'E7', 'C8', 'D8', 'E8'].map((c): Edit => ['预算05表', c, null]);
    const found = loud(edited(empty208, workbook(general05()))).filter((f) => f.sheet === '预算05表');
    expect(found.map(said)).toEqual([['column-total', 'error', '预算05表!C5', '1000.00', null]]);
    expect(found[0].message.key).toBe('sum.missing-row');
    expect(render(found[0].message, 'zh-CN')).toContain('（C6 社会保障和就业支出 一行无数字）');
  });

  test('an empty row under a line short of its items (行政运行 raised by 100.00 in 合计, 基本支出, 人员经费 with 一般行政管理事务 emptied): one sum.extra-row, the empty row not named — it cannot explain items over the line', () => {
    const edits: Edit[] = [['预算05表', 'C11', 900], ['预算05表', 'D11', 700], ['预算05表', 'E11', 600], ['预算05表', 'G11', 200], ['预算05表', 'C12', null], ['预算05表', 'G12', null]];
    const found = loud(edited(edits)).filter((f) => f.sheet === '预算05表' && f.cell === 'C10');
    expect(found.map((f) => f.message.key)).toEqual(['sum.extra-row']);
    expect(found[0].message.args.blank).toBeUndefined();
  });

  test('行政运行 raised by 10.00 along its row (its own sums still hold): one error, the figures of some row off, no empty row named', () => {
    const found = loud(edited([['预算05表', 'C11', 610], ['预算05表', 'D11', 610], ['预算05表', 'E11', 510]])).filter((f) => f.sheet === '预算05表');
    expect(found.map(said)).toEqual([['code-hierarchy', 'error', '预算05表!C10', '800.00', null]]);
    expect(found[0].message.key).toBe('sum.extra-row');
    expect(found[0].message.args.blank).toBeUndefined();
  });

  test('gaps that do not add up as a row (合计 off alone with 项目支出 off by another amount): each told as before', () => {
    const found = loud(edited([['预算05表', 'C12', 210], ['预算05表', 'G12', 215]])).filter((f) => f.message.key === 'sum.missing-row' || f.message.key === 'sum.extra-row');
    expect(found).toEqual([]);
  });
});

describe('one row off along its whole line is named, not the 合计 above it (sum.row-over)', () => {
  test('210 卫生健康支出 raised by 10.00 in 合计, 基本支出 and 人员经费 (its own row sum holds): one error at C9, what it should be, the 合计 not blamed', () => {
    const found = loud(edited([['预算05表', 'C9', 810], ['预算05表', 'D9', 610], ['预算05表', 'E9', 510]]));
    expect(found.map(said)).toEqual([['code-hierarchy', 'error', '预算05表!C9', '810.00', '800.00']]);
    expect(found[0].message.key).toBe('sum.row-over');
    // Its three columns against its 款, and the 合计's three against the 类 lines, are the checks it explains.
    expect(found[0].explains.filter((e) => e.rule === 'column-total').map((e) => e.stated.cell)).toEqual(['C5', 'D5', 'E5']);
    // Marked: the row's three cells (and 预算04表's 类 line it disagrees with, folded in as the same slip).
    expect(found[0].cells.slice(0, 3).map((c) => c.cell)).toEqual(['C9', 'D9', 'E9']);
  });
});


describe('the 合计 line itself off, or a row lost under it: the other tables tell which', () => {
  test('05’s 合计 raised by 10.00 in every column, its 类 not: 04 and 06 agree with the sum of its 类, so the 合计 is named, with what it should be (sum.row-over)', () => {
    const found = loud(edited([['预算05表', 'C5', 1010], ['预算05表', 'D5', 810], ['预算05表', 'E5', 710]]));
    expect(found.map(said)).toEqual([['column-total', 'error', '预算05表!C5', '1010.00', '1000.00']]);
    expect(found[0].message.key).toBe('sum.row-over');
    // The right 06 and 04 are not blamed: their comparisons are among the checks the finding explains.
    expect(found[0].explains.map((e) => e.rule)).toEqual(expect.arrayContaining(['cross-fiscal-function', 'cross-basic-expenditure']));
  });

  test('221 住房保障支出’s rows left out under a right 合计 (04 agrees with it as printed): a row lost, the 合计 not blamed (sum.missing-row)', () => {
    const without221 = (sh: GridSheet): GridSheet =>
      sh.name !== '预算05表' ? sh : { ...sh, values: sh.values.filter((_, i) => i < 12 || i > 14), text: sh.text.filter((_, i) => i < 12 || i > 14), numberFormats: sh.numberFormats.filter((_, i) => i < 12 || i > 14) };
    const found = loud(workbook(...smallBudget().sheets.map(without221))).filter((f) => f.sheet === '预算05表' && f.cell === 'C5');
    expect(found.map((f) => [f.rule, f.message.key, f.expected])).toEqual([['column-total', 'sum.missing-row', null]]);
  });
});
