import { audit } from '../src/core/engine';
import type { Finding } from '../src/core/finding';
import { detectTables } from '../src/core/detect';
import { sheet, workbook, type CellInput } from './support/sheetBuilder';
import type { GridSheet } from '../src/core/snapshot';

/**
 * The Ministry's final-accounts forms as provinces publish them, each feature in a small workbook of our own
 * (found by a hunt on 决算 disclosures of templates we had not met).
 */
const loud = (fs: Finding[]) => fs.filter((f) => f.severity !== 'info' && f.rule !== 'missing-table').map((f) => `${f.rule} ${f.severity} ${f.sheet}!${f.cell} ${f.actual}→${f.expected}`);

/**
 * 1. The 栏次 row of a report form names its label columns by the stems and its figures' columns by number
 *    (甲 | 乙 | 1 | 2 | 3). Read as a row of figures, its 1, 2, 3 were added into every 合计 (off by the column's number).
 */
const stems = (label: CellInput[], total: CellInput = 550): GridSheet =>
  sheet(
    '公开02表',
    [
      ['收入决算表'],
      ['编制单位：某某县某某局', null, null, null, '单位：万元'],
      ['项目', null, '本年收入合计', '财政拨款收入', '事业收入'],
      ['科目编码', '科目名称', null, null, null],
      [...label, '1', '2', '3'],
      [null, '合计', total, 500, 50],
      ['201', '一般公共服务支出', 550, 500, 50],
      ['20103', '政府办公厅（室）及相关机构事务', 550, 500, 50],
      ['2010301', '行政运行', 400, 400, null],
      ['2010302', '一般行政管理事务', 150, 100, 50],
    ],
    { merges: ['A1:E1', 'A3:B3', 'C3:C4', 'D3:D4', 'E3:E4'] },
  );

describe('the 栏次 row as the forms print it: 甲 | 乙 | 1 | 2 | 3', () => {
  test.each([[['甲', '乙']], [['栏次', '栏次']]])('%j | 1 | 2 | 3: header, not a row of figures; nothing said of a right table', (label) => {
    const [t] = detectTables(workbook(stems(label)));
    expect([t.kind, t.headerRows, t.bodyRows]).toEqual(['income', [3, 5], [6, 10]]);
    expect(loud(audit(workbook(stems(label))).findings)).toEqual([]);
  });

  test('a 合计 off by 10.00 under 甲 | 乙 is still found, once, at its cell', () => {
    expect(loud(audit(workbook(stems(['甲', '乙'], 560))).findings)).toEqual(['row-sum error 公开02表!C6 560.00→550.00']);
  });
});

/**
 * 2. A 收支决算总表 printing the budget beside what was spent on each side (项目 | 行次 | 年初预算数 | 决算数). Its figure is
 *    the 决算数: read as the 年初预算数 (the first column), every line was "not" the 支出决算表's, and the table was
 *    called one carried over from another year.
 */
const summaryWithBudget = (spentEducation: CellInput = 300) =>
  sheet(
    '公开01表',
    [
      ['收入支出决算总表'],
      ['编制单位：某某县某某局', null, null, null, null, null, null, '单位：万元'],
      ['收入', null, null, null, '支出', null, null, null],
      ['项目', '行次', '年初预算数', '决算数', '项目', '行次', '年初预算数', '决算数'],
      ['一、一般公共预算财政拨款收入', 1, 700, 800, '一、一般公共服务支出', 11, 450, 500],
      ['二、事业收入', 2, 100, 100, '二、教育支出', 12, 350, spentEducation],
      ['本年收入合计', 3, 800, 900, '本年支出合计', 13, 800, 800],
      ['年初结转和结余', 4, 0, 50, '年末结转和结余', 14, 0, 150],
      ['总计', 5, 800, 950, '总计', 15, 800, 950],
    ],
    { merges: ['A1:H1', 'A3:D3', 'E3:H3'] },
  );
const spentByFunction = () =>
  sheet(
    '公开03表',
    [
      ['支出决算表'],
      ['编制单位：某某县某某局', null, null, null, '单位：万元'],
      ['科目编码', '科目名称', '本年支出合计', '基本支出', '项目支出'],
      [null, '合计', 800, 600, 200],
      ['201', '一般公共服务支出', 500, 400, 100],
      ['20101', '人大事务', 500, 400, 100],
      ['2010101', '行政运行', 500, 400, 100],
      ['205', '教育支出', 300, 200, 100],
      ['20508', '进修及培训', 300, 200, 100],
      ['2050803', '培训支出', 300, 200, 100],
    ],
    { merges: ['A1:E1'] },
  );

describe('a 收支决算总表 with 年初预算数 | 决算数 on each side: its figures are the 决算数', () => {
  test('right: nothing said', () => {
    expect(loud(audit(workbook(summaryWithBudget(), spentByFunction())).findings)).toEqual([]);
  });

  test('a 决算数 line that is not the 支出决算表’s 类 is found at its cell', () => {
    const found = loud(audit(workbook(summaryWithBudget(310), spentByFunction())).findings);
    expect(found).toContain('cross-summary-function error 公开01表!H6 310.00→300.00');
  });
});

