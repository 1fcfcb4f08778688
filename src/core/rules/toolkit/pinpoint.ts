import Decimal from 'decimal.js';
import { cellAddress } from '../../address';
import { formatAmount, displayAmount } from '../../amount';
import type { CellRef, Finding, Severity } from '../../finding';
import { outcomeMessage, scaleTo, type Outcome } from './sumCheck';
import { cellRef, figureKey, tableName, type Figure } from './tableAccess';

/**
 * Pinpointing. A wrong detail cell breaks its row sum and its column total at once; a
 * wrong total breaks its row and the grand total; a 类 line breaks its table and the
 * cross-table equality. When one cell sits in two or more failing checks running in
 * different directions, no passing check contains it, and correcting that one cell would
 * close every one of those gaps (the values they imply for it agree within their bands),
 * that cell is the culprit: one finding names it, lists every check it explains, and the
 * separate findings of those checks are folded into it.
 */

interface Occurrence {
  outcome: Outcome;
  figure: Figure;
  asStated: boolean;
}

export interface CulpritResult {
  findings: Finding[];
  /** Outcomes folded into a culprit finding (not reported on their own). */
  explained: Set<Outcome>;
}

const SEVERITY_RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1 };

/** The value a failing check implies for one of its cells (in that cell's own unit). */
function impliedValue(o: Occurrence): Decimal {
  const { check, expected, difference } = o.outcome;
  if (o.asStated) return expected;
  return o.figure.value.plus(difference.div(scaleTo(check.stated, o.figure)));
}

export function findCulprits(outcomes: Outcome[]): CulpritResult {
  const failing = outcomes.filter((o) => !o.consistent);
  // A rounding-size gap (inside the band, not zero) in a long column can still be the
  // trace of a wrong cell: it supports a culprit that a failing check points at.
  const support = outcomes.filter((o) => o.consistent && !o.difference.isZero() && o.check.comparison !== 'at-most');
  const inPassing = new Set<string>();
  for (const o of outcomes) {
    // Exact agreement shows the cells are right; a bound that holds (其中 ≤ 小计) does not.
    if (!o.consistent || !o.difference.isZero() || o.check.comparison === 'at-most') continue;
    inPassing.add(figureKey(o.check.stated));
    for (const p of o.check.parts) inPassing.add(figureKey(p));
  }
  const occurrences = new Map<string, Occurrence[]>();
  const add = (f: Figure, outcome: Outcome, asStated: boolean) => {
    const k = figureKey(f);
    const list = occurrences.get(k) ?? [];
    if (!list.some((x) => x.outcome === outcome)) list.push({ outcome, figure: f, asStated });
    occurrences.set(k, list);
  };
  for (const o of failing) {
    add(o.check.stated, o, true);
    for (const p of o.check.parts) add(p, o, false);
  }
  const failingKeys = new Set(occurrences.keys());
  for (const o of support) {
    for (const f of [o.check.stated, ...o.check.parts]) {
      if (failingKeys.has(figureKey(f))) add(f, o, f === o.check.stated);
    }
  }

  interface Candidate {
    key: string;
    figure: Figure;
    occ: Occurrence[];
    implied: Decimal;
    anchor: Occurrence;
  }
  const candidates: Candidate[] = [];
  const tol = (x: Occurrence) => x.outcome.tolerance.div(scaleTo(x.outcome.check.stated, x.figure));
  for (const [key, all] of occurrences) {
    if (all.length < 2 || inPassing.has(key)) continue;
    // A culprit explains at least one failing reported check, or else a broken regularity
    // of its table (evidence) that a rounding-size gap of its column confirms to the cent.
    const reportedFailure = all.some((x) => !x.outcome.consistent && !x.outcome.check.evidenceOnly);
    const evidenceFailure = all.some((x) => !x.outcome.consistent && x.outcome.check.evidenceOnly);
    if (!reportedFailure && !evidenceFailure) continue;
    // An inequality that fails (其中 above its total) points at the cell but implies no value.
    const bounds = all.filter((x) => x.outcome.check.comparison === 'at-most' && !x.outcome.consistent);
    const core = all.filter((x) => x.outcome.check.comparison !== 'at-most' && !x.outcome.check.evidenceOnly);
    const evidence = all.filter((x) => x.outcome.check.comparison !== 'at-most' && x.outcome.check.evidenceOnly);
    const base = core.length > 0 ? core : evidence;
    if (base.length === 0) continue;
    const values = base.map(impliedValue);
    const spread = Decimal.max(...values).minus(Decimal.min(...values));
    // Failing checks may each be off by their band; a supporting tail must match closely.
    const slack = base.filter((x) => !x.outcome.consistent).reduce((sum, x) => sum.plus(tol(x)), new Decimal(0));
    if (spread.gt(slack)) continue;
    // The tightest failing check gives the figure to show as expected.
    const failingEq = base.filter((x) => !x.outcome.consistent);
    const pool = failingEq.length > 0 ? failingEq : base;
    const anchor = [...pool].sort((a, b) => a.outcome.tolerance.comparedTo(b.outcome.tolerance))[0];
    const implied = impliedValue(anchor);
    // Evidence (a regularity, not a rule) only counts when it agrees with the value.
    const agreeing = core.length > 0 ? evidence.filter((x) => impliedValue(x).minus(implied).abs().lte(slack.plus(tol(x)))) : [];
    const occ = [...base, ...agreeing, ...bounds];
    if (occ.length < 2) continue;
    if (!reportedFailure && !agreeing.some((x) => !x.outcome.consistent)) continue;
    candidates.push({ key, figure: occ[0].figure, occ, implied, anchor });
  }
  const failingCount = (c: Candidate) => c.occ.filter((x) => !x.outcome.consistent).length;
  candidates.sort((a, b) => failingCount(b) - failingCount(a) || b.occ.length - a.occ.length || a.figure.row - b.figure.row || a.figure.col - b.figure.col);

  const explained = new Set<Outcome>();
  const findings: Finding[] = [];
  for (const c of candidates) {
    if (c.occ.some((x) => explained.has(x.outcome))) continue;
    for (const x of c.occ) explained.add(x.outcome);
    findings.push(culpritFinding(c.figure, c.occ, c.implied, c.anchor));
  }
  return { findings, explained };
}

