import { cellAddress } from '../../address';
import { formatAmount, toPlaces } from '../../amount';
import type { CellRef, Finding } from '../../finding';
import { amountArg, cellArg, countArg, message, messageArg, nameArg, tableArg, type MessageArg } from '../../messages/message';
import type { DetectedTable } from '../../table';
import { explainedCheck, holdsWith, type Outcome } from './sumCheck';
import { columnGapsByLine } from './swappedPair';
import { cellRef, lineName, tableShort, type Figure } from './tableAccess';

/**
 * A row off along its whole line: a 类 line raised in every column (810 | 610 | 510 for 800 | 600 | 500), its
 * own row sum still holding. Its columns disagree with its 款 below by the same amounts as the 合计 above
 * disagrees with the 类 lines: each column sum of the 合计 fails, and no single cell can be named. Where every
 * failing column of a line is matched by a failing column of one row under it, over by what the line is
 * short (or short by what it is over), that row is the one off: one finding at it, with what it should be
 * (the sum of its own parts, which closes both), and the right 合计 is not blamed.
 */
export function findRowsOff(outcomes: Outcome[], explained: Set<Outcome>): MissingRowResult {
  const found: MissingRowResult = { findings: [], explained: new Set() };
  // Each failing column sum by the cell it states: a row's own checks against its parts.
  const byCell = new Map<string, Outcome>();
  for (const o of outcomes) {
    const c = o.check;
    if (o.consistent || explained.has(o) || o.reclassified || c.evidenceOnly || (c.comparison ?? 'equal') !== 'equal' || c.direction === 'row') continue;
    if (!c.parts.every((p) => p.table === c.stated.table && !p.subtracted)) continue;
    byCell.set(`${c.stated.table.id}|${c.stated.row}|${c.stated.col}`, o);
  }
  for (const gaps of columnGapsByLine(outcomes, explained)) {
    if (gaps.some((o) => found.explained.has(o))) continue;
    const { table } = gaps[0].check.stated;
    const rows = [...new Set(gaps[0].check.parts.map((p) => p.row))];
    for (const row of rows) {
      const own = gaps.map((p) => byCell.get(`${table.id}|${row}|${p.check.stated.col}`));
      const matched = own.every((q, k) => q && !found.explained.has(q) && q.difference.plus(gaps[k].difference).abs().lte(q.tolerance.plus(gaps[k].tolerance)) && !q.difference.isZero());
      if (!matched) continue;
      const offs = own as Outcome[];
      for (const o of [...offs, ...gaps]) found.explained.add(o);
      found.findings.push(rowOffFinding(offs, gaps, nameArg(lineName(gaps[0].check.stated))));
      break;
    }
  }
  return found;
}

function rowOffFinding(offs: Outcome[], totals: Outcome[], putOut: MessageArg): Finding {
  const first = offs[0];
  const s = first.check.stated;
  const d = first.decimals;
  const cell = cellAddress(s.row, s.col);
  return {
    ...atFirstGap(first),
    actual: formatAmount(s.value, d),
    expected: formatAmount(first.expected, d),
    ...bandOf(first),
    // The row's figures are marked; its parts and the 合计, right, are listed only.
    cells: offs.map((o, k): CellRef => (k === 0 ? cellRef(o.check.stated) : { ...cellRef(o.check.stated), other: true })),
    parts: [...first.check.parts.map(cellRef), ...totals.map((o) => cellRef(o.check.stated))],
    explains: [...offs, ...totals].map(explainedCheck),
    message: message(first.difference.isPositive() ? 'sum.row-over' : 'sum.row-under', {
      table: tableArg(tableShort(s.table)),
      cell: cellArg(cell),
      name: nameArg(lineName(s)),
      count: countArg(offs.length),
      amount: amountArg(formatAmount(first.difference.abs(), d), d),
      expected: amountArg(formatAmount(first.expected, d), d),
      line: putOut,
    }),
    culprit: true,
  };
}

export interface MissingRowResult {
  findings: Finding[];
  explained: Set<Outcome>;
}

/**
 * A row lost under a total: deleted, left out, or overwritten by the row above pasted one row low. Each
 * column sum of the total then falls short by that row's figure, and each is told at the total — up to a
 * dozen errors in a wide 财政拨款收入支出决算总表, all at figures that are right, for one slip. Where two or
 * more column sums of one line fail, all short by the same sign, and their gaps add up along the line as
 * a row does (小计 = 基本支出 + 项目支出 holds on the gaps, as on every row of the table), they are one
 * finding: the line is short of one row's worth, and a row under it with no figure in those columns, if
 * exactly one, is named as the place to look — or, where the line is upheld as printed, is where the finding
 * is — unless other tables say the line itself is off.
 */
