import { all, edited, explainedBy, loud, said, throughout, type Edit } from './support/checklist';
import { sheet, workbook, type CellInput } from './support/sheetBuilder';
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
    const found = loud(edited([['预算10表', 'C4', 5], ['预算10表', 'E4', 5]], smallBudget()));
    expect(found.map(said)).toEqual([
      // A 合计 with no rows under it fails on its own table too: one slip, one finding explaining both checks.
      ['column-total', 'error', '预算10表!C4', '5.00', '0.00'],
      ['column-total', 'error', '预算10表!E4', '5.00', '0.00'],
    ]);
    expect(explainedBy(found[0])).toEqual(['column-total', 'cross-fund-tables']);
  });
});

/**
 * A final accounts (决算) prints the fund's balances: 年初结转和结余 80.00 + 本年收入 450.00 − 本年支出
 * 500.00 = 年末结转和结余 30.00. Its income is this year's money, its spending may use the money
 * brought forward: 本年收入 is held against 收支决算总表's 其中：政府性基金预算财政拨款 (an income line),
 * 本年支出 against the fund's 支出 column of 财政拨款收入支出决算总表 and by the table's own balance —
 * never 本年支出 against the income line.
 */
function finalSummary01() {
  return sheet(
    '公开01表',
    [
      ['收入支出决算总表'],
      ['部门：某某局', null, null, '单位：万元'],
      ['收入', null, '支出'],
      ['项目', '决算数', '项目', '决算数'],
      ['一、财政拨款收入', 500, '一、城乡社区支出', 550],
      ['    其中：一般公共预算财政拨款', 50, null, null],
      ['          政府性基金预算财政拨款', 450, null, null],
      ['二、其他收入', 0, null, null],
      ['本年收入合计', 500, '本年支出合计', 550],
      ['年初结转和结余', 80, '年末结转和结余', 30],
      ['总计', 580, '总计', 580],
    ],
    { merges: ['A1:D1', 'A3:B3', 'C3:D3'] },
  );
}

/** The older 财政拨款收入支出决算总表: income lines by fund, spending by function in a column per fund. */
function finalFiscal04() {
  return sheet(
    '公开04表',
    [
      ['财政拨款收入支出决算总表'],
      ['部门：某某局', null, null, null, null, '单位：万元'],
      ['收入', null, '支出'],
      ['项目', '金额', '项目', '合计', '一般公共预算财政拨款', '政府性基金预算财政拨款'],
      ['一、一般公共预算财政拨款', 50, '一、城乡社区支出', 550, 50, 500],
      ['二、政府性基金预算财政拨款', 450, null, null, null, null],
      ['本年收入合计', 500, '本年支出合计', 550, 50, 500],
      ['年初财政拨款结转和结余', 80, '年末财政拨款结转和结余', 30, 0, 30],
      ['一、一般公共预算财政拨款', 0],
      ['二、政府性基金预算财政拨款', 80],
      ['收入总计', 580, '支出总计', 580, 50, 530],
    ],
    { merges: ['A1:F1', 'A3:B3', 'C3:F3'] },
  );
}

type FundRow = [opening: number, income: number, spent: number, closing: number];

/** 政府性基金预算财政拨款收入支出决算表: 年初 | 本年收入 | 本年支出 (小计/基本/项目) | 年末, rows 合计, 212, 21208, 2120802. */
function finalFund07([opening, income, spent, closing]: FundRow = [80, 450, 500, 30]) {
  const line = (code: string | null, name: string) => [code, name, opening, income, spent, 0, spent, closing];
  return sheet(
    '公开07表',
    [
      ['政府性基金预算财政拨款收入支出决算表'],
      ['部门：某某局', null, null, null, null, null, null, '单位：万元'],
      ['项目', null, '年初结转和结余', '本年收入', '本年支出', null, null, '年末结转和结余'],
      ['功能分类科目编码', '科目名称', null, null, '小计', '基本支出', '项目支出'],
      line(null, '合计'),
      line('212', '城乡社区支出'),
      line('21208', '国有土地使用权出让收入安排的支出'),
      line('2120802', '土地开发支出'),
    ],
    { merges: ['A1:H1', 'A3:B3', 'C3:C4', 'D3:D4', 'E3:G3', 'H3:H4'] },
  );
}

describe('a final accounts’ fund table with balances (cross-fund-tables, column-balance)', () => {
  test('consistent (80.00 + 450.00 − 500.00 = 30.00; income line 450.00): nothing above info, though 本年支出 ≠ the income line', () => {
    expect(loud(workbook(finalSummary01(), finalFund07())).map(said)).toEqual([]);
    expect(loud(workbook(finalSummary01(), finalFiscal04(), finalFund07())).map(said)).toEqual([]);
  });

  test('本年收入 460.00 (年末 40.00, the table still balances): an error at its 合计 本年收入, expected the income line 450.00', () => {
    const f = loud(workbook(finalSummary01(), finalFund07([80, 460, 500, 40])));
    expect(f.map(said)).toEqual([['cross-fund-tables', 'error', '公开07表!D5', '460.00', '450.00']]);
    expect(f[0].explains[0].parts.map((x) => `${x.sheet}!${x.cell}`)).toEqual(['公开01表!B7']);
  });

  test('本年支出 510.00 with 年末 left at 30.00: named by the table’s own balance on each row, never against the income line', () => {
    const f = loud(workbook(finalSummary01(), finalFund07([80, 450, 510, 30])));
    const balance = ['H5', 'H6', 'H7', 'H8'].map((c) => ['column-balance', 'error', `公开07表!${c}`, '30.00', '20.00']);
    expect(f.map(said)).toEqual(balance);
    // With 财政拨款收入支出决算总表's fund column, its 合计 本年支出 is also told against 500.00 there.
    const withFiscal = loud(workbook(finalSummary01(), finalFiscal04(), finalFund07([80, 450, 510, 30])));
    expect(withFiscal.map(said)).toEqual([...balance, ['cross-fund-tables', 'error', '公开07表!E5', '510.00', '500.00']]);
  });

  test('本年支出 510.00 and 年末 20.00 (balanced): an error against 财政拨款收入支出决算总表’s 政府性基金 支出 500.00', () => {
    const f = loud(workbook(finalSummary01(), finalFiscal04(), finalFund07([80, 450, 510, 20])));
    expect(f.map(said)).toEqual([['cross-fund-tables', 'error', '公开07表!E5', '510.00', '500.00']]);
    expect(f[0].explains[0].parts.map((x) => `${x.sheet}!${x.cell}`)).toEqual(['公开04表!F7']);
  });

  test('a table of balances without an income column: its 本年支出 is not held against the income line', () => {
    const rows: CellInput[][] = [
      ['政府性基金预算财政拨款支出决算表'],
      ['部门：某某局', null, null, '单位：万元'],
      ['科目编码', '科目名称', '年初结转和结余', '本年支出'],
      [null, '合计', 80, 500],
      ['2120802', '土地开发支出', 80, 500],
    ];
    const table = sheet('公开07表', rows, { merges: ['A1:D1'] });
    expect(loud(workbook(finalSummary01(), table)).map((x) => x.rule)).not.toContain('cross-fund-tables');
  });
});
