import { audit } from '../src/core/engine';
import type { GridSheet } from '../src/core/snapshot';
import { sheet, workbook, type CellInput } from './support/sheetBuilder';
import { BUDGET_TABLES } from './support/smallBudget';

/**
 * A department's 收入表 by unit, its units grouped by kind under uncoded headings, as a 部门汇总 table prints them:
 * 合计; 行政单位 (the sum of its units) over 101001 某某局本级; 事业单位 over 101002 and 101003. Read as lines of
 * the unit above, the 事业单位 heading was taken for the 本级's only line and each of its figures called wrong (6
 * errors at right figures). The headings are their units' totals, the 合计 theirs.
 * Support: test/support/smallBudget.ts (预算02表: 1,000.00 of general budget).
 */
const HEAD: CellInput[][] = [
  ['2024年部门收入预算表'],
  ['部门：某某局', null, null, null, null, null, null, '单位：万元'],
  ['单位代码', '单位名称', '总计', '本年收入', null, null, null, '上年结转结余'],
  [null, null, null, '合计', '一般公共预算', '政府性基金', '事业收入'],
];
const MERGES = ['A1:H1', 'A3:A4', 'B3:B4', 'C3:C4', 'D3:G3', 'H3:H4'];

const LINES: CellInput[][] = [
  [null, '合计', 1000, 1000, 1000, null, null, null],
  [null, '行政单位', 600, 600, 600, null, null, null],
  ['101001', '某某局本级', 600, 600, 600, null, null, null],
  [null, '事业单位', 400, 400, 400, null, null, null],
  ['101002', '某某疾病预防控制中心', 250, 250, 250, null, null, null],
  ['101003', '某某妇幼保健院', 150, 150, 150, null, null, null],
];

const income = (lines: CellInput[][]): GridSheet => sheet('预算02表', [...HEAD, ...lines], { merges: MERGES });
const said = (lines: CellInput[][]) =>
  audit(workbook(...BUDGET_TABLES.map((t) => t()).map((s) => (s.name === '预算02表' ? income(lines) : s))))
    .findings.filter((f) => f.severity !== 'info')
    .map((f) => `${f.severity} ${f.rule} ${f.sheet}!${f.cell}`);
const withFigure = (label: string, col: number, value: number) => LINES.map((l) => (l[1] === label ? l.map((v, i) => (i === col ? value : v)) : l));

test('units under 行政单位 / 事业单位 headings that carry their sums: nothing to say', () => {
  expect(said(LINES)).toEqual([]);
});

test('a unit\'s slip is told at its cell, not at its heading or the 合计', () => {
  // 某某妇幼保健院's 一般公共预算 150 → 160: its own line (本年收入合计 150) and its heading's column (事业单位 400) disagree with it.
  expect(said(withFigure('某某妇幼保健院', 4, 160))).toEqual(['error row-sum 预算02表!E10']);
});

test('a heading that is not the sum of its units is told at the heading', () => {
  // 事业单位's 总计 400 → 410: its units say 400, the 合计 above says 1,000 = 600 + 400.
  expect(said(withFigure('事业单位', 2, 410))).toEqual(['error row-sum 预算02表!C8']);
});

test('headings with no figures are headings only: the 合计 is the sum of the units', () => {
  const bare = LINES.map((l) => (l[0] === null && l[1] !== '合计' ? [null, l[1]] : l));
  expect(said(bare)).toEqual([]);
  const slipped = bare.map((l) => (l[1] === '合计' ? [null, '合计', 1010, 1010, 1010] : l));
  expect(said(slipped)).toEqual(['error column-total 预算02表!C5']);
});

describe("the department's own line over the headings (部门汇总: 101 某某局 | 行政单位 | 101001 … | 事业单位 | 101002 …)", () => {
  const withDepartment = (codes: [string, string, string, string]): CellInput[][] => [
    [null, '合计', 1000, 1000, 1000, null, null, null],
    [codes[0], '某某局', 1000, 1000, 1000, null, null, null],
    [null, '行政单位', 600, 600, 600, null, null, null],
    [codes[1], '某某局本级', 600, 600, 600, null, null, null],
    [null, '事业单位', 400, 400, 400, null, null, null],
    [codes[2], '某某疾病预防控制中心', 250, 250, 250, null, null, null],
    [codes[3], '某某妇幼保健院', 150, 150, 150, null, null, null],
  ];

  test.each([
    ['its units coded under its code', ['101', '101001', '101002', '101003'] as [string, string, string, string]],
    ["its units' codes not under its own", ['101', '201001', '301002', '301003'] as [string, string, string, string]],
  ])('%s: the line is the sum of its headings, each heading of its units — nothing counted twice, nothing said', (_, codes) => {
    expect(said(withDepartment(codes))).toEqual([]);
  });

  test("a unit's slip is still told at its cell", () => {
    const lines = withDepartment(['101', '101001', '101002', '101003']).map((l) => (l[1] === '某某妇幼保健院' ? l.map((v, i) => (i === 4 ? 160 : v)) : l));
    expect(said(lines)).toEqual(['error row-sum 预算02表!E11']);
  });
});
