import { audit } from '../src/core/engine';
import type { Finding } from '../src/core/finding';
import type { GridSheet, WorkbookSnapshot } from '../src/core/snapshot';
import { sheet, workbook, type CellInput } from './support/sheetBuilder';
import { fiscalBasic, fiscalExpenditure, fiscalExpenditureSplit, general05Split, procurement, smallBudget, withCell } from './support/smallBudget';

/**
 * The checks across the tables of one disclosure, each on the small disclosure of
 * support/smallBudget.ts (consistent: 一般公共预算 1000.00 = 基本 800.00 + 项目 200.00). A figure is
 * changed — alone, or with the figures of its own table that add up to it, so that only the check
 * against another table fails — and the finding is read the way an accountant reads it: which
 * rule, how severe, at which cell, what the figure is and what it should be.
 */
type Edit = [sheet: string, cell: string, value: CellInput];

function edited(edits: Edit[], base: WorkbookSnapshot<GridSheet> = smallBudget()): WorkbookSnapshot<GridSheet> {
  return edits.reduce((wb, [s, a, v]) => withCell(wb, s, a, v), base);
}

const loud = (wb: WorkbookSnapshot) => audit(wb).findings.filter((f) => f.severity !== 'info');
/** rule, severity, cell, figure → what it should be. */
const said = (f: Finding) => `${f.rule} ${f.severity} ${f.sheet}!${f.cell} ${f.actual} → ${f.expected}`;
/** 一般公共预算支出表 with 10.00 more on 类 210 (项目支出 2101502), its totals following: 05 stands 10.00 above the rest. */
const GENERAL_210_PLUS_10: Edit[] = (
  [
    ['C5', 1010],
    ['G5', 210],
    ['C9', 810],
    ['G9', 210],
    ['C10', 810],
    ['G10', 210],
    ['C12', 210],
    ['G12', 210],
  ] as Array<[string, number]>
).map(([c, v]): Edit => ['预算05表', c, v]);
const explainedBy = (f: Finding) => [...new Set(f.explains.map((e) => e.rule))].sort();

/** The Jiangsu family: 财政拨款支出表 and 财政拨款基本支出表 beside the others, and a 政府采购预算表. */
const withFiscalTables = () => workbook(...smallBudget().sheets, fiscalExpenditure(), fiscalBasic(), procurement());

describe('the small disclosure itself', () => {
  test('is consistent across every table: no finding, not even a rounding tail', () => {
    expect(audit(smallBudget()).findings.map(said)).toEqual([]);
    expect(audit(withFiscalTables()).findings.map(said)).toEqual([]);
  });
});

describe('收支总表 against 支出表 by 类 (cross-summary-function)', () => {
  test('卫生健康支出 810.00 against 支出表 类 210 800.00: the line is the culprit, expected 800.00, an error', () => {
    const [f] = loud(edited([['预算01表', 'D6', 810]]));
    expect(said(f)).toBe('cross-summary-function error 预算01表!D6 810.00 → 800.00');
    expect(f.culprit).toBe(true);
    // It breaks 本年支出合计 (summary-lines) and the 财政拨款收支表's line too.
    expect(explainedBy(f)).toEqual(['cross-fiscal-summary', 'cross-summary-function', 'summary-lines']);
  });

  test('本年支出合计 against 支出表 合计 is one of the checks a wrong 本年支出合计 breaks', () => {
    const [f] = loud(edited([['预算01表', 'D8', 1010]]));
    expect(said(f)).toBe('summary-lines error 预算01表!D8 1010.00 → 1000.00');
    expect(explainedBy(f)).toEqual(['cross-fiscal-summary', 'cross-summary-function', 'summary-lines']);
  });

  test('a line relabelled 三、节能环保支出 whose 80.00 is exactly 类 221: the label is named (cross-summary-function-label)', () => {
    const f = loud(edited([['预算01表', 'C7', '三、节能环保支出']]));
    expect(f.map(said)).toEqual([
      'cross-summary-function-label error 预算01表!C7 三、节能环保支出 → 住房保障支出',
      // The 财政拨款收支表 still says 221, so the two summaries now disagree by class.
      'cross-fiscal-summary error 预算01表!D7 80.00 → null',
      'cross-fiscal-summary error 预算04表!D8 80.00 → 0.00',
    ]);
  });
});

