import { edited, loud, said, throughout } from './support/checklist';
import { workbook } from './support/sheetBuilder';
import { fundBudget, fundExpenditure03 } from './support/smallBudget';

/**
 * cross-fiscal-expenditure where the appropriations hold 政府性基金 money (support/smallBudget.ts's
 * fundBudget: 一般公共预算 1000.00 + 基金 50.00 on 类 212). The 一般公共预算支出表 is then only part
 * of the 财政拨款支出表: never larger, in total and 类 by 类, and smaller without blame.
 */
/** The 预算03表 of fundBudget, which spends only appropriations, retitled as the 财政拨款支出表. */
const withFund = () =>
  edited([['财政拨款支出表', 'A1', '2024年财政拨款支出预算表']], workbook(...fundBudget().sheets, { ...fundExpenditure03(), name: '财政拨款支出表' }));

describe('一般公共预算支出表 against 财政拨款支出表 with 政府性基金 money (cross-fiscal-expenditure, at most)', () => {
  test('1000.00 of general budget under 1050.00 of appropriations is right: no finding at all', () => {
    expect(loud(withFund()).map(said)).toEqual([]);
  });

  test('the 财政拨款支出表 showing less of 类 210 than the general budget spends on it is an error', () => {
    // 类 210 cut to 590.00 throughout the 财政拨款支出表 (its own sums still add up).
    const wb = edited([...throughout('财政拨款支出表', ['C9', 'C10'], 790), ['财政拨款支出表', 'C11', 590], ['财政拨款支出表', 'D9', 590], ['财政拨款支出表', 'D10', 590], ['财政拨款支出表', 'D11', 590], ['财政拨款支出表', 'F9', 90], ['财政拨款支出表', 'F10', 90], ['财政拨款支出表', 'F11', 90], ['财政拨款支出表', 'C5', 1040], ['财政拨款支出表', 'D5', 790], ['财政拨款支出表', 'F5', 90]], withFund());
    // 05's 类 210 (800.00) is more than the appropriations spend on it (790.00): at most, broken;
    // its 合计 1000.00 under 1040.00 still holds. 04 states 800.00 and 1050.00 against them too.
    expect(loud(wb).map(said)).toEqual([
      ['cross-fiscal-expenditure', 'error', '预算04表!D7', '800.00', '790.00'],
      ['cross-fiscal-expenditure', 'error', '预算04表!D5', '1050.00', '1040.00'],
      ['cross-fiscal-expenditure', 'error', '预算05表!C9', '800.00', '790.00'],
    ]);
  });
});