export function findMissingRows(outcomes: Outcome[], explained: Set<Outcome>, strict: boolean): MissingRowResult {
  const found: MissingRowResult = { findings: [], explained: new Set() };
  const groups = columnGapsByLine(outcomes, explained).filter((gaps) => {
    if (gaps.length < 2) return false;
    const short = gaps[0].difference.isPositive();
    return gaps.every((o) => o.difference.isPositive() === short && !o.difference.isZero());
  });
  if (groups.length === 0) return found;
  // What each line's reading needs of the other checks, gathered in one pass (not a pass per line).
  const lines = checksOfLines(groups, outcomes);
  for (const gaps of groups) {
    const line = lines.get(lineKey(gaps[0].check.stated))!;
    if (!addsUpAsARow(gaps, line.rowSums)) continue;
    gaps.sort((a, b) => a.check.stated.col - b.check.stated.col);
    for (const o of gaps) found.explained.add(o);
    // The line itself off (05's 合计 raised in every column, its 类 not): another table agrees with the sum of
    // its parts, and none with the line as printed. The line is named, with what it should be.
    const others = othersWithTheParts(gaps, line.across, explained, strict);
    if (others) {
      for (const o of others) found.explained.add(o);
      found.findings.push(rowOffFinding(gaps, others, tableArg(tableShort(otherTable(others[0], gaps[0].check.stated.table)))));
      continue;
    }
    // A lost row shows as an empty one only where the line is short of its items, not over.
    const blank = gaps[0].difference.isNegative() ? undefined : blankRow(gaps);
    found.findings.push(blank && line.upheld ? blankRowFinding(gaps, blank) : missingRowFinding(gaps, blank));
  }
  return found;
}

const lineKey = (f: Figure) => `${f.table.id}|${f.row}`;

interface LineChecks {
  /** The line's own row sums (小计 = 基本支出 + 项目支出 on it). */
  rowSums: Outcome[];
  /**
   * A check that holds with a figure of the line as printed, other than its own row sums: its 类 adds up
   * with it (类 = Σ 款), or another table agrees with it. The line is then right, and what is short is below.
   */
  upheld: boolean;
  /** Comparisons with other tables reading a figure of the line, with the figures of it they read. */
  across: Array<{ o: Outcome; figures: Figure[] }>;
}

function checksOfLines(groups: Outcome[][], outcomes: Outcome[]): Map<string, LineChecks> {
  const lines = new Map<string, LineChecks>(groups.map((g) => [lineKey(g[0].check.stated), { rowSums: [], across: [], upheld: false }]));
  const failing = new Map<string, Set<number>>(groups.map((g) => [lineKey(g[0].check.stated), new Set(g.map((o) => o.check.stated.col))]));
  for (const o of outcomes) {
    const c = o.check;
    if (c.evidenceOnly || (c.comparison ?? 'equal') !== 'equal') continue;
    const own = c.parts.every((p) => p.table === c.stated.table);
    const rowSum = own && c.direction === 'row' ? lines.get(lineKey(c.stated)) : undefined;
    if (rowSum) {
      rowSum.rowSums.push(o);
      continue;
    }
    if (o.consistent) {
      for (const f of [c.stated, ...c.parts]) {
        const line = lines.get(lineKey(f));
        if (line && failing.get(lineKey(f))!.has(f.col)) line.upheld = true;
      }
    }
    if (own) continue;
    const read = new Map<LineChecks, Figure[]>();
    for (const f of [c.stated, ...c.parts]) {
      const line = lines.get(lineKey(f));
      if (!line) continue;
      const list = read.get(line);
      if (list) list.push(f);
      else read.set(line, [f]);
    }
    for (const [line, figures] of read) line.across.push({ o, figures });
  }
  return lines;
}

/**
 * The gaps, one per column of the line (nought in a column that adds up), satisfy every row relation of
 * the line (its own row sums, which hold), one at least with two gaps in it.
 */
function addsUpAsARow(gaps: Outcome[], rowSums: Outcome[]): boolean {
  const gapAt = new Map<number, Outcome>(gaps.map((o) => [o.check.stated.col, o]));
  const gap = (f: Figure) => gapAt.get(f.col)?.difference;
  let shown = false;
  for (const o of rowSums) {
    const c = o.check;
    let sum = gap(c.stated)?.negated() ?? null;
    let inIt = gap(c.stated) ? 1 : 0;
    for (const p of c.parts) {
      const g = gap(p);
      if (!g) continue;
      inIt++;
      const signed = p.subtracted ? g.negated() : g;
      sum = sum ? sum.plus(signed) : signed;
    }
    if (inIt === 0) continue;
    if (!sum || !sum.abs().lte(o.tolerance)) return false;
    if (inIt >= 2) shown = true;
  }
  return shown;
}

/**
 * The failing comparisons with other tables that read the line's figure in a failing column and hold with
 * it at the sum of its parts — undefined where there are none, or where another table agrees with the line
 * as printed (then its parts are short: a row lost under it).
 */
