import { cellAddress } from '../../address';
import { formatAmount, toPlaces } from '../../amount';
import type { CellRef, Finding } from '../../finding';
import { amountArg, cellArg, countArg, message, nameArg, tableArg } from '../../messages/message';
import { explainedCheck, scaleTo, type Outcome } from './sumCheck';
import { columnGapsByLine } from './swappedPair';
import { cellRef, lineName, tableShort, type Figure } from './tableAccess';

/**
 * A row entered twice: a line pasted again under itself, same name, same figures, and the total
 * above it not updated. Every column sum of that total fails by exactly the row's figure, and the
 * single-cell reading can only name the total — which is right. Where exactly one row under those
 * sums repeats the row before it (its words and every figure of those columns) and its figures are
 * exactly each sum's excess, that row is named: one finding at its first figure.
 */

export interface RepeatResult {
  findings: Finding[];
  explained: Set<Outcome>;
}

export function findRepeatedRows(outcomes: Outcome[], explained: Set<Outcome>): RepeatResult {
  const found: RepeatResult = { findings: [], explained: new Set() };
  for (const gaps of columnGapsByLine(outcomes, explained)) {
    const rows = repeatedRows(gaps);
    if (rows.length !== 1) continue;
    const { row, twin, figures } = rows[0];
    // Other sums over the row (another table's 类 line against this 类's rows) that it alone puts over.
    const table = figures[0].table;
    const alsoOver = outcomes.filter((o) => {
      if (o.consistent || explained.has(o) || gaps.includes(o) || o.check.evidenceOnly || (o.check.comparison ?? 'equal') !== 'equal') return false;
      const mine = o.check.parts.find((p) => p.table === table && p.row === row && !p.subtracted);
      return (
        !!mine &&
        !mine.value.isZero() &&
        o.difference
          .plus(mine.value.times(scaleTo(o.check.stated, mine)))
          .abs()
          .lte(o.tolerance)
      );
    });
    for (const o of [...gaps, ...alsoOver]) found.explained.add(o);
    found.findings.push(repeatFinding(row, twin, figures, gaps, alsoOver));
  }
  return found;
}

interface Repeat {
  row: number;
  twin: number;
  /** The repeated row's figure in each failing sum, in the order of the sums. */
  figures: Figure[];
}

/** The rows under every failing sum of the line that repeat the row before them and are each sum's excess. */
function repeatedRows(gaps: Outcome[]): Repeat[] {
  const [first] = gaps;
  const out: Repeat[] = [];
  const parts = [...first.check.parts].sort((a, b) => a.row - b.row);
  for (let i = 1; i < parts.length; i++) {
    const [above, here] = [parts[i - 1], parts[i]];
    if (!here.line || here.line !== above.line || here.value.isZero()) continue;
    const figures: Figure[] = [];
    const ok = gaps.every((o) => {
      const mine = o.check.parts.find((p) => p.row === here.row);
      const before = o.check.parts.find((p) => p.row === above.row);
      if (!mine || !before || !mine.value.eq(before.value)) return false;
      figures.push(mine);
      // The sum is over by exactly this row: stated − Σ = −figure (within the sum's band).
      return o.difference.plus(mine.value).abs().lte(o.tolerance);
    });
    if (ok) out.push({ row: here.row, twin: above.row, figures });
  }
  return out;
}

function repeatFinding(row: number, twin: number, figures: Figure[], gaps: Outcome[], alsoOver: Outcome[]): Finding {
  const f = figures[0];
  const d = f.decimals;
  const total = gaps[0].check.stated;
  return {
    rule: gaps[0].rule,
    severity: gaps[0].severity,
    sheet: f.table.sheet,
    cell: cellAddress(f.row, f.col),
    table: f.table.id,
    subject: 'amount',
    actual: formatAmount(f.value, d),
    expected: null,
    difference: formatAmount(f.value, d),
    tolerance: toPlaces(gaps[0].tolerance, d + 1),
    decimals: d,
    // The repeated row's figures are marked; the row it repeats and the totals, right, are listed only.
    cells: [...figures.map((x, k): CellRef => (k === 0 ? cellRef(x) : { ...cellRef(x), other: true })), ...gaps.map((o) => cellRef(o.check.stated))],
    parts: figures.map(cellRef),
    explains: [...gaps, ...alsoOver].map(explainedCheck),
    message: message('sum.repeated-row', {
      table: tableArg(tableShort(f.table)),
      cell: cellArg(cellAddress(f.row, f.col)),
      name: nameArg(f.line),
      row: countArg(row),
      twin: countArg(twin),
      amount: amountArg(formatAmount(f.value, d), d),
      line: nameArg(lineName(total)),
      count: countArg(gaps.length),
    }),
    culprit: true,
  };
}
