import type { DetectedTable } from '../table';
import { blockTrees, columnRelations } from './toolkit/headerTree';
import type { RuleSpec } from './toolkit/ruleSpec';
import type { Direction, SumCheck } from './toolkit/sumCheck';
import type { Severity } from '../finding';
import { bodyRows, figureAt, hasFigures, rowHasFigures, type Figure } from './toolkit/tableAccess';
import { gather } from './toolkit/gather';

export { columnName } from './toolkit/tableAccess';

/**
 * A row sum: its stated figure and parts are its own, what kind of check it is its class's (a million-cell
 * table keeps some 170,000 of them until its culprits are found: two fields each rather than five).
 * A check made from it with other figures is made with withFigures (sumCheck.ts), which keeps the kind.
 */
class RowSumCheck implements SumCheck {
  constructor(
    readonly stated: Figure,
    readonly parts: Figure[],
  ) {}

  get rule(): string {
    return 'row-sum';
  }
  get severity(): Severity {
    return 'error';
  }
  get direction(): Direction {
    return 'row';
  }
}

export function rowSumChecks(table: DetectedTable): SumCheck[] {
  // A row is summed only where it has figures: a table with none has no sums (nor are its header trees built for them).
  if (table.kind === 'narrative' || !hasFigures(table)) return [];
  const checks: SumCheck[] = [];
  for (const tree of blockTrees(table)) {
    const relations = columnRelations(tree);
    if (relations.length === 0) continue;
    // Each relation's columns once, not once per row.
    const columnsOf = relations.map((rel) => [rel.total.col, ...rel.parts.map((p) => p.col)]);
    // (Indexed: a loop run once an audit is seldom optimised, and for…of then allocates an
    // iterator result per row, a big table's hundreds of thousands of them.)
    const rows = bodyRows(table);
    for (let k = 0; k < rows.length; k++) {
      const r = rows[k];
      for (let i = 0; i < relations.length; i++) {
        const rel = relations[i];
        if (!rowHasFigures(table, r.row, columnsOf[i])) continue;
        const parts = new Array<Figure>(rel.parts.length);
        for (let k = 0; k < parts.length; k++) parts[k] = figureAt(table, r.row, rel.parts[k].col);
        checks.push(new RowSumCheck(figureAt(table, r.row, rel.total.col), parts));
      }
    }
  }
  return checks;
}

/** Row sums from the header hierarchy: 总计 = 基本支出 + 项目支出, 基本支出合计 = 人员经费 + 公用经费 … */
export const rowSum: RuleSpec = {
  id: 'row-sum',
  emits: { 'row-sum': 'error' },
  collect: ({ tables }) => ({ checks: gather(tables, rowSumChecks) }),
};