function othersWithTheParts(gaps: Outcome[], across: LineChecks['across'], explained: Set<Outcome>, strict: boolean): Outcome[] | undefined {
  const gapAt = new Map(gaps.map((o) => [o.check.stated.col, o.difference]));
  const agreeing: Outcome[] = [];
  for (const { o, figures } of across) {
    const f = figures.find((x) => gapAt.has(x.col));
    if (!f) continue;
    if (o.consistent) return undefined;
    if (explained.has(o) || o.reclassified) continue;
    if (holdsWith(o.check, f, f.value.minus(gapAt.get(f.col)!), strict)) agreeing.push(o);
  }
  return agreeing.length > 0 ? agreeing : undefined;
}

/** The table on the other side of a comparison. */
function otherTable(o: Outcome, own: DetectedTable): DetectedTable {
  return [o.check.stated, ...o.check.parts].find((f) => f.table !== own)!.table;
}

/** The one row under the line with no figure in any of the failing columns (where a row is missing, its place may show). */
function blankRow(gaps: Outcome[]): Figure | undefined {
  const cols = new Set(gaps.map((o) => o.check.stated.col));
  const rows = new Map<number, Figure[]>();
  for (const o of gaps) for (const p of o.check.parts) if (cols.has(p.col)) rows.set(p.row, [...(rows.get(p.row) ?? []), p]);
  const blank = [...rows.values()].filter((figs) => figs.length === cols.size && figs.every((f) => !f.shown && f.value.isZero()));
  return blank.length === 1 ? blank[0].sort((a, b) => a.col - b.col)[0] : undefined;
}

function missingRowFinding(gaps: Outcome[], blank: Figure | undefined): Finding {
  const first = gaps[0];
  const s = first.check.stated;
  const d = first.decimals;
  const cell = cellAddress(s.row, s.col);
  const args = {
    table: tableArg(tableShort(s.table)),
    cell: cellArg(cell),
    name: nameArg(lineName(s)),
    count: countArg(gaps.length),
    amount: amountArg(formatAmount(first.difference.abs(), d), d),
    ...(blank ? { blank: messageArg('detail.blank-row', { cell: cellArg(cellAddress(blank.row, blank.col)), name: nameArg(blank.line || cellAddress(blank.row, blank.col)) }) } : {}),
  };
  const cells: CellRef[] = [cellRef(s), ...gaps.slice(1).map((o): CellRef => ({ ...cellRef(o.check.stated), other: true }))];
  if (blank) cells.push({ ...cellRef(blank), other: true });
  return {
    ...atFirstGap(first),
    actual: s.shown ? formatAmount(s.value, d) : null,
    expected: null,
    ...bandOf(first),
    cells,
    parts: first.check.parts.map(cellRef),
    explains: gaps.map(explainedCheck),
    message: message(first.difference.isNegative() ? 'sum.extra-row' : 'sum.missing-row', args),
  };
}

/**
 * A row lost under a line that is right as printed (its 类 adds up with it, or another table agrees with it),
 * where one row under it, alone, has no figure in the failing columns: the slip shows there (its figures
 * deleted, never filled in, or pasted one row low over the next row's), so the finding is at that row and the
 * line is marked beside it. No figure is said to be due there, nor a difference: a row pasted one row low
 * leaves the line short by the row it overwrote, not by its own figures.
 */
function blankRowFinding(gaps: Outcome[], blank: Figure): Finding {
  const first = gaps[0];
  const s = first.check.stated;
  const d = first.decimals;
  const cell = cellAddress(blank.row, blank.col);
  return {
    ...atFirstGap(first),
    cell,
    actual: null,
    expected: null,
    tolerance: toPlaces(first.tolerance, d + 1),
    decimals: d,
    cells: [cellRef(blank), ...gaps.map((o): CellRef => ({ ...cellRef(o.check.stated), other: true }))],
    parts: first.check.parts.map(cellRef),
    explains: gaps.map(explainedCheck),
    message: message('sum.blank-row', {
      table: tableArg(tableShort(s.table)),
      cell: cellArg(cell),
      name: nameArg(blank.line || cell),
      line: cellArg(cellAddress(s.row, s.col)),
      lineName: nameArg(lineName(s)),
      count: countArg(gaps.length),
      amount: amountArg(formatAmount(first.difference.abs(), d), d),
    }),
  };
}

/** A finding's place: the first failing check's stated cell, under its rule and severity. */
function atFirstGap(first: Outcome): Pick<Finding, 'rule' | 'severity' | 'sheet' | 'cell' | 'table' | 'subject'> {
  const s = first.check.stated;
  return { rule: first.rule, severity: first.severity, sheet: s.table.sheet, cell: cellAddress(s.row, s.col), table: s.table.id, subject: 'amount' };
}

/** … and its band: the gap, the tolerance, the places. */
function bandOf(first: Outcome): Pick<Finding, 'difference' | 'tolerance' | 'decimals'> {
  const d = first.decimals;
  return { difference: formatAmount(first.difference, d), tolerance: toPlaces(first.tolerance, d + 1), decimals: d };
}
