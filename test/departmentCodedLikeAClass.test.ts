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
