import { audit } from '../src/core/engine';
import type { GridSheet } from '../src/core/snapshot';
import { sheet, workbook } from './support/sheetBuilder';
import { BUDGET_TABLES } from './support/smallBudget';

/**
 * A 主管部门's file: the 部门 set of tables, then a unit's 单位预算 set under the same titles, then one 情况说明 of
 * the department. The narrative speaks of the department's figures; held to the last unit's tables, every right
 * figure of it was called wrong. Support: test/support/smallBudget.ts (某某局, totals 1,000.00 万元).
 */
const UNIT = '某某局机关服务中心';

/** A table of the unit: the department's, every figure halved (so it still adds up), its caption naming the unit. */
function unitCopy(s: GridSheet): GridSheet {
  const rows = s.values.map((row) => row.map((v) => (typeof v === 'number' ? v / 2 : typeof v === 'string' && v.startsWith('部门：') ? `部门：${UNIT}` : v)));
  return sheet(`${s.name}-单位`, rows, { merges: s.merges.map((m) => `${col(m.left)}${m.top}:${col(m.right)}${m.bottom}`) });
}
const col = (c: number) => String.fromCharCode(64 + c);

const narrative = (...lines: string[]) => sheet('情况说明', [['某某局2024年部门预算情况说明'], ...lines.map((l) => [l])]);
const file = (...lines: string[]) => workbook(...BUDGET_TABLES.map((t) => t()), ...BUDGET_TABLES.map((t) => unitCopy(t())), narrative(...lines));
const loud = (lines: string[]) =>
  audit(file(...lines))
    .findings.filter((f) => f.sheet === '情况说明' && f.severity !== 'info')
    .map((f) => `${f.severity} ${f.rule} ${f.cell}`);

describe('the 部门 set, a unit set after it, the department\'s 情况说明 last', () => {
  test('right figures of the department: nothing said', () => {
    expect(loud(['2024年收入预算1000.00万元，支出预算1000.00万元。'])).toEqual([]);
  });
  test('a slip in them is told against the department\'s tables', () => {
    const f = audit(file('2024年收入预算1100.00万元，支出预算1000.00万元。')).findings.filter((x) => x.sheet === '情况说明' && x.severity === 'error');
    expect(f.map((x) => [x.rule, x.cell, x.actual, x.expected])).toEqual([['narrative-vs-table', 'A2', '1100.00', '1000.00']]);
  });
  test('a 情况说明 naming the unit stays with the unit\'s tables', () => {
    const unitNarrative = sheet('情况说明', [[`${UNIT}2024年单位预算情况说明`], ['2024年收入预算500.00万元，支出预算500.00万元。']]);
    const r = audit(workbook(...BUDGET_TABLES.map((t) => t()), ...BUDGET_TABLES.map((t) => unitCopy(t())), unitNarrative));
    expect(r.findings.filter((f) => f.sheet === '情况说明' && f.severity !== 'info')).toEqual([]);
  });
});
