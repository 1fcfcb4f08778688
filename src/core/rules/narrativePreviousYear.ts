import Decimal from 'decimal.js';
import type { Finding, Severity } from '../finding';
import { amountArg, message, messageArg, nameArg, type MessageArg } from '../messages/message';
import type { AmountClaim, ChangeClaim, RateClaim } from '../narrative/claims';
import { narrativeContext, rateActual, rateAsWritten, writtenRate, type NarrativeContext } from '../narrative/context';
import { claimHead, narrativeFinding } from '../narrative/findingOf';
import { differenceInterval, growthInterval, growthPercent, interval, judge, type Printed, type Verdict } from '../narrative/judge';
import { pairColumnNames, rateAgrees, wordsBetween, yearPairs, type YearPair } from '../narrative/previousYear';
import { cellRef, tableShort, type Figure } from './toolkit/tableAccess';
import type { RuleSpec } from './toolkit/ruleSpec';

/**
 * A change or a rate the narrative states without the year before's figure (一般公共预算支出 1,234.56
 * 万元，比上年增加 100.00 万元，增长 8.8%) against a table that prints the year before on the same row
 * (上年预算数, 2024年预算数, 上年执行数 beside this year's): 增加/减少 A against 本年 − 上年, 增长 r% (or
 * 增长 n 倍, 是上年的 n 倍) against (本年 − 上年) ÷ 上年, each by the printed figures' intervals, never an
 * epsilon; 与上年持平 against a difference of nought. Only where the pairing is certain (previousYear.ts);
 * a sentence agreeing with the change or rate the table prints beside them is not blamed (a slip
 * there is the table's own finding). A rate of a stated change is judged on that change
 * (narrative-growth-rate); one that the table's year before shows right, beside a change it shows
 * wrong, is the change's finding here, not a second one.
 */
const SEVERITY: Record<Exclude<Verdict, 'consistent'>, Severity> = { 'last-digit': 'warning', off: 'error' };

const printedOf = (c: { value: Decimal; decimals: number }): Printed => ({ value: c.value, decimals: c.decimals });

/** The table's figures a finding names: its line, each year's column and figure, as printed. */
function pairArgs(p: YearPair): Record<string, MessageArg> {
  const names = pairColumnNames(p);
  const shown = (f: Figure): MessageArg => amountArg(f.value.toFixed(Math.max(f.decimals, 0)), Math.max(f.decimals, 0), p.table.unit && p.table.unit !== '万元' ? p.table.unit : undefined);
  return {
    line: nameArg(`${tableShort(p.table)} ${p.current.line}`.trim()),
    currentName: nameArg(names.current),
    current: shown(p.current),
    previousName: nameArg(names.previous),
    previous: shown(p.previous),
  };
}


/** A figure rounded to fewer decimals, as a text writes it (half away from zero). */
const roundedTo = (f: Printed, decimals: number): Printed => ({ value: f.value.toDecimalPlaces(decimals, Decimal.ROUND_HALF_UP), decimals });

/** The change as a signed figure (减少 A is −A; 持平 nought, as exact as the tables print). */
function signedChange(c: ChangeClaim, pair: YearPair): Printed {
  if (c.direction === 'same') return { value: new Decimal(0), decimals: Math.max(pair.now.decimals, pair.before.decimals) };
  return { value: c.direction === 'down' ? c.value.negated() : c.value, decimals: c.decimals };
}

/** Does the stated change meet the table's, as worked out or as printed (or as the printed amount gives it)? */
function changeFits(c: ChangeClaim, p: YearPair, amount: AmountClaim, contradicted: boolean): boolean {
  const stated = signedChange(c, p);
  if (judge(stated, ...differenceInterval(p.now, p.before)) === 'consistent') return true;
  if (p.change && judge(stated, ...interval(p.change)) === 'consistent') return true;
  // The difference of the two figures as the text rounds them (a 元 table: 1443.92 − 1407.51 = 36.41, where the exact
  // 36.4161 rounds to 36.42): the writer's own 尾差, no slip.
  if (p.now.decimals > stated.decimals && p.before.decimals > stated.decimals && judge(stated, ...differenceInterval(roundedTo(p.now, stated.decimals), roundedTo(p.before, stated.decimals))) === 'consistent') return true;
  // The amount is the slip (told by narrative-vs-table) and the change follows it as printed.
  return contradicted && judge(stated, ...differenceInterval(printedOf(amount), p.before)) === 'consistent';
}

