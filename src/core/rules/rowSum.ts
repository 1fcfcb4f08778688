import type { DetectedTable, TableColumn } from '../table';
import { blockTrees, columnRelations, type ColumnRelation } from './toolkit/headerTree';
import type { RuleSpec } from './toolkit/ruleSpec';
import { evaluate, type Direction, type SumCheck } from './toolkit/sumCheck';
import type { Severity } from '../finding';
import { bodyRows, figureAt, hasFigures, isNought, rowHasFigures, type Figure } from './toolkit/tableAccess';
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
    // A table of no kind we know (a payroll, a ledger, a pivot table): no template vouches for its columns' sums, and a
    // mismatch there is a question, not a claim that a published figure is wrong.
    return this.stated.table.kind === 'unknown' ? 'warning' : 'error';
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
    const relations = columnRelations(tree).flatMap((rel) => {
      if (!rel.readings) return [rel];
      const parts = readingBorneOut(table, rel);
      return parts ? [{ ...rel, parts }] : [];
    });
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

/**
 * Of a total's readings where its header leaves them open (headerTree.ts flatTotals), the one its rows bear out: it
 * holds on more rows than it fails, fails on one row at most (or a tenth of them), and fails on fewer than any other.
 * None where no reading does: a doubtful reading claims nothing, and a slip in one row is still told on the one that holds.
 */
function readingBorneOut(table: DetectedTable, rel: ColumnRelation): TableColumn[] | undefined {
  let best: TableColumn[] | undefined;
  let fewest = Infinity;
  for (const parts of rel.readings ?? []) {
    const columns = [rel.total.col, ...parts.map((p) => p.col)];
    let holds = 0;
    let fails = 0;
    // Each part must carry a figure on some row the reading holds on: a column empty but on the one failing row (上年结转
    // beside 本年收入合计) would else be taken into a reading that row alone gainsays.
    const borne = new Set<number>();
    for (const r of bodyRows(table)) {
      if (!rowHasFigures(table, r.row, columns)) continue;
      const figures = parts.map((p) => figureAt(table, r.row, p.col));
      const outcome = evaluate(new RowSumCheck(figureAt(table, r.row, rel.total.col), figures), false);
      if (!outcome) continue;
      if (!outcome.consistent) {
        fails++;
        continue;
      }
      holds++;
      figures.forEach((f, k) => f.shown && !isNought(f) && borne.add(k));
    }
    if (borne.size < parts.length) continue;
    if (fails < fewest && holds > fails && fails <= Math.max(1, Math.floor((holds + fails) / 10))) [best, fewest] = [parts, fails];
  }
  return best;
}

/** Row sums from the header hierarchy: 总计 = 基本支出 + 项目支出, 基本支出合计 = 人员经费 + 公用经费 … */
export const rowSum: RuleSpec = {
  id: 'row-sum',
  emits: { 'row-sum': 'error' },
  collect: ({ tables }) => ({ checks: gather(tables, rowSumChecks) }),
};
