import Decimal from 'decimal.js';
import { halfUnit, roundingBand } from '../rounding';

/**
 * The narrative judged by the same interval arithmetic as the tables: a figure printed with d
 * decimals stands for ± half a unit of its last decimal, and a claim agrees when its interval meets
 * the one computed from the figures it speaks of. Off only in the last printed digit (a share forced
 * so a list adds to 100%, a rate from rounded amounts) is told apart from a real slip.
 */
export type Verdict = 'consistent' | 'last-digit' | 'off';

export interface Printed {
  value: Decimal;
  decimals: number;
}

export function interval(p: Printed): [Decimal, Decimal] {
  const h = halfUnit(p.decimals);
  return [p.value.minus(h), p.value.plus(h)];
}

/** A printed figure against an interval computed from others. */
export function judge(p: Printed, lo: Decimal, hi: Decimal): Verdict {
  const [a, b] = interval(p);
  if (b.gte(lo) && a.lte(hi)) return 'consistent';
  const gap = Decimal.max(lo.minus(b), a.minus(hi));
  return gap.lte(new Decimal(10).pow(-p.decimals)) ? 'last-digit' : 'off';
}

/** part ÷ whole in percentage points, as an interval from the two printed intervals (whole > 0). */
export function shareInterval(part: Printed, whole: Printed): [Decimal, Decimal] | undefined {
  const q = shareQuotients(part, whole);
  return q && [q.lo.over.div(q.lo.under).times(100), q.hi.over.div(q.hi.under).times(100)];
}

/** judge(stated, …shareInterval(part, whole)): undefined where there is no interval. */
export function judgeShare(stated: Printed, part: Printed, whole: Printed): Verdict | undefined {
  const q = shareQuotients(part, whole);
  return q && judgeQuotients(stated, q);
}

/** The least and greatest share, each as the quotient it is (before × 100). */
function shareQuotients(part: Printed, whole: Printed): Quotients | undefined {
  const [pl, ph] = interval(part);
  const [wl, wh] = interval(whole);
  if (wl.lte(0)) return undefined;
  return { lo: { over: Decimal.max(pl, 0), under: wh }, hi: { over: ph, under: wl } };
}

/**
 * The ends of an interval of per cents, each over ÷ under × 100 with under > 0: kept as the two numbers
 * so that a claim can be judged without dividing where the quotients are not needed (below).
 */
interface Quotients {
  lo: { over: Decimal; under: Decimal };
  hi: { over: Decimal; under: Decimal };
}

/**
 * judge(stated, lo, hi) for lo and hi quotients × 100. Most claims agree, and a division was most of
 * judging one: first, whether the stated interval [a, b] meets the exact quotients, by products
 * (b × under ≥ 100 × over …, exact at any precision the figures have). It then meets the rounded
 * ones too: b ÷ 100 has at most Decimal's 20 digits (b is a sum rounded to them), so it is its own
 * rounding, and rounding keeps order — the quotient rounded is at most b ÷ 100. Else the quotients are
 * worked out as shareInterval and rateInterval give them, and judged as before: the same verdict either way.
 */
function judgeQuotients(stated: Printed, q: Quotients): Verdict {
  const [a, b] = interval(stated);
  if (atLeast(b, q.lo) && atMost(a, q.hi)) return 'consistent';
  return judge(stated, q.lo.over.div(q.lo.under).times(100), q.hi.over.div(q.hi.under).times(100));
}

/** x ≥ over ÷ under × 100, exactly (under > 0). */
function atLeast(x: Decimal, q: { over: Decimal; under: Decimal }): boolean {
  return exactProduct(x, q.under).gte(exactProduct(q.over, HUNDRED));
}

/** x ≤ over ÷ under × 100, exactly (under > 0). */
function atMost(x: Decimal, q: { over: Decimal; under: Decimal }): boolean {
  return exactProduct(x, q.under).lte(exactProduct(q.over, HUNDRED));
}

/** A product with every digit kept: a product has no more digits than its factors together. */
function exactProduct(x: Decimal, y: Decimal): Decimal {
  return new Exact(x).times(y);
}

/** Decimal with room for the digits of any product of two figures (a text's figure keeps all its digits). */
const Exact = Decimal.clone({ precision: 1e9 });
const HUNDRED = new Decimal(100);

/** a − b as an interval from the two printed intervals (a change from the two years' figures). */
export function differenceInterval(a: Printed, b: Printed): [Decimal, Decimal] {
  const [al, ah] = interval(a);
  const [bl, bh] = interval(b);
  return [al.minus(bh), ah.minus(bl)];
}

/** (current − previous) ÷ previous in per cent, signed: the growth the figures as printed give. */
export function growthPercent(current: Decimal, previous: Decimal): Decimal {
  return current.minus(previous).div(previous).times(100);
}