/** The stated rate in per cent, signed (下降 5% is −5). */
const signedRate = (c: RateClaim): Printed => ({ value: c.direction === 'down' ? c.value.negated() : c.value, decimals: c.decimals });

/** Does the stated rate meet the table's (or, the amount being the slip, the one its printed figure gives)? */
function rateFits(c: RateClaim, p: YearPair, amount: AmountClaim, contradicted: boolean): boolean {
  // A year before of nought or less (a new item) gives no rate to judge by.
  if (!growthInterval(p.now, p.before) || rateAgrees(c, p)) return true;
  const printed = contradicted ? growthInterval(printedOf(amount), p.before) : undefined;
  return !!printed && judge(signedRate(c), ...printed) === 'consistent';
}

function changeFinding(ctx: NarrativeContext, c: ChangeClaim, p: YearPair): Finding {
  const exact = p.now.value.minus(p.before.value);
  const stated = signedChange(c, p);
  const d = Math.max(c.decimals, 0);
  const verdict = judge(stated, ...differenceInterval(p.now, p.before)) as Exclude<Verdict, 'consistent'>;
  return narrativeFinding(ctx, {
    rule: 'narrative-previous-year',
    severity: SEVERITY[verdict],
    paragraph: c.paragraph,
    subject: 'amount',
    actual: stated.value.toFixed(d),
    expected: exact.toFixed(d),
    difference: stated.value.minus(exact).toFixed(d),
    decimals: d,
    against: [cellRef(p.current), cellRef(p.previous)],
    message: message('narr.change-previous', { ...claimHead(ctx, c), way: messageArg(exact.isNegative() ? 'way.down' : 'way.up'), expected: amountArg(exact.abs().toFixed(d), d), ...pairArgs(p) }),
  });
}

function rateFinding(ctx: NarrativeContext, c: RateClaim, p: YearPair): Finding {
  const exact = growthPercent(p.now.value, p.before.value);
  const verdict = judge(signedRate(c), ...growthInterval(p.now, p.before)!) as Exclude<Verdict, 'consistent'>;
  const { shown, decimals, expected } = rateAsWritten(c, exact);
  return narrativeFinding(ctx, {
    rule: 'narrative-previous-year',
    severity: SEVERITY[verdict],
    paragraph: c.paragraph,
    subject: 'percent',
    actual: rateActual(c),
    expected,
    decimals,
    against: [cellRef(p.current), cellRef(p.previous)],
    message: message('narr.rate-previous', { ...claimHead(ctx, c), expected: writtenRate(c, shown), ...pairArgs(p) }),
  });
}

/**
 * The year pair a change claim is told wrong against, where narrative-previous-year names it (the
 * claim states no year before, and no table printing both years bears it out); else undefined.
 */
export function changeToldWrong(ctx: NarrativeContext, c: ChangeClaim): YearPair | undefined {
  if (c.previous !== undefined || c.of === undefined || c.reason) return undefined;
  const amount = ctx.claims[c.of] as AmountClaim;
  const pairs = yearPairs(ctx, c.of, wordsBetween(ctx, amount, c));
  // Right on any table printing both years is right (the tables are checked against each other).
  if (pairs.length === 0 || pairs.some((p) => changeFits(c, p, amount, ctx.contradicted.has(amount)))) return undefined;
  return pairs[0];
}

export const narrativePreviousYear: RuleSpec = {
  id: 'narrative-previous-year',
  emits: { 'narrative-previous-year': 'error' },
  collect: ({ tables, config }) => {
    const ctx = narrativeContext(tables, config);
    if (!ctx) return {};
    const findings: Finding[] = [];
    ctx.claims.forEach((c) => {
      if (c.kind === 'change') {
        const pair = changeToldWrong(ctx, c);
        if (pair) findings.push(changeFinding(ctx, c, pair));
      } else if (c.kind === 'rate' && c.of === undefined && c.current !== undefined && c.previous === undefined) {
        const amount = ctx.claims[c.current] as AmountClaim;
        const pairs = yearPairs(ctx, c.current, wordsBetween(ctx, amount, c));
        if (pairs.length === 0 || pairs.some((p) => rateFits(c, p, amount, ctx.contradicted.has(amount)))) return;
        findings.push(rateFinding(ctx, c, pairs[0]));
      }
    });
    return { findings };
  },
};
