import { audit } from '../src/core/engine';
import type { Finding } from '../src/core/finding';
import { findingText } from '../src/core/messages/render';
import { nationalBasic06, nationalGeneral05, nationalSummary04 } from './support/nationalFinalAccounts';
import { sheet, workbook } from './support/sheetBuilder';

/**
 * The 情况说明 of final accounts (公开04–06 of our own) as accountants write it: 决算 against 年初预算,
 * completion rates, comparisons with the year before or with the budget, 年初/年末财政拨款结转和结余.
 * One slip is one finding: a rate or share built on a figure the tables contradict is judged on the
 * tables' figure, so the slip is told once, at the amount.
 */

const basic = nationalBasic06();
const general = nationalGeneral05();
const summary = nationalSummary04();
const loud = (fs: Finding[]) => fs.filter((f) => f.sheet === '情况说明' && f.severity !== 'info');
const show = (fs: Finding[]) => loud(fs).map((f) => `${f.rule} ${f.cell} ${f.actual} → ${f.expected}: ${findingText(f)['zh-CN']}`);
const narrative = (line: string) => audit(workbook(summary, general, basic, sheet('情况说明', [['某某局2023年度部门决算情况说明'], ['一、收入支出决算总体情况说明'], [line]]))).findings;

const RIGHT = [
  '2023年度财政拨款收入支出总计850.00万元。与2022年度相比，财政拨款收入支出总计各增加50.00万元，增长6.25%。',
  '2023年度一般公共预算财政拨款支出700.00万元，占本年支出合计的87.50%。',
  '2023年度一般公共预算财政拨款支出年初预算为600.00万元，支出决算为700.00万元，完成年初预算的116.67%。',
  '一般公共预算财政拨款支出700.00万元，其中：基本支出610.00万元，占87.14%；项目支出90.00万元，占12.86%。',
  '一般公共服务（类）人大事务（款）行政运行（项）。年初预算为600.00万元，支出决算为610.00万元，完成年初预算的101.67%。决算数大于年初预算数的主要原因是人员增加。',
  '一般公共预算财政拨款基本支出610.00万元，其中：人员经费520.00万元，主要包括基本工资、津贴补贴、退休费；公用经费90.00万元，主要包括办公费、差旅费、办公设备购置。',
  '2023年度一般公共预算财政拨款支出决算数为700万元，比2023年预算数600万元增加100万元，增长16.67%。',
  '2023年度一般公共预算财政拨款支出700.00万元，与2022年度相比，减少10.00万元，下降1.41%。',
  '本年收入合计800.00万元，其中：一般公共预算财政拨款700.00万元，占87.5%；政府性基金预算财政拨款100.00万元，占12.5%。',
  '2023年度年初财政拨款结转和结余50.00万元，年末财政拨款结转和结余50.00万元。',
  '2023年度财政拨款支出800.00万元，其中一般公共预算财政拨款支出700.00万元。',
];

test('the tables of our own add up', () => {
  expect(audit(workbook(summary, general, basic)).findings.filter((f) => f.severity !== 'info')).toEqual([]);
});

test.each(RIGHT)('right: %s', (line) => {
  expect(show(narrative(line))).toEqual([]);
});

test("a slipped 人员经费合计 in 06 (its own classes dispute it) is no ground to call the text's right 人员经费 wrong", () => {
  const slipped = { ...basic, values: basic.values.map((row, i) => (i === 10 ? row.map((v, j) => (j === 3 ? 530 : v)) : row)) };
  const found = audit(
    workbook(
      summary,
      general,
      slipped,
      sheet('情况说明', [['某某局2023年度部门决算情况说明'], ['一、收入支出决算总体情况说明'], ['一般公共预算财政拨款基本支出610.00万元，其中：人员经费520.00万元，公用经费90.00万元。']]),
    ),
  ).findings;
  expect(found.filter((f) => f.severity === 'error').map((f) => `${f.rule} ${f.sheet}!${f.cell}`)).toEqual(['econ-class-totals 公开06表!D11']);
});

