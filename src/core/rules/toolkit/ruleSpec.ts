import type { Finding, Severity } from '../../finding';
import type { DetectedTable } from '../../table';
import { RULE_NAMES } from '../../messages/ruleNames';
import { amountArg, message } from '../../messages/message';
import type { RuleContext } from '../rule';
import { findCulprits } from './pinpoint';
import { evaluate, exactOutcome, judge, outcomeFinding, type Outcome, type SumCheck } from './sumCheck';
import { denseLimit, figureId, forgetFigures, startFigureIds } from './tableAccess';
import { doubtFinding, doubtfulTables, LAYOUT_DOUBT_ID, touchesDoubt } from './layoutDoubt';
import { continuedFinding, needsWholeTable, TABLE_CONTINUED_ID } from './continuedTables';
import { splitTableIds } from '../../detect/continuation';
import { TABLE_UNIT_ID, unitFinding, unitFromNarrativeFinding, wrongUnits } from './tableUnit';
import { boundsAgainstOdd, ODD_TABLE_ID, oddTablesOut, quietAgainstOdd } from './oddTable';
import { findCopiedColumns, quietAgainstCopies, type CopiedCells } from './copiedColumn';
import { findRepeatedRows } from './repeatedRow';
import { findMissingRows, findRowsOff } from './missingRow';
import { findSwaps } from './swappedPair';
import { breakTiesByBounds, withBounds, type BoundTieBreaks } from './boundTieBreak';
import { gather } from './gather';
import { CHECK_INCOMPLETE_ID, incompleteFinding } from './checkIncomplete';

/**
 * How a rule module is written: it declares every rule id it reports under (with its default
 * severity), and collects sum checks (compared, rounded and pinpointed together by
 * `bindRules`) and findings that are not sums (a code's name differing between tables).
 */
export interface RuleSpec {
  /** The module's main id (one of `emits`). */
  id: string;
  /** Every id the module reports under, with its default severity. */
  emits: Record<string, Severity>;
  collect(ctx: RuleContext): { checks?: SumCheck[]; findings?: Finding[] };
}

/** A rule id that a module reports without declaring it: a bug, caught by the tests. */
export class UndeclaredRuleError extends Error {}

/**
 * Check the modules when they are bound: ids unique across modules, each module's own id among
 * its emitted ones, every emitted id named in the catalogue (messages/ruleNames.ts).
 */
export function checkRegistry(specs: RuleSpec[]): Map<string, { spec: RuleSpec; severity: Severity }> {
  const registry = new Map<string, { spec: RuleSpec; severity: Severity }>();
  // The toolkit's own id: a table most of whose checks fail is reported once as doubtful (layoutDoubt.ts).
  // … and a table split over pages is said to be so once (continuedTables.ts), a caption's wrong unit once (tableUnit.ts).
  // … and a table at odds with tables that agree with the rest once (oddTable.ts), a check that could not be done once (checkIncomplete.ts).
  for (const id of [LAYOUT_DOUBT_ID, TABLE_CONTINUED_ID, TABLE_UNIT_ID, ODD_TABLE_ID, CHECK_INCOMPLETE_ID]) if (!RULE_NAMES[id]) throw new UndeclaredRuleError(`rule id ${id} has no name in messages/ruleNames.ts`);
  for (const spec of specs) {
    if (!(spec.id in spec.emits)) throw new UndeclaredRuleError(`rule module ${spec.id} does not emit its own id`);
    for (const [id, severity] of Object.entries(spec.emits)) {
      if (registry.has(id)) throw new UndeclaredRuleError(`rule id ${id} is declared by ${registry.get(id)!.spec.id} and ${spec.id}`);
      if (!RULE_NAMES[id]) throw new UndeclaredRuleError(`rule id ${id} has no name in messages/ruleNames.ts`);
      registry.set(id, { spec, severity });
    }
  }
  return registry;
}

/**
 * Run every rule module over the workbook's tables. All checks are evaluated once together,
 * so a culprit cell breaking checks of several modules is found once (toolkit/pinpoint.ts):
 * a detail cell breaking a row sum (row-sum) and a column total (column-total) is one finding.
 * Findings come back in module order; each must carry an id its module declared.
 */
export function bindRules(specs: RuleSpec[]): (ctx: RuleContext) => Finding[] {
  const registry = checkRegistry(specs);
  return (ctx) => {
    try {
      return runBound(specs, registry, ctx);
    } finally {
      forgetFigures(ctx.tables);
    }
  };
}

