import { audit } from '../src/core/engine';
import { detectTables } from '../src/core/detect';
import { sheet, workbook, type CellInput } from './support/sheetBuilder';
import { said } from './support/checklist';

/**
 * A 财政拨款收入支出决算总表 printed by function code (Guangdong/Shenzhen 部门决算): 科目编码 | 科目名称 |
 * 年初结转和结余 | 本年收入 | 本年支出 | 年末结转和结余, each 小计 | 基本支出 | 项目支出; rows 合计 then
 * 类/款/项. It has no 收入 | 支出 sides: down every column 合计 = Σ 类, 类 = Σ 款 = Σ 项; along every
 * row 小计 = 基本 + 项目 and, for each of 小计 / 基本 / 项目, 年末 = 年初 + 本年收入 − 本年支出.
 */
const SHEET = '4财政拨款收入支出决算总表';
const HEAD: CellInput[][] = [
  ['某某局2024年度财政拨款收入支出决算总表'],
  ['部门：某某局', null, null, null, null, null, null, null, null, null, null, null, null, '单位：万元'],
  ['科目编码', '科目名称', '年初结转和结余', null, null, '本年收入', null, null, '本年支出', null, null, '年末结转和结余', null, null],
  [null, null, '小计', '基本支出', '项目支出', '小计', '基本支出', '项目支出', '小计', '基本支出', '项目支出', '小计', '基本支出', '项目支出'],
];
const MERGES = ['A1:N1', 'A3:A4', 'B3:B4', 'C3:E3', 'F3:H3', 'I3:K3', 'L3:N3'];
// 年初 (小计 基本 项目) | 本年收入 | 本年支出 | 年末, every figure consistent.
const RIGHT: CellInput[][] = [
  [null, '合计', 50, 0, 50, 500, 300, 200, 520, 300, 220, 30, 0, 30],
  ['201', '一般公共服务支出', 50, 0, 50, 400, 200, 200, 420, 200, 220, 30, 0, 30],
  ['20101', '人大事务', 50, 0, 50, 400, 200, 200, 420, 200, 220, 30, 0, 30],
  ['2010101', '行政运行', 0, 0, 0, 200, 200, 0, 200, 200, 0, 0, 0, 0],
  ['2010199', '其他人大事务支出', 50, 0, 50, 200, 0, 200, 220, 0, 220, 30, 0, 30],
  ['208', '社会保障和就业支出', 0, 0, 0, 100, 100, 0, 100, 100, 0, 0, 0, 0],
  ['20805', '行政事业单位养老支出', 0, 0, 0, 100, 100, 0, 100, 100, 0, 0, 0, 0],
  ['2080505', '机关事业单位基本养老保险缴费支出', 0, 0, 0, 100, 100, 0, 100, 100, 0, 0, 0, 0],
];
const COLS = 'ABCDEFGHIJKLMN';
/** The table with figures changed, each given as [cell, value] (row 5 is 合计). */
const book = (edits: Array<[string, number]> = []) => {
  const rows = RIGHT.map((r) => [...r]);
  for (const [a, v] of edits) rows[Number(a.slice(1)) - HEAD.length - 1][COLS.indexOf(a[0])] = v;
  return workbook(sheet(SHEET, [...HEAD, ...rows], { merges: MERGES }));
};
const loud = (edits: Array<[string, number]> = []) => audit(book(edits)).findings.filter((f) => f.severity !== 'info');

