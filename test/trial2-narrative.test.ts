import { audit } from '../src/core/engine';
import type { Finding } from '../src/core/finding';
import { findingText } from '../src/core/messages/render';
import { nationalGeneral05 } from './support/nationalFinalAccounts';
import { sheet, workbook } from './support/sheetBuilder';
import { FA_TABLES, guangdong } from './support/trialWorkbooks';
import { BUDGET_TABLES } from './support/smallBudget';

/**
 * Final-accounts narratives in other provinces' words, read against the county final accounts of
 * test/support/trialWorkbooks.ts (收入总计 580.00 = 本年收入合计 560.00 + 年初结转和结余 20.00;
 * 财政拨款收入 500.00 = 一般公共预算 450.00 + 政府性基金 50.00; 本年支出合计 550.00; 年末 30.00).
 * Right, they say nothing; one slip is one finding.
 */
const loud = (fs: Finding[]) => fs.filter((f) => f.severity !== 'info' && f.rule !== 'missing-table').map((f) => `${f.rule} ${f.cell} ${f.actual}→${f.expected}`);
const HEAD = ['某某县某某局2023年度部门决算情况说明', '一、收入支出决算总体情况说明'];
const run = (line: string) => loud(audit(workbook(...FA_TABLES.map((t) => t()), sheet('情况说明', [...HEAD, line].map((l) => [l])))).findings);
const text = (line: string) => audit(workbook(...FA_TABLES.map((t) => t()), sheet('情况说明', [...HEAD, line].map((l) => [l])))).findings.filter((f) => f.severity !== 'info' && f.rule !== 'missing-table').map((f) => findingText(f)['zh-CN']);

describe('final accounts do not balance within a year: no figure of one side stands for the other', () => {
  test('一般公共预算财政拨款支出 is not the 一般公共预算财政拨款收入 line (10.00 carried over)', () => {
    expect(run('2023年度一般公共预算财政拨款支出决算为440.00万元，占本年支出合计的80.00%。')).toEqual([]);
  });

  test('财政拨款收入支出总计 holds the carry-over 本年财政拨款收入 does not', () => {
    expect(run('2023年度财政拨款收入支出总计520.00万元，比上年增加20万元，增长4%。')).toEqual([]);
  });

  test('收入合计 may be the year’s (本年收入合计), not only 收入总计', () => {
    expect(run('2023年度收入合计560.00万元，比上年增长3.7个百分点。')).toEqual([]);
    expect(run('2023年度收入合计550.00万元。')).toEqual(['narrative-vs-table A3 550.00→560.00']);
  });

  test('the carry-over of one fund is not the whole’s; 年初财政拨款结转和结余 is not 年初结转和结余', () => {
    expect(run('2023年度政府性基金预算财政拨款收入50.00万元，支出50.00万元，年末结转和结余10.00万元。')).toEqual([]);
    expect(run('2023年度年初财政拨款结转和结余15.00万元，年末财政拨款结转和结余25.00万元。')).toEqual([]);
    expect(run('年初结转和结余20.00万元，年末结转和结余40.00万元。')).toEqual(['narrative-vs-table A3 40.00→30.00']);
  });
});

