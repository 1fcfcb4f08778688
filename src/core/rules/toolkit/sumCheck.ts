import Decimal from 'decimal.js';
import { cellAddress } from '../../address';
import { formatAmount, toPlaces } from '../../amount';
import type { CellRef, CheckFigure, ExplainedCheck, Finding, Severity } from '../../finding';
import { amountArg, cellArg, countArg, listArg, message, messageArg, nameArg, tableArg, type Message, type MessageArg } from '../../messages/message';
import { halfUnit, roundingBand, type Interval } from '../../rounding';
import type { DetectedTable } from '../../table';
import { cellRef, tableShort, unitFactor, unitPower, withValue, type Figure } from './tableAccess';

/**
 * A sum check: a stated figure and the figures it should be the sum of. Every arithmetic
 * rule (row sums from the header hierarchy, column totals, code hierarchy, summary lines,
 * cross-table equalities) is expressed as one of these, so the rounding band, the finding
 * and the pinpointing of a culprit cell are done once, here and in pinpoint.ts.
 */
export type Direction = 'row' | 'column' | 'cross';

/** A mismatch with a known, milder reason: the gap is exactly a carry-over the table shows. */
export interface Reclassification {
  rule: string;
  severity: Severity;
  /** The figure the gap equals. */
  carry: Figure;
}

export interface SumCheck {
  rule: string;
  /** Severity of a mismatch outside the band (a tail inside it is always info). */
  severity: Severity;
  direction: Direction;
  stated: Figure;
  parts: Figure[];
  /** Turn a mismatch into something milder when the gap has a known reason (a carryover shown elsewhere). */
  explain?: (difference: Decimal, tolerance: Decimal) => Reclassification | null;
  /**
   * 'equal' (default): stated = Σ parts. 'at-most': stated ≤ Σ parts (其中 ≤ its total; an
   * operating-cost item ≤ its basic-expenditure item); a failing one implies no value.
   */
  comparison?: 'equal' | 'at-most';
  /** What the parts are called together, when they are many (一般公共预算支出表 类 210 各行). */
  partsName?: MessageArg;
  /**
   * Evidence only: a regularity of this very table (its 其中 column equals its 小计 on every
   * other row) that helps name a culprit but is never reported on its own.
   */
  evidenceOnly?: boolean;
}

/**
 * The check with other figures (a correction tried, a pair swapped, the sides turned): every field of it
 * kept, its kind's too (a row sum keeps rule, severity and direction on its class, not as fields of its own).
 */
export function withFigures(check: SumCheck, stated: Figure, parts: Figure[]): SumCheck {
  return { ...check, rule: check.rule, severity: check.severity, direction: check.direction, stated, parts };
}

export interface Outcome {
  check: SumCheck;
  consistent: boolean;
  withinTail: boolean;
  /** Sum of the parts, in the stated figure's unit. */
  expected: Decimal;
  /** stated − expected. */
  difference: Decimal;
  tolerance: Decimal;
  decimals: number;
  statedInterval: Interval;
  sumInterval: Interval;
  /** Rule and severity once explanations are applied. */
  rule: string;
  severity: Severity;
  reclassified?: Reclassification;
}

const ONE = new Decimal(1);
const ZERO = new Decimal(0);
/** Ratios of two units, by their Decimals (one object per unit): no key string built per part asked about. */
const ratios = new Map<Decimal, Map<Decimal, Decimal>>();

/** How many of the stated figure's units one unit of `f` is (元 part in a 万元 comparison: 0.0001). */
export function scaleTo(stated: Figure, f: Figure): Decimal {
  // The same table is the same unit (most parts of most checks).
  if (f.table === stated.table) return ONE;
  const from = unitFactor(f.table);
  const to = unitFactor(stated.table);
  // unitFactor gives one Decimal per unit: the same unit is the same object.
  if (from === to) return ONE;
  let byTo = ratios.get(from);
  if (!byTo) ratios.set(from, (byTo = new Map()));
  let r = byTo.get(to);
  if (!r) byTo.set(to, (r = from.div(to)));
  return r;
}

/**
 * The tables a comparison sets against each other, the stated figure's first, or null for a table's
 * own sums, a bound (其中 ≤ 合计) and a regularity (evidence): none of these compare two tables.
 */
