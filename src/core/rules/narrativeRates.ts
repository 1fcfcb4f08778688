import Decimal from 'decimal.js';
import { parseCellAddress } from '../address';
import type { CellRef, Finding, Severity } from '../finding';
import { amountArg, message, messageArg, nameArg, percentArg, quoteArg, type MessageArg } from '../messages/message';
import type { AmountClaim, ChangeClaim, RateClaim, ShareClaim } from '../narrative/claims';
import { asWritten, narrativeContext, quote, rateActual, rateAsWritten, standing, writtenIn, writtenRate, type NarrativeContext } from '../narrative/context';
import { comparedName, conceptOf, factsFor, factsOfMoney, sameName, type Fact } from '../narrative/facts';
import { definedParts, listItems, sumOf } from '../narrative/definedParts';
import { claimHead, narrativeFinding } from '../narrative/findingOf';
import { differenceInterval, fitsTheOtherWay, growthInterval, growthPercent, judge, judgeRate, judgeShare, type Printed, type Verdict } from '../narrative/judge';
import { rateAgrees, wordsBetween, yearPairs } from '../narrative/previousYear';
import { numberTokens } from '../narrative/tokens';
import type { RuleSpec } from './toolkit/ruleSpec';

/**
 * The narrative's rates and shares against the figures they are made of: 增长 X% against the change
 * and the year before (current ∓ change), 占 X% against the part and its whole, 完成预算的 X% against
 * the final and the budget figure, 增加/减少 against 增长/下降. Judged by intervals from the printed
 * figures: off only in the last digit is a warning (shares forced to add to 100%), beyond that an error.
 */
const SEVERITY: Record<Exclude<Verdict, 'consistent'>, Severity> = { 'last-digit': 'warning', off: 'error' };

function rounded(v: Decimal, d: number): string {
  return v.toDecimalPlaces(d, Decimal.ROUND_HALF_UP).toFixed(d);
}


const printedOf = (c: { value: Decimal; decimals: number }): Printed => ({ value: c.value, decimals: c.decimals });

/** A whole named only as the total of its side: 总支出, 支出总额, 全部收入, 总额. */
const GENERIC_WHOLE = /^(?:总|全部)?(支出|收入|)(?:总额|总计|合计|总数)?$/;
/** A total that is its side's whole: 本年支出合计, 支出总计, 收入总计, 部门支出预算 … */
const SIDE_TOTAL = /^(?:[\u4e00-\u9fa5]{0,12}?(?:部门|单位))?(?:本年|年度)?(?:支出|收入|收支)(?:预算|决算)?(?:总计|合计|总额)?$|^(?:本年|年度)?(?:支出|收入)(?:预算|决算)?(?:总计|合计)$/;

