import type { Finding } from '../../finding';
import { cellArg, countArg, message, tableArg } from '../../messages/message';
import { parseCellAddress } from '../../address';
import type { DetectedTable } from '../../table';
import { tableNote } from './cellFinding';
import type { Outcome } from './sumCheck';
import { rowAt, tableShort } from './tableAccess';
import { isFunctionCode } from '../../detect/codes';

/**
 * When most checks inside one table fail, the reading is wrong, not the table: a column taken for
 * a total that is not one, sides mixed up. Such a table is said to be doubtful once, quietly (an
 * info finding), instead of raising a wall of errors that an accountant would have to disprove.
 */
export const LAYOUT_DOUBT_ID = 'layout-doubtful';

/** At least this many checks inside the table, and more than half of them failing. */
const MIN_CHECKS = 4;

export interface Doubt {
  table: DetectedTable;
  checks: number;
  failing: number;
  /** The levels of one breakdown its rows stack with nothing to tell them apart (stackedLevels), where so. */
  stacked?: number;
}

export function doubtfulTables(outcomes: Outcome[]): Map<string, Doubt> {
  const stats = new Map<string, Doubt>();
  for (const o of outcomes) {
    const c = o.check;
    // The table's own sums only: a cross-table gap says nothing about how this table was read.
    if (c.evidenceOnly || c.comparison === 'at-most' || c.direction === 'cross') continue;
    if (c.parts.some((p) => p.table !== c.stated.table)) continue;
    const s = stats.get(c.stated.table.id) ?? { table: c.stated.table, checks: 0, failing: 0 };
    s.checks++;
    if (!o.consistent) {
      s.failing++;
      s.stacked ??= stackedLevels(o);
    }
    stats.set(c.stated.table.id, s);
  }
  for (const [id, s] of stats) if (!s.stacked && (s.checks < MIN_CHECKS || s.failing * 2 <= s.checks)) stats.delete(id);
  return stats;
}

/**
 * Tables listing the subjects of a classification (类/款/项, functional or economic), where levels can stack —
 * a 项目支出表 too, its projects listed under their 项 line.
 */
const BY_CLASSIFICATION = new Set<string>([
  'project-expenditure',
  'income',
  'expenditure',
  'general-budget-expenditure',
  'fiscal-appropriation-expenditure',
  'gov-fund-expenditure',
  'state-capital-expenditure',
  'basic-expenditure',
  'basic-expenditure-detail',
  'economic-classification-summary',
  'fiscal-appropriation-basic-expenditure',
]);

/**
 * A 合计 whose rows add up to just two or three times it, some of them with no code read: a table listing
 * 类, 款 and 项 by name alone (indented, or not at all), or with a code column showing each row's own part
 * only (208 / 05 / 05), or its projects under their coded 项 line, each level adding up to the 合计, read as
 * one flat list. The reading is wrong, not
 * the table: how many levels (2, 3) where so, else undefined.
 */
function stackedLevels(o: Outcome): number | undefined {
  const c = o.check;
  if (!BY_CLASSIFICATION.has(c.stated.table.kind)) return undefined;
  if (c.direction === 'row' || c.parts.length < 4 || c.stated.value.isZero() || c.parts.some((p) => p.subtracted)) return undefined;
  const sum = c.stated.value.minus(o.difference);
  const levels = sum.div(c.stated.value).toDecimalPlaces(0).toNumber();
  if (levels < 2 || levels > 3 || !sum.minus(c.stated.value.times(levels)).abs().lte(o.tolerance.times(levels))) return undefined;
  // (A code of its own part only, 05, places a row nowhere.)
  const coded = (p: { table: DetectedTable; row: number }) => {
    const r = rowAt(p.table, p.row);
    return !!r && ((!!r.functionCode && isFunctionCode(r.functionCode)) || !!r.econCode || !!r.govEconCode);
  };
  return c.parts.every(coded) ? undefined : levels;
}

/**
 * Does a finding stand on a doubtful table (its own cell, a cell it marks, or a figure of a check it
 * explains lies in one)? A comparison with a misread table's figures (another table's 类 against its
 * rows summed by code) is no surer than the reading: its gap was blamed on the other table's right figure.
 */
export function touchesDoubt(f: Finding, doubts: Map<string, Doubt>): boolean {
  if (f.table && doubts.has(f.table)) return true;
  const figures = f.explains.flatMap((e) => [e.stated, ...e.parts]);
  return [{ sheet: f.sheet, cell: f.cell }, ...f.cells, ...figures].some((ref) => {
    for (const { table } of doubts.values()) {
      if (table.sheet !== ref.sheet) continue;
      const { row, col } = parseCellAddress(ref.cell);
      const r = table.range;
      if (row >= r.top && row <= r.bottom && col >= r.left && col <= r.right) return true;
    }
    return false;
  });
}

export function doubtFinding(d: Doubt): Finding {
  return tableNote(d.table, LAYOUT_DOUBT_ID, (cell) =>
    d.stacked
      ? message('layout.stacked', { table: tableArg(tableShort(d.table)), cell: cellArg(cell), levels: countArg(d.stacked) })
      : message('layout.doubtful', { table: tableArg(tableShort(d.table)), cell: cellArg(cell), checks: countArg(d.checks), failing: countArg(d.failing) }),
  );
}
