import { all, edited, explainedBy, loud, said, type Edit } from './support/checklist';
import { sheet, workbook, type CellInput } from './support/sheetBuilder';
import { finalBasic06, finalGeneral05 } from './support/smallBudget';

/**
 * The national 一般公共预算财政拨款基本支出决算表 (公开06表) prints 基本支出 in three groups of
 * 科目编码 | 科目名称 | 决算数 side by side: 人员经费 in the first, and 公用经费, too long for one group,
 * WRAPPED from the second into the third — 302 商品和服务支出 and its first items in group 2, the
 * rest of its items, then 310 资本性支出, in group 3. The two groups are one list, read in order:
 *
 *   人员经费 (A:C)            公用经费 (D:F)              公用经费, continued (G:I)
 *   301 工资福利支出 650.00   302 商品和服务支出 90.00    30216 培训费 10.00
 *   30101 基本工资 400.00     30201 办公费 20.00          30217 公务接待费 5.00
 *   30102 津贴补贴 250.00     30202 印刷费 10.00          30228 工会经费 10.00
 *   303 对个人和家庭… 50.00   30205 水费 5.00             30299 其他商品和服务支出 15.00
 *   30302 退休费 50.00        30206 电费 5.00             310 资本性支出 10.00
 *                             30211 差旅费 10.00          31002 办公设备购置 10.00
 *   人员经费合计 700.00       公用经费合计 100.00
 *
 * 302 = 50.00 in group 2 + 40.00 in group 3 = 90.00; 公用经费合计 = 302 90.00 + 310 10.00 = 100.00;
 * 人员 700.00 + 公用 100.00 = 公开05表 基本支出 800.00.
 */
const T = '公开06表';
const HEADS: CellInput[] = ['科目编码', '科目名称', '决算数', '科目编码', '科目名称', '决算数', '科目编码', '科目名称', '决算数'];
const BODY: CellInput[][] = [
  ['301', '工资福利支出', 650, '302', '商品和服务支出', 90, '30216', '培训费', 10],
  ['30101', '基本工资', 400, '30201', '办公费', 20, '30217', '公务接待费', 5],
  ['30102', '津贴补贴', 250, '30202', '印刷费', 10, '30228', '工会经费', 10],
  ['303', '对个人和家庭的补助', 50, '30205', '水费', 5, '30299', '其他商品和服务支出', 15],
  ['30302', '退休费', 50, '30206', '电费', 5, '310', '资本性支出', 10],
  [null, null, null, '30211', '差旅费', 10, '31002', '办公设备购置', 10],
];
const TOTALS: CellInput[] = ['人员经费合计', null, 700, '公用经费合计', null, null, null, null, 100];

/** With the heading row 人员经费 (A:C) | 公用经费 (D:I merged over both its groups): body rows 5–10, totals on 11. */
const wrapped06 = (body: CellInput[][] = BODY) =>
  sheet(
    T,
    [
      ['一般公共预算财政拨款基本支出决算表'],
      ['部门：某某局', null, null, null, '2023年度', null, null, null, '单位：万元'],
      ['人员经费', null, null, '公用经费', null, null, null, null, null],
      HEADS,
      ...body,
      TOTALS,
    ],
    { merges: ['A1:I1', 'A3:C3', 'D3:I3', 'A11:B11', 'D11:H11'] },
  );

/** Only 科目编码 | 科目名称 | 决算数 three times (no heading row): body rows 4–9, totals on 10. */
const plainHeads06 = () =>
  sheet(
    T,
    [['一般公共预算财政拨款基本支出决算表'], ['部门：某某局', null, null, null, '2023年度', null, null, null, '单位：万元'], HEADS, ...BODY, TOTALS],
    { merges: ['A1:I1', 'A10:B10', 'D10:H10'] },
  );

const finalAccounts = () => workbook(finalGeneral05(), wrapped06());
const onFinal = (edits: Edit[]) => edited(edits, finalAccounts());
const cellsOf = (f: { cells: Array<{ sheet: string; cell: string }> }) => f.cells.map((c) => `${c.sheet}!${c.cell}`);
const partsOf = (f: { parts: Array<{ sheet: string; cell: string }> }) => f.parts.map((c) => `${c.sheet}!${c.cell}`);