describe('final-accounts wording: right says nothing', () => {
  const RIGHT = [
    '2023年度收入总计580.00万元，与2022年度相比增加30.00万元，增长5.45%，主要原因是人员增加。',
    '本年收入560.00万元，其中：财政拨款收入500.00万元，占89.29%；事业收入50.00万元，占8.93%；其他收入10.00万元，占1.79%。',
    '本年支出550.00万元，其中：基本支出400.00万元，占72.73%；项目支出150.00万元，占27.27%。',
    '“三公”经费支出决算8.00万元，完成预算的80.00%，较上年减少2.00万元，下降20.00%。',
    '机关运行经费支出120.00万元，比上年增加10.00万元，增长9.09%。',
    '政府采购支出总额100.00万元，其中：政府采购货物支出40.00万元、政府采购工程支出0万元、政府采购服务支出60.00万元。授予中小企业合同金额80.00万元，占政府采购支出总额的80.00%。',
    '截至2023年12月31日，本部门共有车辆3辆，其中：一般公务用车2辆；单价50万元以上通用设备1台。',
    '2023年度收入总计0.058亿元，支出总计0.058亿元。',
    '2023年度收入总计5,800,000.00元。',
    '2023年度收入总计580.00万元，其中：本年收入合计560.00万元，年初结转和结余20.00万元。',
    '本年支出合计550.00万元，较2022年减少10.00万元，下降1.79%。其中：基本支出400.00万元，较上年增加20.00万元，增长5.26%；项目支出150.00万元，较上年减少30.00万元，下降16.67%。',
  ];
  test.each(RIGHT)('%s', (line) => {
    expect(run(line)).toEqual([]);
  });

  test('one slip each, named once', () => {
    expect(run(RIGHT[0].replace('580.00', '590.00'))).toEqual(['narrative-vs-table A3 590.00→580.00']);
    expect(run(RIGHT[0].replace('5.45%', '5.55%'))).toEqual(['narrative-growth-rate A3 5.55→5.45']);
    expect(run(RIGHT[0].replace('增长5.45%', '下降5.45%'))).toEqual(['narrative-change A3 下降5.45%→null']);
    expect(run(RIGHT[2].replace('占72.73%', '占73.73%'))).toEqual(['narrative-percent A3 73.73→72.73']);
    expect(run(RIGHT[3].replace('下降20.00%', '下降21.00%'))).toEqual(['narrative-growth-rate A3 21.00→20.00']);
    expect(run(RIGHT[7].replace('收入总计0.058', '收入总计0.068'))).toEqual(['narrative-vs-table A3 0.068→0.058']);
    expect(text(RIGHT[8].replace('5,800,000.00', '5,900,000.00'))[0]).toContain('5,800,000.00 元');
  });
});

describe('a 项 named by its path: names with brackets of their own, the path heading its sentence, the money it is in', () => {
  const gd = (line: string) => loud(audit(guangdong(['某某市某某局2025年部门预算编制说明', '一、财政拨款支出预算情况', line])).findings);
  const PATH = '一般公共服务（类）政府办公厅（室）及相关机构事务（款）行政运行（项）';

  test('a short 预算编制说明 is read as the narrative', () => {
    expect(gd('2025年财政拨款支出预算810.00万元，比2024年预算数760.00万元增加40.00万元，增长5.26%。')).toEqual(['narrative-vs-table A3 810.00→800.00']);
  });

  test('政府办公厅（室）及相关机构事务（款）: the amount is judged, not the rate built on it', () => {
    const right = `${PATH}2025年预算数为400.00万元，比2024年预算数增加20.00万元，增幅5.26%。`;
    expect(gd(right)).toEqual([]);
    expect(gd(right.replace('400.00万元', '410.00万元'))).toEqual(['narrative-vs-table A3 410.00→400.00']);
    expect(gd(`财政拨款支出主要内容如下：1.${PATH}支出410万元，主要用于机关日常运转。`)).toEqual(['narrative-vs-table A3 410→400']);
  });

  const general = nationalGeneral05();
  const all = sheet('公开03表', [
    ['支出决算表'],
    ['部门：某某局', null, null, '2023年度', '单位：万元'],
    ['科目编码', '科目名称', '本年支出合计', '基本支出', '项目支出'],
    [null, '合计', 800, 700, 100],
    ['201', '一般公共服务支出', 800, 700, 100],
    ['20101', '人大事务', 800, 700, 100],
    ['2010101', '行政运行', 700, 700],
    ['2010102', '一般行政管理事务', 100, null, 100],
  ], { merges: ['A1:E1'] });
  const fa = (line: string) => loud(audit(workbook(general, all, sheet('情况说明', [['某某局2023年度部门决算情况说明'], ['四、一般公共预算财政拨款支出决算具体情况'], [line]]))).findings);
  const RIGHT = '一般公共服务（类）人大事务（款）行政运行（项）：年初预算为600.00万元，支出决算为610.00万元，完成年初预算的101.67%。决算数大于年初预算数的主要原因是人员增加。';

  test('年初预算 A，支出决算 B under the path heading the sentence: B is the appropriations’ 项, never the 支出表’s', () => {
    expect(fa(RIGHT)).toEqual([]);
    // 620 typed for 610: the amount, at its cell, and not the completion rate that is right on 610.
    expect(fa(RIGHT.replace('支出决算为610.00', '支出决算为620.00'))).toEqual(['narrative-vs-table A3 620.00→610.00']);
    expect(fa(RIGHT.replace('101.67%', '102.67%'))).toEqual(['narrative-percent A3 102.67→101.67']);
  });

  test('without a table of the appropriations, the 项 is not judged against the 支出表 of all the money', () => {
    const only = (line: string) => loud(audit(workbook(all, sheet('情况说明', [['某某局2023年度部门决算情况说明'], ['四、一般公共预算财政拨款支出决算具体情况'], [line]]))).findings);
    expect(only(RIGHT)).toEqual([]);
  });

  test('a 支出 is never read against the income table’s rows', () => {
    expect(run(`${PATH}：年初预算为280.00万元，支出决算为320.00万元，完成年初预算的114.29%。`)).toEqual([]);
  });
});

