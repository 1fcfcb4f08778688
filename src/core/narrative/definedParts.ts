import Decimal from 'decimal.js';
import type { AmountClaim } from './claims';
import type { NarrativeContext } from './context';
import { conceptOf, procurementPartOf } from './facts';
import type { Printed } from './judge';

/**
 * Totals whose parts are fixed by definition, whatever tables the disclosure prints: government
 * procurement is goods, works and services (政府采购 = 货物 + 工程 + 服务) and nothing else. A final
 * account has no procurement table to hold the prose against, so its list is judged on its own.
 */
const DEFINED: Array<{ total: string; parts: string[] }> = [{ total: 'procurement', parts: ['procurement-goods', 'procurement-works', 'procurement-services'] }];

export interface DefinedParts {
  parts: AmountClaim[];
  /** Their sum, with the decimals of the coarsest. */
  sum: Printed;
}

/**
 * The parts by definition of the total at `index` (…政府采购支出总额 A，其中：货物 a、工程 b、服务 c):
 * one item of the list for each part, else undefined. Other items of the list (授予中小企业合同金额,
 * a figure of another breakdown) are no parts.
 */
export function definedParts(ctx: NarrativeContext, index: number): DefinedParts | undefined {
  const total = ctx.claims[index];
  if (!total || total.kind !== 'amount' || !total.opensList || total.reason || total.otherYear) return undefined;
  const concept = conceptOf(total.subject, { finalAccounts: ctx.finalAccounts });
  const defined = DEFINED.find((d) => d.total === concept);
  if (!defined) return undefined;
  const items = listItems(ctx, index);
  const parts: AmountClaim[] = [];
  for (const part of defined.parts) {
    // (货物类, 工程采购, 服务: the parts named short in the total's own list.)
    const found = items.filter((c) => (conceptOf(c.subject, { finalAccounts: ctx.finalAccounts }) ?? procurementPartOf(c.subject)) === part);
    if (found.length !== 1) return undefined;
    parts.push(found[0]);
  }
  return { parts, sum: sumOf(parts) };
}

/** The figures a list at `index` lists (its items' amounts of this year, no reason's). */
export function listItems(ctx: NarrativeContext, index: number): AmountClaim[] {
  return ctx.claims.filter((c): c is AmountClaim => c.kind === 'amount' && c.listOf === index && !c.reason && !c.otherYear);
}

/** Figures as written added up, with the decimals of the coarsest. */
export function sumOf(claims: AmountClaim[]): Printed {
  return { value: claims.reduce((s, c) => s.plus(c.value), new Decimal(0)), decimals: Math.min(...claims.map((c) => c.decimals)) };
}
