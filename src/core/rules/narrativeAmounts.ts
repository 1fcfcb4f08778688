import type { Finding } from '../finding';
import { message, nameArg, amountArg, codeArg } from '../messages/message';
import { inWrittenUnit, narrativeContext, writtenIn } from '../narrative/context';
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
          message: message('narr.amount', {
            ...claimHead(ctx, c),
            other: nameArg(nearest.name),
            expected: amountArg(expected.toFixed(d), d),
            unit: codeArg(unit),
          }),
        }),
      );
    }
    return { findings };
  },
};
