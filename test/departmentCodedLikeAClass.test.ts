import { audit } from '../src/core/engine';
import type { GridSheet } from '../src/core/snapshot';
import { sheet, workbook, type CellInput } from './support/sheetBuilder';
import { BUDGET_TABLES } from './support/smallBudget';

/**
 * A 支出表 by units, codes in one column, whose department's own code is a 类's (a county's 民政局 coded 208, its
 * 卫健委 210): the department's line `208 某某局` over its unit `208001 某某局本级` and their 类/款/项 lines. Counted
 * as 类 208, the department's whole spending was added to the 类, and the 收支总表's right 类 line was called wrong.
 * Support: test/support/smallBudget.ts (预算03表; 类 208 is 120.00 of 1,000.00).
 */
function byUnits(): GridSheet {
  const s = BUDGET_TABLES.map((t) => t()).find((x) => x.name === '预算03表')!;
  const total = s.values.findIndex((r) => r[1] === '合计');
  const lines = s.values.slice(total + 1) as CellInput[][];
  const [, , ...figures] = s.values[total] as CellInput[];
  const values: CellInput[][] = [...(s.values.slice(0, total + 1) as CellInput[][]), ['208', '某某局', ...figures], ['208001', '某某局本级', ...figures], ...lines];
  return sheet('预算03表', values, { merges: ['A1:G1', 'A3:A4', 'B3:B4', 'C3:C4', 'D3:F3', 'G3:G4'] });
}

test('the department\'s line coded 208 over its unit 208001 is a unit\'s line, not 类 208: nothing said', () => {
  const wb = workbook(...BUDGET_TABLES.map((t) => t()).map((s) => (s.name === '预算03表' ? byUnits() : s)));
  expect(audit(wb).findings.filter((f) => f.severity !== 'info').map((f) => `${f.rule} ${f.sheet}!${f.cell}`)).toEqual([]);
});

describe("a 收入表 by units, the department's code 210 written before its name in the name cell", () => {
  // 单位名称 alone: 合计; 210 某某县卫生健康委员会 over 210001 …本级 and 210002 …疾控中心. Read as 类 210, the department's
  // line was no unit's: its units did not add up to it, and a slip on it was told at its right 合计.
  const income = (general = 1000): GridSheet =>
    sheet(
      '预算02表',
      [
        ['2024年部门收入预算表'],
        ['部门：某某局', null, null, null, null, '单位：万元'],
        ['单位名称', '总计', '一般公共预算', '政府性基金', '其他收入', '上年结转结余'],
        ['合计', 1000, 1000, null, null, null],
        ['210 某某县卫生健康委员会', 1000, general, null, null, null],
        ['210001 某某县卫生健康委员会本级', 600, 600, null, null, null],
        ['210002 某某县疾病预防控制中心', 400, 400, null, null, null],
      ],
      { merges: ['A1:F1'] },
    );
  const wb = (s: GridSheet) => workbook(...BUDGET_TABLES.map((t) => t()).map((x) => (x.name === '预算02表' ? s : x)));

  test('consistent, nothing is said', () => {
    expect(audit(wb(income())).findings.filter((f) => f.severity !== 'info')).toEqual([]);
  });

  test("a slip on the department's line is told at its cell, against its units and its row", () => {
    expect(audit(wb(income(998))).findings.filter((f) => f.severity === 'error').map((f) => `${f.rule} ${f.sheet}!${f.cell} ${f.expected}`)).toEqual(['column-total 预算02表!C5 1000.00']);
  });
});
