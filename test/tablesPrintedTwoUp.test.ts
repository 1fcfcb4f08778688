import { audit } from '../src/core/engine';
import { detectTables } from '../src/core/detect';
import { render } from '../src/core/messages/render';
import type { GridSheet } from '../src/core/snapshot';
import { sheet, workbook, type CellInput } from './support/sheetBuilder';
import { BUDGET_TABLES } from './support/smallBudget';

/**
 * A long 功能 table printed two-up, as county PDFs print it to fill a landscape page: its lines split into a left
 * and a right half side by side under one title, the header printed again over the right half. The halves are one
 * table: row n of the left half and row n of the right are different lines, and the right half's 类 are the
 * table's too. Read as one table with extra columns, every right figure was called wrong (9–24 errors).
 * Support: test/support/smallBudget.ts (the small budget whose 预算03表 / 预算05表 are replaced here).
 */
const HEADER: CellInput[][] = [
  ['科目编码', '科目名称', '合计', '基本支出', null, null, '项目支出'],
  [null, null, null, '小计', '人员经费', '公用经费'],
];
const TOTAL: CellInput[] = [null, '合计', 1000, 800, 700, 100, 200];
const LINES: CellInput[][] = [
  ['208', '社会保障和就业支出', 120, 120, 120, null, null],
  ['20805', '行政事业单位养老支出', 120, 120, 120, null, null],
  ['2080505', '机关事业单位基本养老保险缴费支出', 120, 120, 120, null, null],
  ['210', '卫生健康支出', 800, 600, 500, 100, 200],
  ['21015', '医疗保障管理事务', 800, 600, 500, 100, 200],
  ['2101501', '行政运行', 600, 600, 500, 100, null],
  ['2101502', '一般行政管理事务', 200, null, null, null, 200],
  ['221', '住房保障支出', 80, 80, 80, null, null],
  ['22102', '住房改革支出', 80, 80, 80, null, null],
  ['2210201', '住房公积金', 80, 80, 80, null, null],
];
const HEADER_MERGES = ['A3:A4', 'B3:B4', 'C3:C4', 'D3:F3', 'G3:G4'];

/** A column letter `by` columns right of `col`. */
const shifted = (col: string, by: number): string => String.fromCharCode(col.charCodeAt(0) + by);
const shiftedRange = (range: string, by: number): string => range.replace(/([A-Z])(\d+)/g, (_, c: string, r: string) => shifted(c, by) + r);

/**
 * The table's lines split after `leftCount` of them, the right half `gap` columns (0 or 1) after the left's seven; the
 * 合计 at the top of the left half or at the foot of the right; the unit printed over the right half's last column.
 */
function twoUp(name: string, title: string, opts: { leftCount: number; gap: 0 | 1; totalLeft: boolean; lines?: CellInput[][] }): GridSheet {
  const lines = opts.lines ?? LINES;
  const left = [...(opts.totalLeft ? [TOTAL] : []), ...lines.slice(0, opts.leftCount)];
  const right = [...lines.slice(opts.leftCount), ...(opts.totalLeft ? [] : [TOTAL])];
  const off = 7 + opts.gap;
  const width = off + 7;
  const beside = (a: CellInput[] | undefined, b: CellInput[] | undefined): CellInput[] => {
    const row: CellInput[] = Array<CellInput>(width).fill(null);
    (a ?? []).forEach((v, c) => (row[c] = v));
    (b ?? []).forEach((v, c) => (row[off + c] = v));
    return row;
  };
  const caption: CellInput[] = Array<CellInput>(width).fill(null);
  caption[0] = '部门：某某局';
  caption[width - 1] = '单位：万元';
  const body: CellInput[][] = [];
  for (let i = 0; i < Math.max(left.length, right.length); i++) body.push(beside(left[i], right[i]));
  const last = shifted('A', width - 1);
  return sheet(name, [[title], caption, ...HEADER.map((h) => beside(h, h)), ...body], {
    merges: [`A1:${last}1`, ...HEADER_MERGES, ...HEADER_MERGES.map((m) => shiftedRange(m, off))],
  });
}

const budgetWith = (...replaced: GridSheet[]) => workbook(...BUDGET_TABLES.map((t) => t()).map((s) => replaced.find((r) => r.name === s.name) ?? s));
const said = (sheets: GridSheet[]) => audit(budgetWith(...sheets)).findings.map((f) => `${f.severity} ${f.rule} ${f.sheet}!${f.cell}`);