describe('财政拨款收入支出决算总表 by function code (no 收入 | 支出 sides)', () => {
  test('it is read as the fiscal summary with one column list, no sides', () => {
    const [t] = detectTables(book());
    expect(t.kind).toBe('fiscal-appropriation-summary');
    expect(t.columns.filter((c) => c.side)).toEqual([]);
  });

  test('a consistent table says nothing above info', () => {
    expect(loud().map(said)).toEqual([]);
  });

  // Two cells changed together so that their row still adds up (小计 = 基本 + 项目 holds exactly):
  // no one cell explains every gap, so the one-cell pinpointer names none, and each failing check is
  // told at its own cell — the changed cells among them, with the value they should have. The lines
  // above them (and, for an 年初 or 本年支出, their 年末) are told too: not yet "once".
  const names = (found: string[][], cells: Array<[string, string]>) =>
    cells.forEach(([cell, expected]) => expect(found.some((l) => l[2] === `${SHEET}!${cell}` && l[1] === 'error' && l[4] === expected)).toBe(true));

  test('a 项 whose 年末 小计 and 项目 are both 1.00 too high (the row still adds up): each named at its cell', () => {
    const found = loud([['L9', 31], ['N9', 31]]).map(said) as string[][];
    names(found, [['L9', '30.00'], ['N9', '30.00']]);
    expect(found.filter((l) => l[0] === 'column-balance').map((l) => l[2])).toEqual([`${SHEET}!L9`, `${SHEET}!N9`]);
  });

  test('a 类 whose 年初 小计 and 项目 are both 1.00 too high: the row named once at its first cell, both its cells marked (sum.row-over)', () => {
    // Its 款 below and the 合计 above disagree with it by the same 1.00 in both columns: the row is off, not the 合计.
    const all = loud([['C6', 51], ['E6', 51]]);
    names(all.map(said) as string[][], [['C6', '50.00']]);
    const row = all.find((f) => f.cell === 'C6')!;
    expect(row.message.key).toBe('sum.row-over');
    expect(row.cells.map((c) => c.cell)).toEqual(expect.arrayContaining(['C6', 'E6']));
    expect(all.some((f) => f.cell === 'C5' || f.cell === 'E5')).toBe(false);
  });

  test('a 款 whose 本年支出 小计 and 项目 are both 1.00 too high: each named at its cell by the code hierarchy', () => {
    const found = loud([['I7', 421], ['K7', 221]]).map(said) as string[][];
    names(found, [['I7', '420.00'], ['K7', '220.00']]);
  });

  test('a 项 whose 项目支出 alone is 1.00 too high is named at that cell, not at its 小计', () => {
    const found = loud([['K9', 221]]).map(said);
    expect(found).toEqual([['column-balance', 'error', '4财政拨款收入支出决算总表!K9', '221.00', '220.00']].map((l) => [expect.any(String), 'error', l[2], l[3], l[4]]));
  });

  test('a 项 whose 基本支出 年末 alone is wrong is named at that cell', () => {
    const found = loud([['M8', 5]]).map(said);
    expect(found.map((l) => l[2])).toEqual(['4财政拨款收入支出决算总表!M8']);
  });
});

/**
 * The same 财政拨款 spending, by code, beside the 一般公共预算财政拨款支出决算表 (05): the general budget is part of the
 * appropriations, so each 类 of 05 is no larger than its 本年支出 here, and 05's 合计 no larger than the 合计 — equal
 * where the 政府性基金 and 国有资本经营 tables are there and empty. A 05 changed with its 项, 款, 类 and 合计 (it still
 * adds up) was found by nothing before.
 */