/** The whole a share is of: a figure named in the same paragraph, else a table figure of that name, else the list's total. */
function wholeOf(
  ctx: NarrativeContext,
  part: AmountClaim,
  wholeText: string,
  before: number,
): { printed: Printed; name: string; cell?: Fact; claim?: number; others?: Fact[]; alternatives?: Printed[] } | undefined {
  if (wholeText) {
    // A figure of the paragraph named so; one whose name only begins the same (一般公共预算基本支出 for 占一般公共预算
    // 支出的) only where the tables hold no figure of the whole's own name.
    let akin: number | undefined;
    for (let i = before - 1; i >= 0; i--) {
      const c = ctx.claims[i];
      if (c.paragraph !== part.paragraph) break;
      if (c.kind !== 'amount' || c === part) continue;
      if (c.subject.endsWith(wholeText) || comparedName(c.subject) === comparedName(wholeText)) return { printed: standing(ctx, c), name: wholeText, claim: i };
      if (akin === undefined && sameName(c.subject, wholeText)) akin = i;
    }
    if (akin !== undefined && !wholeInTables(ctx, wholeText)) return { printed: standing(ctx, ctx.claims[akin] as AmountClaim), name: wholeText, claim: akin };
    // 占总支出的 X% in a list under 本年支出合计: the list's total, named in other words — only
    // when that total is its side's whole (a list under 基本支出 is not 总支出: left unjudged).
    const side = GENERIC_WHOLE.exec(wholeText)?.[1];
    if (side !== undefined) {
      const total = part.listOf !== undefined ? (ctx.claims[part.listOf] as AmountClaim) : undefined;
      // (占收入总计的 p% in a list under 本年收入合计: the whole named is the other total — a final accounts' 总计 holds the
      // carry-over its 本年收入合计 does not.)
      const otherTotal = !!total && ((/总计/.test(wholeText) && /合计/.test(total.subject)) || (/合计/.test(wholeText) && /总计/.test(total.subject)));
      if (total && !otherTotal && SIDE_TOTAL.test(total.subject) && (!side || total.subject.includes(side))) return { printed: standing(ctx, total), name: total.subject };
      // In no list: the tables' total of that side, where all they print for it is one figure (a final
      // accounts' 总计 holds the 年末结转和结余 its 本年支出合计 does not: which is meant is not told) — or the one the
      // whole names (总计, 本年…合计).
      if ((part.listOf !== undefined && !otherTotal) || !side) return undefined;
      // (A share right on the list's own 合计 is right still: writers say 总计 loosely.)
      const loose = otherTotal && total ? [standing(ctx, total)] : [];
      const concept = side === '支出' ? 'total-expenditure' : 'total-income';
      const named = /总计/.test(wholeText) ? [concept] : /合计/.test(wholeText) ? [`${concept}-year`] : [concept, `${concept}-year`];
      const facts = named.flatMap((k) => ctx.facts.byConcept.get(k) ?? []);
      if (facts.length === 0 || new Set(facts.map((f) => f.value.toString())).size !== 1) return undefined;
      return { printed: { value: facts[0].value, decimals: facts[0].decimals }, name: wholeText, cell: facts[0], ...(loose.length ? { alternatives: loose } : {}) };
    }
    const concept = conceptOf(wholeText, { finalAccounts: ctx.finalAccounts });
    // A whole named with its money (一般公共预算项目支出总额) is that money's figure, never all the money's.
    // Of the document's measure where a table prints 预算数 beside 决算数 (占“三公”经费的 p% in final accounts: the 决算数),
    // unless the whole names the budget (占“三公”经费预算的 p%).
    const found = concept ? (factsOfMoney(ctx.facts, concept, wholeText) ?? factsFor(ctx.facts, concept, { finalAccounts: ctx.finalAccounts })) : [];
    const own = ctx.finalAccounts && !(/预算/.test(wholeText) && !/决算/.test(wholeText)) ? 'final' : 'budget';
    const fact = found.find((f) => f.measure === own) ?? found.find((f) => f.measure === undefined) ?? found[0];
    // (The tables may print the whole twice, of all the money and of the general budget's — 公用经费 279.39 in 03,
    // 254.39 in 06: a share right on the other is doubtful, said quietly.)
    const others = found.filter((f) => f !== fact && f.measure === fact?.measure && !f.value.eq(fact.value));
    // (A budget's 部门预算收入 / 收入预算 is its 本年收入合计 as often as its 收入总计: a share right on either is right.)
    const alternatives = budgetSideYear(ctx, concept, wholeText).map(printedOf);
    return fact ? { printed: { value: fact.value, decimals: fact.decimals }, name: wholeText, cell: fact, ...(others.length ? { others } : {}), ...(alternatives.length ? { alternatives } : {}) } : undefined;
  }
  if (part.listOf === undefined) return leadWhole(ctx, part);
  const total = ctx.claims[part.listOf] as AmountClaim;
  return { printed: standing(ctx, total), name: total.subject || '合计', claim: part.listOf, alternatives: enclosingWholes(ctx, total) };
}

/**
 * The figures of the lists a list is within (支出 A，其中：基本支出 B，其中：人员经费 b1，公用经费 b2；项目支出 C，占 c%): where an
 * item after an inner list's last item goes back to the outer list, the words do not tell (；separates the items of
 * either), and its share right on the outer list's figure is right.
 */
function enclosingWholes(ctx: NarrativeContext, total: AmountClaim): Printed[] {
  const out: Printed[] = [];
  let item = total;
  for (let k = total.listOf; k !== undefined && out.length < 4; k = (ctx.claims[k] as AmountClaim).listOf) out.push(standing(ctx, (item = ctx.claims[k] as AmountClaim)));
  // (…in no list of figures: the whole the outermost item's own share is of — 公务用车 3.31，（其中：…），占 72.27%；
  // 公务接待费 1.27，占 27.73% of the “三公” total the sentence heads.)
  if (item.listOf === undefined && ctx.claims.some((c) => c.kind === 'share' && c.part !== undefined && ctx.claims[c.part] === item)) {
    const lead = leadWhole(ctx, item);
    if (lead) out.push(lead.printed);
  }
  return out;
}

/** The tables hold a figure of the whole's own name (一般公共预算支出: its concept's facts). */
function wholeInTables(ctx: NarrativeContext, wholeText: string): boolean {
  const concept = conceptOf(wholeText, { finalAccounts: ctx.finalAccounts });
  return !!concept && (ctx.facts.byConcept.get(concept)?.length ?? 0) > 0;
}

/**
 * A share with no whole named, of an item in no list, whose sentence opens with the whole it
 * breaks down and no figure (一般公共预算当年拨款结构：社会保障和就业（类）支出 120 万元，占 12%): that
 * whole as the tables hold it, when the words name one they hold.
 */
function leadWhole(ctx: NarrativeContext, part: AmountClaim): TableWhole | undefined {
  const text = ctx.paragraphs[part.paragraph].folded;
  const before = text.slice(0, part.start);
  const start = Math.max(before.lastIndexOf('。'), before.lastIndexOf('\n')) + 1;
  // (…：, or …中， — “三公”经费财政拨款支出决算中，公务接待费 3.00 万元，占 37.5%.)
  const colon = text.slice(start, part.start).search(/[：:]|中(?=[，,])/);
  if (colon < 0) return headingWhole(ctx, part);
  const lead = text.slice(start, start + colon);
  if (numberTokens(lead).some((t) => t.unit !== 'year')) return undefined;
  // 按支出功能分类科目划分：… / 按经济分类：…: a breakdown of the section's whole, stated above it.
  if (BY_CLASSIFICATION.test(lead)) return sectionWhole(ctx, part);
  const name = lead.replace(/(19|20)\d{2}年度?/g, '').replace(/(的)?(结构|构成|分布|情况|具体情况|主要内容)(如下)?$/, '');
  return tableWhole(ctx, part, name.trim());
}