export function tablesCompared(o: Outcome): DetectedTable[] | null {
  const c = o.check;
  if (c.evidenceOnly || c.comparison === 'at-most') return null;
  // Most checks are a table's own sums: told without a list (a million-cell table has 600,000 of them).
  let across = false;
  for (const p of c.parts) if (p.table !== c.stated.table) across = true;
  if (!across) return null;
  const tables = [c.stated.table];
  for (const p of c.parts) if (!tables.includes(p.table)) tables.push(p.table);
  return tables;
}

/**
 * An evaluated check. Its intervals are worked out only when a finding explains the check:
 * most checks of a workbook hold and are never shown.
 */
class CheckOutcome implements Outcome {
  rule: string;
  severity: Severity;
  reclassified?: Reclassification;
  private intervals?: { stated: Interval; sum: Interval };

  constructor(
    readonly check: SumCheck,
    readonly consistent: boolean,
    readonly withinTail: boolean,
    /** The parts' sum; undefined when it is exactly the stated figure (no Decimal of its own). */
    private readonly sum: Decimal | undefined,
    readonly difference: Decimal,
    readonly tolerance: Decimal,
    readonly decimals: number,
    /** Half-widths of the stated figure's interval and of the sum's. */
    private readonly halfStated: Decimal,
    private readonly halfSum: Decimal,
    rule: string,
    severity: Severity,
    reclassified: Reclassification | undefined,
  ) {
    this.rule = rule;
    this.severity = severity;
    this.reclassified = reclassified;
  }

  get expected(): Decimal {
    return this.sum ?? this.check.stated.value;
  }

  private get bounds(): { stated: Interval; sum: Interval } {
    const v = this.check.stated.value;
    return (this.intervals ??= {
      stated: { low: v.minus(this.halfStated), high: v.plus(this.halfStated) },
      sum: { low: this.expected.minus(this.halfSum), high: this.expected.plus(this.halfSum) },
    });
  }

  get statedInterval(): Interval {
    return this.bounds.stated;
  }

  get sumInterval(): Interval {
    return this.bounds.sum;
  }
}

/**
 * A check whose parts add up exactly to its stated figure (most checks of a sound table): it
 * holds whatever its band, so it keeps only the check and what its band is made of; the band and
 * intervals are worked out if a finding explains the check. (A million-cell table has some
 * 200,000 of these alive until its culprits are found.)
 */
class ExactOutcome implements Outcome {
  private band?: { tolerance: Decimal; hs: Decimal; hp: Decimal };
  /**
   * What the band is made of in one small integer: the shown parts × 4, + 2 when uniform, + 1
   * when strict (three fields of their own would make each of those 200,000 outcomes a third larger).
   */
  constructor(
    readonly check: SumCheck,
    private readonly making: number,
  ) {}

  get consistent(): boolean {
    return true;
  }
  get withinTail(): boolean {
    return false;
  }
  get difference(): Decimal {
    return ZERO;
  }
  get expected(): Decimal {
    return this.check.stated.value;
  }
  get rule(): string {
    return this.check.rule;
  }
  get severity(): Severity {
    return 'info';
  }
  get reclassified(): Reclassification | undefined {
    return undefined;
  }
  get decimals(): number {
    return this.check.stated.decimals;
  }

  private get bandNow(): { tolerance: Decimal; hs: Decimal; hp: Decimal } {
    const m = this.making;
    return (this.band ??= bandOf(this.check, Math.floor(m / 4), (m & 2) !== 0, (m & 1) !== 0));
  }
  get tolerance(): Decimal {
    return this.bandNow.tolerance;
  }
  get statedInterval(): Interval {
    const v = this.check.stated.value;
    return { low: v.minus(this.bandNow.hs), high: v.plus(this.bandNow.hs) };
  }
  get sumInterval(): Interval {
    const v = this.check.stated.value;
    return { low: v.minus(this.bandNow.hp), high: v.plus(this.bandNow.hp) };
  }
}

/**
 * Compare a check with the rounding band of rounding.ts: each displayed figure stands
 * for ± half a unit of its last decimal; an empty cell is an exact zero. When every
 * figure shares precision and unit this is exactly `compareValues` ((n+1) × half-unit);
 * across tables of different units each figure brings its own half-unit.
 * One pass over the parts; a part in the stated figure's unit is added as it is.
 */
export function evaluate(check: SumCheck, strict: boolean): Outcome | null {
  const judged = judge(check, strict);
  return typeof judged === 'number' ? exactOutcome(check, judged) : judged;
}

