import { workbook } from './support/sheetBuilder';
import { all, edited, loud, said } from './support/checklist';
import { expenditure03, fiscalBasic, fiscalExpenditure, general05, smallBudget } from './support/smallBudget';

/**
 * One name, two codes (cross-code-by-name, a warning at the code cell): the same subject named
 * in several tables carries a code there that no other table gives it. With two tables a tie
 * names both; with three, the odd one out. Only like with like: a 项 against 项, functional
 * (2xx) against functional, economic (3xxxx) against economic.
 */
const withFiscalTables = () => workbook(...smallBudget().sheets, fiscalExpenditure(), fiscalBasic());

describe('one name, two codes (cross-code-by-name)', () => {
  test('住房公积金 is 2210201 by function and 30113 by economic class in the same disclosure: never compared, no finding', () => {
    expect(all(smallBudget()).map(said)).toEqual([]);
    expect(all(withFiscalTables()).map(said)).toEqual([]);
  });

  test('住房公积金 coded 2210202 in 一般公共预算支出表, 2210201 in 支出表 and 财政拨款支出表: the odd one is named, expected 2210201', () => {
    expect(loud(edited([['预算05表', 'A15', '2210202']], withFiscalTables())).map(said)).toEqual([['cross-code-by-name', 'warning', '预算05表!A15', '2210202', '2210201']]);
  });

  test('住房公积金 coded 30114 in 财政拨款基本支出表, 30113 in 基本支出表: economic codes are compared too', () => {
    expect(loud(edited([['财政拨款基本支出表', 'A9', '30114']], withFiscalTables())).map(said)).toEqual([['cross-code-by-name', 'warning', '财政拨款基本支出表!A9', '30114', '30113']]);
  });

  test('办公费 coded 30202 in 机关运行经费: named against 基本支出表 30201 (and, having no such item there, an operating-cost warning)', () => {
    expect(loud(edited([['预算13表', 'A5', '30202']])).map(said)).toEqual([
      ['cross-operating-cost', 'warning', '预算13表!C5', '40.00', '0.00'],
      ['cross-code-by-name', 'warning', '预算13表!A5', '30202', '30201'],
    ]);
  });

  test('the other tables disagree among themselves (2210201, 2210203): no code is singled out', () => {
    expect(all(edited([['预算05表', 'A15', '2210202'], ['财政拨款支出表', 'A15', '2210203']], withFiscalTables())).map(said)).toEqual([]);
  });

  test('a workbook of just 支出表 and 一般公共预算支出表: a tie, each named against the other', () => {
    expect(loud(edited([['预算05表', 'A15', '2210202']], workbook(expenditure03(), general05()))).map(said)).toEqual([
      ['cross-code-by-name', 'warning', '预算03表!A15', '2210201', '2210202'],
      ['cross-code-by-name', 'warning', '预算05表!A15', '2210202', '2210201'],
    ]);
  });

  test('two function-code tables only (支出表, 一般公共预算支出表): a tie, each named against the other', () => {
    expect(loud(edited([['预算05表', 'A15', '2210202']])).map(said)).toEqual([
      ['cross-code-by-name', 'warning', '预算03表!A15', '2210201', '2210202'],
      ['cross-code-by-name', 'warning', '预算05表!A15', '2210202', '2210201'],
    ]);
  });
});