describe('wrong, each found once at its cell', () => {
  test("a bare 财政拨款支出 is the appropriations' 本年支出合计 (it was held to nothing: its slips went untold)", () => {
    const f = loud(narrative('2023年度财政拨款支出810.00万元。'));
    expect(f.map((x) => [x.rule, x.severity, x.cell, x.actual, x.expected])).toEqual([['narrative-vs-table', 'error', 'A3', '810.00', '800.00']]);
  });

  test('a total typed wrong is one finding; its rate, right on the table figure, is not another', () => {
    const f = loud(narrative(RIGHT[0].replace('总计850.00万元', '总计860.00万元')));
    expect(f.map((x) => [x.rule, x.severity, x.cell, x.actual, x.expected])).toEqual([['narrative-vs-table', 'error', 'A3', '860.00', '850.00']]);
    // The quote starts at the clause, year included.
    expect(findingText(f[0])['zh-CN']).toContain('「2023年度财政拨款收入支出总计860.00万元」');
  });

  test('a rate that the change and the year before do not give', () => {
    const f = loud(narrative(RIGHT[0].replace('增长6.25%', '增长7.25%')));
    expect(f.map((x) => [x.rule, x.severity, x.actual, x.expected])).toEqual([['narrative-growth-rate', 'error', '7.25', '6.25']]);
    expect(findingText(f[0])['zh-CN']).toContain('50.00 ÷ 上年 800.00');
  });

  test('a share of a whole named in words', () => {
    const f = loud(narrative(RIGHT[1].replace('87.50%', '77.50%')));
    expect(f.map((x) => [x.rule, x.actual, x.expected])).toEqual([['narrative-percent', '77.50', '87.50']]);
  });

  test('completion of the budget, for the whole; for a 项 named by its path, a 支出决算 typed wrong is the slip, not its completion rate', () => {
    expect(loud(narrative(RIGHT[2].replace('116.67%', '106.67%'))).map((x) => [x.rule, x.expected])).toEqual([['narrative-percent', '116.67']]);
    // …行政运行（项）。年初预算为600.00万元，支出决算为620.00万元，完成年初预算的101.67%: the path, a sentence of
    // its own, heads the figures after it — 620.00 is named against 行政运行's 610.00; 101.67%, right on it, is not blamed.
    expect(loud(narrative(RIGHT[4].replace('支出决算为610.00万元', '支出决算为620.00万元'))).map((x) => [x.rule, x.expected])).toEqual([['narrative-vs-table', '610.00']]);
  });

  test('项目支出 typed wrong is named in the table’s words, and its share is judged on the table’s figure', () => {
    const f = loud(narrative(RIGHT[3].replace('项目支出90.00万元', '项目支出80.00万元')));
    expect(f.map((x) => [x.rule, x.actual, x.expected])).toEqual([
      ['narrative-vs-table', '80.00', '90.00'],
      // (The items as printed do not add up to the total, but the table's 90.00 closes it: the total is right.)
    ]);
    expect(findingText(f[0])['zh-CN']).toContain('公开05表 项目支出 90.00');
    expect(findingText(f[0]).en).not.toMatch(/\bproject\b/);
  });

  test('人员经费 of the basic expenditure named in the table’s words', () => {
    const f = loud(narrative(RIGHT[5].replace('人员经费520.00万元', '人员经费530.00万元')));
    expect(f[0]).toMatchObject({ rule: 'narrative-vs-table', actual: '530.00', expected: '520.00' });
    expect(findingText(f[0])['zh-CN']).toContain('公开06表 人员经费 520.00');
  });

  test('compared with the budget: a wrong change is one finding, named against 预算数; the rate between the two figures stands', () => {
    const f = loud(narrative(RIGHT[6].replace('增加100万元', '增加90万元')));
    expect(f.map((x) => [x.rule, x.actual, x.expected])).toEqual([['narrative-change', '90', '100']]);
    expect(findingText(f[0])['zh-CN']).toContain('700 与预算数 600 之差');
    const rate = loud(narrative(RIGHT[6].replace('增长16.67%', '增长15.00%')));
    expect(rate.map((x) => [x.rule, x.actual, x.expected])).toEqual([['narrative-growth-rate', '15.00', '16.67']]);
  });

  test('年初财政拨款结转和结余 against the summary’s line', () => {
    const f = loud(narrative(RIGHT[9].replace('年初财政拨款结转和结余50.00万元', '年初财政拨款结转和结余40.00万元')));
    expect(f.map((x) => [x.rule, x.actual, x.expected, x.cells[1]?.sheet])).toEqual([['narrative-vs-table', '40.00', '50.00', '公开04表']]);
  });

  test('增长 where the change says 减少', () => {
    const f = loud(narrative(RIGHT[7].replace('下降1.41%', '增长1.41%')));
    expect(f.map((x) => [x.rule, x.severity])).toEqual([['narrative-change', 'error']]);
  });
});

describe('政府采购 = 货物 + 工程 + 服务, by definition: judged with no procurement table (narrative-internal)', () => {
  const RIGHT_PROCUREMENT =
    '2023年度本部门政府采购支出总额580.23万元，其中：政府采购货物支出234.56万元、政府采购工程支出0.00万元、政府采购服务支出345.67万元。授予中小企业合同金额456.78万元，占政府采购支出总额的78.72%。';

  test('parts that add up, and a share of their total: nothing', () => {
    expect(show(narrative(RIGHT_PROCUREMENT))).toEqual([]);
  });

  test('a total off its three parts is one error at the total; the share right on the parts is not blamed', () => {
    const found = loud(narrative(RIGHT_PROCUREMENT.replace('580.23', '590.23')));
    expect(found.map((f) => [f.rule, f.severity, f.actual, f.expected])).toEqual([['narrative-internal', 'error', '590.23', '580.23']]);
    expect(findingText(found[0])['zh-CN']).toContain('而所列各项合计 580.23（差 10.00）');
  });

  test('a share wrong on either whole is still a slip of its own', () => {
    expect(loud(narrative(RIGHT_PROCUREMENT.replace('78.72%', '68.72%'))).map((f) => [f.rule, f.actual])).toEqual([['narrative-percent', '68.72']]);
  });

  test('a list naming two of the three parts is not added up (the third may be unsaid)', () => {
    expect(show(narrative('2023年度本部门政府采购支出总额590.23万元，其中：政府采购货物支出234.56万元、政府采购服务支出345.67万元。'))).toEqual([]);
  });
});
