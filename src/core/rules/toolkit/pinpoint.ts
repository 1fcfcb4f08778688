import Decimal from 'decimal.js';
import { cellAddress } from '../../address';
import { formatAmount, toPlaces } from '../../amount';
import { SEVERITY_RANK, type CellRef, type Finding, type Severity } from '../../finding';
import { amountArg, cellArg, countArg, listArg, message, messageArg, nameArg, tableArg, type MessageArg } from '../../messages/message';
import { evaluate, explainedCheck, nearLabel, outcomeFinding, scaleTo, withFigures, type Outcome, type SumCheck } from './sumCheck';
import { cellRef, figureAt, figureId, negated, tableShort, withValue, type Figure } from './tableAccess';

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


/** The value a failing check implies for one of its cells (in that cell's own unit and sign). */
function impliedValue(o: Occurrence): Decimal {
  const { check, expected, difference } = o.outcome;
  if (o.asStated) return expected;
  const inSum = o.figure.value.plus(difference.div(scaleTo(check.stated, o.figure)));
  // A figure subtracted (增减 = 本年 + (−上年)): the cell is the negation of what the sum needs.
  return o.figure.subtracted ? inSum.negated() : inSum;
}

/** Does giving the figure `value` (in the cell's own sign) close this check (bring it inside its band, or under its bound)? */
function closes(x: Occurrence, value: Decimal): boolean {
  const { check, tolerance } = x.outcome;
  const scale = scaleTo(check.stated, x.figure);
  const inSum = x.figure.subtracted ? value.negated() : value;
  const sum = x.outcome.expected.plus(x.asStated ? 0 : inSum.minus(x.figure.value).times(scale));
  const stated = x.asStated ? value : check.stated.value;
  if (check.comparison === 'at-most') return stated.abs().minus(sum.abs()).lte(tolerance);
  return stated.minus(sum).abs().lte(tolerance);
}

interface Candidate {
  key: number;
  figure: Figure;
  occ: Occurrence[];
  implied: Decimal;
  anchor: Occurrence;
}

