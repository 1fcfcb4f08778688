import type { Finding } from '../finding';
import { message, messageArg, quoteArg } from '../messages/message';
import type { AmountClaim } from '../narrative/claims';
import { asWritten, narrativeContext, standing, type NarrativeContext } from '../narrative/context';
import { narrativeFinding, paragraphHead } from '../narrative/findingOf';
import type { RuleSpec } from './toolkit/ruleSpec';

/**
 * 决算数与年初预算数的比较 in words against the two figures its paragraph states: “年初预算为19.93万元，支出决算为20.77万元，
 * 完成年初预算的104.21%。…决算支出数小于年初预算安排数” (a real final accounts' slip: 20.77 is more). Only a comparison of the
 * final figure as a whole with the budget (决算数 / 决算支出 / 支出决算 大于 / 小于 … 预算数): one of a part (项目类支出小于年初
 * 预算安排数) is not the figures'. The figures are the paragraph's final and budget figure before the words — those a
 * 完成预算的 X% was worked out on, else the last of each — each judged against the tables on its own.
 */
const COMPARISON = /(?:决算(?:支出)?数?|支出决算数?)(?:数额)?(?:均|略|明显|远)?(大于|高于|超过|超出|多于|小于|低于|少于)(?:了)?(?:年初|全年|调整后?的?)?预算(?:安排)?(?:数)?/g;
const MORE = /大于|高于|超过|超出|多于/;
/** The words before a comparison that leave it the whole's: a clause's start, with at most a connective or 主要原因是. */
const CLAUSE_OPENS = /(?:^|[，,。；;：:])\s*(?:其中|同时|并且|且|故|因此|所以|主要原因是|原因是)?\s*$/;

/** The paragraph's final and budget figures before `at`: a completion's pair, else the last stated of each. */
function figuresBefore(ctx: NarrativeContext, paragraph: number, at: number): { final: AmountClaim; budget: AmountClaim } | undefined {
  let final: AmountClaim | undefined;
  let budget: AmountClaim | undefined;
  for (const c of ctx.claims) {
    if (c.paragraph !== paragraph || c.start >= at) continue;
    if (c.kind === 'completion' && c.final !== undefined && c.budget !== undefined) {
      [final, budget] = [ctx.claims[c.final] as AmountClaim, ctx.claims[c.budget] as AmountClaim];
    } else if (c.kind === 'amount' && !c.reason && !c.otherYear && !c.unjudged) {
      if (c.measure === 'final') final = c;
      else if (c.measure === 'budget') budget = c;
    }
  }
  return final && budget ? { final, budget } : undefined;
}

export const narrativeComparison: RuleSpec = {
  id: 'narrative-comparison',
  emits: { 'narrative-comparison': 'warning' },
  collect: ({ tables, config }) => {
    const ctx = narrativeContext(tables, config);
    if (!ctx) return {};
    const findings: Finding[] = [];
    ctx.paragraphs.forEach((p, paragraph) => {
      if (p.aside || !p.folded.includes('决算')) return;
      for (const m of p.folded.matchAll(COMPARISON)) {
        // The whole's comparison opens its clause (，决算支出数小于…; 决算数大于…的主要原因是): one after a part's or a year's
        // name (其中人员经费决算数大于预算数, 而上年决算数大于预算数) is that part's, which the paragraph's figures are not.
        if (!CLAUSE_OPENS.test(p.folded.slice(0, m.index))) continue;
        const pair = figuresBefore(ctx, paragraph, m.index!);
        if (!pair) continue;
        const [final, budget] = [standing(ctx, pair.final), standing(ctx, pair.budget)];
        const more = MORE.test(m[1]);
        // Equal figures bear out neither word; a word the figures bear out is right.
        if (more ? final.value.gt(budget.value) : final.value.lt(budget.value)) continue;
        const way = final.value.eq(budget.value) ? 'comparison.same' : final.value.gt(budget.value) ? 'comparison.more' : 'comparison.less';
        findings.push(
          narrativeFinding(ctx, {
            rule: 'narrative-comparison',
            severity: 'warning',
            paragraph,
            subject: 'text',
            actual: m[0],
            expected: null,
            message: message('narr.comparison', {
              ...paragraphHead(ctx, paragraph),
              quote: quoteArg(m[0]),
              final: asWritten(pair.final, final.value),
              budget: asWritten(pair.budget, budget.value),
              way: messageArg(way),
            }),
          }),
        );
      }
    });
    return { findings };
  },
};
