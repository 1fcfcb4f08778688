import { toPlaces } from '../../amount';
import { cellAddress, parseCellAddress } from '../../address';
import type { CellRef, Finding } from '../../finding';
import { cellArg, countArg, message, nameArg, tableArg } from '../../messages/message';
import type { DetectedTable } from '../../table';
import { explainedCheck, holdsWith, type Outcome } from './sumCheck';
import { cellRef, tableShort, type Figure } from './tableAccess';
import type Decimal from 'decimal.js';
import { gather } from './gather';

/**
 * A column pasted over another: 基本支出's figures copied into 项目支出, row by row. Every row's 合计
 * then fails (合计 ≠ 基本支出 + 项目支出) and each is told at its 合计 — a wall of errors at figures that
 * are right. Where the two columns are equal on every row their sum holds on and on every row it
 * fails on, at least MIN_ROWS of which fail, the pair is told once: the two columns are the same row
 * by row, and the 合计 of those rows do not add up because of it.
 */

const MIN_ROWS = 3;

export interface CopyResult {
  findings: Finding[];
  explained: Set<Outcome>;
  /** The pasted column of each copy told apart, on the rows it was read on: no figure there can stand as the truth for another table or the prose. */
  copies: CopiedCells[];
}

export interface CopiedCells {
  table: DetectedTable;
  /** The column pasted over (项目支出), told from the one copied (基本支出) by the other tables. */
  pasted: number;
  rows: Set<number>;
}

/**
 * The narrative's findings judged against copied cells only (「占项目支出总额的100.00%」 against the pasted
 * 项目支出 合计) say nothing sure about the prose: they are kept, as info.
 */
export function quietAgainstCopies(findings: Finding[], copies: CopiedCells[]): Finding[] {
  if (copies.length === 0) return findings;
  const inCopy = (c: CellRef) => {
    const { row, col } = parseCellAddress(c.cell);
    return copies.some((k) => k.table.sheet === c.sheet && k.rows.has(row) && k.pasted === col);
  };
  return findings.map((f) => {
    if (!f.rule.startsWith('narrative') || f.severity === 'info') return f;
    const against = f.cells.filter((c) => c.other);
    return against.length > 0 && against.every(inCopy) ? { ...f, severity: 'info' } : f;
  });
}

/** A sum along a row of one table, of several of its columns. */
function rowSum(o: Outcome): boolean {
  const c = o.check;
  return c.direction === 'row' && !c.evidenceOnly && (c.comparison ?? 'equal') === 'equal' && c.parts.length > 1 && c.parts.every((p) => p.table === c.stated.table && !p.subtracted && !p.unreadable);
}

export function findCopiedColumns(outcomes: Outcome[], explained: Set<Outcome>, strict: boolean): CopyResult {
  const found: CopyResult = { findings: [], explained: new Set(), copies: [] };
  const failing = new Map<DetectedTable, Outcome[]>();
  for (const o of outcomes) {
    if (o.consistent || explained.has(o) || o.reclassified || !rowSum(o)) continue;
    const list = failing.get(o.check.stated.table);
    if (list) list.push(o);
    else failing.set(o.check.stated.table, [o]);
  }
  for (const [table, gaps] of failing) {
    if (gaps.length < MIN_ROWS) continue;
    const pairs = samePairs(gaps);
    if (pairs.length !== 1) continue;
    const {
      pair: [a, b],
      sums,
    } = pairs[0];
    // On the rows whose sum holds, the two columns must be equal too: a whole column copied.
    const holding = outcomes.filter((o) => o.consistent && o.check.stated.table === table && rowSum(o) && hasBoth(o, a, b));
    if (!holding.every((o) => equalAt(o, a, b))) continue;
    for (const o of sums) found.explained.add(o);
    const rows = new Set([...sums, ...holding].map((o) => o.check.stated.row));
    // What the pasted cell was: its row's 合计 less the row's other parts (the row added up before the paste).
    const gapAt = new Map(sums.map((o) => [o.check.stated.row, o.difference]));
    // Another table's comparison that fails on a copied cell and holds with that cell as it was (表十's
    // 项目支出 合计 against the pasted 项目支出 合计) fails because of the copy: told with it, not as a slip of
    // the other table, whose figure is right. A comparison with the column copied from fails for a slip of its own.
    const unsettled = outcomes.filter((o) => !o.consistent && !explained.has(o) && !found.explained.has(o) && !o.reclassified && !o.check.evidenceOnly);
    const against: Outcome[] = [];
    const pastedCols = new Set<number>();
    for (const o of unsettled) {
      const col = restoredCloses(o, table, rows, [a, b], gapAt, strict);
      if (col === undefined) continue;
      against.push(o);
      pastedCols.add(col);
    }
    for (const o of against) found.explained.add(o);
    const pasted = pastedCols.size === 1 ? [...pastedCols][0] : pastedCols.size === 0 ? confirmedOther(outcomes, table, rows, a, b) : undefined;
    if (pasted !== undefined) found.copies.push({ table, pasted, rows });
    found.findings.push(copyFinding(table, a, b, sums, against));
  }
  return found;
}