/** One round of pinpointing over a set of outcomes; cells in `settled` are no candidates. */
function pinpointPass(outcomes: Outcome[], settled: Set<number>): { culprits: Candidate[]; explained: Set<Outcome>; ties: Outcome[][] } {
  const failing = outcomes.filter((o) => !o.consistent);
  // A rounding-size gap (inside the band, not zero) in a long column can still be the
  // trace of a wrong cell: it supports a culprit that a failing check points at.
  const support = outcomes.filter((o) => o.consistent && !o.difference.isZero() && o.check.comparison !== 'at-most');
  const occurrences = new Map<number, Occurrence[]>();
  const add = (f: Figure, outcome: Outcome, asStated: boolean) => {
    const k = figureId(f);
    const list = occurrences.get(k) ?? [];
    if (!list.some((x) => x.outcome === outcome)) list.push({ outcome, figure: f, asStated });
    occurrences.set(k, list);
  };
  // (Indexed, here and below: run once or twice an audit, these loops are not optimised, and a
  // for…of then allocates an iterator result per outcome and per figure; no list copied per check.)
  for (let i = 0; i < failing.length; i++) {
    const o = failing[i];
    add(o.check.stated, o, true);
    const parts = o.check.parts;
    for (let j = 0; j < parts.length; j++) add(parts[j], o, false);
  }
  const failingKeys = new Set(occurrences.keys());
  for (let i = 0; i < support.length; i++) {
    const o = support[i];
    const { stated, parts } = o.check;
    if (failingKeys.has(figureId(stated))) add(stated, o, true);
    for (let j = 0; j < parts.length; j++) if (failingKeys.has(figureId(parts[j]))) add(parts[j], o, parts[j] === stated);
  }
  // The cells that a check in exact agreement shows are right (and those settled before): no
  // culprits. Only cells that failing checks point at are asked about, so only those are noted.
  const inPassing = new Set<number>();
  const note = (f: Figure) => {
    const k = figureId(f);
    if (occurrences.has(k)) inPassing.add(k);
  };
  for (let i = 0; i < outcomes.length; i++) {
    const o = outcomes[i];
    // Exact agreement shows the cells are right; a bound that holds (其中 ≤ 小计) does not,
    // nor does a regularity of the table (two empty cells agree about nothing).
    if (!o.consistent || !o.difference.isZero() || o.check.comparison === 'at-most' || o.check.evidenceOnly) continue;
    note(o.check.stated);
    const parts = o.check.parts;
    for (let j = 0; j < parts.length; j++) note(parts[j]);
  }
  for (const k of settled) inPassing.add(k);

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
    // Evidence (a regularity, not a rule) only counts when it agrees with the checks.
    const provisional = impliedValue([...base].sort((a, b) => a.outcome.tolerance.comparedTo(b.outcome.tolerance))[0]);
    const agreeing = core.length > 0 ? evidence.filter((x) => impliedValue(x).minus(provisional).abs().lte(slack.plus(tol(x)))) : [];
    // The tightest failing comparison (a rule's or an agreeing regularity's) gives the figure to show.
    const failingEq = [...base, ...agreeing].filter((x) => !x.outcome.consistent);
    const pool = failingEq.length > 0 ? failingEq : base;
    const anchor = [...pool].sort((a, b) => a.outcome.tolerance.comparedTo(b.outcome.tolerance))[0];
    const implied = impliedValue(anchor);
    const occ = [...base, ...agreeing, ...bounds];
    if (occ.length < 2) continue;
    if (!reportedFailure && !agreeing.some((x) => !x.outcome.consistent)) continue;
    // A value is suggested only when it closes every gap the finding explains.
    if (!occ.every((x) => closes(x, implied))) continue;
    // The cell as written (a figure subtracted in one check is the cell's own in another).
    const own = occ.find((x) => !x.figure.subtracted)?.figure ?? figureAt(occ[0].figure.table, occ[0].figure.row, occ[0].figure.col);
    candidates.push({ key, figure: own, occ, implied, anchor });
  }
  // The cell most rules point at first; a table's regularity only breaks ties among those.
  const failingRules = (c: Candidate) => c.occ.filter((x) => !x.outcome.consistent && !x.outcome.check.evidenceOnly).length;
  const failingCount = (c: Candidate) => c.occ.filter((x) => !x.outcome.consistent).length;
  candidates.sort(
    (a, b) =>
      failingRules(b) - failingRules(a) || failingCount(b) - failingCount(a) || b.occ.length - a.occ.length || a.figure.row - b.figure.row || a.figure.col - b.figure.col,
  );

  const explained = new Set<Outcome>();
  const culprits: Candidate[] = [];
  const ties: Outcome[][] = [];
  // Each candidate's failing checks, listed once (not again for every pair compared below).
  const failingOf = candidates.map((c) => c.occ.filter((x) => !x.outcome.consistent).map((x) => x.outcome));
  for (let i = 0; i < candidates.length; i++) {
    const c = candidates[i];
    if (c.occ.some((x) => explained.has(x.outcome))) continue;
    // Two cells either of which would close the very same failing checks (two items of one 小计 under one 合计):
    // which one slipped the figures do not tell. Neither is named: the checks are told once, together (tieFinding).
    const mine = failingOf[i];
    // (A cell left empty is no rival: its correction would write a figure where none was typed, often a negative one.)
    const rival = candidates.some((d, j) => j !== i && d.figure.shown && failingRules(d) === failingRules(c) && failingCount(d) === failingCount(c) && sameOutcomes(failingOf[j], mine));
    if (rival) {
      for (const o of mine) explained.add(o);
      ties.push(mine);
      continue;
    }
    for (const x of c.occ) explained.add(x.outcome);
    culprits.push(c);
  }
  // A line that fails alone against its parts — one child in its table (款 = its only 项), or, among a summary's lines,
  // one child written among children left empty or each shown right (二、上年结转 = （一）一般公共预算拨款 + （二）…):
  // where the line is shown right by an exact agreement elsewhere (类 = 款, the 收支总表's 上年结转) and that child
  // by none, the child is the slip.
  for (const o of failing) {
    if (explained.has(o) || o.check.direction !== 'column' || o.check.comparison === 'at-most' || o.check.evidenceOnly) continue;
    const open = o.check.parts.filter((p) => p.shown && !inPassing.has(figureId(p)));
    if (open.length !== 1) continue;
    const part = open[0];
    const key = figureId(part);
    if (!inPassing.has(figureId(o.check.stated)) || inPassing.has(key) || part.table !== o.check.stated.table) continue;
    // Only the one gap in its column: with another (the 合计 too), the line above may be the slip after all.
    if (failing.some((x) => x !== o && x.check.stated.table === part.table && x.check.stated.col === part.col)) continue;
    const occ: Occurrence = { outcome: o, figure: part, asStated: false };
    const implied = impliedValue(occ);
    if (!closes(occ, implied)) continue;
    // Beside siblings left empty, only where the parts exceed the line: an empty sibling cannot take a negative figure,
    // but may have lost a positive one (公务用车购置费 left “-” under a right 购置及运行费), which the figures do not tell.
    // Only among a summary's lines (二、上年结转 and its sub-lines): in a list of codes a sibling agreeing with its own
    // items may have slipped with them (310 and 31002 raised together), and the written part would be blamed for it.
    if (o.check.parts.length > 1 && (part.subtracted || !implied.lt(part.value) || !part.table.columns.some((c) => c.side))) continue;
    explained.add(o);
    culprits.push({ key, figure: part.subtracted ? figureAt(part.table, part.row, part.col) : part, occ: [occ], implied, anchor: occ });
  }
  return { culprits, explained, ties };
}