describe('公开06表 with 公用经费 wrapped from its second group into its third: one list, read in order', () => {
  test('the wrapped table of our own is consistent: no finding at all (30216 … 30299 are 302’s, not orphans)', () => {
    expect(all(finalAccounts()).map(said)).toEqual([]);
  });

  test('the same with only 科目编码 | 科目名称 | 决算数 three times (no 人员经费 / 公用经费 heading): still one list', () => {
    expect(all(workbook(finalGeneral05(), plainHeads06())).map(said)).toEqual([]);
  });

  test('code-hierarchy: 30228 工会经费 raised to 11.00 in the third group — 302 90.00 no longer adds up over both groups (91.00)', () => {
    const found = loud(onFinal([[T, 'I7', 11]]));
    expect(found.map(said)).toEqual([['code-hierarchy', 'error', `${T}!F5`, '90.00', '91.00']]);
    // The items summed stand at their own cells, in both groups.
    expect(partsOf(found[0])).toEqual([`${T}!F6`, `${T}!F7`, `${T}!F8`, `${T}!F9`, `${T}!F10`, `${T}!I5`, `${T}!I6`, `${T}!I7`, `${T}!I8`]);
  });

  test('code-hierarchy: 30201 办公费 raised to 21.00 in the second group — 302 should be 91.00 as well', () => {
    const found = loud(onFinal([[T, 'F6', 21]]));
    expect(found.map(said)).toEqual([['code-hierarchy', 'error', `${T}!F5`, '90.00', '91.00']]);
    expect(partsOf(found[0])).toContain(`${T}!F6`);
  });

  test('econ-class-totals: 30299 and 302 both raised by 1.00 (302 adds up over both groups) — 公用经费合计 100.00 should be 101.00', () => {
    const found = loud(onFinal([[T, 'I8', 16], [T, 'F5', 91]]));
    expect(found.map(said)).toEqual([['econ-class-totals', 'error', `${T}!I11`, '100.00', '101.00']]);
  });

  test('302 商品和服务支出 itself 95.00: both its items over two groups and 公用经费合计 dispute it — one finding at F5, expected 90.00', () => {
    const [f, ...rest] = loud(onFinal([[T, 'F5', 95]]));
    expect(said(f)).toEqual(['code-hierarchy', 'error', `${T}!F5`, '95.00', '90.00']);
    expect(rest).toEqual([]);
    expect(explainedBy(f)).toEqual(['code-hierarchy', 'econ-class-totals']);
  });

  test('code-parent-missing: 30228 mistyped 30528 in the third group is named at its own code cell G7 — and only there', () => {
    // Its place and figures put it under 302 (whose sum over both groups holds with it): one slip, one finding.
    const found = loud(onFinal([[T, 'G7', '30528']]));
    expect(found.map(said)).toEqual([['code-parent-missing', 'error', `${T}!G7`, '30528', null]]);
    expect(cellsOf(found[0])).toEqual([`${T}!G7`]);
  });

  test('the 人员经费 group keeps its own checks: 30101 基本工资 410.00 — 301 650.00 should be 660.00', () => {
    expect(loud(onFinal([[T, 'C6', 410]])).map(said)).toEqual([['code-hierarchy', 'error', `${T}!C5`, '650.00', '660.00']]);
  });

  test('a wrap that cannot be told (group 2 has gone on to 310 before group 3 lists 302’s other items): silence on 302’s sum and its items’ parent', () => {
    // 302 90.00 = 25 + 10 + 5 (group 2) + 5 + 10 + 10 + 10 + 15 (group 3); 公用经费合计 100.00 = 302 + 310 (+ 399 blank).
    const body: CellInput[][] = [
      ['301', '工资福利支出', 650, '302', '商品和服务支出', 90, '30206', '电费', 5],
      ['30101', '基本工资', 400, '30201', '办公费', 25, '30211', '差旅费', 10],
      ['30102', '津贴补贴', 250, '30202', '印刷费', 10, '30216', '培训费', 10],
      ['303', '对个人和家庭的补助', 50, '30205', '水费', 5, '30228', '工会经费', 10],
      ['30302', '退休费', 50, '310', '资本性支出', 10, '30299', '其他商品和服务支出', 15],
      [null, null, null, '31002', '办公设备购置', 10, '399', '其他支出', null],
    ];
    const wb = workbook(finalGeneral05(), wrapped06(body));
    expect(loud(wb).map(said)).toEqual([]);
    // 公用经费合计 is still judged over every group's classes: 310 20.00 (31002 too) makes it 110.00.
    expect(loud(edited([[T, 'F9', 20], [T, 'F10', 20]], wb)).map(said)).toEqual([['econ-class-totals', 'error', `${T}!I11`, '100.00', '110.00']]);
  });
});

describe('the non-wrapping layout (302 | 310 each whole in its group) reads as before', () => {
  test('finalBasic06: consistent, and 30201 办公费 41.00 still makes 302 90.00 wrong (91.00)', () => {
    const base = workbook(finalGeneral05(), finalBasic06());
    expect(all(base).map(said)).toEqual([]);
    expect(loud(edited([[T, 'F5', 41]], base)).map(said)).toEqual([['code-hierarchy', 'error', `${T}!F4`, '90.00', '91.00']]);
  });
});