type TableWhole = { printed: Printed; name: string; cell?: Fact };

/** A budget's side named by its measure (部门预算收入, 收入预算): its 本年收入合计 / 本年支出合计 lines, which it may mean as well as the 总计. */
function budgetSideYear(ctx: NarrativeContext, concept: string | undefined, words: string): Fact[] {
  return !ctx.finalAccounts && (concept === 'total-income' || concept === 'total-expenditure') && /预算/.test(words) ? (ctx.facts.byConcept.get(`${concept}-year`) ?? []) : [];
}

/** The whole the words `name` name, as the tables hold it: one figure, of the document's measure, other than the part's own. */
function tableWhole(ctx: NarrativeContext, part: AmountClaim, name: string): TableWhole | undefined {
  const concept = wholeConcept(ctx, part, name);
  if (!concept) return undefined;
  // (Of the document's measure where a table prints both: “三公” 决算数, not 预算数, in final accounts.)
  const all = factsFor(ctx.facts, concept, { finalAccounts: ctx.finalAccounts });
  // (A budget's 部门预算收入 may be its 本年收入合计 or its 收入总计: where those differ, which is meant is not told.)
  const either = budgetSideYear(ctx, concept, name);
  const facts = [...all, ...either].filter((f) => f.measure !== (ctx.finalAccounts ? 'budget' : 'final'));
  if (facts.length === 0 || new Set(facts.map((f) => f.value.toString())).size !== 1) return undefined;
  return { printed: { value: facts[0].value, decimals: facts[0].decimals }, name, cell: facts[0] };
}

/** What a whole's words name (the department's name aside), unless it is what the part itself is. */
function wholeConcept(ctx: NarrativeContext, part: AmountClaim, name: string): string | undefined {
  const concept = conceptOf(ctx.department ? name.split(ctx.department).join('') : name, { finalAccounts: ctx.finalAccounts });
  return concept === ctx.resolved.get(ctx.claims.indexOf(part))?.concept ? undefined : concept;
}

/** A section heading that announces a breakdown: （二）一般公共预算当年拨款结构情况, 支出构成. */
const BREAKDOWN_HEADING = /结构|构成/;
const HEADING_NUMBER = /^\s*(?:[（(]\s*[一二三四五六七八九十\d]{1,3}\s*[)）]|[一二三四五六七八九十\d]{1,3}\s*[、.．])\s*/;
/** A heading announcing a breakdown run in at the head of its paragraph, up to its stop: （二）…结构情况。 */
const RUN_IN_BREAKDOWN = /^\s*(?:[（(]\s*[一二三四五六七八九十\d]{1,3}\s*[)）]|[一二三四五六七八九十\d]{1,3}\s*[、.．])?[^。：:\d，,；;]{2,40}?(?:结构|构成)(?:情况|说明)?(?:如下)?[。.：:]/;

/**
 * Shares of a paragraph right under the heading that names the whole they break down, with no lead
 * of their own (（二）一般公共预算当年拨款结构情况, then 社会保障和就业支出 67.89 万元，占 3.82%；…): that
 * whole as the tables hold it. The tables may print several figures by that name (the appropriation
 * as income, as expenditure, a fund column's 0): the one the paragraph's other shares agree with,
 * and none where no other share agrees with any, or two figures are agreed with as often. A heading
 * whose whole is not the one the shares were worked out on would make each of them wrong: one
 * doubtful reading must not become a wall of findings.
 */
function headingWhole(ctx: NarrativeContext, part: AmountClaim): TableWhole | undefined {
  const above = part.paragraph > 0 ? ctx.paragraphs[part.paragraph - 1] : undefined;
  // (Or run in, opening the paragraph of the shares: （二）一般公共预算当年拨款结构情况。教育支出 153.00 万元，占 2.46%；…)
  const runIn = RUN_IN_BREAKDOWN.exec(ctx.paragraphs[part.paragraph].folded);
  const heading = above?.heading && BREAKDOWN_HEADING.test(above.folded) ? above.folded : runIn && part.start >= runIn[0].length ? runIn[0].replace(/[。.]\s*$/, '') : undefined;
  if (!heading) return undefined;
  const name = heading
    .replace(HEADING_NUMBER, '')
    .replace(/(19|20)\d{2}年度?/g, '')
    .replace(/(?:的)?(?:结构|构成)(?:情况|说明)?(?:如下)?[：:]?$/, '')
    .trim();
  const concept = wholeConcept(ctx, part, name);
  if (!concept) return undefined;
  const facts = factsFor(ctx.facts, concept, { finalAccounts: ctx.finalAccounts }).filter((f) => f.measure !== (ctx.finalAccounts ? 'budget' : 'final'));
  return mostAgreedWith(ctx, part, facts.map((fact) => ({ printed: { value: fact.value, decimals: fact.decimals }, name, cell: fact })));
}