/**
 * 3. A “三公” table of final accounts printing last year's 决算, this year's budget and what was spent, with the change
 *    (项目 | 上年决算数 | 本年预算数 | 本年决算数 | 增减额). The narrative's 决算 figures were held to the year before's column
 *    (the first headed 决算), and the table's own changes went unchecked (two of this year's columns for one change).
 */
/** The table's lines (合计 | 因公出国 | 公务用车 | 其中 购置 | 运行 | 公务接待), each 上年决算数 | 本年预算数 | 本年决算数, with the 增减额 given. */
const threePublicWith = (changes: CellInput[]) =>
  sheet(
    '公开07表',
    [
      ['一般公共预算财政拨款“三公”经费支出决算表'],
      ['编制单位：某某县某某局', null, null, null, '单位：万元'],
      ['项目', '上年决算数', '本年预算数', '本年决算数', '增减额'],
      ...[
        ['合计', 5, 6, 4.5],
        ['1.因公出国（境）费', 0, 0, 0],
        ['2.公务用车购置及运行维护费', 3, 3.5, 2.7],
        ['其中：公务用车购置费', 0, 0, 0],
        ['公务用车运行维护费', 3, 3.5, 2.7],
        ['3.公务接待费', 2, 2.5, 1.8],
      ].map((line, i) => [...line, changes[i]]),
    ],
    { merges: ['A1:E1'] },
  );
/** 增减额 = 本年决算数 − 上年决算数. */
const threePublic = (receptionChange: CellInput = -0.2) => threePublicWith([-0.5, 0, -0.3, 0, -0.3, receptionChange]);
const threePublicSaid = (reception: string) =>
  sheet('情况说明', [['某某县某某局2023年度部门决算情况说明'], [`2023年度“三公”经费支出决算4.50万元，其中：公务用车购置及运行维护费2.70万元，公务接待费${reception}万元。`]]);

describe('a “三公” table of 上年决算数 | 本年预算数 | 本年决算数 | 增减额', () => {
  test('the narrative’s 决算 figures are this year’s: right, nothing said', () => {
    expect(loud(audit(workbook(threePublic(), threePublicSaid('1.80'))).findings)).toEqual([]);
  });

  test('a 决算 figure of the narrative not the table’s is told against this year’s 决算数', () => {
    expect(loud(audit(workbook(threePublic(), threePublicSaid('1.90'))).findings)).toEqual(['narrative-vs-table error 情况说明!A2 1.90→1.80']);
  });

  test('the change is 本年决算数 − 上年决算数: a slip in it is found at its cell', () => {
    expect(loud(audit(workbook(threePublic(-0.1), threePublicSaid('1.80'))).findings)).toContain('column-change error 公开07表!E9 -0.10→-0.20');
  });
});

/**
 * 4. 公开05表 as the central and many provincial departments print it since 2019: 一般公共预算财政拨款收入支出决算表, the general
 *    budget's spending by subject with its balances (年初结转和结余 | 本年收入 | 本年支出 | 年末结转和结余), as the 政府性基金's
 *    table is the fund's. Taken for the 财政拨款收入支出决算总表 of every fund, the general budget's table was "missing".
 */
const generalWithBalances = (yearEnd: CellInput = 20) =>
  sheet(
    '公开05表',
    [
      ['一般公共预算财政拨款收入支出决算表'],
      ['编制单位：某某县某某局', null, null, null, null, null, null, '单位：万元'],
      ['科目编码', '科目名称', '年初结转和结余', '本年收入', '本年支出', null, null, '年末结转和结余'],
      [null, null, null, null, '小计', '基本支出', '项目支出', null],
      [null, '合计', 10, 500, 490, 400, 90, 20],
      ['201', '一般公共服务支出', 10, 500, 490, 400, 90, 20],
      ['20105', '统计信息事务', 10, 500, 490, 400, 90, 20],
      ['2010501', '行政运行', 0, 400, 400, 400, 0, 0],
      ['2010507', '专项普查活动', 10, 100, 90, 0, 90, yearEnd],
    ],
    { merges: ['A1:H1', 'A3:A4', 'B3:B4', 'C3:C4', 'D3:D4', 'E3:G3', 'H3:H4'] },
  );

describe('一般公共预算财政拨款收入支出决算表 (公开05表 with its balances)', () => {
  test('is the general budget’s table, not the summary of every fund; right, nothing said', () => {
    const found = audit(workbook(generalWithBalances()));
    expect(found.tables.map((t) => t.kind)).toEqual(['general-budget-expenditure']);
    expect(loud(found.findings)).toEqual([]);
  });

  test('a year-end balance that is not 年初 + 收入 − 支出 is found at its cell', () => {
    expect(loud(audit(workbook(generalWithBalances(21))).findings)).toEqual(['column-balance error 公开05表!H9 21.00→20.00']);
  });
});

describe('a “三公” table whose 增减额 is this year’s 决算 − 预算 (上年决算数 | 本年预算数 | 本年决算数 | 增减额)', () => {
  // (增减额 = 本年决算数 − 本年预算数.)
  const againstBudget = () => threePublicWith([-1.5, 0, -0.8, 0, -0.8, -0.7]);

  test('the figures say which pair the change is of: not judged against the year before, nothing said', () => {
    expect(loud(audit(workbook(againstBudget())).findings)).toEqual([]);
  });
});