function runBound(specs: RuleSpec[], registry: Map<string, { spec: RuleSpec; severity: Severity }>, ctx: RuleContext): Finding[] {
  const first = collectAll(specs, registry, ctx);
  // A table whose caption states the wrong unit (万元 changed to 元, its figures not): told once at
  // its caption, and every check run again with the unit its figures agree in, so its gaps with
  // the other tables and the narrative go and a real slip is still named (tableUnit.ts).
  // (Only a failing comparison can show a wrong unit: a sound workbook's outcomes are not walked again.)
  const wrong = first.failing === 0 || new Set(ctx.config.disabledRules).has(TABLE_UNIT_ID) ? [] : wrongUnits(outcomesOf(first), ctx.config.strict);
  if (wrong.length === 0) return finish(first, ctx);
  try {
    for (const w of wrong) w.table.unit = w.right;
    forgetFigures(ctx.tables);
    // A new list of the same tables: views kept by the list (the narrative's context) are read again.
    const again = { ...ctx, tables: [...ctx.tables] };
    return [...finish(collectAll(specs, registry, again), again), ...wrong.map(unitFinding)];
  } finally {
    for (const w of wrong) w.table.unit = w.stated;
  }
}

/** Every module's checks evaluated (not yet pinpointed) and its other findings, by module. */
interface Collected {
  specs: RuleSpec[];
  byOwner: Map<RuleSpec, Finding[]>;
  own: (spec: RuleSpec, f: Finding) => void;
  /**
   * Each judged check's outcome, or where its parts add up exactly the check itself, its outcome built
   * only if the outcomes are read (outcomesOf): a million-cell table has some 300,000 such checks.
   */
  judged: (Outcome | SumCheck)[];
  /** … by position: an exactly adding check's band (sumCheck.ts judge), −1 for an outcome. */
  makings: number[];
  /** Every outcome in order, once asked for. */
  outcomes: Outcome[] | undefined;
  /**
   * Where each module's judged checks begin in `judged` (by the module's place in `specs`): a module's
   * checks come one after another, so a list per module rather than an owner per check (a million-cell
   * table has some 300,000 checks).
   */
  starts: number[];
  silent: SumCheck[];
  /** Modules that failed on this workbook (a bug met on an odd table): told once, as checks not done. */
  failed: RuleSpec[];
  offOutcomes: Outcome[];
  off: Set<string>;
  /**
   * How many of `outcomes` fail, and of `offOutcomes`. Every reading of the outcomes after the
   * sums (culprits, swaps, repeated rows, copied columns, odd tables, doubtful tables, wrong units)
   * starts from a failing check: where none fails, as in most workbooks, none of them walks them.
   */
  failing: number;
  offFailing: number;
}

function collectAll(specs: RuleSpec[], registry: Map<string, { spec: RuleSpec; severity: Severity }>, ctx: RuleContext): Collected {
  // (A module's list is made with its first finding: most modules find nothing in most workbooks,
  // and a list per module made up front was most of this function's own time on a one-table workbook.)
  const byOwner = new Map<RuleSpec, Finding[]>();
  // A finding goes to the module that declares its id (a shared toolkit reclassification,
  // cross-table-carryover, is declared once); an id nobody declared is a bug.
  const own = (spec: RuleSpec, f: Finding) => {
    const declaring = f.rule in spec.emits ? spec : registry.get(f.rule)?.spec;
    if (!declaring) throw new UndeclaredRuleError(`rule module ${spec.id} reported undeclared id ${f.rule}`);
    const list = byOwner.get(declaring);
    if (list) list.push(f);
    else byOwner.set(declaring, [f]);
  };
  startFigureIds();
  const starts: number[] = [];
  const judged: (Outcome | SumCheck)[] = [];
  const makings: number[] = [];
  const silent: SumCheck[] = [];
  const seen = new SeenChecks();
  // A rule a reviewer switched off takes no part: its checks neither report nor point at a
  // culprit (else a culprit named by it would vanish with it, taking the other rules' checks along).
  // They still count towards a table's reading being doubtful: a misread table stays set aside.
  const off = new Set(ctx.config.disabledRules);
  // A table split over pages is checked along its rows only (continuedTables.ts).
  const split = splitTableIds(ctx.tables);
  const failed: RuleSpec[] = [];
  const offOutcomes: Outcome[] = [];
  let failing = 0;
  let offFailing = 0;
  for (const spec of specs) {
    starts.push(judged.length);
    let collected: ReturnType<RuleSpec['collect']>;
    try {
      collected = spec.collect(ctx);
    } catch (e) {
      if (e instanceof UndeclaredRuleError) throw e;
      // A rule never breaks the audit on an odd table: it reports nothing of its own, and the workbook is told, once,
      // that this check could not be done (a silent pass read as “nothing wrong”).
      failed.push(spec);
      continue;
    }
    const checks = collected.checks ?? [];
    // (Indexed: see rowSum.ts — a for…of run once an audit allocates per check.)
    for (let k = 0; k < checks.length; k++) {
      const c = checks[k];
      if (split.size > 0 && needsWholeTable(c, split)) continue;
      // (Most reviews switch no rule off: then no lookup per check.)
      if (off.size > 0 && off.has(c.rule)) {
        const o = evaluate(c, ctx.config.strict);
        if (o) offOutcomes.push(o);
        if (o && !o.consistent) offFailing++;
        continue;
      }
      // The same equality can be reached by two rules (or two readings of one header): once.
      if (seen.repeats(c)) continue;
      const o = judge(c, ctx.config.strict);
      if (o === null) {
        if (!c.stated.unreadable && !c.parts.some((p) => p.unreadable)) silent.push(c);
        continue;
      }
      if (typeof o === 'number') {
        judged.push(c);
        makings.push(o);
        continue;
      }
      judged.push(o);
      makings.push(-1);
      if (!o.consistent) failing++;
    }
    for (const f of collected.findings ?? []) own(spec, f);
  }
  return { specs, byOwner, own, judged, makings, outcomes: undefined, starts, silent, failed, offOutcomes, off, failing, offFailing };
}