/**
 * The failing checks two cells tie for, told once: at the innermost total (the 小计 of the two items, the one
 * with the fewest parts), explaining them all, and naming no cell as the slip.
 */
function tieFinding(tie: Outcome[]): Finding {
  const inner = [...tie].sort((a, b) => a.check.parts.length - b.check.parts.length)[0];
  const f = outcomeFinding(inner);
  return { ...f, explains: [f.explains[0], ...tie.filter((o) => o !== inner).map(explainedCheck)] };
}

function sameOutcomes(a: Outcome[], b: Outcome[]): boolean {
  return a.length === b.length && a.every((o) => b.includes(o));
}

/** A figure with a corrected value, as if the culprit had been written right. */
function corrected(f: Figure, value: Decimal): Figure {
  return f.subtracted ? negated(withValue(f, value)) : withValue(f, value);
}

/**
 * Culprits, in two rounds. The first names the cells that several failing checks point at.
 * The second looks again with those cells corrected: a cell that only then breaks a regularity
 * of its table is named too — YS04's empty 其中：财政拨款 F27 beside the empty 一般公共预算 E27:
 * once E27 is 70.88, F27 = E27 fails like the column F total, and both say F27 is 70.88.
 */
export function findCulprits(outcomes: Outcome[], strict = false, silent: SumCheck[] = []): CulpritResult {
  // A culprit breaks a check: with none failing there is nothing to pinpoint.
  if (!outcomes.some((o) => !o.consistent)) return { findings: [], explained: new Set() };
  const first = pinpointPass(outcomes, new Set());
  const findings = [...first.culprits.map((c) => culpritFinding(c.figure, c.occ, c.implied, c.anchor)), ...first.ties.map(tieFinding)];
  const explained = new Set(first.explained);
  if (first.culprits.length === 0) return { findings, explained };
  const fixes = new Map(first.culprits.map((c) => [c.key, c.implied]));
  const original = new Map<Outcome, Outcome>();
  const revised: Outcome[] = [];
  const touchesFix = (c: SumCheck) => touchesAny(c, fixes);
  for (let i = 0; i < outcomes.length; i++) {
    const o = outcomes[i];
    if (explained.has(o)) continue;
    if (!touchesFix(o.check)) {
      revised.push(o);
      continue;
    }
    const fix = (f: Figure) => (fixes.has(figureId(f)) ? corrected(f, fixes.get(figureId(f))!) : f);
    const r = evaluate(withFigures(o.check, fix(o.check.stated), o.check.parts.map(fix)), strict);
    if (!r) continue;
    original.set(r, o);
    revised.push(r);
  }
  // Checks with nothing written on either side said nothing; with a corrected cell they may.
  for (const c of silent) {
    if (!touchesFix(c)) continue;
    const fix = (f: Figure) => (fixes.has(figureId(f)) ? corrected(f, fixes.get(figureId(f))!) : f);
    const r = evaluate(withFigures(c, fix(c.stated), c.parts.map(fix)), strict);
    if (r) revised.push(r);
  }
  const second = pinpointPass(revised, new Set(fixes.keys()));
  for (const c of second.culprits) {
    // Only where a reported check of the original reading fails too: the correction alone proves nothing.
    if (!c.occ.some((x) => !x.outcome.check.evidenceOnly && !x.outcome.consistent && !original.has(x.outcome))) continue;
    findings.push(culpritFinding(c.figure, c.occ, c.implied, c.anchor));
    for (const x of c.occ) explained.add(original.get(x.outcome) ?? x.outcome);
  }
  return { findings, explained };
}