/** (current − previous) ÷ previous in percentage points, signed, as an interval (previous > 0). */
export function growthInterval(current: Printed, previous: Printed): [Decimal, Decimal] | undefined {
  const [cl, ch] = interval(current);
  const [pl, ph] = interval(previous);
  if (pl.lte(0)) return undefined;
  // current ÷ previous − 1 is increasing in current and decreasing in previous.
  return [cl.div(ph).minus(1).times(100), ch.div(pl).minus(1).times(100)];
}

/**
 * The rate of a change on the year before: change ÷ (current ∓ change), as an interval. Undefined
 * where the base is nought or less (a new item: 增长 100% has no rate to check).
 */
export function rateInterval(current: Printed, change: Printed, direction: 'up' | 'down'): [Decimal, Decimal] | undefined {
  const q = rateQuotients(current, change, direction);
  return q && [q.lo.over.div(q.lo.under).times(100), q.hi.over.div(q.hi.under).times(100)];
}

/** judge(stated, …rateInterval(current, change, direction)): undefined where there is no interval. */
export function judgeRate(stated: Printed, current: Printed, change: Printed, direction: 'up' | 'down'): Verdict | undefined {
  const q = rateQuotients(current, change, direction);
  return q && judgeQuotients(stated, q);
}

function rateQuotients(current: Printed, change: Printed, direction: 'up' | 'down'): Quotients | undefined {
  const [cl, ch] = interval(current);
  const [dl, dh] = interval(change);
  // Base = current − change (increase) or current + change (decrease); the extremes of the ratio.
  const bases = direction === 'up' ? [cl.minus(dh), ch.minus(dl)] : [cl.plus(dl), ch.plus(dh)];
  if (bases[0].lte(0)) return undefined;
  // The bases are positive and bases[0] ≤ bases[1]: the least ratio is dl over the smaller base when dl
  // is negative (else over the larger), the greatest dh over the smaller base when dh is positive (else
  // over the larger). Two quotients, not four: a division is most of this function's cost, and the
  // rounding of a quotient keeps order, so the two kept are the ones the four gave.
  return { lo: { over: dl, under: dl.isNegative() ? bases[0] : bases[1] }, hi: { over: dh, under: dh.isPositive() ? bases[0] : bases[1] } };
}

/**
 * A printed amount against a table figure (both in 万元): one figure against one, the band is twice
 * the half-unit of the coarser of the two (DESIGN.md: (n + 1) × ½ unit for n = 1), so 87.70 printed for
 * the 877,080 元 of a 元 table is a rounding tail, 887.36 for 873,617 元 is not.
 */
export function judgeAmount(printed: Printed, figure: Printed): Verdict {
  // Prose writes amounts without sign; a table may print refunds as (1,234.00).
  const a = magnitude(printed.value);
  const b = magnitude(figure.value);
  // The same amount (most figures a claim agrees with): no difference to work out, inside any band. A
  // comparison of digits makes no new Decimal; a difference does, and rounds it.
  if (a.eq(b)) return 'consistent';
  const diff = magnitude(a.minus(b));
  // A whole number of 万元 (or tens of them) stands for its own interval, ± half a unit: 11万元 is
  // [10.5, 11.5], which the table's 10.00 does not meet. Twice the half-unit would let a whole
  // unit through — the slip itself.
  if (printed.decimals <= 0 && figure.decimals > printed.decimals) return diff.lte(halfUnit(printed.decimals).plus(halfUnit(figure.decimals))) ? 'consistent' : 'off';
  // (Twice the half-unit: the band of one figure against one, kept by rounding.ts.)
  if (diff.lte(roundingBand(1, Math.min(printed.decimals, figure.decimals)).tolerance)) return 'consistent';
  return 'off';
}

/** |x|, without a copy when x is not negative (judgeAmount is asked for every figure a claim may be). */
function magnitude(x: Decimal): Decimal {
  return x.isNegative() ? x.abs() : x;
}

/**
 * The rate, worked out from this year's figure and the change as written to the rate's own decimals (two at least), is
 * exactly the other way than `direction` (增加 5.00，增长 11.11 % of 40.00: 5.00 ÷ 45.00, a fall): the direction written
 * twice. (Exactly, as rounded: a band wide enough for whole 万元 would let a rate's own slip fit the other way.)
 */
export function fitsTheOtherWay(rate: Printed, current: Printed, change: Printed, direction: 'up' | 'down'): boolean {
  const before = direction === 'up' ? current.value.plus(change.value) : current.value.minus(change.value);
  // (To two decimals at least: at one, a rate cut short or worked over this year's figure — 3.02 ÷ 207.32 = 1.46 % written
  // 1.4 % — is the fall's reading to the decimal as often as not.)
  if (rate.decimals < 2 || !before.gt(0)) return false;
  return change.value.div(before).times(100).toDecimalPlaces(rate.decimals, Decimal.ROUND_HALF_UP).eq(rate.value.abs());
}