function culpritFinding(f: Figure, occ: Occurrence[], implied: Decimal, anchor: Occurrence): Finding {
  const d = f.decimals;
  // Only a broken regularity confirmed by a rounding-size gap: suspicious, not proven.
  const proven = occ.some((x) => !x.outcome.consistent && !x.outcome.check.evidenceOnly);
  const severity: Severity = proven
    ? occ.filter((x) => !x.outcome.check.evidenceOnly).map((x) => x.outcome.severity).sort((a, b) => SEVERITY_RANK[b] - SEVERITY_RANK[a])[0]
    : 'warning';
  const reported = occ.filter((x) => !x.outcome.check.evidenceOnly || !proven);
  const primary =
    reported.find((x) => x.asStated && x.outcome.check.comparison !== 'at-most') ??
    reported.find((x) => x.outcome.check.direction === 'row' && x.outcome.check.comparison !== 'at-most') ??
    reported[0] ??
    occ[0];
  const cells: CellRef[] = [cellRef(f)];
  const seen = new Set([figureKey(f)]);
  const push = (g: Figure) => {
    const k = figureKey(g);
    if (!seen.has(k)) {
      seen.add(k);
      cells.push(cellRef(g));
    }
  };
  for (const x of reported) {
    push(x.outcome.check.stated);
    // Both sides of a comparison disagree: a cross-table equality, or a one-to-one one (收入总计 = 支出总计).
    if (x.outcome.check.direction === 'cross' || x.outcome.check.parts.length === 1) x.outcome.check.parts.forEach(push);
  }
  const actual = f.shown ? formatAmount(f.value, d) : null;
  const shownActual = f.shown ? displayAmount(f.value, d) : '(空)';
  const addr = cellAddress(f.row, f.col);
  const n = reported.length;
  const details = reported.map((x) => outcomeMessage(x.outcome));
  const zh =
    `${tableName(f.table, 'zh-CN')} ${addr}${f.name ? ` ${f.name}` : ''} ${shownActual} 是 ${n} 项不平的共同原因：` +
    `这 ${n} 项核对都含此单元格，且都要求它为 ${displayAmount(implied, d)}；改正这一格即可全部相符（疑为错格）。` +
    details.map((m, i) => `［${i + 1}］${m['zh-CN']}`).join(' ');
  const en =
    `${tableName(f.table, 'en')} ${addr}${f.name ? ` ${f.name}` : ''} ${f.shown ? displayAmount(f.value, d) : '(empty)'} is the one cell behind ${n} failing checks: ` +
    `each of them contains it and each needs it to be ${displayAmount(implied, d)}; correcting this cell closes them all (likely culprit). ` +
    details.map((m, i) => `[${i + 1}] ${m.en}`).join(' ');
  return {
    rule: primary.outcome.rule,
    severity,
    sheet: f.table.sheet,
    cell: addr,
    cells,
    parts: primary.outcome.check.parts.map(cellRef),
    actual,
    expected: formatAmount(implied, d),
    difference: formatAmount(f.value.minus(implied), d),
    tolerance: anchor.outcome.tolerance.div(scaleTo(anchor.outcome.check.stated, f)).toFixed(d + 1),
    message: { 'zh-CN': zh, en },
    table: f.table.id,
    culprit: true,
  };
}