/** A module's findings where it found none (read, never added to). */
const NO_FINDINGS: readonly Finding[] = [];

/** Every judged check's outcome in order, the exactly adding ones' built now (once: culprits and the like know outcomes by identity). */
function outcomesOf(run: Collected): Outcome[] {
  const { judged, makings } = run;
  return (run.outcomes ??= judged.map((j, i) => (makings[i] < 0 ? (j as Outcome) : exactOutcome(j as SumCheck, makings[i]))));
}

/** Culprits found, the remaining mismatches reported, a misread table's errors set aside. */
function finish(run: Collected, ctx: RuleContext): Finding[] {
  const { specs, byOwner, own, judged, makings, starts, offOutcomes, off } = run;
  let owner = 0;
  const { explained, copied, copies, odd, ties } = run.failing > 0 ? explainFailures(run, ctx) : { explained: new Set<Outcome>(), copied: new Set<Outcome>(), copies: [], odd: undefined, ties: undefined };
  for (let i = 0; i < judged.length; i++) {
    // Exact agreement is silent (an exactly adding check most of all); a tail is info, a mismatch its rule's severity.
    if (makings[i] >= 0) continue;
    const o = judged[i] as Outcome;
    if (explained.has(o) || o.difference.isZero() || o.check.evidenceOnly) continue;
    if (o.check.comparison === 'at-most' && o.consistent) continue; // below its bound: fine, not a tail
    while (owner + 1 < specs.length && starts[owner + 1] <= i) owner++;
    const tie = ties?.relocated.get(o);
    own(specs[owner], tie ? withBounds(outcomeFinding(tie.outcome), tie.bounds) : outcomeFinding(odd?.relocated.get(o) ?? o));
  }
  // The prose judged only against an odd table says nothing sure about the prose.
  // … nor the prose judged only against a copied column's figures.
  const told = quietAgainstCopies(ratesOfSlippedChanges(sameSlipOnce(gather(specs, (s) => byOwner.get(s) ?? NO_FINDINGS))), copies);
  const all = odd ? [...quietAgainstOdd(told, odd.tables), ...odd.notes] : told;
  if (!off.has(TABLE_CONTINUED_ID)) for (const t of ctx.tables) if (t.continues) all.push(continuedFinding(t, ctx.tables));
  const unitRead = ctx.tables.filter((t) => t.unitFromNarrative);
  if (unitRead.length > 0 && !off.has(TABLE_UNIT_ID)) all.push(unitFromNarrativeFinding(unitRead));
  if (run.failed.length > 0 && ctx.tables.length > 0 && !off.has(CHECK_INCOMPLETE_ID)) all.push(incompleteFinding(ctx.tables[0], run.failed.map((s) => s.id)));
  // A table most of whose checks fail is doubtful: none failing, none is.
  if (run.failing === 0 && run.offFailing === 0) return all;
  // A pasted column explains its rows' failing sums: the table is read right, its figures are wrong.
  const outcomes = outcomesOf(run);
  const kept = copied.size > 0 ? outcomes.filter((o) => !copied.has(o)) : outcomes;
  const doubts = doubtfulTables(offOutcomes.length > 0 ? [...kept, ...offOutcomes] : kept);
  if (doubts.size === 0) return all;
  // A misread table: its own errors and warnings give way to one quiet sentence.
  return [...all.filter((f) => f.severity === 'info' || !touchesDoubt(f, doubts)), ...[...doubts.values()].map(doubtFinding)];
}

