import { cellAddress } from '../../address';
import { formatAmount, toPlaces } from '../../amount';
import type { Finding } from '../../finding';
import { amountArg, cellArg, message, nameArg, tableArg, type Message } from '../../messages/message';
import { evaluate, explainedCheck, holdsWith, withFigures, type Outcome } from './sumCheck';
import { cellRef, figureId, lineName, tableShort, withValue, type Figure } from './tableAccess';

/**
 * Two cells of one line typed in each other's columns: a project's 9,876.54 under 基本支出 and its
 * nought under 项目支出. The line still adds up (合计 = 基本 + 项目), so no single cell is the culprit;
 * the sums down the two columns fail by the same amount, one over and one under, and the line above
 * (the 款 totalling its 项) is all the single-cell reading can name — a figure that is right. Where
 * exactly one line under both failing sums, its two cells exchanged, closes both and keeps every
 * check that held, that pair is named instead: one finding at the pair.
 */

/** More failing sums than this in one table: a misread table or many slips, not one exchange. */
const MAX_FAILING = 40;

export interface SwapResult {
  findings: Finding[];
  explained: Set<Outcome>;
}

/** A sum down a column of one table, failing, that no culprit explained (a line's total over its rows). */
export function isColumnGap(o: Outcome, explained: Set<Outcome>): boolean {
  const c = o.check;
  if (o.consistent || explained.has(o) || c.evidenceOnly || o.reclassified || (c.comparison ?? 'equal') !== 'equal' || c.direction === 'row') return false;
  return c.parts.length > 1 && c.parts.every((p) => p.table === c.stated.table && !p.subtracted && !p.unreadable);
}

/** The failing column sums of each line (a total over its rows, in each of its columns), by table and row. */
export function columnGapsByLine(outcomes: Outcome[], explained: Set<Outcome>): Outcome[][] {
  const byLine = new Map<string, Outcome[]>();
  for (const o of outcomes) {
    if (!isColumnGap(o, explained)) continue;
    const s = o.check.stated;
    const key = `${s.table.id}|${s.row}`;
    const list = byLine.get(key);
    if (list) list.push(o);
    else byLine.set(key, [o]);
  }
  return [...byLine.values()];
}

export function findSwaps(outcomes: Outcome[], explained: Set<Outcome>, strict: boolean): SwapResult {
  const found: SwapResult = { findings: [], explained: new Set() };
  const byTable = new Map<unknown, Outcome[]>();
  for (const o of outcomes) {
    if (!isColumnGap(o, explained)) continue;
    const list = byTable.get(o.check.stated.table);
    if (list) list.push(o);
    else byTable.set(o.check.stated.table, [o]);
  }
  for (const gaps of byTable.values()) {
    if (gaps.length < 2 || gaps.length > MAX_FAILING) continue;
    for (let i = 0; i < gaps.length; i++) {
      for (let j = i + 1; j < gaps.length; j++) {
        const [a, b] = [gaps[i], gaps[j]];
        if (found.explained.has(a) || found.explained.has(b)) continue;
        // The same line's total in two columns, one over and one under by the same amount (within both bands).
        if (a.check.stated.row !== b.check.stated.row || a.check.stated.col === b.check.stated.col) continue;
        if (a.difference.plus(b.difference).abs().gt(a.tolerance.plus(b.tolerance))) continue;
        const pairs = exchanges(a, b, strict);
        if (pairs.length !== 1) continue;
        const [x, y] = pairs[0];
        if (!keepsTheRest(outcomes, a, b, x, y, strict)) continue;
        found.explained.add(a);
        found.explained.add(b);
        found.findings.push(swapFinding(x, y, a, b));
      }
    }
  }
  return found;
}

/** The lines under both sums whose two cells, exchanged, close both. */
function exchanges(a: Outcome, b: Outcome, strict: boolean): Array<[Figure, Figure]> {
  const inB = new Map(b.check.parts.map((p) => [p.row, p]));
  const out: Array<[Figure, Figure]> = [];
  for (const x of a.check.parts) {
    const y = inB.get(x.row);
    if (!y || x.value.eq(y.value)) continue;
    // Each part carrying the other's value: both checks hold.
    if (holdsWith(a.check, x, y.value, strict) && holdsWith(b.check, y, x.value, strict)) out.push([x, y]);
  }
  return out;
}


/** Every other check on either cell still holds with the two exchanged (the line's own sum does: it adds both). */
function keepsTheRest(outcomes: Outcome[], a: Outcome, b: Outcome, x: Figure, y: Figure, strict: boolean): boolean {
  const [ix, iy] = [figureId(x), figureId(y)];
  const swap = (f: Figure) => {
    const k = figureId(f);
    return k === ix ? withValue(f, y.value) : k === iy ? withValue(f, x.value) : f;
  };
  for (const o of outcomes) {
    if (o === a || o === b || !o.consistent || o.check.evidenceOnly) continue;
    const c = o.check;
    if (c.stated.table !== x.table && c.parts.every((p) => p.table !== x.table)) continue;
    const touches = [c.stated, ...c.parts].some((f) => {
      const k = figureId(f);
      return k === ix || k === iy;
    });
    if (!touches) continue;
    const r = evaluate(withFigures(c, swap(c.stated), c.parts.map(swap)), strict);
    if (r && !r.consistent) return false;
  }
  return true;
}

/**
 * The pair told: two figures exchanged (sum.swapped), or one figure typed a column off, the cell it belongs in left
 * empty (sum.misplaced: never 「0.00 与 18.96 疑似填反」 of a blank).
 */
function pairMessage(key: 'sum.swapped' | 'sum.misplaced', x: Figure, y: Figure, a: Outcome): Message {
  const d = x.decimals;
  return message(key, {
    table: tableArg(tableShort(x.table)),
    cell: cellArg(cellAddress(x.row, x.col)),
    name: nameArg(x.name || cellAddress(x.row, x.col)),
    actual: amountArg(formatAmount(x.value, d), d),
    otherCell: cellArg(cellAddress(y.row, y.col)),
    other: nameArg(y.column || y.name || cellAddress(y.row, y.col)),
    ...(key === 'sum.swapped' ? { otherValue: amountArg(formatAmount(y.value, d), d) } : {}),
    line: nameArg(lineName(a.check.stated)),
  });
}

function swapFinding(first: Figure, second: Figure, a: Outcome, b: Outcome): Finding {
  // (A misplaced figure is told at its own cell, the empty one it belongs in beside it.)
  const [x, y] = !first.shown && second.shown ? [second, first] : [first, second];
  const d = x.decimals;
  return {
    rule: a.rule,
    severity: a.severity,
    sheet: x.table.sheet,
    cell: cellAddress(x.row, x.col),
    table: x.table.id,
    subject: 'amount',
    actual: x.shown ? formatAmount(x.value, d) : null,
    expected: formatAmount(y.value, d),
    difference: formatAmount(x.value.minus(y.value), d),
    tolerance: toPlaces(a.tolerance, d + 1),
    decimals: d,
    // Both cells of the pair are marked (the second as `other`); the line's totals, right, are listed only.
    cells: [cellRef(x), { ...cellRef(y), other: true }, cellRef(a.check.stated), cellRef(b.check.stated)],
    parts: [cellRef(y)],
    explains: [explainedCheck(a), explainedCheck(b)],
    message: pairMessage(y.shown ? 'sum.swapped' : 'sum.misplaced', x, y, a),
    culprit: true,
  };
}
