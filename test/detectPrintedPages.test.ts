import { detect } from '../src/core/engine';
import type { GridSheet } from '../src/core/snapshot';
import { loud, said } from './support/checklist';
import { sheet, workbook, type CellInput } from './support/sheetBuilder';
import { BUDGET_TABLES, income02 } from './support/smallBudget';

/**
 * How a table reaches a reviewer when it was printed first: pasted from a PDF, page after page, or
 * exported from a finance system (预算管理一体化系统).
 *
 * - A page's break inside the body: a page line (第 1 页 共 2 页), and the next page's title again
 *   (…（续）) and its header band, word for word, before the rows go on. The break used to end the
 *   table: the rows after it were lost (or made a table of their own) and the 合计 on the first page no
 *   longer covered them — 36 errors about right figures on one final accounts pasted from a PDF.
 * - A hidden row of field names under the header (zje | jbzc …, the system's own keys): read as a
 *   header row, it took every column's role away (the 科目编码 column read as amounts: 合计 「无法识别」).
 */
const UNIT = '单位：万元';
const TITLE = '2024年部门支出预算表';
const HEADER: CellInput[][] = [
  ['科目编码', '科目名称', '合计', '基本支出', null, null, '项目支出'],
  [null, null, null, '小计', '人员经费', '公用经费'],
];
const FIRST_PAGE: CellInput[][] = [
  [null, '合计', 1000, 800, 700, 100, 200],
  ['208', '社会保障和就业支出', 120, 120, 120, null, null],
  ['20805', '行政事业单位养老支出', 120, 120, 120, null, null],
  ['2080505', '机关事业单位基本养老保险缴费支出', 120, 120, 120, null, null],
  ['210', '卫生健康支出', 800, 600, 500, 100, 200],
];
const NEXT_PAGE = (housing = 80): CellInput[][] => [
  ['21015', '医疗保障管理事务', 800, 600, 500, 100, 200],
  ['2101501', '行政运行', 600, 600, 500, 100, null],
  ['2101502', '一般行政管理事务', 200, null, null, null, 200],
  ['221', '住房保障支出', 80, 80, 80, null, null],
  ['22102', '住房改革支出', 80, 80, 80, null, null],
  ['2210201', '住房公积金', housing, 80, 80, null, null],
];
const PAGE_LINE: CellInput[] = ['第 1 页 共 2 页'];

/** The 预算03表 with the rows between its two pages (the header's merges repeated with it). */
function expenditure(between: CellInput[][], options: { housing?: number; headerAgainAt?: number } = {}): GridSheet {
  const rows = [[TITLE], ['部门：某某局', null, null, null, null, null, UNIT], ...HEADER, ...FIRST_PAGE, ...between, ...NEXT_PAGE(options.housing)];
  const merges = ['A1:G1', 'A3:A4', 'B3:B4', 'C3:C4', 'D3:F3', 'G3:G4'];
  const at = options.headerAgainAt;
  if (at) merges.push(`A${at}:A${at + 1}`, `B${at}:B${at + 1}`, `C${at}:C${at + 1}`, `D${at}:F${at}`, `G${at}:G${at + 1}`);
  return sheet('预算03表', rows, { merges });
}

const budgetWith = (s: GridSheet) => workbook(...BUDGET_TABLES.map((t) => t()).map((x) => (x.name === '预算03表' ? s : x)));
const expenditureTable = (s: GridSheet) => detect(budgetWith(s)).filter((t) => t.sheet === '预算03表');

// Rows 1–4 title, caption, header; 5–9 the first page; the break from row 10.
const BREAKS: Array<[string, CellInput[][], number | undefined]> = [
  ['a page line', [PAGE_LINE], undefined],
  ['a page line and a blank row', [PAGE_LINE, []], undefined],
  ['the header printed again', [...HEADER], 10],
  ['a page line, the title saying 续 and the header again', [PAGE_LINE, [`${TITLE}（续）`], ...HEADER], 12],
  ['the title and its caption again, then the header', [[TITLE], ['部门：某某局', null, null, null, null, null, UNIT], ...HEADER], 12],
  // (A 续表 line alone, at the left or where the form number stands, then the header: the national templates' next page.)
  ['a 续表 line and the header again', [['续表'], ...HEADER], 11],
  ['a 续表 line at the right and the header again', [[null, null, null, null, null, null, '续表'], ...HEADER], 11],
];

