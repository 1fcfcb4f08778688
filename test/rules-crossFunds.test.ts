import { all, edited, explainedBy, loud, said, throughout, type Edit } from './support/checklist';
import { workbook } from './support/sheetBuilder';
import { fundBudget, fundFiscal04TotalOnly, smallBudget } from './support/smallBudget';

/**
 * 政府性基金 / 国有资本经营 tables are empty exactly when the summaries show no such money
 * (cross-fund-tables): the table's spending = the fund's column of 财政拨款收支表 (本年支出).
 * Support: fundBudget() — 50.00 of 政府性基金 spent on 2120801 征地和拆迁补偿支出, shown in
 * 收支总表, 收入表, 支出表, 财政拨款收支表 (its 政府性基金预算 column), 经济分类汇总表, 项目支出表
 * and 政府性基金支出表 (预算10表: 合计 and rows, 合计 and 项目支出 columns).
 */
const fundTable = (v: number | null): Edit[] => throughout('预算10表', ['C4', 'E4', 'C5', 'E5', 'C6', 'E6', 'C7', 'E7'], v);
const onFund = (edits: Edit[]) => edited(edits, fundBudget());

describe('the disclosure with 政府性基金 money', () => {
  test('is consistent across every table: no finding, not even a rounding tail', () => {
    expect(all(fundBudget()).map(said)).toEqual([]);
  });
});

describe('政府性基金支出表 against 财政拨款收支表 (cross-fund-tables)', () => {
  test('政府性基金支出表 says 60.00 throughout: an error at its 合计, expected 50.00', () => {
    const f = loud(onFund(fundTable(60)));
    expect(f.map(said)).toEqual([['cross-fund-tables', 'error', '预算10表!C4', '60.00', '50.00']]);
    // Held against 一、本年支出 in the 政府性基金预算 column of 财政拨款收支表.
    expect(f[0].explains[0].parts.map((x) => `${x.sheet}!${x.cell}`)).toEqual(['预算04表!F5']);
  });

  test('政府性基金支出表 says 40.00 throughout (the other sign): expected 50.00', () => {
    expect(loud(onFund(fundTable(40))).map(said)).toEqual([['cross-fund-tables', 'error', '预算10表!C4', '40.00', '50.00']]);
  });

  test('its rows left empty (本表无数据 printed as a table) though 财政拨款收支表 shows 50.00: expected 50.00', () => {
    expect(loud(onFund(fundTable(null))).map(said)).toEqual([['cross-fund-tables', 'error', '预算10表!C4', null, '50.00']]);
  });

  test('its 合计 alone 60.00 is the culprit of its own sums and of the comparison', () => {
    const f = loud(onFund([['预算10表', 'C4', 60]]));
    expect(f.map(said)).toEqual([['row-sum', 'error', '预算10表!C4', '60.00', '50.00']]);
    expect(explainedBy(f[0])).toEqual(['column-total', 'cross-fund-tables', 'row-sum']);
  });

  test('a rounding tail (50.01 throughout, band 0.010) is info only; 50.02 is an error', () => {
    expect(all(onFund(fundTable(50.01))).map(said)).toEqual([['cross-fund-tables', 'info', '预算10表!C4', '50.01', '50.00']]);
    expect(loud(onFund(fundTable(50.02))).map(said)).toEqual([['cross-fund-tables', 'error', '预算10表!C4', '50.02', '50.00']]);
  });

  test('a 财政拨款收支表 with no column per fund: the 政府性基金预算 income line of 收支总表 (50.00) is the reference', () => {
    const base = workbook(...fundBudget().sheets.map((s) => (s.name === '预算04表' ? fundFiscal04TotalOnly() : s)));
    expect(all(base).map(said)).toEqual([]);
    const f = loud(edited(fundTable(60), base));
    expect(f.map(said)).toEqual([['cross-fund-tables', 'error', '预算10表!C4', '60.00', '50.00']]);
    expect(f[0].explains[0].parts.map((x) => `${x.sheet}!${x.cell}`)).toEqual(['预算01表!B6']);
  });

  test('without 政府性基金 money, an amount in the table that says 本表无数据 is an error, expected 0.00', () => {
    expect(loud(edited([['预算10表', 'C4', 5], ['预算10表', 'E4', 5]], smallBudget())).map(said)).toEqual([
      // A 合计 with no rows under it fails on its own table too.
      ['column-total', 'error', '预算10表!C4', '5.00', '0.00'],
      ['column-total', 'error', '预算10表!E4', '5.00', '0.00'],
      ['cross-fund-tables', 'error', '预算10表!C4', '5.00', '0.00'],
    ]);
  });
});
