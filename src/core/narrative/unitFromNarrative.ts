import type { AuditConfig } from '../config';
import type { DetectedTable } from '../table';
import { narrativeContext } from './context';
import { judgeAmount } from './judge';

/**
 * A table whose 单位 caption is lost (a PDF converted keeping the ruled grid only) is read in 万元, as most are. Where
 * its figures are in 元, every amount of the 情况说明 held to it is 10,000 times too small, and the prose was told its
 * unit should be 亿元. The prose settles it: where at least MIN_AGREEING of its amounts agree with those tables' figures
 * read in 元, and more than agree with them read in 万元, the tables that state no unit are read in 元 — said once a
 * table, quietly (table-unit, info) — and the prose is judged against them so (a real slip in it is still named).
 */
const MIN_AGREEING = 2;
const TEN_THOUSAND = 10000;

export function unitFromNarrative(tables: DetectedTable[], config: AuditConfig): DetectedTable[] {
  const unitless = new Set(tables.filter((t) => t.unit === undefined && t.kind !== 'narrative' && t.kind !== 'unknown'));
  if (unitless.size === 0 || !tables.some((t) => t.kind === 'narrative')) return tables;
  const ctx = narrativeContext(tables, config);
  if (!ctx) return tables;
  // Per table, the amounts agreeing with it read in 元, and read in 万元 (a table of its own unit among them: the 三公
  // table printed in 万元 beside tables in 元 keeps its reading).
  const inYuan = new Map<DetectedTable, number>();
  for (const [claim, fact] of ctx.contradicted) {
    // (Nought is nought in any unit: it tells nothing.)
    if (!unitless.has(fact.table) || claim.value.isZero()) continue;
    if (judgeAmount(claim, { value: fact.value.div(TEN_THOUSAND), decimals: fact.decimals + 4 }) === 'consistent') inYuan.set(fact.table, (inYuan.get(fact.table) ?? 0) + 1);
  }
  const yuan = [...inYuan.values()].reduce((a, b) => a + b, 0);
  if (yuan < MIN_AGREEING) return tables;
  const inWan = new Map<DetectedTable, number>();
  for (const [k, r] of ctx.resolved) {
    const claim = ctx.claims[k];
    if (claim.kind !== 'amount' || claim.value.isZero() || ctx.contradicted.has(claim)) continue;
    const agreeing = new Set(r.facts.filter((f) => unitless.has(f.table) && judgeAmount(claim, f) === 'consistent').map((f) => f.table));
    for (const t of agreeing) inWan.set(t, (inWan.get(t) ?? 0) + 1);
  }
  const wan = [...inWan.values()].reduce((a, b) => a + b, 0);
  if (yuan <= wan) return tables;
  // (A table no amount speaks of is read as the others are: the caption was lost from every page alike.)
  const read = (t: DetectedTable) => unitless.has(t) && (inWan.get(t) ?? 0) <= (inYuan.get(t) ?? 0);
  return tables.map((t) => (read(t) ? { ...t, unit: '元' as const, unitFromNarrative: true as const } : t));
}