describe('收支总表 against 收入表 (cross-summary-income) and each source across tables (cross-income-sources)', () => {
  test('收入表 says 1010.00 throughout: at odds with both summaries, which agree with the rest — its 总计, 本年收入 and 一般公共预算 are the errors (cross-table-odd)', () => {
    const f = loud(edited(['C5', 'D5', 'E5', 'C6', 'D6', 'E6'].map((c): Edit => ['预算02表', c, 1010])));
    expect(f.map(said)).toEqual([
      'cross-summary-income error 预算02表!D5 1010.00 → 1000.00',
      'cross-summary-income error 预算02表!C5 1010.00 → 1000.00',
      'cross-income-sources error 预算02表!E5 1010.00 → 1000.00',
      'cross-table-odd warning 预算02表!A3 null → null',
    ]);
  });

  test('一、一般公共预算 1010.00 in 收支总表 alone: named against 财政拨款收支表 and 收入表, expected 1000.00', () => {
    const [f] = loud(edited([['预算01表', 'B5', 1010]]));
    expect(said(f)).toBe('cross-income-sources error 预算01表!B5 1010.00 → 1000.00');
    expect(explainedBy(f)).toEqual(['cross-income-sources', 'summary-lines']);
  });
});

describe('收入总计 = 支出总计 (summary-balance)', () => {
  test('the income side says 1010.00 throughout: 收入总计 is an error against 支出总计 1000.00', () => {
    const f = loud(
      edited([
        ['预算01表', 'B5', 1010],
        ['预算01表', 'B8', 1010],
        ['预算01表', 'B10', 1010],
      ]),
    );
    expect(f.map(said)).toContain('summary-balance error 预算01表!B10 1010.00 → 1000.00');
    expect(f.filter((x) => x.rule === 'summary-balance')).toHaveLength(1);
  });

  test('one total changed breaks the balance and its own lines: named at that total', () => {
    const [f] = loud(edited([['预算01表', 'D10', 1010]]));
    expect(said(f)).toBe('summary-lines error 预算01表!D10 1010.00 → 1000.00');
    expect(explainedBy(f)).toEqual(['cross-economic-summary', 'summary-balance', 'summary-lines']);
  });
});

