import type { Finding, LocalizedText, Severity } from '../../finding';
import type { Rule, RuleContext } from '../rule';
import { findCulprits } from './pinpoint';
import { evaluate, outcomeFinding, type Outcome, type SumCheck } from './sumCheck';
import { figureKey } from './tableAccess';

/**
 * How a rule module is written: it collects sum checks (compared, rounded and pinpointed
 * together by `bindRules`) and any findings that are not sums (a code's name differing
 * between tables, an empty table that should not be).
 */
export interface RuleSpec {
  id: string;
  severity: Severity;
  description: LocalizedText;
  collect(ctx: RuleContext): { checks?: SumCheck[]; findings?: Finding[] };
}

/**
 * Turn rule modules into the engine's `Rule`s. Every rule's checks are evaluated once per
 * audit (cached on the tables array), so a culprit cell can be found across rules: a
 * detail cell breaking a row sum (row-sum) and a column total (column-total) is one
 * finding. Each finding is returned by the rule whose check produced it.
 */
export function bindRules(specs: RuleSpec[]): Rule[] {
  const cache = new WeakMap<object, Map<string, Map<string, Finding[]>>>();
  const run = (ctx: RuleContext): Map<string, Finding[]> => {
    const key = `${ctx.config.strict}|${ctx.config.disabledRules.join(',')}`;
    let perConfig = cache.get(ctx.tables);
    if (!perConfig) {
      perConfig = new Map();
      cache.set(ctx.tables, perConfig);
    }
    const hit = perConfig.get(key);
    if (hit) return hit;
    const byOwner = new Map<string, Finding[]>(specs.map((s) => [s.id, []]));
    const owner = new Map<Outcome, string>();
    const outcomes: Outcome[] = [];
    const seen = new Set<string>();
    for (const spec of specs) {
      if (ctx.config.disabledRules.includes(spec.id)) continue;
      let collected: ReturnType<RuleSpec['collect']>;
      try {
        collected = spec.collect(ctx);
      } catch {
        // A rule never breaks the audit on an odd table: it reports nothing instead.
        continue;
      }
      for (const c of collected.checks ?? []) {
        // The same equality can be reached by two rules (or two readings of one header): once.
        const signature = `${c.comparison ?? "equal"}${c.evidenceOnly ? "?" : ""}:${figureKey(c.stated)}=${c.parts.map(figureKey).sort().join("+")}`;
        if (seen.has(signature)) continue;
        seen.add(signature);
        const o = evaluate(c, ctx.config.strict);
        if (!o) continue;
        outcomes.push(o);
        owner.set(o, spec.id);
      }
      byOwner.get(spec.id)!.push(...(collected.findings ?? []));
    }
    const { findings: culprits, explained } = findCulprits(outcomes);
    // A culprit finding goes to the rule of the first explained outcome of its rule id
    // (looked up once, not searched per culprit: a broken sheet can have thousands).
    const firstExplained = new Map<string, Outcome>();
    for (const o of outcomes) if (explained.has(o) && !firstExplained.has(o.rule)) firstExplained.set(o.rule, o);
    for (const f of culprits) {
      const o = firstExplained.get(f.rule);
      byOwner.get((o && owner.get(o)) ?? specs[0].id)!.push(f);
    }
    for (const o of outcomes) {
      // Exact agreement is silent; a tail is info, a mismatch its rule's severity.
      if (explained.has(o) || o.difference.isZero() || o.check.evidenceOnly) continue;
      if (o.check.comparison === 'at-most' && o.consistent) continue; // below its bound: fine, not a tail
      byOwner.get(owner.get(o)!)!.push(outcomeFinding(o));
    }
    perConfig.set(key, byOwner);
    return byOwner;
  };
  return specs.map((spec) => ({
    id: spec.id,
    severity: spec.severity,
    description: spec.description,
    check: (ctx: RuleContext) => run(ctx).get(spec.id) ?? [],
  }));
}

/** One check; `what` names the relation in both languages. */
export function relation(zh: string, en: string): LocalizedText {
  return { 'zh-CN': zh, en };
}