describe('a table printed over pages and pasted back', () => {
  test.each(BREAKS)('%s inside the body: one table, every row read, nothing said', (_, between, headerAgainAt) => {
    const s = expenditure(between, { headerAgainAt });
    const tables = expenditureTable(s);
    expect(tables).toHaveLength(1);
    const rowsRead = tables[0].rows.filter((r) => Object.keys(r.cells).length > 0).length;
    expect(rowsRead).toBe(FIRST_PAGE.length + NEXT_PAGE().length);
    expect(loud(budgetWith(s)).map(said)).toEqual([]);
  });

  test.each(BREAKS)('%s: a slip on the second page is told at its cell, once', (_, between, headerAgainAt) => {
    const s = expenditure(between, { housing: 90, headerAgainAt });
    const row = 4 + FIRST_PAGE.length + between.length + NEXT_PAGE().length;
    expect(loud(budgetWith(s)).map(said)).toEqual([['row-sum', 'error', `预算03表!C${row}`, '90.00', '80.00']]);
  });

  test('a page line under the last row is a note: the table ends there', () => {
    const rows = [[TITLE], ['部门：某某局', null, null, null, null, null, UNIT], ...HEADER, ...FIRST_PAGE, ...NEXT_PAGE(), PAGE_LINE];
    const s = sheet('预算03表', rows, { merges: ['A1:G1', 'A3:A4', 'B3:B4', 'C3:C4', 'D3:F3', 'G3:G4'] });
    const [t] = expenditureTable(s);
    expect(t.bodyRows).toEqual([5, 15]);
    expect(loud(budgetWith(s)).map(said)).toEqual([]);
  });

  test('another header under the table is another table, not a page of this one', () => {
    const other: CellInput[][] = [['科目编码', '科目名称', '合计', '基本支出', '项目支出'], ['221', '住房保障支出', 80, 80, null]];
    expect(expenditureTable(expenditure(other))).toHaveLength(2);
  });
});

describe('a finance system export: a hidden row of field names under the header', () => {
  const FIELDS: CellInput[] = ['kmdm', 'kmmc', 'hj', 'jbzc_xj', 'jbzc_ryjf', 'jbzc_gyjf', 'xmzc'];
  const exported = (hidden: boolean, housing = 80): GridSheet => {
    const rows = [[TITLE], ['部门：某某局', null, null, null, null, null, UNIT], ...HEADER, FIELDS, ...FIRST_PAGE, ...NEXT_PAGE(housing)];
    return sheet('预算03表', rows, { merges: ['A1:G1', 'A3:A4', 'B3:B4', 'C3:C4', 'D3:F3', 'G3:G4'], hiddenRows: hidden ? [5] : [] });
  };

  test('hidden: the header is read without it, the columns keep their roles, nothing said', () => {
    const [t] = expenditureTable(exported(true));
    expect(t.columns.map((c) => c.role)).toEqual(['function-code', 'label', 'amount', 'amount', 'amount', 'amount', 'amount']);
    expect(t.columns.every((c) => !c.headerPath.some((l) => /^[a-z_]+$/.test(l)))).toBe(true);
    expect(loud(budgetWith(exported(true))).map(said)).toEqual([]);
  });

  test('hidden: a slip is still found at its cell', () => {
    expect(loud(budgetWith(exported(true, 90))).map(said)).toEqual([['row-sum', 'error', '预算03表!C16', '90.00', '80.00']]);
  });

  test('a hidden row holding figures stays a row of the table (its 项 still add up)', () => {
    const rows = [[TITLE], ['部门：某某局', null, null, null, null, null, UNIT], ...HEADER, ...FIRST_PAGE, ...NEXT_PAGE()];
    const s = sheet('预算03表', rows, { merges: ['A1:G1', 'A3:A4', 'B3:B4', 'C3:C4', 'D3:F3', 'G3:G4'], hiddenRows: [15] });
    const [t] = expenditureTable(s);
    expect(t.rows.some((r) => r.hidden && r.cells[3]?.text === '80.00')).toBe(true);
    expect(loud(budgetWith(s)).map(said)).toEqual([]);
  });

  // Hidden working rows kept beside a table (not printed): each was summed into it, a wall of errors at right figures.
  const WORKING: Array<[string, CellInput[], number]> = [
    ['a 校验 row of zeros under the body', ['校验', null, 0, 0, 0, 0, 0], 16],
    ['the 合计 again in 元, with no word, under the 合计', [null, null, 10000000, 8000000, 7000000, 1000000, 2000000], 6],
    ['the template\'s old 合计, hidden at the bottom', [null, '合计', 1000, 800, 700, 100, 200], 16],
    ['a copy of a 类 line, hidden right under it', ['208', '社会保障和就业支出', 120, 120, 120, null, null], 7],
  ];
  // (A hidden 项 stays where it is no such row: a numbered line, a 项 with no name of its own, the same row in another table.)
  const KEPT: Array<[string, CellInput[], number]> = [
    ['a 项 whose name cell is empty', ['2101502', null, 0, 0, 0, 0, 0], 12],
    ['a numbered line (（一）其他支出), no figure a code', [null, '（一）其他支出', 0, 0, 0, 0, 0], 16],
    ['a copy of a row not beside it (the same 项 in a table stacked below)', ['208', '社会保障和就业支出', 120, 120, 120, null, null], 16],
  ];
  test.each(KEPT)('a hidden row — %s — is read, not left out', (_, kept, at) => {
    const b = [...FIRST_PAGE, ...NEXT_PAGE()];
    b.splice(at - 5, 0, kept);
    const s = sheet('预算03表', [[TITLE], ['部门：某某局', null, null, null, null, null, UNIT], ...HEADER, ...b], { merges: ['A1:G1', 'A3:A4', 'B3:B4', 'C3:C4', 'D3:F3', 'G3:G4'], hiddenRows: [at] });
    expect(expenditureTable(s)[0].rows.some((r) => r.row === at)).toBe(true);
  });

  test.each(WORKING)('a hidden working row — %s — is left out like a hidden column: nothing said, a slip still found', (_, working, at) => {
    const body = [...FIRST_PAGE, ...NEXT_PAGE()];
    const rowsWith = (housing: number) => {
      const b = [...FIRST_PAGE, ...NEXT_PAGE(housing)];
      b.splice(at - 5, 0, working);
      return [[TITLE], ['部门：某某局', null, null, null, null, null, UNIT], ...HEADER, ...b];
    };
    const s = (housing = 80) => sheet('预算03表', rowsWith(housing), { merges: ['A1:G1', 'A3:A4', 'B3:B4', 'C3:C4', 'D3:F3', 'G3:G4'], hiddenRows: [at] });
    expect(body).toHaveLength(11);
    expect(loud(budgetWith(s())).map(said)).toEqual([]);
    const slipped = loud(budgetWith(s(90))).map(said);
    expect(slipped).toHaveLength(1);
    expect(slipped[0].slice(0, 2)).toEqual(['row-sum', 'error']);
  });

});

