import { audit } from '../src/core/engine';
import { render } from '../src/core/messages/render';
import { sheet, workbook } from './support/sheetBuilder';
import { smallBudget } from './support/smallBudget';

/**
 * A change and its reason pulling opposite ways (narrative-reason, warning): “增加2.50万元 … 主要原因是厉行节约，
 * 严控“三公”经费支出”. No table prints the 三公 of the year before, so only the words can tell. Support: the
 * small disclosure (test/support/smallBudget.ts) with a 情况说明 of one paragraph under its title.
 */
const reasons = (paragraph: string) =>
  audit(workbook(...smallBudget().sheets, sheet('情况说明', [['某某局2024年部门预算情况说明'], [paragraph]]))).findings.filter((f) => f.rule === 'narrative-reason');

describe('a change against the reason given for it (narrative-reason)', () => {
  test('增加 explained by 厉行节约 and 严控: a warning at the paragraph, quoting the change and the reason’s words', () => {
    const found = reasons('2024年“三公”经费预算40.00万元，比2023年预算增加2.50万元。主要原因是厉行节约，严控“三公”经费支出。');
    expect(found.map((f) => [f.severity, `${f.sheet}!${f.cell}`, f.message.key])).toEqual([['warning', '情况说明!A2', 'text.reason-cutting']]);
    expect(render(found[0].message, 'zh-CN')).toBe('情况说明 A2「比2023年预算增加2.50万元」与所述原因「厉行节约、严控」方向相反：原因说的是减少，请核对增减是否写反。');
  });

  test('减少 explained by 项目资金增加: a warning the other way (text.reason-adding)', () => {
    const found = reasons('2024年收支总预算1000.00万元，比2023年预算减少25.99万元，下降2.53%。主要原因是项目资金增加。');
    expect(found.map((f) => f.message.key)).toEqual(['text.reason-adding']);
  });

  test('a rise kept down (接待费用增长得到有效控制, 有效遏制了费用增长, 防止费用上升) is no rise: a decrease explained by it says nothing', () => {
    for (const reason of ['严格执行公务接待标准，接待费用增长得到有效控制', '有效遏制了接待费用增长', '防止费用上升', '杜绝费用增长'])
      expect(reasons(`2024年“三公”经费预算40.00万元，比2023年预算减少2.50万元。主要原因是${reason}。`)).toEqual([]);
    // (A rise not curbed is one, as before.)
    expect(reasons('2024年“三公”经费预算40.00万元，比2023年预算减少2.50万元。主要原因是接待费用增长。').map((f) => f.message.key)).toEqual(['text.reason-adding']);
  });

  test('the same reasons with the direction that fits them: nothing said', () => {
    expect(reasons('2024年“三公”经费预算40.00万元，比2023年预算减少2.50万元。主要原因是厉行节约，严控“三公”经费支出。')).toEqual([]);
    expect(reasons('2024年收支总预算1000.00万元，比2023年预算增加25.99万元，增长2.67%。主要原因是项目资金增加。')).toEqual([]);
  });

  test('a reason of both ways, of negated words, or of incomparable years says nothing', () => {
    expect(reasons('2024年“三公”经费预算40.00万元，比2023年预算增加2.50万元。主要原因是公务接待费减少，公务用车运行费增加。')).toEqual([]);
    expect(reasons('2024年“三公”经费预算40.00万元，比2023年预算减少2.50万元。主要原因是人员未增加。')).toEqual([]);
    expect(reasons('2024年机关运行经费预算100.00万元，与上年相比减少57.86万元。主要原因是统计口径与上年不一致，上年含办公设备购置费。')).toEqual([]);
  });

  test('a count rising is no money rising, and what the year before had or what ended tells no direction', () => {
    // Fewer staff paying in: 住房公积金 falls as 退休人员 rise.
    expect(reasons('2024年住房公积金80.00万元，较上年减少5.00万元，主要原因是退休人员增加。')).toEqual([]);
    expect(reasons('2024年项目支出200.00万元，较上年减少50.00万元，主要原因是上年追加的一次性资金本年不再安排。')).toEqual([]);
  });

  test.each([
    ['增加', '事业收入减少，财政拨款相应弥补'],
    ['增加', '政府性基金预算支出减少，改由一般公共预算安排'],
    ['增加', '项目支出减少，资金结转'],
    ['减少', '2023年追加专项资金'],
    ['减少', '2023年新增项目资金在本年度已完成'],
    ['增加', '2023年大幅压减公务接待费，2024年恢复正常'],
  ])('one money in another’s place, or a year by name: %s … 主要原因是%s says nothing', (direction, reason) => {
    expect(reasons(`2024年一般公共预算拨款收入1000.00万元，比2023年预算${direction}25.99万元。主要原因是${reason}。`)).toEqual([]);
  });

  test('a reason after a second change is that change’s, not the first’s', () => {
    expect(reasons('2024年基本支出800.00万元，比2023年增加10.00万元；项目支出200.00万元，比2023年减少12.50万元，主要原因是压减会议费。')).toEqual([]);
  });
});

describe('reasons with words both ways, as published (a hunt on narrative phrasings: five warnings at right sentences)', () => {
  test.each([
    // Spending brought into the count: the years are not alike, whatever was cut besides.
    '将公务用车运行维护费和公务接待费纳入机关运行经费统计范围，虽然办公费有所压减，但总体有所增加',
    '在压减一般性支出的基础上，将公务用车运行维护费纳入统计范围',
    // 新增 a 费 is money added, as 新增 a 经费 is.
    '新增公务用车运行维护费5万元，同时压减办公费支出',
  ])('增加 … 主要原因是%s: nothing said', (reason) => {
    expect(reasons(`2024年机关运行经费预算100.00万元，比上年增加5.70万元，增长6.04%，主要原因是${reason}。`)).toEqual([]);
  });

  test('减少 … 培训费增加 0.5 万元，劳务费等减少 2.38 万元: the reason adds up both ways, nothing said', () => {
    expect(reasons('2024年机关运行经费预算100.00万元，比上年减少1.88万元，下降1.85%，主要原因是培训费增加0.5万元，劳务费等减少2.38万元。')).toEqual([]);
  });

  test('劳务费等减少 alone still says a cut: 增加 explained by it is told', () => {
    expect(reasons('2024年机关运行经费预算100.00万元，比上年增加1.88万元，主要原因是劳务费等减少。').map((f) => f.message.key)).toEqual(['text.reason-cutting']);
  });
});
