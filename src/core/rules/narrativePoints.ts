import Decimal from 'decimal.js';
import type { Finding } from '../finding';
import { amountArg, message, percentArg } from '../messages/message';
import { narrativeContext } from '../narrative/context';
import { claimHead, narrativeFinding } from '../narrative/findingOf';
import { differenceInterval, judge } from '../narrative/judge';
import type { RuleSpec } from './toolkit/ruleSpec';

/**
 * A difference in percentage points (占比由 42.9% 提高到 45.2%，提高 2.3 个百分点; 完成率 95%，比上年的 92%
 * 提高 3 个百分点) against the two percentages its sentence states: this year's − the year before's, by
 * the printed figures' intervals. Never read as a rate: 上升 2.3 个百分点 is not 增长 2.3%. Where the
 * sentence does not state both percentages, it is not judged. Off only in the last digit is a warning.
 */
export const narrativePoints: RuleSpec = {
  id: 'narrative-points',
  emits: { 'narrative-points': 'error' },
  collect: ({ tables, config }) => {
    const ctx = narrativeContext(tables, config);
    if (!ctx) return {};
    const findings: Finding[] = [];
    for (const c of ctx.claims) {
      if (c.kind !== 'points' || !c.current || !c.previous || ctx.paragraphs[c.paragraph].aside) continue;
      const stated = { value: c.direction === 'down' ? c.value.negated() : c.value, decimals: c.decimals };
      const verdict = judge(stated, ...differenceInterval(c.current, c.previous));
      if (verdict === 'consistent') continue;
      const exact = c.current.value.minus(c.previous.value);
      // As written: 下降 2 个百分点 is 2, and what it should be is told the same way.
      const shown = c.direction === 'down' ? exact.negated() : exact;
      const d = Math.max(c.decimals, c.current.decimals, c.previous.decimals);
      const pct = (x: { value: Decimal; decimals: number }) => percentArg(x.value.toFixed(x.decimals), x.decimals);
      findings.push(
        narrativeFinding(ctx, {
          rule: 'narrative-points',
          severity: verdict === 'last-digit' ? 'warning' : 'error',
          paragraph: c.paragraph,
          subject: 'percent',
          actual: c.value.toFixed(c.decimals),
          expected: shown.toFixed(d),
          decimals: d,
          message: message('narr.points', {
            ...claimHead(ctx, c),
            expected: amountArg(shown.toFixed(d), d),
            current: pct(c.current),
            previous: pct(c.previous),
          }),
        }),
      );
    }
    return { findings };
  },
};
