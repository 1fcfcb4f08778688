import { audit } from '../src/core/engine';
import type { GridSheet } from '../src/core/snapshot';
import type { CellInput } from './support/sheetBuilder';
import { sheet, workbook } from './support/sheetBuilder';
import { BUDGET_TABLES, summary01 } from './support/smallBudget';

/**
 * A 收支总表 converted from a PDF, a line's numbering and its name on two rows ((三) over 住房保障支出): one line again,
 * numbered and named, on the row of its figures (sideLines.ts joinWrappedNumbering). Read as two, the figure was a line
 * named (三) and 住房保障支出 an empty line: 住房保障支出 为空，应为 80.00, against a table that is right.
 */
const summaryWrapped = (numbered: CellInput, named: CellInput) =>
  sheet(
    '预算01表',
    [
      ['2024年部门收支预算总表'],
      ['部门：某某局', null, null, '单位：万元'],
      ['收入', null, '支出'],
      ['项目', '金额', '项目', '金额'],
      ['一、一般公共预算', 1000, '（一）社会保障和就业支出', 120],
      ['二、政府性基金预算', null, '（二）卫生健康支出', 800],
      ['三、事业收入', null, '（三）', numbered],
      [null, null, '住房保障支出', named],
      ['本年收入合计', 1000, '本年支出合计', 1000],
      ['上年结转结余', null, '年终结转结余', null],
      ['收入总计', 1000, '支出总计', 1000],
    ],
    { merges: ['A1:D1', 'A3:B3', 'C3:D3'] },
  );
const loud = (summary: ReturnType<typeof summaryWrapped>, prose = '住房保障支出80.00万元，卫生健康支出800.00万元。') =>
  audit(workbook(...BUDGET_TABLES.map((t) => (t === summary01 ? summary : t())), sheet('情况说明', [['某某局2024年部门预算情况说明'], [prose]])))
    .findings.filter((f) => f.severity !== 'info')
    .map((f) => `${f.rule} ${f.severity} ${f.sheet}!${f.cell} ${f.actual} → ${f.expected}`);

describe('a summary line’s numbering and name on two rows are one line', () => {
  test.each([
    ['the figure beside the numbering', 80, null],
    ['the figure beside the name', null, 80],
  ])('%s: nothing wrong, with the narrative’s 住房保障支出 80.00 read against it', (_how, numbered, named) => {
    expect(loud(summaryWrapped(numbered, named))).toEqual([]);
  });

  test('its figure typed wrong is still named at its cell (cross-summary-function)', () => {
    expect(loud(summaryWrapped(90, null))).toContain('cross-summary-function error 预算01表!D7 90.00 → 80.00');
  });

  test('a narrative slip is named against the tables’ 80.00 (narrative-vs-table)', () => {
    expect(loud(summaryWrapped(80, null), '住房保障支出90.00万元。')).toEqual(['narrative-vs-table error 情况说明!A2 90.00 → 80.00']);
  });
});

describe('any line’s name wrapped onto the next row (a PDF converted: 一、一般公 over 共预算, 二、卫生 over 健康支出)', () => {
  /**
   * summary01 with the label in column `col` (0: income, 2: expenditure) of body row `line` cut after `at` characters, its
   * end on a new row below, the figure beside the first part or moved beside the end.
   */
  const wrapped = (col: 0 | 2, line: number, at: number, figureBelow: boolean) => {
    const s = summary01();
    const rows = s.values.map((r) => [...r]) as CellInput[][];
    const r = 4 + line;
    const label = String(rows[r][col]);
    const tail: CellInput[] = [null, null, null, null];
    tail[col] = label.slice(at);
    rows[r][col] = label.slice(0, at);
    if (figureBelow) [tail[col + 1], rows[r][col + 1]] = [rows[r][col + 1], null];
    return sheet('预算01表', [...rows.slice(0, r + 1), tail, ...rows.slice(r + 1)], { merges: ['A1:D1', 'A3:B3', 'C3:D3'] });
  };
  const loudOf = (s: GridSheet) =>
    audit(
      workbook(
        ...BUDGET_TABLES.map((t) => (t === summary01 ? s : t())),
        sheet('情况说明', [['某某局2024年部门预算情况说明'], ['2024年收入预算1000.00万元，其中一般公共预算1000.00万元。卫生健康支出800.00万元。']]),
      ),
    )
      .findings.filter((f) => f.severity !== 'info')
      .map((f) => `${f.rule} ${f.sheet}!${f.cell}`);

  test.each([
    ['一、一般公 | 共预算', 0, 0, 5],
    ['二、卫生 | 健康支出', 2, 1, 4],
    ['一、社会保障 | 和就业支出', 2, 0, 6],
    ['三、住房 | 保障支出', 2, 2, 4],
  ] as Array<[string, 0 | 2, number, number]>)('%s, the figure above or below: one line, nothing said', (_name, col, line, at) => {
    expect(loudOf(wrapped(col, line, at, false))).toEqual([]);
    expect(loudOf(wrapped(col, line, at, true))).toEqual([]);
  });

  test('a line that names itself whole, then an unnumbered line under it, are two lines: 二、卫生健康支出 is not joined to what follows', () => {
    const s = summary01();
    const rows = s.values.map((r) => [...r]) as CellInput[][];
    // (医疗保障管理事务 as a line of its own, no figure, under 二、卫生健康支出: kept apart, 800.00 stays 卫生健康支出's.)
    const withLine = [...rows.slice(0, 6), [null, null, '医疗保障管理事务', null], ...rows.slice(6)];
    expect(loudOf(sheet('预算01表', withLine, { merges: ['A1:D1', 'A3:B3', 'C3:D3'] }))).toEqual([]);
  });
});
