import { audit } from '../src/core/engine';
import { findingText } from '../src/core/messages/render';
import { sheet, workbook, type CellInput } from './support/sheetBuilder';
import { said } from './support/checklist';

/**
 * A table printing this year, the year before and the change (column-change): on every row
 * 本年 = 上年 + 增减. A wrong 增减 is named at its own cell (its column's total disputes it too), a
 * wrong 本年 at its; a table whose columns are not beyond doubt is left alone.
 */
function threePublic(rows: CellInput[][], headers: CellInput[] = ['项目', '2025年预算数', '2024年预算数', '增减额', '增减率']) {
  return sheet(
    '“三公”经费预算表',
    [['2025年某某局一般公共预算“三公”经费支出预算表'], [null, null, null, null, '单位：万元'], headers, ...rows],
    { merges: ['A1:E1'] },
  );
}

const RIGHT: CellInput[][] = [
  ['合计', 30, 32, -2, '-6.25%'],
  ['1.因公出国（境）费', 0, 0, 0, null],
  ['2.公务接待费', 10, 12, -2, '-16.67%'],
  ['3.公务用车购置及运行费', 20, 20, 0, '0.00%'],
];

const loud = (rows: CellInput[][], headers?: CellInput[]) => audit(workbook(threePublic(rows, headers))).findings.filter((f) => f.severity !== 'info');

describe('本年 = 上年 + 增减 on every row (column-change)', () => {
  test('a right table says nothing', () => {
    expect(loud(RIGHT).map(said)).toEqual([]);
    expect(loud(RIGHT, ['项目', '本年预算', '上年预算', '增减', '增减率']).map(said)).toEqual([]);
  });

  test('a wrong 增减额 (-3.00 for -2.00) is named at its cell, with what it should be', () => {
    const rows = RIGHT.map((r) => [...r]);
    rows[2][3] = -3;
    const found = loud(rows);
    expect(found.map(said)).toEqual([['column-change', 'error', '“三公”经费预算表!D6', '-3.00', '-2.00']]);
    expect(findingText(found[0])['zh-CN']).toMatch(/^“三公”经费预算表 D6 .*-3\.00，应为 -2\.00/);
    // The same slip carried into the 合计 row too: each row told at its 增减 cell.
    rows[0][3] = -3;
    expect(loud(rows).map(said)).toEqual([
      ['column-change', 'error', '“三公”经费预算表!D4', '-3.00', '-2.00'],
      ['column-change', 'error', '“三公”经费预算表!D6', '-3.00', '-2.00'],
    ]);
  });

  test('a wrong 本年 figure in one row (11.00, its 合计 right): named at its cell, 合计 and 增减 against it', () => {
    const rows = RIGHT.map((r) => [...r]);
    rows[2][1] = 11;
    const found = loud(rows);
    expect(found.map(said)).toEqual([['column-change', 'error', '“三公”经费预算表!B6', '11.00', '10.00']]);
    expect(findingText(found[0])['zh-CN']).toBe('“三公”经费预算表 B6 2.公务接待费 2025年预算数 11.00，应为 10.00（多 1.00）：与合计及增减额不符。');
  });

  test('switched off by a reviewer, the rule takes no part: the column total still speaks for itself', () => {
    const rows = RIGHT.map((r) => [...r]);
    rows[2][1] = 11;
    const found = audit(workbook(threePublic(rows)), { disabledRules: ['column-change'] }).findings.filter((f) => f.severity !== 'info');
    expect(found.map(said)).toEqual([['column-total', 'error', '“三公”经费预算表!B4', '30.00', '31.00']]);
  });

  test('the 增减 cell is the one told when nothing else points (本年 and its 合计 both one more)', () => {
    const rows = RIGHT.map((r) => [...r]);
    rows[2][1] = 11;
    rows[0][1] = 31;
    const found = loud(rows);
    expect(found.map(said)).toEqual([
      ['column-change', 'error', '“三公”经费预算表!D4', '-2.00', '-1.00'],
      ['column-change', 'error', '“三公”经费预算表!D6', '-2.00', '-1.00'],
    ]);
    expect(findingText(found[1])['zh-CN']).toBe('“三公”经费预算表 D6 2.公务接待费 增减额 -2.00，不等于2025年预算数减2024年预算数 -1.00（差 1.00）。');
  });

  test('a table printing 上年 − 本年 throughout is read its own way; a sign convention in brackets is not guessed at', () => {
    const reversed = RIGHT.map((r) => [r[0], r[1], r[2], typeof r[3] === 'number' ? -r[3] : r[3], r[4]]);
    expect(loud(reversed).map(said)).toEqual([]);
    const slip = reversed.map((r) => [...r]);
    slip[2][3] = 3;
    expect(loud(slip).map(said)).toEqual([['column-change', 'error', '“三公”经费预算表!D6', '3.00', '2.00']]);
    expect(loud(reversed, ['项目', '2025年预算数', '2024年预算数', '增减（-增+减）', '增减率']).map(said)).toEqual([]);
  });

  test('columns not beyond doubt are left alone: two change columns, or a year that is not the table\'s', () => {
    const rows = RIGHT.map((r) => [...r]);
    rows[2][3] = -3;
    rows[0][3] = -3;
    expect(loud(rows, ['项目', '2023年预算数', '2022年预算数', '增减额', '增减率']).map((f) => f.rule)).not.toContain('column-change');
  });
});