/** The check holds with one of its figures (`f`, stated or a part) at another value: what a slip's correction would make of it. */
export function holdsWith(check: SumCheck, f: Figure, value: Decimal, strict: boolean): boolean {
  const was = withValue(f, value);
  const again = evaluate(withFigures(check, check.stated === f ? was : check.stated, check.parts.map((p) => (p === f ? was : p))), strict);
  return !!again?.consistent;
}

/** The outcome of a check `judge` found to add up exactly, from what its band is made of. */
export function exactOutcome(check: SumCheck, making: number): Outcome {
  return new ExactOutcome(check, making);
}

/**
 * A check judged as `evaluate` does, but a check whose parts add up exactly (most of a sound table) is
 * told by a small integer, what its band is made of, rather than an outcome object: where no check
 * fails, as in most workbooks, no outcome of it is ever read (ruleSpec.ts keeps the integers).
 */
export function judge(check: SumCheck, strict: boolean): Outcome | number | null {
  const { stated, parts } = check;
  if (stated.unreadable) return null;
  let shown = 0;
  let uniform = true;
  // First the exact integers where every figure has one (most of a sound table): a check whose
  // parts add up to the stated figure exactly holds whatever its band, and needs no Decimal.
  let exp = stated.exp ?? 0;
  let units = 0;
  let integral = stated.units !== undefined;
  // (Indexed: for…of allocates an iterator result per part here, a million-cell table's million of them.)
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i];
    if (p.unreadable) return null;
    if (p.shown) shown++;
    // A part of the stated figure's own table shares its unit and grain.
    const same = p.table === stated.table || scaleTo(stated, p) === ONE;
    if (!same || (p.table !== stated.table && p.grain !== stated.grain)) uniform = false;
    if (!integral) continue;
    if (p.units === undefined) {
      integral = false;
      continue;
    }
    // A part in another unit (元 against a 万元 total) is the same integer at another power of ten:
    // a comparison across tables adds up without a Decimal too.
    const pe = (p.exp ?? 0) + (same ? 0 : unitPower(stated.table) - unitPower(p.table));
    if (pe > exp) {
      units = rescaled(units, pe - exp);
      exp = pe;
    }
    units += pe < exp ? rescaled(p.units, exp - pe) : p.units;
    // Past 2^53 a double is no longer an exact integer: Decimal then adds them.
    if (!(Math.abs(units) <= Number.MAX_SAFE_INTEGER)) integral = false;
  }
  if (!stated.shown && shown === 0) return null; // nothing written on either side
  if (integral) {
    const se = stated.exp ?? 0;
    const own = se < exp ? rescaled(stated.units!, exp - se) : stated.units!;
    if (own === units) return shown * 4 + (uniform ? 2 : 0) + (strict ? 1 : 0);
  }
  // Where the parts' exact integers were added, their sum is one Decimal made of it, not a Decimal
  // per part added up (a zero sum is added up: its sign is the Decimals' to tell).
  let expected = integral && units !== 0 ? sumOfUnits(units, exp) : sumOfValues(check);
  const { tolerance, hs, hp } = bandOf(check, shown, uniform, strict);
  let difference = stated.value.minus(expected);
  // Exact agreement (most checks of a sound table) is consistent whatever the band or bound;
  // such an outcome keeps no figures of its own (a million-cell table has a million of them).
  // (A float tail — 7,895.9299999 stored for 7,895.93 — is no difference: a gap ten thousand times finer than the
  // stated figure's last shown decimal, for each figure added, is none a table's rounding makes; one 元 under a
  // 万元 total still is one.)
  const exact = difference.isZero() || floatTail(difference, stated.decimals, parts.length);
  if (exact) {
    difference = ZERO;
    expected = stated.value;
  }
  let consistent = exact || difference.abs().lte(tolerance);
  if (check.comparison === 'at-most' && !exact) {
    // Only an excess is a mismatch; a figure below its bound is fine. Magnitudes, so a
    // table of negative figures (refunds written (1,234.00)) is bound the same way.
    consistent = stated.value.abs().minus(expected.abs()).lte(tolerance);
  }
  let rule = check.rule;
  let severity: Severity = consistent ? 'info' : check.severity;
  let reclassified: Reclassification | undefined;
  if (!consistent && check.explain) {
    const r = check.explain(difference, tolerance);
    if (r) ({ rule, severity } = reclassified = r);
  }
  const withinTail = consistent && !difference.isZero() && (check.comparison !== 'at-most' || difference.isPositive());
  return new CheckOutcome(check, consistent, withinTail, expected, difference, tolerance, stated.decimals, hs, hp, rule, severity, reclassified);
}

