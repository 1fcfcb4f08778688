import { evaluate, explainedCheck, withFigures, type Outcome } from './sumCheck';
import { figureId, type Figure } from './tableAccess';
import type { Finding } from '../../finding';

/**
 * Two tables disagree and a bound settles which. 表一's (一)一般公共服务支出 (一般公共预算) and 表二's 类 line
 * differ by 20.00, and 表二's line is also larger than the 部门支出总表's line of the same 类, which it can
 * never exceed. Put right to 表一's figure, it would be within that bound: the gap is 表二's. The equality is
 * then told at 表二's figure (the value it should have: 表一's) together with the bound it breaks, and 表一's
 * right figure is not blamed. Only where 表一's figure fails nothing else, and every bound broken is closed so.
 */
export interface BoundTieBreaks {
  /** A failing equality told at the other side's figure, with the failing bounds of that figure. */
  relocated: Map<Outcome, { outcome: Outcome; bounds: Outcome[] }>;
  /** The bounds told with a relocated equality. */
  explained: Set<Outcome>;
}

const across = (o: Outcome) => o.check.parts.some((p) => p.table !== o.check.stated.table);

export function breakTiesByBounds(outcomes: Outcome[], explained: Set<Outcome>, strict: boolean): BoundTieBreaks {
  const out: BoundTieBreaks = { relocated: new Map(), explained: new Set() };
  const bounds = new Map<number, Outcome[]>();
  const failingAt = new Map<number, number>();
  for (const o of outcomes) {
    if (o.consistent || o.check.evidenceOnly) continue;
    for (const f of [o.check.stated, ...o.check.parts]) failingAt.set(figureId(f), (failingAt.get(figureId(f)) ?? 0) + 1);
    if (o.check.comparison !== 'at-most' || explained.has(o) || o.reclassified || !across(o)) continue;
    const k = figureId(o.check.stated);
    const list = bounds.get(k);
    if (list) list.push(o);
    else bounds.set(k, [o]);
  }
  if (bounds.size === 0) return out;
  for (const o of outcomes) {
    const c = o.check;
    if (o.consistent || explained.has(o) || o.reclassified || c.evidenceOnly || (c.comparison ?? 'equal') !== 'equal') continue;
    if (c.parts.length !== 1 || c.parts[0].subtracted || c.parts[0].table === c.stated.table) continue;
    const [suspect] = c.parts;
    const broken = bounds.get(figureId(suspect));
    if (!broken || (failingAt.get(figureId(c.stated)) ?? 0) > 1) continue;
    const again = evaluate({ ...withFigures(c, suspect, [c.stated]), explain: undefined }, strict);
    if (!again || again.consistent || !broken.every((b) => closedAt(b, suspect, again.expected))) continue;
    out.relocated.set(o, { outcome: again, bounds: broken });
    for (const b of broken) out.explained.add(b);
  }
  return out;
}

/** The bound, stated at `f`, holds with `f` at `value` (in its own unit). */
function closedAt(b: Outcome, f: Figure, value: Outcome['expected']): boolean {
  return figureId(b.check.stated) === figureId(f) && value.abs().minus(b.expected.abs()).lte(b.tolerance);
}

/** The relocated equality's finding with the bounds it explains among its checks. */
export function withBounds(f: Finding, bounds: Outcome[]): Finding {
  return { ...f, explains: [...f.explains, ...bounds.map(explainedCheck)] };
}