describe('财政拨款收支表 against 一般公共预算支出表 (cross-fiscal-function) and 收支总表 (cross-fiscal-summary)', () => {
  test('（二）卫生健康支出 一般公共预算 810.00 against 类 210 800.00: the culprit, expected 800.00', () => {
    const [f] = loud(edited([['预算04表', 'E7', 810]]));
    expect(said(f)).toBe('cross-fiscal-function error 预算04表!E7 810.00 → 800.00');
    expect(explainedBy(f)).toEqual(['cross-fiscal-function', 'row-sum', 'summary-lines']);
  });

  test('its 合计 column 810.00 on the same line breaks the comparison with 收支总表', () => {
    const [f] = loud(edited([['预算04表', 'D7', 810]]));
    expect(said(f)).toBe('row-sum error 预算04表!D7 810.00 → 800.00');
    expect(explainedBy(f)).toEqual(['cross-fiscal-summary', 'row-sum', 'summary-lines']);
  });

  test('a line relabelled （三）节能环保支出: the label is named (cross-fiscal-function-label, not cross-fiscal-summary-label: the two summaries have no codes to tell a label by)', () => {
    const f = loud(edited([['预算04表', 'C8', '（三）节能环保支出']]));
    expect(f.map(said)).toEqual([
      'cross-fiscal-function-label error 预算04表!C8 （三）节能环保支出 → 住房保障支出',
      'cross-fiscal-summary error 预算01表!D7 80.00 → null',
      'cross-fiscal-summary error 预算04表!D8 80.00 → 0.00',
    ]);
    expect(f.map((x) => x.rule)).not.toContain('cross-fiscal-summary-label');
    expect(f.map((x) => x.rule)).not.toContain('cross-fiscal-summary-code');
  });

  test('一般公共预算支出表 with a 项 row filed under 类 208 instead of 221: the 类 cell is named (cross-fiscal-function-code), expected 221', () => {
    const wb = workbook(...smallBudget('预算05表').sheets, general05Split());
    const f = loud(withCell(wb, '预算05表', 'A9', '208'));
    expect(f.map(said)).toEqual([
      'cross-fiscal-function-code error 预算05表!A9 208 → 221',
      // The name 住房公积金 now carries 2080201 here and 2210201 in 支出表: a tie neither the classification nor the
      // order of codes tells, told once, at the first table, with neither code called wrong.
      'cross-code-by-name warning 预算03表!A15 2210201 → null',
    ]);
  });

  test('a gap of exactly the 年终结转结余 the 财政拨款收支表 shows is a warning that names the carry-over (cross-table-carryover)', () => {
    // Last year's 10.00 budgeted again: shown as 上年结转 and 年终结转结余 in 04, spent on 类 210 in 05.
    const fiscal: Edit[] = [
      ['预算04表', 'B8', 10],
      ['预算04表', 'B10', 1010],
      ['预算04表', 'D9', 10],
      ['预算04表', 'E9', 10],
      ['预算04表', 'D10', 1010],
      ['预算04表', 'E10', 1010],
    ];
    const general = GENERAL_210_PLUS_10;
    // (预算03表 is left as it was, so 05 now stands above it: cross-general-expenditure's, not this test's.)
    const f = loud(edited([...fiscal, ...general])).filter((x) => x.rule !== 'cross-general-expenditure');
    expect(f.map(said)).toEqual(['cross-table-carryover warning 预算04表!E7 800.00 → 810.00', 'cross-table-carryover warning 预算04表!E5 1000.00 → 1010.00']);
  });

  test("04 printing its spending in 本年财政拨款 | 上年结转 column groups: a 类 gap of its row's 上年结转 一般公共预算 figure is the carry-over warning, not an error", () => {
    // Last year's 10.00 spent on 类 210 this year: 04's 210 row prints 800.00 under 本年 and 10.00 under 上年结转; 05 lists both.
    const fiscal = sheet(
      '预算04表',
      [
        ['2026年财政拨款收支预算总表'],
        ['部门：某某局', null, null, null, null, null, null, '单位：万元'],
        ['收入', null, '支出'],
        ['项目', '金额', '项目', '合计', '本年财政拨款', null, '上年结转', null],
        [null, null, null, null, '小计', '一般公共预算', '小计', '一般公共预算'],
        ['一、本年收入', 1000, '一、本年支出', 1010, 1000, 1000, 10, 10],
        ['（一）一般公共预算拨款', 1000, '（一）社会保障和就业支出', 120, 120, 120, null, null],
        ['二、上年结转', 10, '（二）卫生健康支出', 810, 800, 800, 10, 10],
        ['（一）一般公共预算拨款', 10, '（三）住房保障支出', 80, 80, 80, null, null],
        ['收入总计', 1010, '支出总计', 1010, 1000, 1000, 10, 10],
      ],
      { merges: ['A1:H1', 'A3:B3', 'C3:H3', 'A4:A5', 'B4:B5', 'C4:C5', 'D4:D5', 'E4:F4', 'G4:H4'] },
    );
    const general = GENERAL_210_PLUS_10;
    const wb = workbook(...smallBudget().sheets.map((x) => (x.name === '预算04表' ? fiscal : x)));
    const f = loud(edited(general, wb)).filter((x) => /^cross-(fiscal-function|table-carryover)/.test(x.rule));
    expect(f.map(said)).toEqual(['cross-table-carryover warning 预算04表!F8 800.00 → 810.00', 'cross-table-carryover warning 预算04表!F6 1000.00 → 1010.00']);
  });

  test('the same gap without a carry-over to account for it is an error (cross-fiscal-function)', () => {
    const general = GENERAL_210_PLUS_10;
    const f = loud(edited(general)).filter((x) => x.rule === 'cross-fiscal-function');
    // 05 also stands above 预算03表's 210 and 合计 (a bound 04's figures keep): the gaps are 05's, told there (boundTieBreak.ts).
    expect(f.map(said)).toEqual(['cross-fiscal-function error 预算05表!C9 810.00 → 800.00', 'cross-fiscal-function error 预算05表!C5 1010.00 → 1000.00']);
  });
});