/** (Each figure added may carry its own tail: the gap allowed grows with their count, as the rounding band does.) */
function floatTail(difference: Decimal, decimals: number, parts: number): boolean {
  return decimals >= 0 && decimals <= 8 && difference.abs().lt(FLOAT_TAILS[decimals].times(parts + 1));
}
const FLOAT_TAILS = Array.from({ length: 9 }, (_, d) => new Decimal(10).pow(-d - 4));

/** The sum of a check's parts in its stated figure's unit, added as Decimals. */
function sumOfValues(check: SumCheck): Decimal {
  const { stated, parts } = check;
  let expected = ZERO;
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i];
    const scale = scaleTo(stated, p);
    if (scale !== ONE) expected = expected.plus(p.value.times(scale));
    else if (p.value !== ZERO) expected = expected.plus(p.value);
  }
  return expected;
}

/** units × 10^−exp as a Decimal: exact (units is an exact integer below 2^53). */
function sumOfUnits(units: number, exp: number): Decimal {
  return new Decimal(exp > 0 ? `${units}e-${exp}` : units);
}

/**
 * An exact integer × 10^k, or a number past 2^53 (then no longer trusted as exact) when it does not
 * fit: the caller's check of the sum's size sees it.
 */
function rescaled(units: number, k: number): number {
  const r = units * 10 ** k;
  return Math.abs(r) <= Number.MAX_SAFE_INTEGER ? r : Infinity;
}

/**
 * The check's rounding band: the tolerance and the half-widths of the stated figure's interval and
 * of the sum's.
 */
function bandOf(check: SumCheck, shown: number, uniform: boolean, strict: boolean): { tolerance: Decimal; hs: Decimal; hp: Decimal } {
  const { stated, parts } = check;
  if (uniform) {
    // compareValues of rounding.ts: (n+1) half-units, n the shown parts (at least one).
    const n = Math.max(shown, 1);
    return {
      tolerance: strict ? ZERO : roundingBand(n, stated.grain).tolerance,
      hs: strict ? ZERO : halfUnit(stated.grain),
      // n half-units are the band of n − 1 parts ((n − 1 + 1) × h): shared, not one per check.
      hp: strict ? ZERO : roundingBand(n - 1, stated.grain).tolerance,
    };
  }
  const hs = strict || !stated.shown ? ZERO : halfUnit(stated.grain);
  let hp = ZERO;
  if (!strict) for (const p of parts) if (p.shown) hp = hp.plus(halfUnit(p.grain).times(scaleTo(stated, p)));
  return { tolerance: hs.plus(hp), hs, hp };
}

function where(f: Figure): string {
  return cellAddress(f.row, f.col);
}

/** A figure as a check records it, its name prefixed with its table's when that is not the stated figure's. */
function checkFigure(f: Figure, home: Figure): CheckFigure {
  const name = f.table === home.table ? f.name : `${tableShort(f.table)} ${f.name}`.trim();
  return { sheet: f.table.sheet, cell: where(f), name: name || where(f), value: f.shown ? formatAmount(f.value, f.decimals) : null };
}

/** A figure named for a sentence: its name, or its cell when it has none; prefixed with its table when foreign. */
export function figureLabel(f: Figure, home: Figure): MessageArg {
  const own = f.name || where(f);
  return nameArg(f.table === home.table ? own : `${tableShort(f.table)} ${own}`);
}

/**
 * A figure named as briefly as the sentence allows, seen from `home`: on the same row its column
 * (基本支出), in the same column its line (支出合计), in another table with that table's name.
 */
export function nearLabel(f: Figure, home: Figure): MessageArg {
  if (f.table === home.table) {
    if (f.row === home.row && f.column) return nameArg(f.column);
    if (f.col === home.col && f.line) return nameArg(f.line);
  }
  return figureLabel(f, home);
}

/** What a check compares, in the domain's words: 合计 = 基本支出 + 项目支出 (names only: the figures are data). */
export function relationOf(check: SumCheck): Message {
  const { stated, parts } = check;
  const key = check.comparison === 'at-most' ? 'rel.at-most' : 'rel.sum';
  if (parts.length > 6 && key === 'rel.sum') {
    return message('rel.sum-long', {
      stated: figureLabel(stated, stated),
      first: figureLabel(parts[0], stated),
      last: figureLabel(parts[parts.length - 1], stated),
      count: countArg(parts.length),
    });
  }
  const names = parts.map((p) => figureLabel(p, stated));
  return message(key, { stated: figureLabel(stated, stated), parts: { t: 'list', items: names.length ? names : [nameArg('0')] } });
}