describe("a PDF's row spacing converted to rows: a blank row after every line", () => {
  // A 收入表 by unit: the department's line 001 over its two units 001001 / 001002. Kept as lines, each blank row was
  // the only line of the unit above it, and every figure of the unit called wrong against it (总计 …，不等于 0.00).
  // (The small budget's own 收入表, its title, captions and header kept, its lines replaced.)
  const income = (first = 600): GridSheet => {
    const base = income02();
    const lines: CellInput[][] = [
      [null, '合计', 1000, 1000, 1000, null, null, null],
      [],
      ['001', '某某局', 1000, 1000, 1000, null, null, null],
      [],
      ['001001', '某某局本级', first, first, first, null, null, null],
      [],
      ['001002', '某某局事务中心', 400, 400, 400, null, null, null],
      [],
    ];
    return { ...sheet('预算02表', [...(base.values.slice(0, 4) as CellInput[][]), ...lines]), merges: base.merges };
  };
  const budget = (s: GridSheet) => workbook(...BUDGET_TABLES.map((t) => t()).map((x) => (x.name === '预算02表' ? s : x)));

  test('the blank rows are no lines: nothing to say', () => {
    expect(loud(budget(income())).map(said)).toEqual([]);
  });

  // 收入预算总表 by category (Jiangsu): 小计 lines over their items, and lines of words alone (政府性基金 | 小计 with no figure).
  const byCategory = (grant = 950): GridSheet => {
    const lines: CellInput[][] = [
      ['收入总计', null, 1000],
      ['一般公共预算资金', '小计', 1000],
      [null, '公共财政拨款(补助)资金', grant],
      [null, '专项收入', 50],
      ['政府性基金', '小计'],
      ['其他资金', '小计'],
      [null, '事业收入'],
    ];
    return sheet('收入预算总表', [['二、2019年度某某局收入预算总表'], [null, null, UNIT], ['项目名称', null, '金额'], ...lines.flatMap((l) => [l, []])], {
      merges: ['A1:C1', 'A3:B3'],
    });
  };

  test('a table whose lines of words stand a blank row apart too is one table to its last line, and adds up', () => {
    const [t] = detect(workbook(byCategory()));
    expect([t.kind, t.bodyRows]).toEqual(['income', [4, 16]]);
    expect(loud(workbook(byCategory())).map(said)).toEqual([]);
  });

  test('…and an item off is told at its 小计 (which of its two items is off, the figures cannot say)', () => {
    expect(loud(workbook(byCategory(960))).map((f) => [f.rule, `${f.sheet}!${f.cell}`])).toEqual([['column-total', '收入预算总表!C6']]);
  });

  test("a unit's slip is told against the department's line", () => {
    expect(loud(budget(income(610))).map((f) => [f.rule, f.severity, `${f.sheet}!${f.cell}`])).toEqual([['column-total', 'error', '预算02表!C7']]);
  });
});

