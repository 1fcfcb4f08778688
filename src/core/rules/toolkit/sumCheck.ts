import Decimal from 'decimal.js';
import { displayAmount, formatAmount } from '../../amount';
import { cellAddress } from '../../address';
import type { Finding, LocalizedText, Severity } from '../../finding';
import { compareValues, formatInterval, halfUnit, type Interval } from '../../rounding';
import { cellRef, tableName, unitFactor, type Figure } from './tableAccess';

/**
 * A sum check: a stated figure and the figures it should be the sum of. Every arithmetic
 * rule (row sums from the header hierarchy, column totals, code hierarchy, summary lines,
 * cross-table equalities) is expressed as one of these, so the rounding band, the
 * message and the pinpointing of a culprit cell are done once, here and in pinpoint.ts.
 */
export type Direction = 'row' | 'column' | 'cross';

export interface Reclassification {
  rule: string;
  severity: Severity;
  note: LocalizedText;
}

export interface SumCheck {
  rule: string;
  /** Severity of a mismatch outside the band (a tail inside it is always info). */
  severity: Severity;
  direction: Direction;
  stated: Figure;
  parts: Figure[];
  /** What is compared, in the domain's words: 合计 = 基本支出 + 项目支出. */
  relation: LocalizedText;
  /** Turn a mismatch into something milder when the gap has a known reason (a carryover shown elsewhere). */
  explain?: (difference: Decimal, tolerance: Decimal) => Reclassification | null;
  /**
   * 'equal' (default): stated = Σ parts. 'at-most': stated ≤ Σ parts (其中 ≤ its total; an
   * operating-cost item ≤ its basic-expenditure item); a failing one implies no value.
   */
  comparison?: 'equal' | 'at-most';
  /**
   * Evidence only: a regularity of this very table (its 其中 column equals its 小计 on every
   * other row) that helps name a culprit but is never reported on its own.
   */
  evidenceOnly?: boolean;
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
  note?: LocalizedText;
}

/** How many of the stated figure's units one unit of `f` is (元 part in a 万元 comparison: 0.0001). */
export function scaleTo(stated: Figure, f: Figure): Decimal {
  return unitFactor(f.table).div(unitFactor(stated.table));
}

/**
 * Compare a check with the rounding band of rounding.ts: each displayed figure stands
 * for ± half a unit of its last decimal; an empty cell is an exact zero. When every
 * figure shares precision and unit this is exactly `compareValues` ((n+1) × half-unit);
 * across tables of different units each figure brings its own half-unit.
 */
export function evaluate(check: SumCheck, strict: boolean): Outcome | null {
  const { stated, parts } = check;
  if (stated.unreadable || parts.some((p) => p.unreadable)) return null;
  const shownParts = parts.filter((p) => p.shown);
  if (!stated.shown && shownParts.length === 0) return null; // nothing written on either side
  const expected = parts.reduce((s, p) => s.plus(p.value.times(scaleTo(stated, p))), new Decimal(0));
  const uniform = parts.every((p) => p.grain === stated.grain && scaleTo(stated, p).eq(1));
  let consistent: boolean;
  let difference: Decimal;
  let tolerance: Decimal;
  let statedInterval: Interval;
  let sumInterval: Interval;
  if (uniform) {
    const c = compareValues(stated.value, expected, Math.max(shownParts.length, 1), stated.grain, strict);
    ({ consistent, difference, statedInterval, sumInterval } = c);
    tolerance = c.band.tolerance;
  } else {
    const hs = strict || !stated.shown ? new Decimal(0) : halfUnit(stated.grain);
    const hp = strict
      ? new Decimal(0)
      : shownParts.reduce((s, p) => s.plus(halfUnit(p.grain).times(scaleTo(stated, p))), new Decimal(0));
    tolerance = hs.plus(hp);
    difference = stated.value.minus(expected);
    consistent = difference.abs().lte(tolerance);
    statedInterval = { low: stated.value.minus(hs), high: stated.value.plus(hs) };
    sumInterval = { low: expected.minus(hp), high: expected.plus(hp) };
  }
  if (check.comparison === 'at-most') {
    // Only an excess is a mismatch; a figure below its bound is fine. Magnitudes, so a
    // table of negative figures (refunds written (1,234.00)) is bound the same way.
    consistent = stated.value.abs().minus(expected.abs()).lte(tolerance);
  }
  let rule = check.rule;
  let severity: Severity = consistent ? 'info' : check.severity;
  let note: LocalizedText | undefined;
  if (!consistent && check.explain) {
    const r = check.explain(difference, tolerance);
    if (r) ({ rule, severity, note } = r);
  }
  return {
    check,
    consistent,
    withinTail: consistent && !difference.isZero() && (check.comparison !== 'at-most' || difference.isPositive()),
    expected,
    difference,
    tolerance,
    decimals: stated.decimals,
    statedInterval,
    sumInterval,
    rule,
    severity,
    note,
  };
}