describe('the 一般公共预算 table against the appropriations by code (cross-fiscal-expenditure)', () => {
  const GENERAL = '5一般公共预算财政拨款支出决算表';
  const general05 = (bump = 0) =>
    sheet(
      GENERAL,
      [
        ['某某局2024年度一般公共预算财政拨款支出决算表'],
        ['部门：某某局', null, null, null, '单位：万元'],
        ['科目编码', '科目名称', '本年支出', null, null],
        [null, null, '小计', '基本支出', '项目支出'],
        [null, '合计', 520 + bump, 300, 220 + bump],
        ['201', '一般公共服务支出', 420 + bump, 200, 220 + bump],
        ['20101', '人大事务', 420 + bump, 200, 220 + bump],
        ['2010101', '行政运行', 200, 200, 0],
        ['2010199', '其他人大事务支出', 220 + bump, 0, 220 + bump],
        ['208', '社会保障和就业支出', 100, 100, 0],
        ['20805', '行政事业单位养老支出', 100, 100, 0],
        ['2080505', '机关事业单位基本养老保险缴费支出', 100, 100, 0],
      ],
      { merges: ['A1:E1', 'A3:A4', 'B3:B4', 'C3:E3'] },
    );
  const emptyFund = (name: string, fund: string) =>
    sheet(
      name,
      [
        [`某某局2024年度${fund}财政拨款收入支出决算表`],
        ['部门：某某局', null, null, null, null, '单位：万元'],
        ['科目编码', '科目名称', '年初结转和结余', '本年收入', '本年支出', '年末结转和结余'],
        [null, '合计', null, null, null, null],
        [`注：本单位无${fund}财政拨款收入、支出及结转结余，故本表无数据。`],
      ],
      { merges: ['A1:F1', 'A5:F5'] },
    );
  const funds = () => [
    emptyFund('7政府性基金预算财政拨款收入支出决算表', '政府性基金预算'),
    emptyFund('8国有资本经营预算财政拨款支出决算表', '国有资本经营预算'),
  ];
  const wide = () => sheet(SHEET, [...HEAD, ...RIGHT], { merges: MERGES });
  const cross = (wb: ReturnType<typeof workbook>) => audit(wb).findings.filter((f) => f.severity !== 'info').map(said);

  test('05 agreeing with the 本年支出 by code: nothing said', () => {
    expect(cross(workbook(wide(), general05(), ...funds()))).toEqual([]);
  });

  test('05 raised by 10.00 with its 类, 款 and 合计: its 类 and 合计 are larger than the appropriations\' (errors at 05, not at the summary)', () => {
    const found = audit(workbook(wide(), general05(10))).findings.filter((f) => f.rule === 'cross-fiscal-expenditure' && f.severity !== 'info');
    expect(found.map(said)).toEqual([
      ['cross-fiscal-expenditure', 'error', `${GENERAL}!C5`, '530.00', '520.00'],
      ['cross-fiscal-expenditure', 'error', `${GENERAL}!C6`, '430.00', '420.00'],
    ]);
    // Without the fund tables other money may be there: 05 is held to at most the appropriations.
    expect(found.map((f) => f.explains[0].comparison)).toEqual(['at-most', 'at-most']);
  });

  test('本年支出 printed as 基本支出 | 项目支出 with no 小计: not compared (基本支出 alone is no appropriations’ spending)', () => {
    const noSubtotal = sheet(
      SHEET,
      [
        ['某某局2024年度财政拨款收入支出决算总表'],
        ['部门：某某局', null, null, null, null, null, '单位：万元'],
        ['科目编码', '科目名称', '年初结转和结余', '本年收入', '本年支出', null, '年末结转和结余'],
        [null, null, null, null, '基本支出', '项目支出', null],
        [null, '合计', 50, 500, 300, 220, 30],
        ['201', '一般公共服务支出', 50, 400, 200, 220, 30],
        ['2010101', '行政运行', 0, 200, 200, 0, 0],
        ['2010199', '其他人大事务支出', 50, 200, 0, 220, 30],
        ['208', '社会保障和就业支出', 0, 100, 100, 0, 0],
        ['2080505', '机关事业单位基本养老保险缴费支出', 0, 100, 100, 0, 0],
      ],
      { merges: ['A1:G1', 'A3:A4', 'B3:B4', 'C3:C4', 'D3:D4', 'E3:F3', 'G3:G4'] },
    );
    const found = audit(workbook(noSubtotal, general05())).findings.filter((f) => f.rule === 'cross-fiscal-expenditure');
    expect(found).toEqual([]);
  });

  test('with the fund tables there and empty, 05 lowered by 10.00 is found too (equal, 类 and 合计)', () => {
    const found = cross(workbook(wide(), general05(-10), ...funds())).filter((l) => l[0] === 'cross-fiscal-expenditure');
    expect(found).toEqual([
      ['cross-fiscal-expenditure', 'error', `${GENERAL}!C5`, '510.00', '520.00'],
      ['cross-fiscal-expenditure', 'error', `${GENERAL}!C6`, '410.00', '420.00'],
    ]);
  });
});
