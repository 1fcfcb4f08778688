import Decimal from 'decimal.js';

/**
 * Rounding tails (尾数误差), handled once, by interval arithmetic (as XBRL Calculations 1.1).
 *
 * A figure displayed with d decimals stands for the interval [x − h, x + h], h = ½·10^−d.
 * A sum of n such figures lies in [Σ − n·h, Σ + n·h]. A stated total is consistent with
 * its parts when the two intervals meet: |total − Σ| ≤ (n + 1)·h, the bound included
 * (33.09 vs 33.10, one part: |0.01| ≤ 2 × 0.005). Because h follows the displayed
 * precision, the band scales by itself between 万元 (0.005) and 元 tables.
 */
export interface Interval {
  low: Decimal;
  high: Decimal;
}

export interface RoundingBand {
  /** Half a unit of the last displayed decimal. */
  halfUnit: Decimal;
  /** How many rounded figures the comparison involves on the summed side. */
  parts: number;
  /** (parts + 1) × halfUnit, or 0 in strict mode. */
  tolerance: Decimal;
}

export interface Comparison {
  consistent: boolean;
  /** stated − sum. */
  difference: Decimal;
  /** The difference is not zero but inside the band: a rounding tail (info at most). */
  withinTail: boolean;
  band: RoundingBand;
  statedInterval: Interval;
  sumInterval: Interval;
}

/** Half-units and bands by decimals and parts: a workbook uses a handful, checked many times over. */
const halfUnits = new Map<number, Decimal>();
const bands = new Map<number, RoundingBand>();

export function halfUnit(decimals: number): Decimal {
  let h = halfUnits.get(decimals);
  if (!h) halfUnits.set(decimals, (h = new Decimal(5).times(new Decimal(10).pow(-(decimals + 1)))));
  return h;
}

export function roundingBand(parts: number, decimals: number, strict = false): RoundingBand {
  const h = halfUnit(decimals);
  if (strict) return { halfUnit: h, parts, tolerance: new Decimal(0) };
  // Bands are plain data; a cached one is shared, never changed.
  const k = parts * 64 + decimals + 16;
  let band = bands.get(k);
  if (band && band.parts === parts && band.halfUnit === h) return band;
  band = { halfUnit: h, parts, tolerance: h.times(parts + 1) };
  if (decimals >= -16 && decimals < 48 && bands.size < 10000) bands.set(k, band);
  return band;
}

/** Compare a stated total with the sum of `parts` stated figures, all shown with `decimals`. */
export function compareWithSum(stated: Decimal, parts: Decimal[], decimals: number, strict = false): Comparison {
  const sum = parts.reduce((a, b) => a.plus(b), new Decimal(0));
  return compareValues(stated, sum, parts.length, decimals, strict);
}

/**
 * Compare a stated figure with an expected value built from `parts` rounded figures
 * (parts = 1 when comparing one figure with one figure in another table).
 */
export function compareValues(stated: Decimal, expected: Decimal, parts: number, decimals: number, strict = false): Comparison {
  const band = roundingBand(parts, decimals, strict);
  const h = strict ? new Decimal(0) : band.halfUnit;
  const difference = stated.minus(expected);
  const consistent = difference.abs().lte(band.tolerance);
  return {
    consistent,
    difference,
    withinTail: consistent && !difference.isZero(),
    band,
    statedInterval: { low: stated.minus(h), high: stated.plus(h) },
    sumInterval: { low: expected.minus(h.times(parts)), high: expected.plus(h.times(parts)) },
  };
}

export function formatInterval(i: Interval, decimals: number): string {
  return `[${i.low.toFixed(decimals + 1)}, ${i.high.toFixed(decimals + 1)}]`;
}
