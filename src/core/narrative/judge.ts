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
  const [pl, ph] = interval(part);
  const [wl, wh] = interval(whole);
  if (wl.lte(0)) return undefined;
  const lo = Decimal.max(pl, 0).div(wh).times(100);
  const hi = ph.div(wl).times(100);
  return [lo, hi];
}

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
  const [cl, ch] = interval(current);
  const [dl, dh] = interval(change);
  // Base = current − change (increase) or current + change (decrease); the extremes of the ratio.
  const bases = direction === 'up' ? [cl.minus(dh), ch.minus(dl)] : [cl.plus(dl), ch.plus(dh)];
  if (bases[0].lte(0)) return undefined;
  // The bases are positive and bases[0] ≤ bases[1]: the least ratio is dl over the smaller base when dl
  // is negative (else over the larger), the greatest dh over the smaller base when dh is positive (else
  // over the larger). Two quotients, not four: a division is most of this function's cost, and the
  // rounding of a quotient keeps order, so the two kept are the ones the four gave.
  const lo = dl.div(dl.isNegative() ? bases[0] : bases[1]).times(100);
  const hi = dh.div(dh.isPositive() ? bases[0] : bases[1]).times(100);
  return [lo, hi];
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