describe('the year before named by its year (2023年度 X，2022年度为 Y)', () => {
  const RIGHT = '2023年度本年收入合计560.00万元，2022年度为540.00万元，同比增加20.00万元，增长3.70%。';
  test('right, it says nothing; with no change stated the rate is between the two figures', () => {
    expect(run(RIGHT)).toEqual([]);
    expect(run('2023年度本年收入合计560.00万元，2022年度为540.00万元，同比增长3.70%。')).toEqual([]);
  });

  test('one slip each, named once', () => {
    expect(run('2023年度本年收入合计560.00万元，2022年度为540.00万元，同比增长4.70%。')).toEqual(['narrative-growth-rate A3 4.70→3.70']);
    expect(run(RIGHT.replace('增加20.00', '增加30.00'))).toEqual(['narrative-change A3 30.00→20.00']);
    expect(run(RIGHT.replace('560.00', '570.00'))).toEqual(['narrative-vs-table A3 570.00→560.00']);
  });
});

describe('完成预算的 X% with no budget figure in its sentence: the table’s 预算数 beside the 决算数', () => {
  const RIGHT = '2023年度“三公”经费财政拨款支出决算为8.00万元，完成预算的80.00%，其中：因公出国（境）费0万元；公务用车购置及运行费5.00万元，完成预算的83.33%；公务接待费3.00万元，完成预算的75.00%。';
  test('right, it says nothing', () => {
    expect(run(RIGHT)).toEqual([]);
  });
  test('a completion rate off is named once, against the 预算数', () => {
    expect(run(RIGHT.replace('80.00%', '90.00%'))).toEqual(['narrative-percent A3 90.00→80.00']);
    expect(run(RIGHT.replace('75.00%', '85.00%'))).toEqual(['narrative-percent A3 85.00→75.00']);
    expect(text(RIGHT.replace('75.00%', '85.00%'))[0]).toContain('3.00 ÷ 预算 4.00');
  });
  test('the amount off is the amount', () => {
    expect(run(RIGHT.replace('决算为8.00', '决算为9.00'))).toEqual(['narrative-vs-table A3 9.00→8.00']);
  });
  test('of an adjusted budget (调整预算, 全年预算) the tables do not say: not judged', () => {
    expect(run('2023年度“三公”经费财政拨款支出决算为8.00万元，完成调整预算的90.00%。')).toEqual([]);
  });
});

describe('a year carried over after the department’s name (某某局2023年度… in a 2024 budget)', () => {
  const budget = (line: string) => loud(audit(workbook(...BUDGET_TABLES.map((t) => t()), sheet('情况说明', [['某某局2024年部门预算情况说明'], ['一、部门预算总体情况'], [line]]))).findings);
  test('named once, at its cell', () => {
    expect(budget('某某局2024年度一般公共预算财政拨款基本支出800万元，其中：人员经费700万元；公用经费100万元。')).toEqual([]);
    expect(budget('某某局2023年度一般公共预算财政拨款基本支出800万元，其中：人员经费700万元；公用经费100万元。')).toEqual([expect.stringMatching(/^text-year A3 某某局2023年度.*→某某局2024年度/)]);
    expect(budget('本部门2023年收入预算1000万元。')).toEqual([expect.stringMatching(/^text-year A3 本部门2023年/)]);
  });
  test('history stays history', () => {
    expect(budget('某某局2024年收入预算1000万元，2023年收入预算900万元。')).toEqual([]);
    expect(budget('截至2023年底，本部门共有车辆2辆，其中一般公务用车1辆。')).toEqual([]);
  });
});

