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

/**
 * The rate beside the change (column-change-rate): 增减率 = (本年 − 上年) ÷ 上年, judged by the
 * interval band — the rate stands for ± half its last digit, the amounts for theirs. 公务接待费
 * 10.00 against 12.00 is −16.67% (−16.743 … −16.590 from the rounded amounts).
 */
describe('增减率 = (本年 − 上年) ÷ 上年 on every row (column-change-rate)', () => {
  const withRate = (rate: CellInput, row = 2) => {
    const rows = RIGHT.map((r) => [...r]);
    rows[row][4] = rate;
    return rows;
  };

  test('the right rates say nothing, written with or without a sign', () => {
    expect(loud(RIGHT).map(said)).toEqual([]);
    expect(loud(withRate('-16.7%')).map(said)).toEqual([]);
  });

  test('−15.67% for −16.67% is an error at the rate cell, with what it should be', () => {
    const found = loud(withRate('-15.67%'));
    expect(found.map(said)).toEqual([['column-change-rate', 'error', '“三公”经费预算表!E6', '-15.67', '-16.67']]);
    expect(findingText(found[0])['zh-CN']).toBe('“三公”经费预算表 E6 2.公务接待费 增减率 -15.67%，应约为 -16.67%：（10.00 − 12.00）÷ 12.00。');
  });

  test('the sign matters: 16.67% for a fall is an error', () => {
    expect(loud(withRate('16.67%')).map(said)).toEqual([['column-change-rate', 'error', '“三公”经费预算表!E6', '16.67', '-16.67']]);
  });

  test('off in the last digit only (−16.75%, 0.002 outside the band) is a warning; −16.77% is an error', () => {
    expect(loud(withRate('-16.75%')).map(said)).toEqual([['column-change-rate', 'warning', '“三公”经费预算表!E6', '-16.75', '-16.67']]);
    expect(loud(withRate('-16.77%')).map((f) => f.severity)).toEqual(['error']);
  });

  test('a rate under a header saying % may be written without one; without either it is not read', () => {
    expect(loud(withRate(-15.67), ['项目', '2025年预算数', '2024年预算数', '增减额', '增减率（%）']).map(said)).toEqual([
      ['column-change-rate', 'error', '“三公”经费预算表!E6', '-15.67', '-16.67'],
    ]);
    expect(loud(withRate(-15.67)).map(said)).toEqual([]);
  });

  test('a wrong 本年 (11.00) is its own finding; the rate that agrees with the printed 增减额 is not blamed too', () => {
    const rows = withRate('-16.67%');
    rows[2][1] = 11;
    expect(loud(rows).map((f) => f.rule)).not.toContain('column-change-rate');
  });

  test('a wrong 上年 (13.00) is its own finding too: the rate agrees with 增减额 ÷ (本年 − 增减额)', () => {
    const rows = withRate('-16.67%');
    rows[2][2] = 13;
    const found = loud(rows);
    expect(found.length).toBeGreaterThan(0);
    expect(found.map((f) => f.rule)).not.toContain('column-change-rate');
  });

  test('a row whose 上年 is nought has no rate to check', () => {
    expect(loud(withRate('5.00%', 1)).map(said)).toEqual([]);
  });
});
