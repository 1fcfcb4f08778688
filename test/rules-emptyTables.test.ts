import { detectTables } from '../src/core/detect';
import { changeColumnChecks } from '../src/core/rules/changeColumns';
import { rowSumChecks } from '../src/core/rules/rowSum';
import { hasFigures } from '../src/core/rules/toolkit/tableAccess';
import type { GridSheet, WorkbookSnapshot } from '../src/core/snapshot';
import type { DetectedTable } from '../src/core/table';
import { smallBudget, withCell } from './support/smallBudget';

/**
 * An empty table (本表无数据) has no figures: the rules that read only rows with figures are told so
 * before they build anything, and a table with one figure, even an unreadable one, is read as before.
 */
const tableOf = (wb: WorkbookSnapshot<GridSheet>, sheet: string): DetectedTable => detectTables(wb).find((t) => t.sheet === sheet)!;
const FUND = '预算10表';

describe('a table without figures (hasFigures)', () => {
  test('the small budget’s empty fund table has none, its expenditure table has', () => {
    expect(hasFigures(tableOf(smallBudget(), FUND))).toBe(false);
    expect(hasFigures(tableOf(smallBudget(), '预算03表'))).toBe(true);
  });

  test('an empty table has no row sums and no changes to check', () => {
    const t = tableOf(smallBudget(), FUND);
    expect(rowSumChecks(t)).toEqual([]);
    expect(changeColumnChecks(t)).toEqual([]);
  });

  test('its 合计 filled in: it has figures, and its row sum (合计 = 基本支出 + 项目支出) is checked', () => {
    const filled = withCell(withCell(withCell(smallBudget(), FUND, 'C4', 100), FUND, 'D4', 40), FUND, 'E4', 60);
    const t = tableOf(filled, FUND);
    expect(hasFigures(t)).toBe(true);
    const sums = rowSumChecks(t);
    expect(sums).toHaveLength(1);
    expect([sums[0].stated.value.toNumber(), ...sums[0].parts.map((p) => p.value.toNumber())]).toEqual([100, 40, 60]);
  });

  test('an unreadable cell is a figure too: its row is still checked (and found unreadable)', () => {
    const t = tableOf(withCell(smallBudget(), FUND, 'C4', '#REF!'), FUND);
    expect(hasFigures(t)).toBe(true);
    const sums = rowSumChecks(t);
    expect(sums).toHaveLength(1);
    expect(sums[0].stated.unreadable).toBe(true);
  });
});