describe.each([
  ['split at a 类, one blank column between, 合计 at the foot of the right half', { leftCount: 3, gap: 1 as const, totalLeft: false }],
  ['split inside a 类, 合计 at the top of the left half', { leftCount: 5, gap: 1 as const, totalLeft: true }],
  ['split at a 类, no column between the halves', { leftCount: 7, gap: 0 as const, totalLeft: false }],
])('the 支出表 and the 一般公共预算支出表 printed two-up, %s', (_, opts) => {
  const expenditure = () => twoUp('预算03表', '2024年部门支出预算表', opts);
  const general = () => twoUp('预算05表', '2024年一般公共预算支出预算表', opts);
  const rightHalf = `${shifted('A', 7 + opts.gap)}3`;

  test('no error and no warning: the right half is the table going on, said once, quietly, at its header', () => {
    expect(said([expenditure(), general()])).toEqual([`info table-continued 预算03表!${rightHalf}`, `info table-continued 预算05表!${rightHalf}`]);
  });

  test('both halves read in the unit printed over the right one (one caption row for the table)', () => {
    const halves = audit(budgetWith(general())).tables.filter((t) => t.sheet === '预算05表');
    expect(halves.map((t) => [t.kind, t.unit])).toEqual([
      ['general-budget-expenditure', '万元'],
      ['general-budget-expenditure', '万元'],
    ]);
  });

  test('the note says the table is printed in two halves, in both languages', () => {
    const note = audit(budgetWith(general())).findings.find((f) => f.rule === 'table-continued')!;
    expect(render(note.message, 'zh-CN')).toBe(`预算05表 从 ${rightHalf} 起的右半栏接左半栏续排（一张表分两栏印）：其列合计及与其他表的核对未做，请人工核对。`);
    expect(render(note.message, 'en')).toContain(`its right half, from ${rightHalf}, goes on from its left half (one table printed in two halves)`);
  });

  test('a line that does not add up along its row is still told, once, at its cell in its half', () => {
    // 行政运行 (2101501): 合计 600 → 610, 基本支出 600 + 项目支出 0 along the row.
    const lines = LINES.map((l) => (l[0] === '2101501' ? [l[0], l[1], 610, ...l.slice(3)] : l));
    const index = LINES.findIndex((l) => l[0] === '2101501');
    const inRight = index >= opts.leftCount;
    const row = 5 + (opts.totalLeft ? 1 : 0) + (inRight ? index - opts.leftCount - (opts.totalLeft ? 1 : 0) : index);
    const column = inRight ? shifted('C', 7 + opts.gap) : 'C';
    const errors = said([twoUp('预算05表', '2024年一般公共预算支出预算表', { ...opts, lines })]).filter((f) => f.startsWith('error'));
    expect(errors).toEqual([`error row-sum 预算05表!${column}${row}`]);
  });
});

test("a 一般公共预算支出表 printed two-up whose body opens with the unit's own line (309 某某局) is still read as two halves", () => {
  // Henan's 05表 puts the unit's line (单位代码 309) over its 功能分类 lines: one 3-digit code that is no 功能 code
  // does not make the table a wrapped 经济分类 list (read by groups), whose 类 and 合计 each group would carry.
  const lines: CellInput[][] = [['309', '某某局', 1000, 800, 700, 100, 200], ...LINES];
  const opts = { leftCount: 6, gap: 1 as const, totalLeft: true, lines };
  expect(said([twoUp('预算05表', '2024年一般公共预算支出预算表', opts)])).toEqual(['info table-continued 预算05表!I3']);
});

test('two tables side by side, each under its own title, stay two tables (no second half)', () => {
  const pair = sheet('预算09表', [
    ['一般公共预算“三公”经费支出预算表', null, null, null, '政府性基金预算支出预算表'],
    ['单位：万元', null, null, null, '单位：万元'],
    ['项目', '预算数', '上年预算数', null, '项目', '预算数', '上年预算数'],
    ['合计', 10, 12, null, '合计', 0, 0],
    ['公务接待费', 10, 12, null, '本单位无政府性基金预算', null, null],
  ]);
  const kinds = audit(budgetWith(pair)).tables.filter((t) => t.sheet === '预算09表');
  expect(kinds.map((t) => t.continues)).toEqual([undefined, undefined]);
});

test('a 基本支出表 by 经济分类 wrapped into two groups side by side, no column between, stays one table read by its groups', () => {
  const wrapped = sheet('公开06表', [
    ['一般公共预算财政拨款基本支出决算表'],
    ['部门：某某局', null, null, null, null, '单位：万元'],
    ['经济分类科目编码', '科目名称', '决算数', '经济分类科目编码', '科目名称', '决算数'],
    ['301', '工资福利支出', 700, '302', '商品和服务支出', 100],
    ['30101', '基本工资', 400, '30201', '办公费', 40],
    ['30102', '津贴补贴', 300, '30217', '公务接待费', 60],
    [null, '人员经费合计', 700, null, '公用经费合计', 100],
  ], { merges: ['A1:F1'] });
  const tables = detectTables(workbook(wrapped));
  expect(tables.map((t) => [t.kind, t.columns.map((c) => c.group)])).toEqual([['basic-expenditure', [0, 0, 0, 1, 1, 1]]]);
});
