import { loud, said } from './support/checklist';
import { previousYearBudget } from './support/previousYearBudget';
import { withCell } from './support/smallBudget';
import { sheet, workbook } from './support/sheetBuilder';

/**
 * Slips of the narrative a reviewer meets (a direction written the wrong way, last year's figure left in
 * a 项 or a “三公” item) are told once, at the sentence that holds them — not also at the correct total
 * whose items no longer add up because of them. Budget of test/support/previousYearBudget.ts: 2025 300.00
 * (2024 280.00); 2080505 200.00 (190.00), 2101101 50.00 (40.00), 2100410 50.00 (50.00); “三公” 10.00 =
 * 车 7.00 + 接待 3.00.
 */
const found = (lines: string[]) => loud(previousYearBudget(lines)).filter((f) => f.rule !== 'missing-table').map(said);

const TOTAL = '2025年一般公共预算支出300.00万元，比上年增加20.00万元。';
const items = (pension: string) => [
  `1.社会保障和就业支出（类）行政事业单位养老支出（款）机关事业单位基本养老保险缴费支出（项）200.00万元，比上年${pension}10.00万元。`,
  '2.卫生健康支出（类）行政事业单位医疗（款）行政单位医疗（项）50.00万元，比上年增加10.00万元。',
  '3.卫生健康支出（类）公共卫生（款）突发公共卫生事件应急处理（项）50.00万元，与上年持平。',
];

describe('an item’s slip is not a second finding at the right total its items add up to', () => {
  test('right: the total and its three 项 say nothing', () => {
    expect(found([TOTAL, ...items('增加')])).toEqual([]);
  });

  test('增加 written 减少 in one 项: told at the 项 (narrative-previous-year), the total’s change is not blamed', () => {
    expect(found([TOTAL, ...items('减少')])).toEqual([['narrative-previous-year', 'error', '情况说明!A4', '-10.00', '10.00']]);
  });

  test('the total’s change wrong as well (its items’ table changes do not close it): still told at the total', () => {
    const lines = found(['2025年一般公共预算支出300.00万元，比上年增加40.00万元。', ...items('减少')]);
    expect(lines.map((l) => [l[0], l[2]])).toEqual(
      expect.arrayContaining([
        ['narrative-previous-year', '情况说明!A4'],
        ['narrative-internal', '情况说明!A3'],
      ]),
    );
  });

  test('a “三公” item mistyped (接待 4.00 for 3.00): told at the item against the table, the right total 10.00 is not', () => {
    expect(found(['2025年“三公”经费预算10.00万元，其中：公务用车购置及运行费7.00万元，公务接待费4.00万元。'])).toEqual([['narrative-vs-table', 'error', '情况说明!A3', '4.00', '3.00']]);
  });

  test('the total mistyped instead (11.00 with items 7.00 and 3.00): the total is told, as before', () => {
    expect(found(['2025年“三公”经费预算11.00万元，其中：公务用车购置及运行费7.00万元，公务接待费3.00万元。']).map((l) => l[0])).toContain('narrative-vs-table');
  });
});

describe('tables whose titles name no year: the narrative’s title gives the document’s year', () => {
  // The same budget with every table title stripped of its year (某某局一般公共预算支出表 …).
  const untitled = (line: string) =>
    loud(
      withCell(withCell(withCell(previousYearBudget([line]), '部门收支预算总表', 'A1', '某某局部门收支预算总表'), '一般公共预算支出表', 'A1', '某某局一般公共预算支出表'), '“三公”经费预算表', 'A1', '某某局一般公共预算“三公”经费支出预算表'),
    )
      .filter((f) => f.rule !== 'missing-table')
      .map(said);

  test('right: 比2024年预算数增加20.00 against 300.00 | 280.00 says nothing', () => {
    expect(untitled('一般公共预算支出300.00万元，比2024年预算数增加20.00万元。')).toEqual([]);
  });

  test('比2024年预算数减少20.00 is the year before’s change the wrong way round', () => {
    expect(untitled('一般公共预算支出300.00万元，比2024年预算数减少20.00万元。')).toEqual([['narrative-previous-year', 'error', '情况说明!A3', '-20.00', '20.00']]);
  });
});