export function show(f: Figure, lang: 'zh-CN' | 'en'): string {
  if (f.shown) return displayAmount(f.value, f.decimals);
  return lang === 'zh-CN' ? '(空)' : '(empty)';
}

function where(f: Figure): string {
  return cellAddress(f.row, f.col);
}

/** "基本支出 888.66 + 项目支出 380.61", or "Σ 6 项 D9:D14" when long. */
export function partsText(parts: Figure[], lang: 'zh-CN' | 'en', stated: Figure): string {
  if (parts.length === 0) return lang === 'zh-CN' ? '(无分项)' : '(no parts)';
  const sameSheet = parts.every((p) => p.table.sheet === stated.table.sheet);
  const label = (p: Figure) => {
    const at = sameSheet ? where(p) : `${p.table.sheet}!${where(p)}`;
    return `${p.name || at} ${show(p, lang)}`;
  };
  if (parts.length <= 6) return parts.map(label).join(' + ');
  const first = parts[0];
  const last = parts[parts.length - 1];
  const span = `${sameSheet ? '' : `${first.table.sheet}!`}${where(first)}…${where(last)}`;
  return lang === 'zh-CN' ? `Σ ${parts.length} 项 ${span}` : `Σ of ${parts.length} figures ${span}`;
}

/** The sentence both languages share: who, what, the two sides, the gap and the band with both intervals. */
export function outcomeMessage(o: Outcome): LocalizedText {
  const { stated, parts } = o.check;
  const d = o.decimals;
  const tol = o.tolerance.toFixed(d + 1);
  const diff = formatAmount(o.difference, d);
  const si = formatInterval(o.statedInterval, d);
  const pi = formatInterval(o.sumInterval, d);
  const sum = displayAmount(o.expected, d);
  const zhHead = `${tableName(stated.table, 'zh-CN')} ${where(stated)} ${stated.name}`.trim();
  const enHead = `${tableName(stated.table, 'en')} ${where(stated)} ${stated.name}`.trim();
  const zhRel = `（${o.check.relation['zh-CN']}）`;
  const enRel = ` (${o.check.relation.en})`;
  const zhBand = o.consistent
    ? `差 ${diff}，尾数容差 ±${tol} 以内：区间 ${si} 与 ${pi} 相交，属四舍五入尾差`
    : `差 ${diff}，超出尾数容差 ±${tol}：区间 ${si} 与 ${pi} 不相交`;
  const enBand = o.consistent
    ? `difference ${diff}, within the rounding band ±${tol}: intervals ${si} and ${pi} meet, a rounding tail`
    : `difference ${diff}, outside the rounding band ±${tol}: intervals ${si} and ${pi} do not meet`;
  const sign = o.check.comparison === 'at-most' ? (o.consistent ? '≤' : '>') : o.consistent ? '≈' : '≠';
  const zh = `${zhHead} ${show(stated, 'zh-CN')} ${sign} ${partsText(parts, 'zh-CN', stated)}${parts.length > 1 ? ` = ${sum}` : ''}（${zhBand}）${zhRel}`;
  const en = `${enHead} ${show(stated, 'en')} ${sign} ${partsText(parts, 'en', stated)}${parts.length > 1 ? ` = ${sum}` : ''} (${enBand})${enRel}`;
  if (!o.note) return { 'zh-CN': zh, en };
  return { 'zh-CN': `${zh} ${o.note['zh-CN']}`, en: `${en} ${o.note.en}` };
}

/** A finding for one outcome (no culprit found for it). */
export function outcomeFinding(o: Outcome): Finding {
  const { stated, parts } = o.check;
  const cells = [cellRef(stated)];
  if (o.check.direction === 'cross') for (const p of parts) cells.push(cellRef(p));
  return {
    rule: o.rule,
    severity: o.consistent ? 'info' : o.severity,
    sheet: stated.table.sheet,
    cell: where(stated),
    cells,
    parts: parts.map(cellRef),
    actual: stated.shown ? formatAmount(stated.value, o.decimals) : null,
    expected: formatAmount(o.expected, o.decimals),
    difference: formatAmount(o.difference, o.decimals),
    tolerance: o.tolerance.toFixed(o.decimals + 1),
    message: outcomeMessage(o),
    table: stated.table.id,
  };
}
