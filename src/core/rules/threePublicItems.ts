import type { DetectedTable } from '../table';
import { tablesOf } from './toolkit/crossTables';
import { columnGroups, rowBlocks } from './toolkit/rowStructure';
import type { RuleSpec } from './toolkit/ruleSpec';
import type { SumCheck } from './toolkit/sumCheck';
import { amountColumns, bodyRows, cleanLabel, figureAt, rowHasFigures, type Figure } from './toolkit/tableAccess';
import { grandTotalColumn } from './toolkit/headerTree';
import { gather } from './toolkit/gather';
import { lastItem } from './toolkit/lastItem';

/** The “三公” columns and the economic item each usually repeats from 基本支出表. */
const ITEMS: Array<[RegExp, string]> = [
  [/公务用车运行/, '30231'],
  [/公务接待/, '30217'],
  [/因公出国/, '30212'],
];

function basicItem(basic: DetectedTable, code: string): Figure[] {
  const col = grandTotalColumn(basic);
  if (!col) return [];
  const b = rowBlocks(basic, columnGroups(basic)[0]);
  const rows = b.units.length > 0 ? gather(b.units, (u) => u.members) : b.details;
  return rows.filter((r) => r.code === code).map((r) => figureAt(basic, r.row.row, col.col, `${code} ${cleanLabel(r.row.label)}`));
}

/**
 * “三公”经费表 公务用车运行费 / 公务接待费 usually repeat 基本支出表's 30231 / 30217. Not a rule
 * (project money can add to them): evidence that lets a wrong “三公” cell be named when its
 * own row sum breaks, never a finding alone.
 */
export const threePublicItems: RuleSpec = {
  id: 'three-public-items',
  emits: { 'three-public-items': 'info' },
  collect: ({ tables }) => {
    const checks: SumCheck[] = [];
    for (const tp of tablesOf(tables, 'three-public')) {
      for (const basic of tablesOf(tables, 'basic-expenditure')) {
        if (columnGroups(basic).length > 1) continue;
        for (const c of amountColumns(tp)) {
          const last = cleanLabel(lastItem(c.headerPath) ?? '');
          const item = ITEMS.find(([re]) => re.test(last));
          if (!item) continue;
          const basis = basicItem(basic, item[1]);
          if (basis.length === 0) continue;
          const cols = amountColumns(tp).map((x) => x.col);
          for (const r of bodyRows(tp)) {
            // Rows of the table that carry figures (the cell itself may have been cleared).
            if (!rowHasFigures(tp, r.row, cols)) continue;
            checks.push({
              rule: 'three-public-items',
              severity: 'info',
              direction: 'cross',
              evidenceOnly: true,
              stated: figureAt(tp, r.row, c.col, last),
              parts: basis,
            });
          }
        }
      }
    }
    return { checks };
  },
};
