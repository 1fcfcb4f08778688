import { audit } from '../src/core/engine';
import { findingText } from '../src/core/messages/render';
import { sheet, workbook, type CellInput } from './support/sheetBuilder';
import { said } from './support/checklist';

/**
 * A table of balances (column-balance): on every row 年末结转和结余 = 年初结转和结余 + 本年收入 −
 * 本年支出. A wrong 年末 is named at its cell; a wrong 本年支出 that its own 小计 = 基本 + 项目 also
 * disputes is named at its; a table with an adjustment column is not judged by this identity.
 */
const HEAD: CellInput[][] = [
  ['政府性基金预算财政拨款收入支出决算表'],
  ['部门：某某县某某局', null, null, null, '2023年度', null, null, '单位：万元'],
  ['项目', null, '年初结转和结余', '本年收入', '本年支出', null, null, '年末结转和结余'],
  ['功能分类科目编码', '科目名称', null, null, '小计', '基本支出', '项目支出'],
];
const MERGES = ['A1:H1', 'A3:B3', 'C3:C4', 'D3:D4', 'E3:G3', 'H3:H4'];
const RIGHT: CellInput[][] = [
  ['合计', null, 10, 50, 45, null, 45, 15],
  ['212', '城乡社区支出', 10, 50, 45, null, 45, 15],
  ['21208', '国有土地使用权出让收入安排的支出', 10, 50, 45, null, 45, 15],
  ['2120899', '其他国有土地使用权出让收入安排的支出', 10, 50, 45, null, 45, 15],
];

const loud = (rows: CellInput[][], head = HEAD, merges = MERGES) =>
  audit(workbook(sheet('公开07表', [...head, ...rows], { merges }))).findings.filter((f) => f.severity !== 'info');
const edit = (cells: Array<[number, number, CellInput]>) => {
  const rows = RIGHT.map((r) => [...r]);
  for (const [r, c, v] of cells) rows[r][c] = v;
  return rows;
};

describe('年末 = 年初 + 本年收入 − 本年支出 on every row (column-balance)', () => {
  test('a right table says nothing', () => {
    expect(loud(RIGHT).map(said)).toEqual([]);
  });

  test('a wrong 年末 in one 项 (25.00 for 15.00) is named at its cell with what it should be', () => {
    const found = loud(edit([[3, 7, 25]]));
    expect(found.map(said)).toEqual([['column-balance', 'error', '公开07表!H8', '25.00', '15.00']]);
  });

  test('the 年末 of every row carried wrong: each told at its 年末 cell, in the table\'s words', () => {
    const found = loud(edit([0, 1, 2, 3].map((r): [number, number, CellInput] => [r, 7, 20])));
    expect(found.map(said)).toEqual([0, 1, 2, 3].map((r) => ['column-balance', 'error', `公开07表!H${r + 5}`, '20.00', '15.00']));
    expect(findingText(found[3])['zh-CN']).toBe('公开07表 H8 其他国有土地使用权出让收入安排的支出 年末结转和结余 20.00，不等于年初结转和结余加本年收入减本年支出 15.00（差 5.00）。');
  });

  test('a table with an adjustment column (本年调整) is not judged by the identity', () => {
    const head = HEAD.map((r) => [...r]);
    head[2] = ['项目', null, '年初结转和结余', '本年收入', '本年支出', null, null, '年末结转和结余', '本年调整'];
    const rows = edit([[3, 7, 25]]).map((r) => [...r, null]);
    expect(loud(rows, head).map((f) => f.rule)).not.toContain('column-balance');
  });
});