describe('财政拨款支出表 and 财政拨款基本支出表 (cross-fiscal-expenditure, cross-fiscal-basic)', () => {
  test('类 221 in 财政拨款支出表 90.00 throughout: at odds with 财政拨款收支表, 一般公共预算支出表 (no other fund: equal) and 财政拨款基本支出表 — errors at its own figures', () => {
    const rows = ['C13', 'D13', 'E13', 'C14', 'D14', 'E14', 'C15', 'D15', 'E15'].map((c): Edit => ['财政拨款支出表', c, 90]);
    const f = loud(edited([...rows, ['财政拨款支出表', 'C5', 1010], ['财政拨款支出表', 'D5', 810], ['财政拨款支出表', 'E5', 710]], withFiscalTables()));
    expect(f.map(said)).toEqual([
      'cross-fiscal-expenditure error 财政拨款支出表!C13 90.00 → 80.00',
      'cross-fiscal-expenditure error 财政拨款支出表!C5 1010.00 → 1000.00',
      'cross-fiscal-basic error 财政拨款支出表!D5 810.00 → 800.00',
      'cross-table-odd warning 财政拨款支出表!A3 null → null',
    ]);
  });

  test('one 类 figure changed in 财政拨款支出表 alone is the culprit of its own sums and the comparison', () => {
    const [f] = loud(edited([['财政拨款支出表', 'C13', 90]], withFiscalTables()));
    expect(said(f)).toBe('row-sum error 财政拨款支出表!C13 90.00 → 80.00');
    expect(explainedBy(f)).toEqual(['code-hierarchy', 'column-total', 'cross-fiscal-expenditure', 'row-sum']);
  });

  test('a relabelled line of 财政拨款收支表 is named against 财政拨款支出表 too (cross-fiscal-expenditure-label)', () => {
    const f = loud(edited([['预算04表', 'C8', '（三）节能环保支出']], withFiscalTables()));
    expect(f.map(said)).toContain('cross-fiscal-expenditure-label error 预算04表!C8 （三）节能环保支出 → 住房保障支出');
  });

  test('a 项 row of 财政拨款支出表 filed under 类 208: the 类 cell is named (cross-fiscal-expenditure-code)', () => {
    const wb = workbook(...smallBudget().sheets, fiscalExpenditureSplit(), fiscalBasic());
    const f = loud(withCell(wb, '财政拨款支出表', 'A9', '208'));
    expect(f.map(said)).toEqual([
      'cross-fiscal-expenditure-code error 财政拨款支出表!A9 208 → 221',
      // 一般公共预算支出表's 类 208 against 财政拨款支出表's, now holding the moved row.
      'cross-fiscal-expenditure error 预算05表!C6 120.00 → 200.00',
      'cross-code-by-name warning 财政拨款支出表!A9 2080201 → 2210201',
    ]);
  });

  test('财政拨款基本支出表 says 810.00 (its 303 rows too): against 财政拨款支出表 基本支出 and 基本支出表 (equal without other funds)', () => {
    const f = loud(
      edited(
        [
          ['财政拨款基本支出表', 'C4', 810],
          ['财政拨款基本支出表', 'C15', 60],
          ['财政拨款基本支出表', 'C16', 60],
        ],
        withFiscalTables(),
      ),
    );
    expect(f.map(said)).toEqual(['cross-fiscal-basic error 财政拨款基本支出表!C4 810.00 → 800.00', 'cross-fiscal-basic error 预算06表!E5 800.00 → 810.00']);
  });

  test('its 合计 alone changed is the culprit of its column and of the comparison', () => {
    const [f] = loud(edited([['财政拨款基本支出表', 'C4', 810]], withFiscalTables()));
    expect(said(f)).toBe('column-total error 财政拨款基本支出表!C4 810.00 → 800.00');
    expect(explainedBy(f)).toEqual(['column-total', 'cross-fiscal-basic']);
  });
});