test('a page number under a table whose last line is words alone (a 其中 line under its 小计) is no line of the table', () => {
  const rows: CellInput[][] = [
    ['二、2019年度某某局收入预算总表'],
    [null, null, UNIT],
    ['项目名称', null, '金额'],
    ['收入总计', null, 1000],
    ['一般公共预算资金', '小计', 1000],
    [null, '公共财政拨款(补助)资金', 1000],
    ['上年结转和结余资金', '小计'],
    [null, '其中：动用上年结转和结余资金'],
    [],
    [null, null, 2],
  ];
  const s = sheet('收入预算总表', rows, { merges: ['A1:C1', 'A3:B3'] });
  // (A page number typed as a number is shown as typed: General, no decimals.)
  [s.text[9][2], s.numberFormats[9][2]] = ['2', 'General'];
  expect(detect(workbook(s)).map((t) => t.bodyRows)).toEqual([[4, 8]]);
  expect(loud(workbook(s)).map(said)).toEqual([]);
});

test("a header cell's words wrapped onto the row under it (机关（机构） | 运行经费支出), the cells beside merged down: one header, one table", () => {
  const s = sheet(
    '预算13表',
    [
      ['2024年机关（机构）运行经费'],
      ['部门：某某局', null, UNIT],
      ['部门预算支出经济分类科目', null, '机关（机构）'],
      [null, null, '运行经费支出'],
      ['科目编码', '科目名称', '合计'],
      [null, '合计', 35],
      ['30201', '办公费', 20],
      ['30202', '印刷费', 15],
    ],
    { merges: ['A1:C1', 'A3:B4'] },
  );
  expect(detect(workbook(s)).map((t) => [t.kind, t.headerRows, t.bodyRows])).toEqual([['operating-cost', [3, 5], [6, 8]]]);
});

describe('figures wider than their column, printed into the spacer left of it by a PDF conversion', () => {
  // 科目编码 | 科目名称 | (spacer) | 合计 | 基本支出 | 项目支出: the 合计 line's 1,000.00 is one grid column left of the 120.00s.
  const rows = (housing = 80): CellInput[][] => [
    ['2024年部门支出预算表'],
    ['部门：某某局', null, null, null, null, UNIT],
    ['科目编码', '科目名称', null, '合计', '基本支出', '项目支出'],
    [null, '合计', 1000, null, 800, 200],
    ['208', '社会保障和就业支出', null, 120, 120, null],
    ['210', '卫生健康支出', null, 800, 600, 200],
    ['221', '住房保障支出', null, housing, 80, null],
  ];
  const expenditure = (housing?: number) => sheet('预算03表', rows(housing), { merges: ['A1:F1'] });

  test('the spilled figure is read in its own column: nothing said', () => {
    const [t] = detect(workbook(expenditure()));
    expect(t.columns.map((c) => c.col)).toEqual([1, 2, 4, 5, 6]);
    expect(t.rows[0].cells[4]?.text).toBe('1,000.00');
    expect(loud(workbook(expenditure())).map(said)).toEqual([]);
  });

  test('a slip beside it is still told at its cell', () => {
    expect(loud(workbook(expenditure(90))).map((f) => [f.rule, `${f.sheet}!${f.cell}`])).toEqual([['row-sum', '预算03表!D7']]);
  });

  test('right of an empty column under its own header, the spilled figures are still the column right of them', () => {
    // 科目名称 | 上缴上级支出 (empty) | (spacer: the 合计's wide figure) | 合计: read as the empty column's figures, the
    // 合计 line's total was lost (its 合计 empty, 本年支出 called wrong).
    const s = sheet(
      '预算03表',
      [
        ['2024年部门支出预算表'],
        ['部门：某某局', null, null, UNIT],
        ['科目名称', '上缴上级支出', null, '合计'],
        ['合计', null, 1000, null],
        ['社会保障和就业支出', null, null, 120],
        ['卫生健康支出', null, null, 800],
        ['住房保障支出', null, null, 80],
      ],
      { merges: ['A1:D1'] },
    );
    const [t] = detect(workbook(s));
    expect(t.columns.map((c) => [c.col, c.headerPath.join('>')])).toEqual([
      [1, '科目名称'],
      [2, '上缴上级支出'],
      [4, '合计'],
    ]);
  });
});
