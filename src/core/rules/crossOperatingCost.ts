import { tablesOf } from './toolkit/crossTables';
import type { SumCheck } from './toolkit/sumCheck';
import { grandTotalColumn } from './toolkit/headerTree';
import { columnGroups, rowBlocks } from './toolkit/rowStructure';
import type { RuleSpec } from './toolkit/ruleSpec';
import type { DetectedTable } from '../table';
import { figureAt, isNought, type Figure } from './toolkit/tableAccess';
import { gather } from './toolkit/gather';

/** A 款 of 公用经费 and the like (30201 办公费): the items both tables list. (Kept here: a literal in the loop is a new RegExp per row.) */
const ECON_ITEM = /^3\d{4}$/;

/** Economic-code rows of a table with their figure in the grand-total column. */
function itemsByCode(t: DetectedTable): Map<string, Figure[]> {
  const out = new Map<string, Figure[]>();
  const col = grandTotalColumn(t);
  if (!col) return out;
  const b = rowBlocks(t, columnGroups(t)[0]);
  const rows = b.units.length > 0 ? gather(b.units, (u) => u.members) : b.details;
  for (const r of rows) {
    if (!r.code || !ECON_ITEM.test(r.code)) continue;
    const list = out.get(r.code) ?? [];
    list.push(figureAt(t, r.row.row, col.col));
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
  emits: { 'cross-operating-cost': 'warning' },
  collect: ({ tables }) => {
    const checks: SumCheck[] = [];
    for (const op of tablesOf(tables, 'operating-cost')) {
      const mine = itemsByCode(op);
      for (const basic of tablesOf(tables, 'basic-expenditure')) {
        // (A 基本支出表 split over pages lists some items on each part: an item looked for in one is not missing.)
        if (columnGroups(basic).length > 1 || basic.splitOverPages) continue;
        const theirs = itemsByCode(basic);
        if (theirs.size === 0) continue;
        for (const [code, figs] of mine) {
          for (const f of figs) {
            const basis = theirs.get(code) ?? [];
            // (Each check written out whole: a spread of a shared base object costs more than the rest of the loop.)
            // Usually the very same figure: evidence for naming a culprit (also a cleared
            // item), never a finding alone.
            if (basis.length > 0) {
              checks.push({ rule: 'cross-operating-cost', severity: 'warning', direction: 'cross', stated: f, parts: basis, evidenceOnly: true });
            }
            if (!f.shown || isNought(f)) continue;
            // One-sided: only an item above its basis is reported.
            checks.push({ rule: 'cross-operating-cost', severity: 'warning', direction: 'cross', stated: f, parts: basis, comparison: 'at-most' });
          }
        }
      }
    }
    return { checks };
  },
};