/** Does the check read one of the cells in `fixes`? (A loop: asked of every outcome, a closure per check for some() adds up.) */
function touchesAny(c: SumCheck, fixes: Map<number, Decimal>): boolean {
  if (fixes.has(figureId(c.stated))) return true;
  const parts = c.parts;
  for (let i = 0; i < parts.length; i++) if (fixes.has(figureId(parts[i]))) return true;
  return false;
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
  // Listed: the culprit, the totals it breaks, and the other side of a cross-table comparison
  // (one figure each); only the culprit and that other side are marked (`other`, marks.ts).
  const cells: CellRef[] = [cellRef(f)];
  const seen = new Set([figureId(f)]);
  const push = (g: Figure) => {
    const k = figureId(g);
    if (!seen.has(k)) {
      seen.add(k);
      cells.push(g.table === f.table ? cellRef(g) : { ...cellRef(g), other: true });
    }
  };
  // What the cell disagrees with, in the table's words: the total it is part of, or the
  // parts it totals, or the figure across the table boundary.
  const against: MessageArg[] = [];
  const named = new Set<string>();
  const addAgainst = (a: MessageArg) => {
    const k = JSON.stringify(a);
    if (!named.has(k)) {
      named.add(k);
      against.push(a);
    }
  };
  // Checks that fail first (the evidence of a broken regularity last), at most two named.
  const ordered = [...reported].sort((a, b) => Number(a.outcome.consistent) - Number(b.outcome.consistent));
  for (const x of ordered) {
    const c = x.outcome.check;
    if (x.asStated) {
      // A total against its parts: one part by name, several as "the sum of its parts".
      addAgainst(c.parts.length === 1 ? nearLabel(c.parts[0], f) : (c.partsName ?? messageArg('detail.parts', {})));
      if (c.parts.length === 1 && !c.evidenceOnly) push(c.parts[0]);
    } else {
      addAgainst(nearLabel(c.stated, f));
      if (!c.evidenceOnly) push(c.stated);
    }
  }
  // The prose stating the value the sums want (公务接待费 1.27 in the 情况说明): named as a witness, not marked.
  for (const x of occ) {
    const said = x.outcome.check.parts[0];
    if (proven && x.asStated && x.outcome.check.evidenceOnly && said?.table.kind === 'narrative') addAgainst(nearLabel(said, f));
  }
  const gap = f.value.minus(implied);
  const args: Record<string, MessageArg> = {
    table: tableArg(tableShort(f.table)),
    cell: cellArg(cellAddress(f.row, f.col)),
    name: nameArg(f.name || cellAddress(f.row, f.col)),
    expected: amountArg(formatAmount(implied, d), d),
    against: listArg(against.slice(0, 2)),
  };
  if (f.shown) args.actual = amountArg(formatAmount(f.value, d), d);
  if (!gap.isZero()) {
    args.diff = amountArg(formatAmount(gap.abs(), d), d);
    args.over = countArg(gap.isPositive() ? 1 : 0);
  }
  return {
    rule: primary.outcome.rule,
    severity,
    sheet: f.table.sheet,
    cell: cellAddress(f.row, f.col),
    table: f.table.id,
    subject: 'amount',
    actual: f.shown ? formatAmount(f.value, d) : null,
    expected: formatAmount(implied, d),
    difference: formatAmount(gap, d),
    tolerance: toPlaces(anchor.outcome.tolerance.div(scaleTo(anchor.outcome.check.stated, f)), d + 1),
    decimals: d,
    cells,
    parts: primary.outcome.check.parts.map(cellRef),
    explains: reported.map((x) => explainedCheck(x.outcome)),
    message: message(proven ? 'sum.culprit' : 'sum.suspect', args),
    culprit: true,
  };
}