describe('Jiangsu / Shanghai budget wording on the small budget: right says nothing, one slip one finding', () => {
  const budget = (line: string) => loud(audit(workbook(...BUDGET_TABLES.map((t) => t()), sheet('情况说明', [['某某局2024年部门预算情况说明'], ['一、部门预算总体情况'], [line]]))).findings);
  const RIGHT = [
    '某某局2024年度收入、支出预算总计1000万元，与上年相比收、支预算总计各增加100万元，增长11.1%。',
    '某某局2024年收入预算合计1000万元，包括本年收入1000万元，上年结转结余0万元。',
    '某某局2024年支出预算合计1000万元，其中：基本支出800万元，占80%；项目支出200万元，占20%。',
    '1.社会保障和就业（类）行政事业单位养老支出（款）机关事业单位基本养老保险缴费支出（项）支出120万元，与上年相比增加10万元，增长9.1%。',
    '2024年度一般公共预算拨款安排的“三公”经费预算支出中，因公出国（境）费支出0万元，占“三公”经费的0%；公务用车购置及运行费支出30万元，占“三公”经费的75%；公务接待费支出10万元，占“三公”经费的25%。',
    '2024年“三公”经费财政拨款预算为40万元，比2023年预算减少5万元。其中：因公出国（境）费0万元，与2023年预算持平；公务用车购置及运行费30万元，比2023年预算减少5万元；公务接待费10万元，与2023年预算持平。',
    '截至2023年底，本部门共有车辆2辆，其中一般公务用车1辆；单价20万元（含）以上的设备1台（套）。',
    '2024年本部门共1个项目纳入绩效目标管理，涉及财政性资金合计200万元。',
    '卫生健康支出（类）800万元，其中：医疗保障管理事务（款）行政运行（项）600万元，一般行政管理事务（项）200万元。',
  ];
  test.each(RIGHT)('%s', (line) => {
    expect(budget(line)).toEqual([]);
  });
  test('slips', () => {
    expect(budget(RIGHT[1].replace('上年结转结余0万元', '上年结转结余10万元'))).toEqual(['narrative-vs-table A3 10→0']);
    expect(budget(RIGHT[3].replace('支出120万元', '支出130万元'))).toEqual(['narrative-vs-table A3 130→120']);
    expect(budget(RIGHT[4].replace('占“三公”经费的75%', '占“三公”经费的65%'))).toEqual(['narrative-percent A3 65→75.00']);
    expect(budget(RIGHT[5].replace('公务用车购置及运行费30万元', '公务用车购置及运行费32万元'))).toEqual(['narrative-vs-table A3 32→30']);
  });
});

describe('shares of a whole that heads the sentence with no figure (一般公共预算当年拨款结构：…，占 X%)', () => {
  const budget = (line: string) => loud(audit(workbook(...BUDGET_TABLES.map((t) => t()), sheet('情况说明', [['某某局2024年部门预算情况说明'], ['一、部门预算总体情况'], [line]]))).findings);
  const RIGHT = '一般公共预算当年拨款结构：社会保障和就业（类）支出120万元，占12%；卫生健康（类）支出800万元，占80%；住房保障（类）支出80万元，占8%。';
  test('right, it says nothing; a share off is named once, against the whole the tables hold', () => {
    expect(budget(RIGHT)).toEqual([]);
    expect(budget(RIGHT.replace('占80%', '占70%'))).toEqual(['narrative-percent A3 70→80.00']);
    expect(budget(RIGHT.replace('支出120万元', '支出130万元'))).toEqual(['narrative-vs-table A3 130→120']);
  });
  test('a whole the final accounts do not hold is not guessed from the income side', () => {
    expect(run('一般公共预算财政拨款支出决算结构：一般公共服务支出300.00万元，占75.00%；住房保障支出20.00万元，占5.00%。')).toEqual([]);
  });
});