/**
 * Shares of a paragraph that opens on a breakdown (按支出功能分类科目划分：…, 按经济分类：…) with no whole named:
 * the section's whole stated in a paragraph above it (一般公共预算支出 300.00 万元 …), of the figures of the
 * section the one the paragraph's other shares agree with.
 */
function sectionWhole(ctx: NarrativeContext, part: AmountClaim): TableWhole | undefined {
  let first = part.paragraph;
  while (first > 0 && !ctx.paragraphs[first - 1].heading) first--;
  const candidates: TableWhole[] = [];
  const own = standing(ctx, part).value;
  for (const c of ctx.claims) {
    if (c.paragraph < first || c.paragraph >= part.paragraph || c.kind !== 'amount' || c.otherYear || c.reason || c.unjudged) continue;
    const whole = standing(ctx, c);
    // (Never the part itself: a share of itself is 100 %.)
    if (!whole.value.eq(own)) candidates.push({ printed: whole, name: c.subject });
  }
  // Every other share of the paragraph must agree with it: a paragraph breaking down two wholes at once
  // (公用经费 and 人员经费 of 基本支出, then 人员经费's own items) has none, and is not judged against one.
  return mostAgreedWith(ctx, part, candidates, true);
}

/**
 * Of the wholes a share may be of, the one the paragraph's other shares agree with; none where no other
 * share agrees with any, or two are agreed with as often.
 */
function mostAgreedWith(ctx: NarrativeContext, part: AmountClaim, wholes: TableWhole[], all = false): TableWhole | undefined {
  const others = otherShares(ctx, part);
  let best: TableWhole | undefined;
  let most = 0;
  let tied = false;
  const seen = new Set<string>();
  for (const whole of wholes) {
    if (whole.printed.value.lte(0) || seen.has(whole.printed.value.toString())) continue;
    seen.add(whole.printed.value.toString());
    const agreeing = others.filter(({ share, part: other }) => judgeShare(printedOf(share), standing(ctx, other), whole.printed) === 'consistent').length;
    if (agreeing > most) [best, most, tied] = [whole, agreeing, false];
    else if (agreeing === most && agreeing > 0) tied = true;
  }
  return most > 0 && !tied && (!all || most === others.length) ? best : undefined;
}

const BY_CLASSIFICATION = /^\s*按.{0,10}?分类/;

/** The paragraph's other shares of an item in no list, with no whole named: the part's peers. */
function otherShares(ctx: NarrativeContext, part: AmountClaim): Array<{ share: ShareClaim; part: AmountClaim }> {
  const out: Array<{ share: ShareClaim; part: AmountClaim }> = [];
  for (const c of ctx.claims) {
    if (c.kind !== 'share' || c.paragraph !== part.paragraph || c.wholeText || c.part === undefined) continue;
    const other = ctx.claims[c.part] as AmountClaim;
    if (other !== part && other.kind === 'amount' && !other.reason && other.listOf === undefined) out.push({ share: c, part: other });
  }
  return out;
}

/**
 * A rate, share or change that the tables' figure makes wrong but the figures as printed make right
 * (32.70 typed for 30.70, and 完成预算的 99.09% worked out on 32.70): the amount is the slip, named by
 * narrative-vs-table; what was worked out from it is not a second finding.
 */
function followsPrinted(ctx: NarrativeContext, amounts: AmountClaim[], right: () => boolean): boolean {
  return amounts.some((a) => ctx.contradicted.has(a)) && right();
}

/** What the figure compared with is: the year before's, or (比2023年预算数, in final accounts) the budget. */
/**
 * A share's whole in the unit its part was written in (3,384,710.10元 ÷ 本年支出合计 4,815,799.07元, not ÷ 481.58: a 元
 * figure over a 万元 one reads as a share of a thousandth).
 */
function wholeAsPart(part: AmountClaim, wan: Decimal, wanDecimals: number): MessageArg {
  const { unit } = writtenIn(part);
  return unit === '万元' ? amountArg(wan.toFixed(wanDecimals), wanDecimals) : asWritten(part, wan);
}

// (The year before's budget, 上年预算为 Y, is the year before's: 预算数 names this year's budget a 决算 is compared with.)
const baseName = (previous: AmountClaim): MessageArg => messageArg(previous.measure === 'budget' && !/上年|去年|上一年/.test(previous.subject) ? 'base.budget' : 'base.last-year');

