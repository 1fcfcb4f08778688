import { audit } from '../src/core/engine';
import type { Finding } from '../src/core/finding';
import { findingText } from '../src/core/messages/render';
import { nationalBasic06, nationalGeneral05, nationalSummary04 } from './support/nationalFinalAccounts';
import { sheet, workbook } from './support/sheetBuilder';

/**
 * 决算数 大于 / 小于 年初预算数, in words, against the figures the paragraph has just given (a real final accounts of 2023:
 * 年初预算为19.93万元，支出决算为20.77万元，… 决算支出数小于年初预算安排数 — 20.77 is more).
 * 行政运行 in our tables: 支出决算 610.00 against a budget of 600.00.
 */
const told = (line: string): Finding[] =>
  audit(workbook(nationalSummary04(), nationalGeneral05(), nationalBasic06(), sheet('情况说明', [['某某局2023年度部门决算情况说明'], ['一、收入支出决算总体情况说明'], [line]]))).findings.filter(
    (f) => f.sheet === '情况说明' && f.severity !== 'info',
  );
const ITEM = '一般公共服务（类）人大事务（款）行政运行（项）。年初预算为600.00万元，支出决算为610.00万元，完成年初预算的101.67%。';

describe('narrative-comparison: the final figure said more or less than the budget', () => {
  test.each(['决算数大于年初预算数的主要原因是人员增加。', '决算支出数高于年初预算安排数，主要原因是人员增加。', '支出决算超过年初预算，主要原因是人员增加。'])(
    'the word the figures bear out: nothing (%s)',
    (why) => {
      expect(told(ITEM + why)).toEqual([]);
    },
  );

  test('小于 where 610.00 is more than 600.00: a warning at the sentence, naming both figures (its words, not a figure, are wrong)', () => {
    const found = told(ITEM + '决算支出数小于年初预算安排数的主要原因是厉行节约。');
    expect(found.map((f) => [f.rule, f.severity, f.cell, f.actual])).toEqual([['narrative-comparison', 'warning', 'A3', '决算支出数小于年初预算安排数']]);
    expect(findingText(found[0])['zh-CN']).toContain('「决算支出数小于年初预算安排数」与同段数字不符：决算 610.00 大于预算 600.00');
    expect(findingText(found[0]).en).toContain('the final 610.00 is more than the budget 600.00');
  });

  test('大于 where the two figures are the same: told, as equal', () => {
    const found = told('2023年度一般公共预算财政拨款支出年初预算为700.00万元，支出决算为700.00万元，完成年初预算的100.00%。决算数大于年初预算数。');
    expect(found.map((f) => [f.rule, f.severity])).toEqual([['narrative-comparison', 'warning']]);
    expect(findingText(found[0])['zh-CN']).toContain('决算 700.00 等于预算 700.00');
  });

  test('the comparison of a part (项目类支出小于年初预算) is not the figures’ whole: nothing', () => {
    expect(told(ITEM + '其中项目类支出小于年初预算安排数，主要原因是项目延后。')).toEqual([]);
  });

  test('a final figure typed wrong is the amount’s slip, judged on the table’s 610.00: the right 大于 is not blamed too', () => {
    const found = told(ITEM.replace('支出决算为610.00万元', '支出决算为590.00万元') + '决算数大于年初预算数的主要原因是人员增加。');
    expect(found.map((f) => f.rule)).toEqual(['narrative-vs-table']);
  });

  test('no budget figure in the paragraph: no comparison to judge', () => {
    expect(told('2023年度支出决算为610.00万元。决算数小于年初预算数的主要原因是厉行节约。').filter((f) => f.rule === 'narrative-comparison')).toEqual([]);
  });

  test.each([
    '其中人员经费决算数大于预算数，项目类支出小于年初预算。',
    '而基本支出决算数小于年初预算数。',
    '但公用经费决算数小于预算数。',
    '决算数大于年初预算数的主要原因是人员增加，而上年决算数小于预算数。',
  ])('a part’s or the year before’s comparison is not the figures’ whole: nothing (%s)', (tail) => {
    expect(told(ITEM + tail)).toEqual([]);
  });

  test('after a connective or 主要原因是, the comparison is still the whole’s: told', () => {
    expect(told(ITEM + '主要原因是人员减少，因此决算数小于年初预算数。').map((f) => f.rule)).toEqual(['narrative-comparison']);
  });
});
