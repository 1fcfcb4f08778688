import { tablesOf } from './toolkit/crossTables';
import type { SumCheck } from './toolkit/sumCheck';
import { grandTotalColumn } from './toolkit/headerTree';
import { columnGroups, rowBlocks, rowName } from './toolkit/rowStructure';
import { relation, type RuleSpec } from './toolkit/ruleSpec';
import type { DetectedTable } from '../table';
import { figureAt, type Figure } from './toolkit/tableAccess';

/** Economic-code rows of a table with their figure in the grand-total column. */
function itemsByCode(t: DetectedTable): Map<string, Figure[]> {
  const out = new Map<string, Figure[]>();
  const col = grandTotalColumn(t);
  if (!col) return out;
  const b = rowBlocks(t, columnGroups(t)[0]);
  const rows = b.units.length > 0 ? b.units.flatMap((u) => u.members) : b.details;
  for (const r of rows) {
    if (!r.code || !/^3\d{4}$/.test(r.code)) continue;
    const list = out.get(r.code) ?? [];
    list.push(figureAt(t, r.row.row, col.col, rowName(r.row, r.code)));
    out.set(r.code, list);
  }
  return out;
}

/**
 * 机关运行经费 items come out of 基本支出's 公用经费: an item larger than the same economic
 * item in 基本支出表 is suspicious (warning), as is an item that table does not have.
 */
export const crossOperatingCost: RuleSpec = {
  id: 'cross-operating-cost',
  severity: 'warning',
  description: {
    'zh-CN': '机关（机构）运行经费各项不应大于基本支出表同一经济分类科目',
    en: 'An operating-cost item should not exceed the same economic item in the basic expenditure table',
  },
  collect: ({ tables }) => {
    const checks: SumCheck[] = [];
    for (const op of tablesOf(tables, 'operating-cost')) {
      const mine = itemsByCode(op);
      for (const basic of tablesOf(tables, 'basic-expenditure')) {
        if (columnGroups(basic).length > 1) continue;
        const theirs = itemsByCode(basic);
        if (theirs.size === 0) continue;
        for (const [code, figs] of mine) {
          for (const f of figs) {
            const basis = theirs.get(code) ?? [];
            const base = { severity: 'warning' as const, direction: 'cross' as const, stated: f, parts: basis };
            // Usually the very same figure: evidence for naming a culprit (also a cleared
            // item), never a finding alone.
            if (basis.length > 0) {
              checks.push({ ...base, rule: 'cross-operating-cost', evidenceOnly: true, relation: relation(`${op.sheet} ${code} = ${basic.sheet} ${code}`, `${op.sheet} ${code} = ${basic.sheet} ${code}`) });
            }
            if (!f.shown || f.value.isZero()) continue;
            // One-sided: only an item above its basis is reported.
            checks.push({
              ...base,
              rule: 'cross-operating-cost',
              comparison: 'at-most',
              relation: relation(
                `${op.sheet} ${code} 不大于 ${basic.sheet} ${code}${basis.length === 0 ? '（基本支出表无此科目）' : ''}`,
                `${op.sheet} ${code} at most ${basic.sheet} ${code}${basis.length === 0 ? ' (not in the basic table)' : ''}`,
              ),
            });
          }
        }
      }
    }
    return { checks };
  },
};