/** A stated change (增加 A) that is not the difference of the figures it is between: told with both. */
function changeFinding(
  ctx: NarrativeContext,
  c: ChangeClaim,
  signed: Decimal,
  diff: Decimal,
  verdict: Verdict,
  against: CellRef[],
  figures: { current: MessageArg; baseName: MessageArg; previous: MessageArg },
): Finding {
  const d = Math.max(c.decimals, 0);
  return narrativeFinding(ctx, {
    rule: 'narrative-change',
    severity: SEVERITY[verdict as Exclude<Verdict, 'consistent'>],
    paragraph: c.paragraph,
    subject: 'amount',
    actual: signed.toFixed(d),
    expected: diff.toFixed(d),
    difference: signed.minus(diff).toFixed(d),
    decimals: d,
    against,
    message: message('narr.change', { ...claimHead(ctx, c), expected: amountArg(diff.abs().toFixed(d), d), ...figures }),
  });
}

/** A rate between two stated figures (本年 X，上年 Y，增长 r%; 比预算数 Y 增加 A，增长 r%), judged on both. */
function growthFinding(ctx: NarrativeContext, c: RateClaim, current: AmountClaim, previous: AmountClaim): Finding | undefined {
  if (current.reason) return undefined;
  const [now, before] = [standing(ctx, current), standing(ctx, previous)];
  const range = growthInterval(now, before);
  if (!range) return undefined;
  const signed = c.direction === 'down' ? c.value.negated() : c.value;
  const verdict = judge({ value: signed, decimals: c.decimals }, range[0], range[1]);
  if (verdict === 'consistent') return undefined;
  if (
    followsPrinted(ctx, [current, previous], () => {
      const printed = growthInterval(printedOf(current), printedOf(previous));
      return !!printed && judge({ value: signed, decimals: c.decimals }, printed[0], printed[1]) === 'consistent';
    })
  )
    return undefined;
  const exact = growthPercent(now.value, before.value);
  // Signed only when the direction is wrong.
  const { shown, decimals, expected } = rateAsWritten(c, exact);
  return narrativeFinding(ctx, {
    rule: 'narrative-growth-rate',
    severity: SEVERITY[verdict],
    paragraph: c.paragraph,
    subject: 'percent',
    actual: rateActual(c),
    expected,
    decimals,
    message: message('narr.rate', {
      ...claimHead(ctx, c),
      expected: writtenRate(c, shown),
      change: asWritten(current, now.value.minus(before.value).abs()),
      baseName: baseName(previous),
      base: asWritten(previous, before.value),
    }),
  });
}

/**
 * 完成预算的 X% with no budget figure in its sentence (“三公”经费支出决算 8.00 万元，完成预算的 80%):
 * the budget is the one a table prints beside the final figure (“三公” 预算数 | 决算数), when the
 * tables give that subject one budget figure only.
 */
function tableBudget(ctx: NarrativeContext, final: number, atStart = false): { printed: Printed; name: string; cell?: Fact; doubtful?: true } | undefined {
  if (!ctx.finalAccounts) return undefined;
  const budgets = (ctx.resolved.get(final)?.facts ?? []).filter((f) => f.measure === 'budget');
  const values = new Set(budgets.map((f) => f.value.toString()));
  if (budgets.length === 0 || values.size !== 1) return undefined;
  const f = budgets[0];
  // 完成年初预算的 X% against a column not headed 年初 (the national 09's 预算数 is the year's as adjusted): the budget
  // at the year's start may be another figure — a doubtful reading, said quietly.
  return { printed: { value: f.value, decimals: f.decimals }, name: f.name, cell: f, ...(atStart && adjustedBudget(f) ? { doubtful: true } : {}) };
}

/**
 * Does the table say the fact's budget is the year's as adjusted (a column headed 全年 / 调整, or a note 预算数为…全年预算数，
 * 反映按规定程序调整后的预算数, the national 09's), not the one at the year's start? A column headed 年初 is that one.
 */
function adjustedBudget(f: Fact): boolean {
  const col = f.cells.length ? parseCellAddress(f.cells[0].cell).col : -1;
  const header = f.table.columns.find((c) => c.col === col)?.headerPath.join('') ?? '';
  if (header.includes('年初')) return false;
  return ADJUSTED.test(header) || (f.table.noteTexts ?? []).some((n) => ADJUSTED.test(n));
}

const ADJUSTED = /全年预算|调整后|调整预算/;

/** A change whose own words compare with the budget (比年初预算减少 A, 较预算数增加 A, 决算数大于预算数 A), not with a year. */
function comparedWithBudget(change: ChangeClaim): boolean {
  return change.fromBudget === true;
}

/**
 * The budget a final accounts' change compares with where its sentence states none (“三公”经费支出决算 8.00
 * 万元，较年初预算减少 2.00 万元): the 预算数 a table prints beside the 决算数, as 完成预算的 X% is judged.
 */
function budgetOfChange(ctx: NarrativeContext, change: ChangeClaim): { printed: Printed; name: string; cell?: Fact } | undefined {
  return change.of !== undefined && change.previous === undefined && comparedWithBudget(change) ? tableBudget(ctx, change.of) : undefined;
}

/**
 * A change and its rate pointing opposite ways (增加 1.88 万元，下降 6.74%): the one whose direction the figures bear out
 * is right — the rate's size is the change over the year before, the current figure less an increase or plus a
 * decrease — and the other is the slip, told as what it should say. Where the figures fit both ways or neither, the
 * two are told as disagreeing, with neither called wrong.
 */
