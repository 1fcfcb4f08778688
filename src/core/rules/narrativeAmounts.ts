import type { Finding } from '../finding';
import { message, nameArg, amountArg, codeArg } from '../messages/message';
import { inWrittenUnit, narrativeContext, quote, writtenIn, type NarrativeContext } from '../narrative/context';
import { figureOfFact } from '../narrative/facts';
import type { SumCheck } from './toolkit/sumCheck';
import type { Figure } from './toolkit/tableAccess';
import { WAN_PER_UNIT } from '../narrative/tokens';
import type Decimal from 'decimal.js';
import { claimHead, narrativeFinding } from '../narrative/findingOf';
import type { RuleSpec } from './toolkit/ruleSpec';

/**
 * Every amount the narrative states of a figure the tables hold (一般公共服务支出 2106.66 万元,
 * 财政拨款收入 2940.05 万元, “三公”经费 …) agrees with that figure in 万元 — a 元 table rounded first —
 * within the band of one figure against one. A figure that agrees with none of the tables holding
 * the subject is named at the phrase, against the nearest of them.
 */
export const narrativeAmounts: RuleSpec = {
  id: 'narrative-vs-table',
  emits: { 'narrative-vs-table': 'error' },
  collect: ({ tables, config }) => {
    const ctx = narrativeContext(tables, config);
    if (!ctx) return {};
    const findings: Finding[] = [];
    for (const [c, nearest] of ctx.contradicted) {
      // Said back in the unit the text wrote (10100000元 → 10000000元, not 1,000.0000 万元).
      const { unit, decimals: d } = writtenIn(c);
      const written = unit === '万元' ? c.value : c.token.value;
      const expected = inWrittenUnit(c, nearest.value.abs());
      const right = unitSlip(c.token.value, c.token.decimals, unit, nearest.value.abs());
      findings.push(
        narrativeFinding(ctx, {
          rule: 'narrative-vs-table',
          severity: 'error',
          paragraph: c.paragraph,
          subject: 'amount',
          actual: written.toFixed(d),
          expected: expected.toFixed(d),
          difference: written.minus(expected).toFixed(d),
          decimals: d,
          against: nearest.cells.slice(0, 1),
          message: message(right ? 'narr.amount-unit' : 'narr.amount', {
            ...claimHead(ctx, c),
            other: nameArg(nearest.name),
            expected: amountArg(expected.toFixed(d), d),
            unit: codeArg(unit),
            ...(right ? { right: codeArg(right) } : {}),
          }),
        }),
      );
    }
    return { findings, checks: witnessChecks(ctx) };
  },
};

/**
 * A figure the prose states of a cell whose table's sums fail (公务接待费 1.27 where the “三公” table prints 1.47 and its
 * 合计 4.58 wants 1.27): evidence which cell slipped — the one whose sums and prose say the same other value — for the
 * pinpointing of the table's finding (pinpoint.ts), never a finding of its own. (The prose is not judged against a
 * disputed figure: narrativeContext.)
 */
function witnessChecks(ctx: NarrativeContext): SumCheck[] {
  const checks: SumCheck[] = [];
  for (const [c, fact] of ctx.witnesses) {
    const figure = figureOfFact(fact);
    // (A negative figure is written as a fall, 减少 0.20: its sign is the prose's words, not its digits.)
    if (!figure || !figure.shown || figure.unreadable || figure.value.isNegative()) continue;
    const p = ctx.paragraphs[c.paragraph];
    const said: Figure = {
      table: p.table,
      row: p.row,
      col: p.col,
      value: c.value,
      shown: true,
      unreadable: false,
      decimals: Math.max(c.decimals, 0),
      grain: Math.max(c.decimals, 0),
      name: `「${quote(ctx, c)}」`,
      line: '',
      column: '',
    };
    checks.push({ rule: 'narrative-vs-table', severity: 'error', direction: 'cross', stated: figure, parts: [said], evidenceOnly: true });
  }
  return checks;
}

/**
 * The unit a figure's digits are the table's in, when it is not the unit written (743,300.00 万元 for
 * 74.33 万元: the 元 figure written with 万元; 74.33 元 for 74.33 万元): the slip is the unit, said so.
 */
function unitSlip(digits: Decimal, decimals: number, written: keyof typeof WAN_PER_UNIT, wan: Decimal): keyof typeof WAN_PER_UNIT | undefined {
  // (A zero written is no unit's figure: 0 万元 for 3.31 rounds to 0 in 亿元, and is still the wrong figure.)
  if (wan.isZero() || digits.isZero()) return undefined;
  for (const unit of ['元', '万元', '亿元'] as const) {
    if (unit === written) continue;
    if (wan.div(WAN_PER_UNIT[unit]).toDecimalPlaces(Math.max(decimals, 0), 4).eq(digits)) return unit;
  }
  return undefined;
}