describe('a 项 of the appropriations told wrong is told against the appropriations’ table, not the 支出表 of all the money', () => {
  // Final accounts: 城管执法 is 904.54 of all money (03), 876.54 of the general budget's appropriations (05).
  const finals = (line: string) =>
    workbook(
      sheet('公开03表', [
        ['支出决算表'],
        ['部门：某某局', null, '2024年度', null, '单位：万元'],
        ['科目编码', '科目名称', '本年支出合计', '基本支出', '项目支出'],
        [null, '合计', 1004.54, 100, 904.54],
        ['212', '城乡社区支出', 1004.54, 100, 904.54],
        ['21201', '城乡社区管理事务', 1004.54, 100, 904.54],
        ['2120101', '行政运行', 100, 100, null],
        ['2120104', '城管执法', 904.54, null, 904.54],
      ]),
      sheet('公开05表', [
        ['一般公共预算财政拨款支出决算表'],
        ['部门：某某局', null, '2024年度', null, '单位：万元'],
        ['科目编码', '科目名称', '本年支出', null, null],
        [null, null, '小计', '基本支出', '项目支出'],
        [null, '合计', 976.54, 100, 876.54],
        ['212', '城乡社区支出', 976.54, 100, 876.54],
        ['21201', '城乡社区管理事务', 976.54, 100, 876.54],
        ['2120101', '行政运行', 100, 100, null],
        ['2120104', '城管执法', 876.54, null, 876.54],
      ]),
      sheet('情况说明', [['某某局2024年度部门决算情况说明'], ['五、一般公共预算财政拨款支出决算情况说明'], [line]]),
    );
  const said5 = (line: string) => loud(finals(line)).filter((f) => f.rule !== 'missing-table').map(said);

  test('right: 支出决算为876.54万元 says nothing', () => {
    expect(said5('1.城乡社区支出（类）城乡社区管理事务（款）城管执法（项）。年初预算为900.00万元，支出决算为876.54万元，完成年初预算的97.39%。')).toEqual([]);
  });

  test('last year’s 912.30 left in: one finding, whose figure is 05’s 876.54 (not 03’s 904.54), and no rate worked out on 03’s', () => {
    expect(said5('1.城乡社区支出（类）城乡社区管理事务（款）城管执法（项）。年初预算为900.00万元，支出决算为912.30万元，完成年初预算的97.39%。')).toEqual([
      ['narrative-vs-table', 'error', '情况说明!A3', '912.30', '876.54'],
    ]);
  });
});

describe('shares listed under the heading that names their whole (（二）一般公共预算当年拨款结构情况)', () => {
  // The general budget's 300.00: 社会保障和就业 200.00 (66.67%), 卫生健康 100.00 (33.33%).
  const HEADING = '（二）一般公共预算当年拨款结构情况';
  const shares = (pension: string, health: string) => `社会保障和就业支出200.00万元，占${pension}%；卫生健康支出100.00万元，占${health}%。`;

  test('right: both shares of the 300.00 the heading names say nothing', () => {
    expect(found([HEADING, shares('66.67', '33.33')])).toEqual([]);
  });

  test('one share mistyped (63.67 for 66.67): told at its paragraph against the heading’s whole (narrative-percent)', () => {
    expect(found([HEADING, shares('63.67', '33.33')])).toEqual([['narrative-percent', 'error', '情况说明!A4', '63.67', '66.67']]);
  });

  test('shares worked out on a whole the tables do not hold (400.00): no share agrees with the heading’s, none is judged', () => {
    expect(found([HEADING, shares('50.00', '25.00')])).toEqual([]);
  });

  test('a heading that announces no breakdown names no whole for the shares under it', () => {
    expect(found(['（二）一般公共预算当年拨款情况', shares('63.67', '33.33')])).toEqual([]);
  });

  test('the heading run in at the head of the shares\' own paragraph (…结构情况。社会保障和就业支出 …) names their whole just the same', () => {
    expect(found([`${HEADING}。${shares('66.67', '33.33')}`])).toEqual([]);
    expect(found([`${HEADING}。${shares('63.67', '33.33')}`])).toEqual([['narrative-percent', 'error', '情况说明!A3', '63.67', '66.67']]);
    expect(found([`（二）一般公共预算当年拨款情况。${shares('63.67', '33.33')}`])).toEqual([]);
  });
});