function directionFinding(ctx: NarrativeContext, rate: RateClaim, change: ChangeClaim, current: AmountClaim): Finding {
  const now = standing(ctx, current);
  const fits = (direction: 'up' | 'down') => judgeRate(printedOf(rate), now, printedOf(change), direction) === 'consistent';
  const [byRate, byChange] = [fits(rate.direction as 'up' | 'down'), fits(change.direction as 'up' | 'down')];
  const head = (at: RateClaim | ChangeClaim) => ({ rule: 'narrative-change', severity: 'error' as const, paragraph: at.paragraph, subject: 'text' as const, actual: quote(ctx, at) });
  if (byRate && !byChange)
    // The rate's size fits its own direction: the change's word is the slip.
    return narrativeFinding(ctx, { ...head(change), expected: null, message: message('narr.direction-change', { ...claimHead(ctx, change), other: quoteArg(quote(ctx, rate)), way: messageArg(rate.direction === 'up' ? 'direction.up' : 'direction.down') }) });
  if (byChange && !byRate)
    return narrativeFinding(ctx, { ...head(rate), expected: null, message: message('narr.direction', { ...claimHead(ctx, rate), expected: quoteArg(quote(ctx, change)) }) });
  return narrativeFinding(ctx, { ...head(rate), expected: null, message: message('narr.direction-unclear', { ...claimHead(ctx, rate), other: quoteArg(quote(ctx, change)) }) });
}

/**
 * The change and its rate fit another of this year's figures of the paragraph before them exactly (…机关运行经费 210.34
 * 万元，…其中水电费 20.00 万元，较上年增加 5.34 万元，增长 2.60%: 5.34 ÷ 205.00; or a change in a sentence of its own after a
 * sentence of two figures): whose change it is, the words leave open, and on that reading nothing is wrong.
 */
function fitsAnotherFigure(ctx: NarrativeContext, rate: RateClaim, change: ChangeClaim, current: AmountClaim): boolean {
  // (A figure with a change of its own stated is not the one this change is of: the total's change and rate copied onto
  // a part, 项目支出 B，较上年增加 C，增长 r% as 支出 A's, is a slip.)
  const changed = new Set<number>();
  for (const c of ctx.claims) if (c.kind === 'change' && c !== change && c.of !== undefined) changed.add(c.of);
  for (let i = change.of! - 1; i >= 0; i--) {
    const other = ctx.claims[i];
    if (other.paragraph !== current.paragraph) return false;
    if (other.kind !== 'amount' || other.otherYear || other.reason || other === current || changed.has(i)) continue;
    if (judgeRate(printedOf(rate), standing(ctx, other), printedOf(change), change.direction as 'up' | 'down') === 'consistent') return true;
  }
  return false;
}

