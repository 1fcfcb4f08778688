import { audit } from '../src/core/engine';
import type { Finding } from '../src/core/finding';
import { sheet, workbook } from './support/sheetBuilder';
import { BUDGET_TABLES } from './support/smallBudget';
import { FA_TABLES, zhejiang, ZJ_NARRATIVE } from './support/trialWorkbooks';

/**
 * Sentences read against the small budget of test/support/smallBudget.ts (某某局 2024: 基本支出 800.00 =
 * 人员经费 700.00 + 公用经费 100.00, 项目支出 200.00, “三公” 40.00 = 公务用车运行费 30.00 + 公务接待费
 * 10.00) and the county final accounts of test/support/trialWorkbooks.ts (“三公” 预算数 10.00 | 决算数
 * 8.00; 公务接待费 4.00 | 3.00). Right, a sentence says nothing; one slip is one finding, at its paragraph.
 */
const loud = (fs: Finding[]) => fs.filter((f) => f.severity !== 'info' && f.rule !== 'missing-table').map((f) => `${f.rule} ${f.cell} ${f.actual}→${f.expected}`);
const budget = (...lines: string[]) => loud(audit(workbook(...BUDGET_TABLES.map((t) => t()), sheet('情况说明', [['某某局2024年部门预算情况说明'], ['一、部门预算总体情况'], ...lines.map((l) => [l])]))).findings);
const finalAccounts = (...lines: string[]) =>
  loud(audit(workbook(...FA_TABLES.map((t) => t()), sheet('情况说明', [['某某县某某局2023年度部门决算情况说明'], ['一、“三公”经费财政拨款支出决算情况说明'], ...lines.map((l) => [l])]))).findings);

describe('a figure per head or vehicle is not the item’s amount (narrative-vs-table)', () => {
  test.each([
    '人均公用经费约8.9万元。',
    '公务用车运行费平均每辆4.51万元。',
    '人均人员经费75.65万元。',
    '“三公”经费人均1.73万元。',
    '公务用车运行费4.51万元/辆。',
    '公务接待费户均0.50万元。',
  ])('%s says nothing', (line) => {
    expect(budget(line)).toEqual([]);
  });

  test('a plain amount is still judged', () => {
    expect(budget('公用经费90.00万元。')).toEqual(['narrative-vs-table A3 90.00→100.00']);
    expect(budget('公用经费100.00万元，人均公用经费2.00万元。')).toEqual([]);
  });

  test('a figure per head inside a list is no item of its sum', () => {
    expect(budget('基本支出800.00万元，其中：人员经费700.00万元，人均人员经费10.00万元；公用经费100.00万元。')).toEqual([]);
    // A slip in an item is told as it is without the figure per head.
    expect(budget('基本支出800.00万元，其中：人员经费700.00万元，人均人员经费10.00万元；公用经费110.00万元。')).toEqual(budget('基本支出800.00万元，其中：人员经费700.00万元；公用经费110.00万元。'));
  });
});

describe('a subject with a part taken out (不含 / 剔除 / 扣除 / 除…外) is no figure the tables print', () => {
  test.each([
    '公用经费（不含公务用车运行费）70.00万元。',
    '“三公”经费（不含公务用车运行费）10.00万元。',
    '除公务用车运行费外，“三公”经费10.00万元。',
    '剔除公务用车运行费后，“三公”经费10.00万元。',
    '“三公”经费10.00万元（不含公务用车运行费）。',
  ])('%s says nothing', (line) => {
    expect(budget(line)).toEqual([]);
  });

  test('the excluded item named alone is still judged', () => {
    expect(budget('公务用车运行费31.00万元。')).toEqual(['narrative-vs-table A3 31.00→30.00']);
  });
});

describe('a sentence opening on the year before dates its clauses that name no year of their own', () => {
  test('上年“三公”经费预算 A，公务接待费 B: B is last year’s too', () => {
    expect(budget('上年“三公”经费预算45.00万元，公务接待费12.00万元。')).toEqual([]);
    expect(budget('去年“三公”经费预算45.00万元，公务接待费12.00万元。')).toEqual([]);
    expect(budget('2023年“三公”经费预算45.00万元，公务接待费12.00万元。')).toEqual([]);
  });

  test('a clause naming this year is this year’s; the next sentence is its own', () => {
    expect(budget('上年“三公”经费预算45.00万元，本年公务接待费12.00万元。')).toEqual(['narrative-vs-table A3 12.00→10.00']);
    expect(budget('上年“三公”经费预算45.00万元，2024年公务接待费12.00万元。')).toEqual(['narrative-vs-table A3 12.00→10.00']);
    expect(budget('上年“三公”经费预算45.00万元。公务接待费12.00万元。')).toEqual(['narrative-vs-table A3 12.00→10.00']);
  });

  test('比上年 and 上年结转 are as before', () => {
    expect(budget('“三公”经费预算40.00万元，比上年增加5.00万元，增长14.29%。')).toEqual([]);
    expect(budget('“三公”经费预算40.00万元，比上年增加5.00万元，增长15.29%。')).toEqual(['narrative-growth-rate A3 15.29→14.29']);
    expect(budget('“三公”经费预算40.00万元，比上年预算35.00万元增加5.00万元。')).toEqual([]);
  });
});

