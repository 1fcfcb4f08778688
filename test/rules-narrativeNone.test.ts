import { audit } from '../src/core/engine';
import { render } from '../src/core/messages/render';
import { sheet, workbook } from './support/sheetBuilder';
import { fundBudget, procurement, smallBudget } from './support/smallBudget';

/**
 * A sentence saying a fund has no money (narrative-none, error) where the tables print a figure for it: a
 * sentence left from another year. Support: the small disclosure (test/support/smallBudget.ts), which has no
 * 政府性基金 or 国有资本经营 money, and the same 某某局 with 50.00 of 政府性基金 (fundBudget: 收支总表's income
 * line 二、政府性基金预算 50.00, its own table's 合计 50.00 spent), each with a 情况说明 of one paragraph.
 */
const told = (disclosure: { sheets: ReturnType<typeof smallBudget>['sheets'] }, paragraph: string) =>
  audit(workbook(...disclosure.sheets, sheet('情况说明', [['某某局2024年部门预算情况说明'], [paragraph]]))).findings.filter((f) => f.rule === 'narrative-none');

describe('a fund said to have no money while the tables print its figure (narrative-none)', () => {
  test('没有政府性基金预算拨款安排的支出 against its table’s 50.00: an error at the paragraph, marking the table’s cell', () => {
    const found = told(fundBudget(), '本单位2024年没有使用政府性基金预算拨款安排的支出。');
    expect(found.map((f) => [f.severity, `${f.sheet}!${f.cell}`, f.actual, f.expected])).toEqual([['error', '情况说明!A2', '0', '50.00']]);
    expect(found[0].cells.map((c) => `${c.sheet}!${c.cell}`)).toEqual(['情况说明!A2', '预算10表!C4']);
    expect(render(found[0].message, 'zh-CN')).toBe('情况说明 A2「没有使用政府性基金预算拨款安排的支出」，而 预算10表 合计 为 50.00 万元。');
  });

  test('its income said to be none against the 收支总表’s income line; a sentence of both is one finding', () => {
    const found = told(fundBudget(), '我部门2024年度没有政府性基金收入，也没有使用政府性基金安排的支出。');
    expect(found.map((f) => [f.expected, f.cells[1] && `${f.cells[1].sheet}!${f.cells[1].cell}`])).toEqual([['50.00', '预算01表!B6']]);
  });

  test('a disclosure with no such money: the same sentences say nothing', () => {
    for (const s of ['本单位2024年没有使用政府性基金预算拨款安排的支出。', '我部门2024年度没有政府性基金收入，也没有使用政府性基金安排的支出。', '本单位无国有资本经营预算拨款。']) expect(told(smallBudget(), s)).toEqual([]);
  });

  test('another year, the year before, the fund’s carry-over or its change: no statement of this year’s money', () => {
    for (const s of ['2023年本单位没有政府性基金预算拨款，2024年新增政府性基金预算50.00万元。', '上年无政府性基金预算支出，本年新增征地拆迁补偿支出。', '本单位无政府性基金预算结转。', '与上年相比，无政府性基金预算变化以外的调整。'])
      expect(told(fundBudget(), s)).toEqual([]);
  });

  test('国有资本经营 said to be none where only 政府性基金 money is held: nothing', () => {
    expect(told(fundBudget(), '本单位2024年没有国有资本经营预算拨款安排的支出。')).toEqual([]);
  });

  test('a “三公” item or 政府采购 said to be none where the tables print it: the item’s figure; an item that is nought: nothing', () => {
    const withProcurement = { sheets: [...smallBudget().sheets, procurement()] };
    const expected = (paragraph: string) => told(withProcurement, paragraph).map((f) => [f.expected, f.cells[1] && `${f.cells[1].sheet}!${f.cells[1].cell}`]);
    expect(expected('本单位2024年未安排公务接待费。')).toEqual([['10.00', '预算09表!F5']]);
    expect(expected('本单位2024年无政府采购预算。')).toEqual([['60.00', '政府采购预算表!E4']]);
    expect(expected('本单位2024年未安排因公出国（境）费，也未安排公务用车购置费。')).toEqual([]);
  });
});