/** The record of one evaluated check, for a finding's `explains`. */
export function explainedCheck(o: Outcome): ExplainedCheck {
  const d = o.decimals;
  const { stated, parts } = o.check;
  return {
    rule: o.rule,
    relation: relationOf(o.check),
    comparison: o.check.comparison ?? 'equal',
    stated: checkFigure(stated, stated),
    parts: parts.map((p) => checkFigure(p, stated)),
    sum: formatAmount(o.expected, d),
    difference: formatAmount(o.difference, d),
    tolerance: toPlaces(o.tolerance, d + 1),
    statedInterval: [toPlaces(o.statedInterval.low, d + 1), toPlaces(o.statedInterval.high, d + 1)],
    sumInterval: [toPlaces(o.sumInterval.low, d + 1), toPlaces(o.sumInterval.high, d + 1)],
    consistent: o.consistent,
  };
}

/**
 * The other side of a comparison in a sentence: one figure by name, two or three by their names,
 * more as what the rule calls them (`partsName`: 一般公共预算支出表 类 210 各行) or "the sum of its parts".
 */
export function otherSide(check: SumCheck, home: Figure, parts = check.parts): MessageArg {
  if (parts.length === 1) return nearLabel(parts[0], home);
  if (check.partsName) return check.partsName;
  if (parts.length > 0 && parts.length <= 3) return messageArg('detail.sum-of', { items: listArg(parts.map((p) => nearLabel(p, home))) });
  return check.partsName ?? messageArg('detail.parts', {});
}


/** The cells a finding marks: its own, and the other side of a cross-table comparison when that is one or two cells. */
export function markedCells(o: Outcome): CellRef[] {
  const cells = [cellRef(o.check.stated)];
  const { parts } = o.check;
  const foreign = parts.filter((p) => p.table !== o.check.stated.table);
  if ((o.check.direction === 'cross' || foreign.length > 0) && parts.length <= 2) for (const p of parts) cells.push(p.table === o.check.stated.table ? cellRef(p) : { ...cellRef(p), other: true });
  return cells;
}

/** A finding for one outcome (no culprit found for it): placed at the stated figure. */
export function outcomeFinding(o: Outcome): Finding {
  const { stated, parts } = o.check;
  const d = o.decimals;
  const head: Record<string, MessageArg> = {
    table: tableArg(tableShort(stated.table)),
    cell: cellArg(where(stated)),
    name: nameArg(stated.name || where(stated)),
  };
  if (stated.shown) head.actual = amountArg(formatAmount(stated.value, d), d);
  const sum = amountArg(formatAmount(o.expected, d), d);
  const diff = amountArg(formatAmount(o.difference.abs(), d), d);
  const foreign = parts.some((p) => p.table !== stated.table) || o.check.direction === 'cross';
  let msg: Message;
  if (o.consistent) msg = message('sum.tail', { ...head, sum, diff, tolerance: { t: 'code', v: toPlaces(o.tolerance, d + 1) } });
  else if (o.reclassified) msg = message('sum.carryover', { ...head, other: otherSide(o.check, stated), diff, carry: figureLabel(o.reclassified.carry, stated) });
  else if (o.check.comparison === 'at-most') msg = message('sum.at-most', { ...head, other: otherSide(o.check, stated), sum, diff });
  else if (foreign) msg = message('sum.cross', { ...head, other: otherSide(o.check, stated), sum, diff });
  else msg = message('sum.total', { ...head, parts: otherSide(o.check, stated), sum, diff });
  return {
    rule: o.rule,
    severity: o.consistent ? 'info' : o.severity,
    sheet: stated.table.sheet,
    cell: where(stated),
    table: stated.table.id,
    subject: 'amount',
    actual: stated.shown ? formatAmount(stated.value, d) : null,
    expected: formatAmount(o.expected, d),
    difference: formatAmount(o.difference, d),
    tolerance: toPlaces(o.tolerance, d + 1),
    decimals: d,
    cells: markedCells(o),
    parts: parts.map(cellRef),
    explains: [explainedCheck(o)],
    message: msg,
  };
}