describe('text-year: a sentence whose figure is not this year’s is about the year it names', () => {
  // 某某县某某局 2025: the “三公” table prints 2025年预算数 30.00 beside 2024年预算数 32.00.
  const zj = (line: string) => loud(audit(zhejiang([...ZJ_NARRATIVE, line])).findings);
  test('last year’s figure as the table prints it: no warning', () => {
    expect(zj('2024年“三公”经费预算32.00万元。')).toEqual([]);
  });
  test('this year’s figure under last year’s date: the copy-paste is still named', () => {
    expect(zj('2024年“三公”经费预算30.00万元。')).toEqual([expect.stringMatching(/^text-year A16 /)]);
  });
});

describe('completion worded as a rate (完成率 / 预算完成率为 / 预算执行率) is read as 完成预算的 X%', () => {
  test.each([
    '2023年度“三公”经费财政拨款支出年初预算数10.00万元，决算数8.00万元，完成率80.00%。',
    '2023年度“三公”经费财政拨款支出年初预算数10.00万元，决算数8.00万元，预算完成率为80.00%。',
    '2023年度“三公”经费财政拨款支出年初预算数10.00万元，决算数8.00万元，预算执行率80.00%。',
    '公务接待费：年初预算数4.00万元，决算数3.00万元，完成率75.00%。',
    '2023年度“三公”经费财政拨款支出决算为8.00万元，完成率80.00%。',
  ])('right: %s', (line) => {
    expect(finalAccounts(line)).toEqual([]);
  });

  test('a completion rate off is named once, at its paragraph', () => {
    expect(finalAccounts('2023年度“三公”经费财政拨款支出年初预算数10.00万元，决算数8.00万元，完成率90.00%。')).toEqual(['narrative-percent A3 90.00→80.00']);
    expect(finalAccounts('2023年度“三公”经费财政拨款支出年初预算数10.00万元，决算数8.00万元，预算完成率为90.00%。')).toEqual(['narrative-percent A3 90.00→80.00']);
    expect(finalAccounts('2023年度“三公”经费财政拨款支出年初预算数10.00万元，决算数8.00万元，预算执行率90.00%。')).toEqual(['narrative-percent A3 90.00→80.00']);
    expect(finalAccounts('公务接待费：年初预算数4.00万元，决算数3.00万元，完成率85.00%。')).toEqual(['narrative-percent A3 85.00→75.00']);
    // No budget in the sentence: the 预算数 the table prints beside the 决算数.
    expect(finalAccounts('2023年度“三公”经费财政拨款支出决算为8.00万元，完成率90.00%。')).toEqual(['narrative-percent A3 90.00→80.00']);
    expect(finalAccounts('2023年度“三公”经费财政拨款支出年初预算数10.00万元，决算数8.00万元，完成年初预算的90.00%。')).toEqual(['narrative-percent A3 90.00→80.00']);
  });

  test('two budgets in the sentence: the one the words name, else not read', () => {
    const both = '2023年度“三公”经费财政拨款支出年初预算10.00万元，调整预算8.00万元，决算数8.00万元，';
    expect(finalAccounts(`${both}预算执行率100%。`)).toEqual([]);
    expect(finalAccounts(`${both}预算执行率90%。`)).toEqual([]);
    expect(finalAccounts(`${both}完成年初预算的80.00%。`)).toEqual([]);
    expect(finalAccounts(`${both}完成年初预算的90.00%。`)).toEqual(['narrative-percent A3 90.00→80.00']);
  });

  test('the completion of something else (项目完成率, 目标完成率) is not read', () => {
    expect(finalAccounts('2023年度“三公”经费财政拨款支出决算为8.00万元，绩效目标完成率100%。')).toEqual([]);
  });
});

describe('A和B分别为 X 和 Y: subjects and figures paired in order', () => {
  test('right, it says nothing', () => {
    expect(budget('基本支出和项目支出分别为800.00万元和200.00万元。')).toEqual([]);
    expect(budget('人员经费、公用经费和项目支出分别为700.00万元、100.00万元和200.00万元。')).toEqual([]);
    expect(budget('基本支出800.00万元，其中：人员经费和公用经费分别为700.00万元和100.00万元。')).toEqual([]);
  });

  test('each figure is judged against its own subject', () => {
    expect(budget('基本支出和项目支出分别为800.00万元和210.00万元。')).toEqual(['narrative-vs-table A3 210.00→200.00']);
    expect(budget('基本支出和项目支出分别为810.00万元和200.00万元。')).toEqual(['narrative-vs-table A3 810.00→800.00']);
    expect(budget('人员经费、公用经费和项目支出分别为700.00万元、110.00万元和200.00万元。')).toEqual(['narrative-vs-table A3 110.00→100.00']);
    expect(budget('公务用车运行费和公务接待费分别为30.00万元和12.00万元。')).toEqual(['narrative-vs-table A3 12.00→10.00']);
  });

  test('a name’s own 和 is no separator', () => {
    expect(budget('社会保障和就业支出和卫生健康支出分别为120.00万元和810.00万元。')).toEqual(['narrative-vs-table A3 810.00→800.00']);
  });

  test('counts that do not match: neither is judged', () => {
    expect(budget('人员经费、公用经费和项目支出分别为710.00万元和210.00万元。')).toEqual([]);
    expect(budget('基本支出和项目支出分别为810.00万元。')).toEqual([]);
  });
});
