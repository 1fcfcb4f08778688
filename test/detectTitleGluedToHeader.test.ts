import { audit } from '../src/core/engine';
import { detectTables } from '../src/core/detect';
import type { GridSheet } from '../src/core/snapshot';
import { sheet, workbook, type CellInput } from './support/sheetBuilder';
import { BUDGET_TABLES, general05, stateCapital11, summary01 } from './support/smallBudget';

/**
 * A PDF converted to a workbook may put a table's title in the header's first cell, on its first line (2024年国有资本经营
 * 支出预算表 / 科目编码): read as a label, the table lost its title, and with it its kind — the narrative's 支出总计 was set
 * against the empty 国有资本经营 table, a 收支总表 lost its sides. The title is the table's; the rest is the header's label.
 */
function glued(s: GridSheet): GridSheet {
  const rows = s.values.map((r) => [...r]) as CellInput[][];
  const title = String(rows[0][0]);
  const header = rows.findIndex((r, i) => i > 1 && r.some((v) => typeof v === 'string'));
  rows[header][0] = `${title}\n${rows[header][0] ?? ''}`;
  rows[0] = [null];
  const merges = s.merges.filter((m) => m.top !== 1).map((m) => `${String.fromCharCode(64 + m.left)}${m.top}:${String.fromCharCode(64 + m.right)}${m.bottom}`);
  return sheet(s.name, rows, { merges });
}

const budgetWith = (...changed: Array<() => GridSheet>) =>
  workbook(...BUDGET_TABLES.map((t) => (changed.includes(t) ? glued(t()) : t())), sheet('情况说明', [['某某局2024年部门预算情况说明'], ['2024年支出总计1000.00万元。']]));

test('each table keeps its title and kind, and the disclosure says nothing', () => {
  const wb = budgetWith(summary01, general05, stateCapital11);
  const byName = new Map(detectTables(wb).map((t) => [t.sheet, t]));
  expect(byName.get('预算01表')).toMatchObject({ kind: 'income-expenditure-summary', title: '2024年部门收支预算总表' });
  expect(byName.get('预算01表')!.columns.map((c) => c.side)).toEqual(['income', 'income', 'expenditure', 'expenditure']);
  expect(byName.get('预算05表')).toMatchObject({ kind: 'general-budget-expenditure', title: '2024年一般公共预算支出预算表' });
  expect(byName.get('预算11表')!.kind).toBe('state-capital-expenditure');
  expect(byName.get('预算05表')!.columns[0].headerPath[0]).toBe('科目编码');
  expect(
    audit(wb)
      .findings.filter((f) => f.severity !== 'info')
      .map((f) => `${f.rule} ${f.sheet}!${f.cell}`),
  ).toEqual([]);
});