export const narrativeRates: RuleSpec = {
  id: 'narrative-growth-rate',
  emits: { 'narrative-growth-rate': 'error', 'narrative-change': 'error', 'narrative-percent': 'error' },
  collect: ({ tables, config }) => {
    const ctx = narrativeContext(tables, config);
    if (!ctx) return {};
    const findings: Finding[] = [];
    ctx.claims.forEach((c, i) => {
      if (c.kind === 'rate' && c.of === undefined && c.current !== undefined && c.previous !== undefined) {
        // 本年 X，上年 Y，增长 r%: the rate between the two stated figures.
        const f = growthFinding(ctx, c, ctx.claims[c.current] as AmountClaim, ctx.claims[c.previous] as AmountClaim);
        if (f) findings.push(f);
      } else if (c.kind === 'rate') {
        const change = c.of !== undefined ? (ctx.claims[c.of] as ChangeClaim) : undefined;
        const current = change?.of !== undefined ? (ctx.claims[change.of] as AmountClaim) : undefined;
        if (!change || !current || change.reason || current.reason || change.direction === 'same') return;
        // A table printing the year before that shows the rate right shows the change wrong: that is
        // the one slip, told at the change (narrative-previous-year), never also here.
        const rightByTable = () => yearPairs(ctx, change.of!, wordsBetween(ctx, current, c)).some((p) => rateAgrees(c, p));
        if (change.direction !== c.direction) {
          if (rightByTable()) return;
          findings.push(directionFinding(ctx, c, change, current));
          return;
        }
        // The year before stated in the sentence (比2023年决算数 Y 万元): the rate is between the two
        // figures, whatever the change says (a wrong change is its own finding).
        if (change.previous !== undefined) {
          const f = growthFinding(ctx, c, current, ctx.claims[change.previous] as AmountClaim);
          if (f) findings.push(f);
          return;
        }
        // Else the year before is the current figure ∓ the change. (A rate the table's budget shows right,
        // 较年初预算减少 3.00 万元，下降 20% against 预算数 10.00: the change is the slip, told below.)
        const now = standing(ctx, current);
        const budget = budgetOfChange(ctx, change);
        const byBudget = budget && growthInterval(now, budget.printed);
        if (byBudget && judge({ value: c.direction === 'down' ? c.value.negated() : c.value, decimals: c.decimals }, byBudget[0], byBudget[1]) === 'consistent') return;
        const verdict = judgeRate(printedOf(c), now, printedOf(change), change.direction);
        if (!verdict || verdict === 'consistent') return;
        if (
          followsPrinted(ctx, [current], () => {
            return judgeRate(printedOf(c), printedOf(current), printedOf(change), change.direction as 'up' | 'down') === 'consistent';
          }) ||
          rightByTable() ||
          fitsAnotherFigure(ctx, c, change, current) ||
          // 增加 A，增幅 r% where the table shows a fall of r%: the direction is the one slip, told at the change.
          yearPairs(ctx, change.of!, wordsBetween(ctx, current, c)).some((p) => rateAgrees({ ...c, direction: c.direction === 'up' ? 'down' : 'up' }, p))
        )
          return;
        // Both words one way (增加 … 增长 r%) and the figures exactly the other (r% is the change over this year's figure
        // plus it: a fall): the slip is the direction, written twice, not the rate — said at the change.
        const opposite = change.direction === 'up' ? 'down' : 'up';
        if (fitsTheOtherWay(printedOf(c), now, printedOf(change), change.direction as 'up' | 'down')) {
          const before = opposite === 'down' ? now.value.plus(change.value) : now.value.minus(change.value);
          findings.push(
            narrativeFinding(ctx, {
              rule: 'narrative-change',
              severity: 'error',
              paragraph: change.paragraph,
              subject: 'text',
              actual: quote(ctx, change),
              expected: null,
              message: message('narr.direction-words', { ...claimHead(ctx, change), other: quoteArg(quote(ctx, c)), way: messageArg(opposite === 'up' ? 'direction.up' : 'direction.down'), base: asWritten(current, before) }),
            }),
          );
          return;
        }
        const base = change.direction === 'up' ? now.value.minus(change.value) : now.value.plus(change.value);
        const exact = change.value.div(base).times(100);
        findings.push(
          narrativeFinding(ctx, {
            rule: 'narrative-growth-rate',
            severity: SEVERITY[verdict],
            paragraph: c.paragraph,
            subject: 'percent',
            actual: rateActual(c),
            expected: rounded(exact, Math.max(c.decimals, 2)),
            decimals: Math.max(c.decimals, 2),
            message: message('narr.rate', {
              ...claimHead(ctx, c),
              expected: writtenRate(c, exact),
              change: asWritten(current, change.value),
              baseName: messageArg(comparedWithBudget(change) ? 'base.budget' : 'base.last-year'),
              base: asWritten(current, base),
            }),
          }),
        );
      } else if (c.kind === 'change' && c.previous !== undefined && c.of !== undefined && !c.reason && c.direction !== 'same') {
        // Both figures stated: the change is their difference (增加 A against current − previous).
        const current = ctx.claims[c.of] as AmountClaim;
        const previous = ctx.claims[c.previous] as AmountClaim;
        if (current.reason) return;
        const [now, before] = [standing(ctx, current), standing(ctx, previous)];
        const diff = now.value.minus(before.value);
        const signed = c.direction === 'down' ? c.value.negated() : c.value;
        const verdict = judge({ value: signed, decimals: c.decimals }, ...differenceInterval(now, before));
        if (verdict === 'consistent') return;
        if (followsPrinted(ctx, [current, previous], () => judge({ value: signed, decimals: c.decimals }, ...differenceInterval(printedOf(current), printedOf(previous))) === 'consistent')) return;
        findings.push(changeFinding(ctx, c, signed, diff, verdict, [], { current: asWritten(current, now.value), baseName: baseName(previous), previous: asWritten(previous, before.value) }));
      } else if (c.kind === 'change' && c.of !== undefined && !c.reason && c.direction !== 'same' && budgetOfChange(ctx, c)) {
        // 较年初预算减少 A with no budget figure stated: against the 预算数 the table prints beside the 决算数.
        const current = ctx.claims[c.of] as AmountClaim;
        const budget = budgetOfChange(ctx, c)!;
        if (current.reason) return;
        const now = standing(ctx, current);
        const diff = now.value.minus(budget.printed.value);
        const signed = { value: c.direction === 'down' ? c.value.negated() : c.value, decimals: c.decimals };
        const verdict = judge(signed, ...differenceInterval(now, budget.printed));
        if (verdict === 'consistent') return;
        if (followsPrinted(ctx, [current], () => judge(signed, ...differenceInterval(printedOf(current), budget.printed)) === 'consistent')) return;
        findings.push(
          changeFinding(ctx, c, signed.value, diff, verdict, budget.cell ? budget.cell.cells.slice(0, 1) : [], {
            current: asWritten(current, now.value),
            baseName: messageArg('base.budget'),
            previous: asWritten(current, budget.printed.value),
          }),
        );
      } else if (c.kind === 'share' || c.kind === 'completion') {
        const part = (c.kind === 'share' ? c.part : c.final) !== undefined ? (ctx.claims[(c.kind === 'share' ? c.part : c.final)!] as AmountClaim) : undefined;
        if (!part || part.reason || part.kind !== 'amount') return;
        const whole =
          c.kind === 'share'
            ? wholeOf(ctx, part, c.wholeText, i)
            : c.budget !== undefined
              ? { printed: standing(ctx, ctx.claims[c.budget] as AmountClaim), name: (ctx.claims[c.budget] as AmountClaim).subject }
              : /调整|全年/.test(ctx.paragraphs[c.paragraph].text.slice(c.start, c.end))
                ? undefined
                : tableBudget(ctx, c.final!, /年初/.test(ctx.paragraphs[c.paragraph].text.slice(c.start, c.end)));
        if (!whole || whole.printed.value.lte(0)) return;
        const stated = standing(ctx, part);
        // A part over its whole is a misreading of ours (a figure broken by a line end, 1,269. 26 万元), not a
        // share anyone wrote: not judged.
        if (c.kind === 'share' && stated.value.abs().gt(whole.printed.value)) return;
        const verdict = judgeShare(printedOf(c), stated, whole.printed);
        if (!verdict || verdict === 'consistent') return;
        // (Another whole the share may be of, as written: a budget's 本年收入合计 for its 收入总计, a list the list is within.)
        if ('alternatives' in whole && whole.alternatives?.some((w) => judgeShare(printedOf(c), stated, w) === 'consistent')) return;
        // (Right on the whole's other printed figure, that money's: which the writer meant is not told — said quietly.)
        const otherFits = 'others' in whole && !!whole.others?.some((f) => judgeShare(printedOf(c), stated, { value: f.value, decimals: f.decimals }) === 'consistent');
        // A whole the tables print but their own sums dispute (a “三公” 合计 off its items, a budget figure off its
        // group): the table's finding names the slip; a share or completion worked out on it is said once, quietly.
        // (Asked only of a share that is off: telling a dispute evaluates the sheet's sums.)
        const doubtful = otherFits || ('doubtful' in whole && whole.doubtful === true) || ('cell' in whole && !!whole.cell && ctx.inDispute(whole.cell));
        // A whole whose parts by definition add up otherwise (政府采购总额 590.23 of 货物 + 工程 + 服务 580.23):
        // a share right on their sum is not blamed; the total's gap with its parts is the one slip (narrative-internal).
        const wholeClaim: number | undefined = (whole as { claim?: number }).claim;
        const defined = wholeClaim !== undefined ? definedParts(ctx, wholeClaim) : undefined;
        if (defined) {
          if (judgeShare(printedOf(c), stated, defined.sum) === 'consistent') return;
        }
        // (…and a share right on the sum of its list's items where the list's total is not that sum — 本年支出合计 written
        // as the appropriations' 1,202.08 over 基本支出 675.71 (55.66 %) and 项目支出 538.37 (44.34 %): the total is the slip,
        // told once (narrative-internal, narrative-vs-table), not each share.)
        if (wholeClaim !== undefined && c.kind === 'share') {
          const items = listItems(ctx, wholeClaim);
          const sum = items.length >= 2 ? sumOf(items) : undefined;
          if (sum && !sum.value.eq(whole.printed.value) && judgeShare(printedOf(c), stated, sum) === 'consistent') return;
        }
        // (The whole as printed too, where it is a figure of the sentence: 年初预算为 A … 完成预算的 X%.)
        const budget = c.kind === 'completion' && c.budget !== undefined ? (ctx.claims[c.budget] as AmountClaim) : undefined;
        if (
          followsPrinted(ctx, budget ? [part, budget] : [part], () => {
            return judgeShare(printedOf(c), printedOf(part), budget ? printedOf(budget) : whole.printed) === 'consistent';
          })
        )
          return;
        const exact = stated.value.div(whole.printed.value).times(100);
        const d = Math.max(c.decimals, 2);
        // (A share's whole shown to two places at most, as amounts are; a completion's budget as printed.)
        const wholeDecimals = c.kind === 'share' ? Math.min(Math.max(whole.printed.decimals, 0), 2) : whole.printed.decimals;
        findings.push(
          narrativeFinding(ctx, {
            rule: 'narrative-percent',
            severity: doubtful ? 'info' : SEVERITY[verdict],
            paragraph: c.paragraph,
            subject: 'percent',
            actual: c.value.toFixed(c.decimals),
            expected: rounded(exact, d),
            decimals: d,
            against: whole.cell ? whole.cell.cells.slice(0, 1) : [],
            message: message(c.kind === 'share' ? 'narr.share' : 'narr.completion', {
              ...claimHead(ctx, c),
              expected: percentArg(rounded(exact, d), d),
              part: asWritten(part, stated.value),
              // (The whole's name and its figure apart: the figure written as every amount is, 13,692.57.)
              ...(c.kind === 'share' ? { wholeName: nameArg(whole.name) } : {}),
              whole: wholeAsPart(part, whole.printed.value, wholeDecimals),
            }),
          }),
        );
      }
    });
    return { findings };
  },
};