describe('基本支出表 against 一般公共预算支出表 and 基本支出明细表', () => {
  test('基本支出表 says 810.00 (人员经费 710.00): 合计 an error against both tables (cross-basic-expenditure, cross-basic-detail), the split a warning (cross-personnel-split)', () => {
    const f = loud(
      edited([
        ['预算06表', 'E6', 410],
        ['预算06表', 'F6', 410],
        ['预算06表', 'E5', 810],
        ['预算06表', 'F5', 710],
      ]),
    );
    expect(f.map(said)).toEqual([
      'cross-personnel-split warning 预算07表!D5 700.00 → 710.00',
      'cross-basic-expenditure error 预算06表!E5 810.00 → 800.00',
      'cross-personnel-split warning 预算06表!F5 710.00 → 700.00',
      // 基本支出明细表 agrees with the rest: the gap is 基本支出表's (cross-table-odd), the same 810.00 → 800.00.
      'cross-table-odd warning 预算06表!A3 null → null',
    ]);
    expect(explainedBy(f[1])).toEqual(['cross-basic-detail', 'cross-basic-expenditure']);
  });

  test('基本支出明细表 says 810.00 with 公用经费 rows of 110.00: cross-basic-detail an error, cross-public-split a warning', () => {
    const f = loud(
      edited([
        ['预算07表', 'D4', 810],
        ['预算07表', 'D9', 70],
      ]),
    );
    expect(f.map(said)).toEqual(['cross-public-split warning 预算07表!D9 110.00 → 100.00', 'cross-basic-detail error 预算07表!D4 810.00 → 800.00']);
  });
});

describe('项目支出表, 支出经济分类汇总表 and the fund tables', () => {
  test('项目支出表 合计 210.00 (its items too) against 支出表 项目支出 200.00: an error (cross-project)', () => {
    expect(
      loud(
        edited([
          ['预算12表', 'C4', 210],
          ['预算12表', 'C5', 160],
        ]),
      ).map(said),
    ).toEqual(['cross-project error 预算12表!C4 210.00 → 200.00']);
  });

  test('支出经济分类汇总表 合计 1010.00 (303 and 30305 too) against 收支总表 支出总计 1000.00: an error (cross-economic-summary)', () => {
    const f = loud(edited(['D5', 'E5'].map((c): Edit => ['预算08表', c, 1010]).concat(['D17', 'E17', 'D18', 'E18'].map((c): Edit => ['预算08表', c, 60]))));
    expect(f.map(said)).toEqual(['cross-economic-summary error 预算08表!D5 1010.00 → 1000.00']);
  });

  test('an amount in the 政府性基金 table that says 本表无数据: an error against 财政拨款收支表 (cross-fund-tables)', () => {
    const f = loud(
      edited([
        ['预算10表', 'C4', 5],
        ['预算10表', 'D4', 5],
      ]),
    );
    // Its own empty 合计 fails too: one finding at C4 explaining both.
    expect(f.map(said)).toContain('column-total error 预算10表!C4 5.00 → 0.00');
    expect(explainedBy(f.find((x) => x.cell === 'C4')!)).toContain('cross-fund-tables');
  });

  test('an amount in the 国有资本经营 table: against the 收支总表 income line when 财政拨款收支表 has no such column', () => {
    const f = loud(
      edited([
        ['预算01表', 'A6', '二、国有资本经营预算'],
        ['预算11表', 'C4', 5],
        ['预算11表', 'D4', 5],
      ]),
    );
    expect(f.map(said)).toContain('column-total error 预算11表!C4 5.00 → 0.00');
    expect(explainedBy(f.find((x) => x.cell === 'C4')!)).toContain('cross-fund-tables');
  });
});