/**
 * The column (a or b) of the copied cell a comparison with another table reads, when the comparison holds
 * with that cell restored to what it was before the paste (the row's 合计 less its other parts); undefined
 * when it reads none, or holds with none restored.
 */
function restoredCloses(o: Outcome, table: DetectedTable, rows: Set<number>, cols: number[], gapAt: Map<number, Decimal>, strict: boolean): number | undefined {
  const { stated, parts } = o.check;
  if (stated.table === table && parts.every((p) => p.table === table)) return undefined;
  for (const f of [stated, ...parts]) {
    const gap = gapAt.get(f.row);
    if (f.table !== table || !gap || !cols.includes(f.col)) continue;
    if (holdsWith(o.check, f, f.value.plus(gap), strict)) return f.col;
  }
  return undefined;
}

/**
 * With no comparison to tell, the pasted column is the one no other table reads while the other is read
 * and agrees (05's 基本支出 against 06's 合计): the prose judged against the first says nothing sure.
 */
function confirmedOther(outcomes: Outcome[], table: DetectedTable, rows: Set<number>, a: number, b: number): number | undefined {
  const reads = (col: number) => outcomes.filter((o) => readsCell(o, table, rows, col));
  const [ra, rb] = [reads(a), reads(b)];
  const agrees = (list: Outcome[]) => list.length > 0 && list.every((o) => o.consistent);
  if (rb.length === 0 && agrees(ra)) return b;
  if (ra.length === 0 && agrees(rb)) return a;
  return undefined;
}

/** A comparison with another table one of whose figures lies in the column's copied rows. */
function readsCell(o: Outcome, table: DetectedTable, rows: Set<number>, col: number): boolean {
  const { stated, parts } = o.check;
  const figures = [stated, ...parts];
  if (figures.every((f) => f.table === table)) return false;
  return figures.some((f) => f.table === table && rows.has(f.row) && f.col === col);
}

function hasBoth(o: Outcome, a: number, b: number): boolean {
  return o.check.parts.some((p) => p.col === a) && o.check.parts.some((p) => p.col === b);
}

function equalAt(o: Outcome, a: number, b: number): boolean {
  const x = o.check.parts.find((p) => p.col === a)!;
  const y = o.check.parts.find((p) => p.col === b)!;
  return x.value.eq(y.value);
}

/**
 * The pairs of part columns equal on at least MIN_ROWS failing row sums holding both (some figure not
 * nought), every other failing row sum of the table being one of theirs (项目支出 = 其他运转类 +
 * 特定目标类 on a pasted 项目支出).
 */
function samePairs(gaps: Outcome[]): Array<{ pair: [number, number]; sums: Outcome[] }> {
  const cols = [...new Set(gather(gaps, (o) => o.check.parts.map((p) => p.col)))].sort((x, y) => x - y);
  const out: Array<{ pair: [number, number]; sums: Outcome[] }> = [];
  for (let i = 0; i < cols.length; i++) {
    for (let j = i + 1; j < cols.length; j++) {
      const [a, b] = [cols[i], cols[j]];
      const sums = gaps.filter((o) => hasBoth(o, a, b) && equalAt(o, a, b));
      if (sums.length < MIN_ROWS || sums.every((o) => o.check.parts.find((p) => p.col === a)!.value.isZero())) continue;
      // A 其中 column equals its 小计 by nature: summed with it, the table is misread (layout-doubtful), not pasted.
      const names = [a, b].map((col) => sums[0].check.parts.find((p) => p.col === col)!.column);
      if (names.some((n) => !n || /其中/.test(n)) || names[0] === names[1]) continue;
      if (!gaps.every((o) => sums.includes(o) || o.check.stated.col === a || o.check.stated.col === b)) continue;
      out.push({ pair: [a, b], sums });
    }
  }
  return out;
}

function copyFinding(table: DetectedTable, a: number, b: number, gaps: Outcome[], against: Outcome[]): Finding {
  const at = (o: Outcome, col: number): Figure => o.check.parts.find((p) => p.col === col)!;
  const first = at(gaps[0], b);
  const cells: CellRef[] = [cellRef(first), ...gaps.slice(1).map((o): CellRef => ({ ...cellRef(at(o, b)), other: true })), ...gaps.map((o) => cellRef(at(o, a)))];
  return {
    rule: gaps[0].rule,
    severity: gaps[0].severity,
    sheet: table.sheet,
    cell: cellAddress(first.row, first.col),
    table: table.id,
    subject: 'amount',
    actual: null,
    expected: null,
    tolerance: toPlaces(gaps[0].tolerance, first.decimals + 1),
    decimals: first.decimals,
    cells,
    parts: gaps.map((o) => cellRef(at(o, a))),
    explains: [...gaps, ...against].map(explainedCheck),
    message: message('sum.copied-column', {
      table: tableArg(tableShort(table)),
      cell: cellArg(cellAddress(first.row, first.col)),
      column: nameArg(first.column || cellAddress(first.row, first.col)),
      other: nameArg(at(gaps[0], a).column || cellAddress(first.row, a)),
      count: countArg(gaps.length),
    }),
  };
}