/**
 * The failing checks read together (there is one at least): culprit cells, swapped pairs, repeated
 * rows, rows lost under a total and copied columns, each told once and explaining the checks it
 * breaks; odd tables out; two tables at odds that a bound tells apart.
 */
function explainFailures(
  run: Collected,
  ctx: RuleContext,
): { explained: Set<Outcome>; copied: Set<Outcome>; copies: CopiedCells[]; odd: ReturnType<typeof oddTablesOut> | undefined; ties: BoundTieBreaks } {
  const { specs, own, silent, off } = run;
  const outcomes = outcomesOf(run);
  const { findings: culprits, explained } = findCulprits(outcomes, ctx.config.strict, silent);
  for (const f of culprits) own(specs[0], f);
  // Two cells of a line in each other's columns: the pair, not the line above (swappedPair.ts).
  const swaps = findSwaps(outcomes, explained, ctx.config.strict);
  for (const f of swaps.findings) own(specs[0], f);
  for (const o of swaps.explained) explained.add(o);
  // A row entered twice: that row, not the total above it (repeatedRow.ts).
  const repeats = findRepeatedRows(outcomes, explained);
  for (const f of repeats.findings) own(specs[0], f);
  for (const o of repeats.explained) explained.add(o);
  // A row off along its whole line: that row, not the 合计 above it (missingRow.ts).
  const rowsOff = findRowsOff(outcomes, explained);
  for (const f of rowsOff.findings) own(specs[0], f);
  for (const o of rowsOff.explained) explained.add(o);
  // A row lost under a total: the total's column gaps once, not column by column (missingRow.ts).
  const missing = findMissingRows(outcomes, explained, ctx.config.strict);
  for (const f of missing.findings) own(specs[0], f);
  for (const o of missing.explained) explained.add(o);
  // A column pasted over another: the pair of columns once, not every row's 合计 (copiedColumn.ts).
  const copies = findCopiedColumns(outcomes, explained, ctx.config.strict);
  for (const f of copies.findings) own(specs[0], f);
  for (const o of copies.explained) explained.add(o);
  // A table at odds with tables that agree with the rest: each gap told at its figure, not theirs.
  const odd = off.has(ODD_TABLE_ID) ? undefined : oddTablesOut(outcomes, explained, ctx.config.strict, copies.explained);
  if (odd) for (const o of boundsAgainstOdd(outcomes, odd.tables)) explained.add(o);
  // Two tables at odds, one of whose figures also breaks a bound that the other's would keep: that figure's gap (boundTieBreak.ts).
  const ties = breakTiesByBounds(odd ? outcomes.filter((o) => !odd.relocated.has(o)) : outcomes, explained, ctx.config.strict);
  for (const o of ties.explained) explained.add(o);
  return { explained, copied: copies.explained, copies: copies.copies, odd, ties };
}

/**
 * One figure against two tables that agree with each other (收支总表's 政府性基金 line against 表2's
 * 合计 and 表4's line): where no single culprit was found (the figure also sits in a sum that holds,
 * two lines swapped), each comparison was a finding of its own — the same cell, figure and value
 * it should be, twice (under one rule, or for an amount under two). They are one finding: the first,
 * with the other's cells and checks.
 * (The narrative's findings are left as they are: one paragraph may hold two slips of one value.)
 */
function sameSlipOnce(findings: Finding[]): Finding[] {
  const first = new Map<string, Finding>();
  const out: Finding[] = [];
  for (const f of findings) {
    if (f.explains.length === 0 || /^(narrative|text-)/.test(f.rule)) {
      out.push(f);
      continue;
    }
    // An amount two rules say is wrong by the same figure (基本支出表's 合计 against 一般公共预算支出表 and
    // against 基本支出明细表) is one slip too.
    const key = `${f.subject === 'amount' ? '' : f.rule}|${f.severity}|${f.sheet}|${f.cell}|${f.actual}|${f.expected}`;
    const kept = first.get(key);
    if (!kept) {
      first.set(key, f);
      out.push(f);
      continue;
    }
    const marked = new Set(kept.cells.map((c) => `${c.sheet}!${c.cell}`));
    kept.cells.push(...f.cells.filter((c) => !marked.has(`${c.sheet}!${c.cell}`)));
    kept.explains.push(...f.explains);
  }
  return out;
}