describe('机关运行经费, “三公” and codes across tables', () => {
  test('办公费 45.00 in 机关运行经费 against 基本支出表 30201 40.00: a warning, expected 40.00 (cross-operating-cost)', () => {
    expect(
      loud(
        edited([
          ['预算13表', 'C5', 45],
          ['预算13表', 'C4', 105],
        ]),
      ).map(said),
    ).toEqual(['cross-operating-cost warning 预算13表!C5 45.00 → 40.00']);
  });

  test('an operating-cost item below its basic item says nothing (only an excess is suspicious)', () => {
    expect(
      loud(
        edited([
          ['预算13表', 'C5', 35],
          ['预算13表', 'C4', 95],
        ]),
      ).map(said),
    ).toEqual([]);
  });

  test('公务接待费 20.00 against “三公” 合计 40.00: the item is named, expected 10.00 — it usually repeats 30217 (three-public-items, evidence only)', () => {
    const f = loud(edited([['预算09表', 'F5', 20]]));
    expect(f.map(said)).toEqual(['row-sum error 预算09表!F5 20.00 → 10.00']);
    expect(f[0].culprit).toBe(true);
    expect(audit(edited([['预算09表', 'F5', 20]])).findings.map((x) => x.rule)).not.toContain('three-public-items');
  });

  test('“三公” 合计 50.00 against its items: the total is named, not an item', () => {
    const f = loud(edited([['预算09表', 'A5', 50]]));
    expect(f.map(said)).toEqual(['row-sum error 预算09表!A5 50.00 → 40.00']);
    expect(f[0].culprit).toBeUndefined();
  });

  test('2101501 called 机关服务 in 一般公共预算支出表 and 行政运行 in 支出表: each named against the other (cross-code-names, warnings)', () => {
    expect(loud(edited([['预算05表', 'B11', '机关服务']])).map(said)).toEqual([
      'cross-code-names warning 预算03表!B11 行政运行 → 机关服务',
      'cross-code-names warning 预算05表!B11 机关服务 → 行政运行',
    ]);
  });

  test('a name cut short in one table (一般行政管理, 行政管理事务: a narrow cell, a PDF’s line break) is the same name — no warning', () => {
    expect(loud(edited([['预算05表', 'B12', '一般行政管理']])).map(said)).toEqual([]);
    expect(loud(edited([['预算05表', 'B12', '行政管理事务']])).map(said)).toEqual([]);
  });

  test('names printed left of their codes (科目名称 | 科目编码 | 政府经济编码 | 名称): each code read with its own name — no warning', () => {
    // (Another province's order: the 部门 name and code swapped; the 政府经济 pair after them as before.)
    const swapped = (wb: WorkbookSnapshot<GridSheet>, name: string): WorkbookSnapshot<GridSheet> => ({
      ...wb,
      sheets: wb.sheets.map((s) => (s.name !== name ? s : { ...s, values: s.values.map(swap), text: s.text.map(swap), numberFormats: s.numberFormats.map(swap) })),
    });
    const swap = <T>(row: T[]): T[] => [row[1], row[0], ...row.slice(2)];
    expect(loud(swapped(smallBudget(), '预算06表')).map(said)).toEqual([]);
  });

  test('住房公积金 coded 2210202 in one table, 2210201 in the other: one warning at the code cells, neither called wrong (cross-code-by-name)', () => {
    const f = loud(edited([['预算05表', 'A15', '2210202']]));
    expect(f.map(said)).toEqual(['cross-code-by-name warning 预算03表!A15 2210201 → null']);
    expect(f[0].cells.map((c) => `${c.sheet}!${c.cell}`)).toEqual(['预算03表!A15', '预算05表!A15']);
  });

  test('基本工资 coded 30201 beside government code 50101, which goes with 301 elsewhere: a warning, expected 30101 (econ-code-pairing)', () => {
    const f = loud(edited([['预算06表', 'A6', '30201']]));
    expect(f.map(said)).toContain('econ-code-pairing warning 预算06表!A6 30201 → 30101');
  });
});

