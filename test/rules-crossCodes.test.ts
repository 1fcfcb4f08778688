import { sheet, workbook } from './support/sheetBuilder';
import { all, edited, loud, said } from './support/checklist';
import { expenditure03, fiscalBasic, fiscalExpenditure, general05, smallBudget } from './support/smallBudget';

/**
 * One name, two codes (cross-code-by-name, a warning at the code cell): the same subject named
 * in several tables carries a code there that no other table gives it. With three, the odd one out;
 * with two, the one whose code breaks the rising order of its 款 (01, 09, 02), else a tie told once. Only like with like: a 项 against 项, functional
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

  test('a workbook of just 支出表 and 一般公共预算支出表, 住房公积金 alone under its 款: a tie the order cannot tell — told once, at the first table, neither code called wrong', () => {
    const f = loud(edited([['预算05表', 'A15', '2210202']], workbook(expenditure03(), general05())));
    expect(f.map(said)).toEqual([['cross-code-by-name', 'warning', '预算03表!A15', '2210201', null]]);
    expect(f[0].message.key).toBe('code.by-name-tie');
    expect(f[0].cells).toEqual([{ sheet: '预算03表', cell: 'A15' }, { sheet: '预算05表', cell: 'A15', other: true }]);
  });

  test('two function-code tables only (支出表, 一般公共预算支出表; the economic tables name 住房公积金 by another kind of code): the same tie, told once', () => {
    expect(loud(edited([['预算05表', 'A15', '2210202']])).map(said)).toEqual([['cross-code-by-name', 'warning', '预算03表!A15', '2210201', null]]);
  });

  test('行政运行 typed 2101509 in 一般公共预算支出表: 2101501, 2101509, 2101502 breaks the rising order of its 款 where 2101501 keeps it — that table is named, expected 2101501', () => {
    const f = loud(edited([['预算05表', 'A11', '2101509']], workbook(expenditure03(), general05())));
    expect(f.map(said)).toEqual([['cross-code-by-name', 'warning', '预算05表!A11', '2101509', '2101501']]);
    expect(f[0].message.key).toBe('code.by-name');
  });

  test('养老保险缴费 typed 2800505 in 一般公共预算支出表: 280 is no 类 of the classification, 208 is — that table is named, expected 2080505', () => {
    expect(loud(edited([['预算05表', 'A8', '2800505']], workbook(expenditure03(), general05()))).map(said)).toContainEqual(['cross-code-by-name', 'warning', '预算05表!A8', '2800505', '2080505']);
    expect(loud(edited([['预算05表', 'A8', '2800505']], workbook(expenditure03(), general05()))).filter((f) => f.rule === 'cross-code-by-name')).toHaveLength(1);
  });

  test('行政运行 typed 2081501 in 一般公共预算支出表, under its 款 line 21015: a code not under the line it is listed under is the slip — that table is named, expected 2101501', () => {
    const f = loud(edited([['预算05表', 'A11', '2081501']], workbook(expenditure03(), general05()))).filter((x) => x.rule === 'cross-code-by-name');
    expect(f.map(said)).toEqual([['cross-code-by-name', 'warning', '预算05表!A11', '2081501', '2101501']]);
  });

  test('… and typed so in 支出表 instead: 支出表 is named', () => {
    const f = loud(edited([['预算03表', 'A11', '2081501']], workbook(expenditure03(), general05()))).filter((x) => x.rule === 'cross-code-by-name');
    expect(f.map(said)).toEqual([['cross-code-by-name', 'warning', '预算03表!A11', '2081501', '2101501']]);
  });

  test('the same slip in 支出表 instead: 支出表 is named — the order decides, not which table comes first', () => {
    expect(loud(edited([['预算03表', 'A11', '2101509']], workbook(expenditure03(), general05()))).map(said)).toEqual([['cross-code-by-name', 'warning', '预算03表!A11', '2101509', '2101501']]);
  });
});

describe('names written in the code cells (2080505-机关事业单位基本养老保险缴费支出)', () => {
  /** A table by function with each code and its name in one cell, as some templates print them. */
  const coded = (name: string, title: string, pension: string) =>
    sheet(
      name,
      [
        [title],
        ['部门：某某局', null, null, '单位：万元'],
        ['科目编码及名称', '合计', '基本支出', '项目支出'],
        ['合计', 320, 120, 200],
        ['208-社会保障和就业支出', 120, 120, null],
        ['20805-行政事业单位养老支出', 120, 120, null],
        [`${pension}-机关事业单位基本养老保险缴费支出`, 120, 120, null],
        ['210-卫生健康支出', 200, null, 200],
        ['21015-医疗保障管理事务', 200, null, 200],
        ['2101502-一般行政管理事务', 200, null, 200],
      ],
      { merges: ['A1:D1'] },
    );
  const book = (slip: string) =>
    workbook(coded('预算03表', '2024年部门支出预算表', '2080505'), coded('预算05表', '2024年一般公共预算支出预算表', slip), coded('财政拨款支出表', '2024年财政拨款支出预算表', '2080505'));

  test('as printed: nothing said', () => {
    expect(loud(book('2080505')).map(said)).toEqual([]);
  });

  test('2080550 in one table, 2080505 in two: the odd code cell is named, expected 2080505', () => {
    expect(loud(book('2080550')).map(said)).toEqual([['cross-code-by-name', 'warning', '预算05表!A7', '2080550', '2080505']]);
  });
});