/**
 * An item's change named the slip of its run's sum (narr.internal-item: 减少 392.92 疑为 382.92) is named so because
 * the corrected change makes the item's printed rate right. Told flatly ("5.95% 应约为 6.10%"), the rate's
 * mismatch with the printed change would contradict that finding: it is told as what it is — the rate does not fit
 * the change as printed, and fits it as corrected — and as a warning, the change being the likelier slip.
 */
function ratesOfSlippedChanges(findings: Finding[]): Finding[] {
  const slipped = new Map<string, Finding>();
  for (const f of findings) if (f.message.key === 'narr.internal-item') slipped.set(`${f.sheet}!${f.cell}`, f);
  if (slipped.size === 0) return findings;
  return findings.map((f) => {
    const change = f.rule === 'narrative-growth-rate' && f.message.key === 'narr.rate' ? slipped.get(`${f.sheet}!${f.cell}`) : undefined;
    if (!change || change.expected === null) return f;
    const fixed = amountArg(change.expected, change.decimals ?? 2);
    return { ...f, severity: 'warning', message: message('narr.rate-of-slipped-change', { ...f.message.args, fixed }) };
  });
}

/**
 * The checks met so far, by their stated figure's cell. A check repeats one met before when it
 * compares the same way (equal / at most, evidence or not) the same stated cell with the same
 * cells (in any order). Most stated cells have one check: parts are compared only when two
 * checks share a stated cell, a comparison and a number of parts, so no key is built per check.
 */
class SeenChecks {
  /**
   * By the stated cell's place in its table's range: no hashing per check. null for a table whose
   * range is far larger than its cells (denseLimit), whose checks are found by id.
   */
  private readonly inTables = new Map<DetectedTable, (SumCheck | SumCheck[] | undefined)[] | null>();
  /** … by figureId: a cell outside its table's range (a rule reading a neighbour), or such a table's. */
  private readonly elsewhere = new Map<number, SumCheck | SumCheck[]>();

  repeats(c: SumCheck): boolean {
    const f = c.stated;
    const { top, left, right, bottom } = f.table.range;
    const slots = f.row < top || f.row > bottom || f.col < left || f.col > right ? null : this.slotsOf(f.table);
    if (!slots) {
      const id = figureId(f);
      const next = noted(this.elsewhere.get(id), c);
      if (next === REPEAT) return true;
      this.elsewhere.set(id, next);
      return false;
    }
    const k = (f.row - top) * (right - left + 1) + (f.col - left);
    const next = noted(slots[k], c);
    if (next === REPEAT) return true;
    slots[k] = next;
    return false;
  }

  private slotsOf(table: DetectedTable): (SumCheck | SumCheck[] | undefined)[] | null {
    let slots = this.inTables.get(table);
    if (slots === undefined) {
      const { top, left, right, bottom } = table.range;
      const area = (right - left + 1) * (bottom - top + 1);
      this.inTables.set(table, (slots = area <= denseLimit(table) ? new Array(area) : null));
    }
    return slots;
  }
}

const REPEAT = Symbol('repeat');

/** The checks met at one stated cell with `c` among them, or REPEAT when `c` compares as one of them does. */
function noted(met: SumCheck | SumCheck[] | undefined, c: SumCheck): SumCheck | SumCheck[] | typeof REPEAT {
  if (met === undefined) return c;
  const list = Array.isArray(met) ? met : [met];
  if (list.some((m) => sameCheck(m, c))) return REPEAT;
  list.push(c);
  return list;
}

function sameCheck(a: SumCheck, b: SumCheck): boolean {
  if ((a.comparison ?? 'equal') !== (b.comparison ?? 'equal') || !!a.evidenceOnly !== !!b.evidenceOnly) return false;
  if (a.parts.length !== b.parts.length) return false;
  const x = a.parts.map(figureId).sort(byNumber);
  const y = b.parts.map(figureId).sort(byNumber);
  return x.every((id, i) => id === y[i]);
}

function byNumber(a: number, b: number): number {
  return a - b;
}