describe('one figure against two tables that agree with each other (cross-income-sources)', () => {
  test('the 一般公共预算 amount typed on the 政府性基金 line: each line is one finding, checked against 预算02表 and 预算04表 both', () => {
    // The lines swapped, 本年收入合计 still holds: no single culprit, and each line disagrees with two tables that agree.
    const f = loud(
      edited([
        ['预算01表', 'B5', null],
        ['预算01表', 'B6', 1000],
      ]),
    ).filter((x) => x.rule === 'cross-income-sources');
    expect(f.map((x) => `${x.cell} ${x.explains.length}`)).toEqual(['B5 2', 'B6 2']);
    expect(f[0].cells.map((c) => c.sheet).sort()).toEqual(['预算01表', '预算02表', '预算04表']);
  });
});

describe('a department’s consolidated block before its units’ own (某某局（部门汇总）, then 本级 and each unit, as Shandong prints them)', () => {
  /** 一般公共预算支出表's 类/款/项 at k times the department's figures. */
  const lines = (k: number): CellInput[][] => [
    ['208', '社会保障和就业支出', 120 * k, 120 * k, null],
    ['20805', '行政事业单位养老支出', 120 * k, 120 * k, null],
    ['2080505', '机关事业单位基本养老保险缴费支出', 120 * k, 120 * k, null],
    ['210', '卫生健康支出', 800 * k, 600 * k, 200 * k],
    ['21015', '医疗保障管理事务', 800 * k, 600 * k, 200 * k],
    ['2101501', '行政运行', 600 * k, 600 * k, null],
    ['2101502', '一般行政管理事务', 200 * k, null, 200 * k],
    ['221', '住房保障支出', 80 * k, 80 * k, null],
    ['22102', '住房改革支出', 80 * k, 80 * k, null],
    ['2210201', '住房公积金', 80 * k, 80 * k, null],
  ];
  const consolidated = sheet(
    '预算05表',
    [
      ['2024年一般公共预算支出预算表'],
      ['部门：某某局', null, null, null, '单位：万元'],
      ['科目编码', '科目名称', '合计', '基本支出', '项目支出'],
      [null, '合计', 1000, 800, 200],
      [null, '某某局（部门汇总）', 1000, 800, 200],
      ...lines(1),
      [null, '某某局本级', 700, 560, 140],
      ...lines(0.7),
      [null, '某某医疗保障服务中心', 300, 240, 60],
      ...lines(0.3),
    ],
    { merges: ['A1:E1'] },
  );
  const base = workbook(...smallBudget('预算05表').sheets, consolidated);

  test('each 类 is the consolidated block’s, not that block and its units’ again (every 类 of 04 was called half what it is)', () => {
    expect(loud(base).map(said)).toEqual([]);
  });

  test('a 类 of 财政拨款收支表 off the consolidated block is still named: 卫生健康支出 810.00 against 类 210 800.00', () => {
    expect(loud(edited([['预算04表', 'E7', 810]], base)).map(said)).toContain('cross-fiscal-function error 预算04表!E7 810.00 → 800.00');
  });
});