describe('a fund’s 支出 in final accounts is not its income line', () => {
  const noFundTable = (line: string) => loud(audit(workbook(...FA_TABLES.filter((t) => t.name !== 'faGovFund').map((t) => t()), sheet('情况说明', [...HEAD, line].map((l) => [l])))).findings);
  test('政府性基金预算财政拨款支出 40.00 (10.00 carried) is not the 50.00 that came in', () => {
    expect(noFundTable('2023年度政府性基金预算财政拨款支出40.00万元。')).toEqual([]);
    expect(noFundTable('2023年度政府性基金预算财政拨款收入60.00万元。')).toEqual(['narrative-vs-table A3 60.00→50.00']);
  });
  test('with the fund’s own table, its 支出 is judged there', () => {
    expect(run('2023年度政府性基金预算财政拨款支出50.00万元。')).toEqual([]);
    expect(run('2023年度政府性基金预算财政拨款支出40.00万元。')).toEqual(['narrative-vs-table A3 40.00→50.00']);
  });
});

describe('rates and shares that are not of the figure before them', () => {
  const budget = (line: string) => loud(audit(workbook(...BUDGET_TABLES.map((t) => t()), sheet('情况说明', [['某某局2024年部门预算情况说明'], ['一、部门预算总体情况'], [line]]))).findings);
  test('a second rate after a change’s own (剔除…因素后增长 5%) is of something else', () => {
    const line = '2024年支出预算1000万元，较上年增加100万元，增长11.1%，剔除一次性项目因素后增长5.0%。';
    expect(budget(line)).toEqual([]);
    expect(budget(line.replace('增长11.1%', '增长12.1%'))).toEqual(['narrative-growth-rate A3 12.1→11.11']);
  });
  test('a change that names what changed (其中：基本支出增加 50 万元) is not of the total before it', () => {
    const line = '2024年支出预算1000万元，比上年增加100万元，增长11.1%，其中：基本支出增加50万元，增长6.67%；项目支出增加50万元，增长33.33%。';
    expect(budget(line)).toEqual([]);
    expect(budget(line.replace('增长11.1%', '增长12.1%'))).toEqual(['narrative-growth-rate A3 12.1→11.11']);
  });
  test('分别占 X% 和 Y% is not a share of the last item alone', () => {
    expect(budget('2024年支出预算1000万元，其中基本支出800万元，项目支出200万元，分别占80%和20%。')).toEqual([]);
  });
  test('an item’s own change after a list opener is still its own', () => {
    const line = '2024年“三公”经费预算40万元，比上年减少10万元，下降20%，其中：公务接待费10万元，比上年减少5万元，下降33.3%。';
    expect(budget(line)).toEqual([]);
    expect(budget(line.replace('下降33.3%', '下降43.3%'))).toEqual(['narrative-growth-rate A3 43.3→33.33']);
  });
});

describe('final-accounts items with their own changes and completion', () => {
  const LINES = [
    '本年收入合计560.00万元，较上年增加20.00万元，增长3.70%，其中：财政拨款收入500.00万元，较上年增加10.00万元，增长2.04%；事业收入50.00万元，较上年增加10.00万元，增长25.00%。',
    '“三公”经费财政拨款支出决算8.00万元，其中：公务接待费支出决算3.00万元，完成预算的75%，比上年减少1.00万元，下降25%，国内公务接待10批次，接待100人次。',
    '2023年度公务用车购置及运行费支出决算5.00万元，完成预算的83.33%。其中：公务用车购置费0万元；公务用车运行维护费5.00万元，主要用于开支燃料费、维修费等支出，公务用车保有量2辆。',
  ];
  test.each(LINES)('right: %s', (line) => {
    expect(run(line)).toEqual([]);
  });
  test('one slip each', () => {
    expect(run(LINES[0].replace('增长2.04%', '增长3.04%'))).toEqual(['narrative-growth-rate A3 3.04→2.04']);
    expect(run(LINES[0].replace('事业收入50.00', '事业收入60.00'))).toEqual(['narrative-vs-table A3 60.00→50.00']);
    expect(run(LINES[1].replace('完成预算的75%', '完成预算的85%'))).toEqual(['narrative-percent A3 85→75.00']);
    // (The slip is the change's word: 下降 25 % is 1.00 over 4.00, a decrease. It is named, not the right rate.)
    expect(run(LINES[1].replace('比上年减少1.00', '比上年增加1.00'))).toEqual(['narrative-change A3 比上年增加1.00万元→null']);
  });
});
