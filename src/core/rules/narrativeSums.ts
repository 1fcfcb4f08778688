import Decimal from 'decimal.js';
import type { Finding } from '../finding';
import { amountArg, message, quoteArg } from '../messages/message';
import { roundingBand } from '../rounding';
import type { AmountClaim, ChangeClaim, RateClaim } from '../narrative/claims';
import { narrativeContext, paragraphCell, quote, type NarrativeContext } from '../narrative/context';
import type { CodedRow, Fact } from '../narrative/facts';
import { codedByTable, type CodedTable } from '../narrative/codedByTable';
import { definedParts } from '../narrative/definedParts';
import { claimHead, narrativeFinding } from '../narrative/findingOf';
import { fitsTheOtherWay, judgeRate } from '../narrative/judge';
import { ordinalRank } from '../narrative/claims';
import type { RuleSpec } from './toolkit/ruleSpec';
import { changeToldWrong } from './narrativePreviousYear';

/**
 * The narrative's own sums: the items a total lists (…万元，其中：A a；B b) add up to it, and the
 * items of a numbered run (1. 行政运行（项）…, 2. …) that the tables say make up a figure the
 * narrative states add up to that statement — their amounts, and their changes on the year before
 * to the change it states. Only where the tables show the items are all the parts: a list that
 * names some parts only (其中：基本支出 …) is never added up — unless its parts are fixed by definition
 * (政府采购 = 货物 + 工程 + 服务, narrative/definedParts.ts).
 */
function band(values: { decimals: number; value: Decimal }[]): Decimal {
  let d = Infinity;
  // (A zero written 0万元 is none, not a figure rounded to whole 万元: it widens nothing. A list with one made
  // the band ±0.5 an item, and a slip of 0.18 in a 政府采购 list went untold.)
  for (let k = 0; k < values.length; k++) if (!values[k].value.isZero()) d = Math.min(d, values[k].decimals);
  if (d === Infinity) d = 2;
  // (n + 1) × ½ unit, as rounding.ts keeps it for n figures: not multiplied out again for every sum.
  return roundingBand(values.length, d).tolerance;
}

const sameFact = (a: Fact, b: Fact) => a.cells[0].sheet === b.cells[0].sheet && a.cells[0].cell === b.cells[0].cell;

/** Do these facts make up any of those exactly (the tables' own figures add up within their band)? */
function makesUpAny(parts: Fact[], wholes: Fact[]): boolean {
  // (The parts added once for every whole they are held against.)
  const sum = parts.reduce((s, f) => s.plus(f.value), new Decimal(0));
  return wholes.some((whole) => sum.minus(whole.value).abs().lte(band([...parts, whole])));
}

/**
 * The figure an item contributes to a sum of the measure a total is of. An item may give a budget and
 * a final figure (…行政运行（项）：年初预算为 A，支出决算为 B): the one of the total's measure — as its
 * words say, else the document's (a final accounts' 支出 is its 决算) — counts; a figure naming no
 * measure counts where the item has no figure of the total's. Undefined when the measure cannot be
 * told (two figures of it, or only a figure of the other): the sum is then not judged.
 */
function measureMatched(ctx: NarrativeContext, total: AmountClaim, figures: number[]): number | undefined {
  const measure = total.measure ?? (ctx.finalAccounts ? 'final' : 'budget');
  const of = (k: number) => (ctx.claims[k] as AmountClaim).measure;
  const same = figures.filter((k) => of(k) === measure);
  if (same.length) return same.length === 1 ? same[0] : undefined;
  const unmarked = figures.filter((k) => of(k) === undefined);
  return unmarked.length === 1 ? unmarked[0] : undefined;
}

/** A list's items, each its figures: a bare measure after a figure of its subject (支出决算为 B) is that item's. */
function itemsOf(ctx: NarrativeContext, figures: number[]): number[][] {
  const items = new Map<number, number[]>();
  for (const k of figures) {
    const head = (ctx.claims[k] as AmountClaim).subjectOf;
    const key = head !== undefined && figures.includes(head) ? head : k;
    const item = items.get(key);
    if (item) item.push(k);
    else items.set(key, [k]);
  }
  return [...items.values()];
}

interface Run {
  /** Per numbered paragraph, its figures of the row it states (年初预算为 A，支出决算为 B: both). */
  figures: number[][];
  rows: CodedRow[];
}

/** A 款 or 项 named by its level (…（项）): an item of a run of coded rows. */
const NAMES_A_LEVEL = /[（(][款项][)）]/;

/** Runs of numbered paragraphs each stating one coded row, all rows of one table. */
function codedRuns(ctx: NarrativeContext): Run[] {
  const runs: Run[] = [];
  const broken = new Set<Run>();
  let current: Run | undefined;
  let lastParagraph = -1;
  let brokenAfter = -2;
  ctx.claims.forEach((c, i) => {
    if (c.kind !== 'amount' || c.reason || c.otherYear) return;
    const r = ctx.resolved.get(i);
    if (current && c.paragraph === lastParagraph) {
      // Another figure of the paragraph's row (支出决算为 B after 年初预算为 A): the same item's.
      if (r?.rows.some((x) => x.table === current!.rows[current!.rows.length - 1].table && x.code === current!.rows[current!.rows.length - 1].code)) current.figures[current.figures.length - 1].push(i);
      return;
    }
    // (The numbering read only of a figure naming a coded row: most figures name none.)
    if (!r?.rows.length || ordinalRank(ctx.paragraphs[c.paragraph].text) === 0) {
      // A numbered item among them whose row the tables lack (a row deleted from the table): the run is not whole,
      // on either side of it — its sum would be of the items the table kept, not of those the text lists.
      const text = ctx.paragraphs[c.paragraph].text;
      if (!r?.rows.length && c.paragraph !== lastParagraph && ordinalRank(text) > 0 && NAMES_A_LEVEL.test(text)) {
        if (current) broken.add(current);
        brokenAfter = c.paragraph;
        lastParagraph = c.paragraph;
      }
      if (current) current = undefined;
      return;
    }
    // (No section's heading between the last item's paragraph and this one.)
    const noHeadingBetween = () => ctx.paragraphs.slice(lastParagraph + 1, c.paragraph).every((p) => !p.heading || ordinalRank(p.text) < 4);
    if (!current || !(c.paragraph > lastParagraph && noHeadingBetween())) {
      current = { figures: [], rows: [] };
      runs.push(current);
      if (brokenAfter === lastParagraph && lastParagraph >= 0 && noHeadingBetween()) broken.add(current);
    }
    current.figures.push([i]);
    current.rows.push(r.rows[0]);
    lastParagraph = c.paragraph;
  });
  return runs.filter((r) => r.figures.length >= 2 && !broken.has(r));
}

/**
 * The row (a 款, a 类, or the table's total) whose leaves are exactly the run's rows, in the first
 * table (by the preference of FUNCTION_TABLES) that lists them all.
 */
function parentOf(ctx: NarrativeContext, run: Run): Fact | undefined {
  const codes = run.rows.map((r) => r.code);
  const byTable = codedByTable(ctx.facts.coded);
  for (const table of byTable.tables) {
    const view = byTable.of(table)!;
    if (!codes.every((c) => view.codes.has(c))) continue;
    const found = parentIn(ctx, table, view, codes);
    if (found) return found;
  }
  return undefined;
}

function parentIn(ctx: NarrativeContext, table: CodedRow['table'], view: CodedTable, codes: string[]): Fact | undefined {
  if (new Set(codes).size !== codes.length) return undefined;
  const rows = view.rows;
  // (The leaves told once per table, and the codes sorted once, for every prefix tried.)
  const leafRows = view.leaves();
  const sorted = [...codes].sort();
  const covers = (prefix: string) => {
    const l = leafRows.filter((r) => r.code.startsWith(prefix)).map((r) => r.code).sort();
    return l.length === codes.length && l.every((c, k) => c === sorted[k]);
  };
  // The narrowest parent first: the 款, the 类, then the whole table.
  const prefixes = parentPrefixes(codes);
  for (const p of prefixes) if (covers(p)) return rows.find((r) => r.code === p)?.fact ?? undefined;
  if (covers('')) {
    const total = ctx.facts.byConcept.get(table.kind === 'general-budget-expenditure' ? 'general-budget-expenditure' : table.kind === 'fiscal-appropriation-expenditure' ? 'fiscal-expenditure' : 'total-expenditure-year');
    return total?.find((f) => f.table === table);
  }
  return undefined;
}

/** The codes' 款 and 类 prefixes, each once, the longest first (in a loop: a flatMap of pairs was most of parentIn). */
function parentPrefixes(codes: string[]): string[] {
  const prefixes = new Set<string>();
  for (let k = 0; k < codes.length; k++) {
    prefixes.add(codes[k].slice(0, 5));
    prefixes.add(codes[k].slice(0, 3));
  }
  return [...prefixes].sort((a, b) => b.length - a.length);
}

/** The nearest claim before `before` stating this fact (one of its table figures), or stating its value in total words. */
function statementOf(ctx: NarrativeContext, fact: Fact, before: number): number | undefined {
  for (let i = before - 1; i >= 0; i--) {
    const c = ctx.claims[i];
    if (c.kind !== 'amount' || c.reason || c.otherYear) continue;
    const r = ctx.resolved.get(i);
    if (r?.facts.some((f) => sameFact(f, fact) || (f.value.minus(fact.value).abs().lte(band([f, fact])) && (r.rows.length ? r.rows.some((x) => sameFact(x.fact, fact)) : true)))) return i;
  }
  return undefined;
}

export const narrativeSums: RuleSpec = {
  id: 'narrative-internal',
  emits: { 'narrative-internal': 'error' },
  collect: ({ tables, config }) => {
    const ctx = narrativeContext(tables, config);
    if (!ctx) return {};
    const findings: Finding[] = [];
    const report = (total: AmountClaim, items: AmountClaim[], sum: Decimal, d: number) => {
      // A total the tables contradict whose items add up to the tables' figure: the total is the
      // slip, named by narrative-vs-table; the items not making it up is not a second finding.
      const table = ctx.contradicted.get(total);
      if (table && sum.minus(table.value.abs()).abs().lte(band([...items, table]))) return;
      // An item the tables contradict (a figure left from last year, a sub-item mistyped) whose table
      // figure closes the sum: that item is the slip, named by narrative-vs-table; the total is right.
      const told = items.map((x) => ctx.contradicted.get(x));
      if (told.some((f) => f)) {
        const closed = items.reduce((s, x, k) => s.plus(told[k] ? told[k]!.value.abs() : x.value), new Decimal(0));
        if (closed.minus(total.value).abs().lte(band([...items, total, ...told.filter((f): f is Fact => !!f)]))) return;
      }
      findings.push(
        narrativeFinding(ctx, {
          rule: 'narrative-internal',
          severity: 'error',
          paragraph: total.paragraph,
          subject: 'amount',
          actual: total.value.toFixed(d),
          expected: sum.toFixed(d),
          difference: total.value.minus(sum).toFixed(d),
          decimals: d,
          also: items.map((x) => paragraphCell(ctx, x.paragraph)),
          message: message('narr.internal', { ...claimHead(ctx, total), expected: amountArg(sum.toFixed(d), d), diff: amountArg(total.value.minus(sum).abs().toFixed(d), d) }),
        }),
      );
    };

    // 1. Lists a total opens (其中：…), where the tables say the items are all its parts.
    // (Each list's figures gathered in one pass, in order: looked for per total, they were a pass per total.)
    const listed = new Map<number, number[]>();
    ctx.claims.forEach((x, k) => {
      if (x.kind !== 'amount' || x.listOf === undefined || x.reason || x.otherYear) return;
      const figures = listed.get(x.listOf);
      if (figures) figures.push(k);
      else listed.set(x.listOf, [k]);
    });
    ctx.claims.forEach((c, i) => {
      if (c.kind !== 'amount' || !c.opensList || c.reason || c.otherYear) return;
      // Parts fixed by definition (政府采购 = 货物 + 工程 + 服务): judged whether or not a table prints them.
      const defined = definedParts(ctx, i);
      if (defined) {
        if (defined.sum.value.minus(c.value).abs().gt(band([...defined.parts, c]))) report(c, defined.parts, defined.sum.value, Math.max(0, Math.min(c.decimals, 2)));
        return;
      }
      const figures = listed.get(i) ?? [];
      // One figure per item, of the total's measure (an item's 年初预算 is no part of a 决算 total).
      const picked = itemsOf(ctx, figures).map((f) => measureMatched(ctx, c, f));
      if (picked.length < 2 || picked.some((k) => k === undefined)) return;
      const items = picked as number[];
      const totalFact = ctx.resolved.get(i)?.facts;
      const itemFacts = items.map((k) => ctx.resolved.get(k)?.facts?.[0]);
      if (!totalFact?.length || itemFacts.some((f) => !f)) return;
      if (!makesUpAny(itemFacts as Fact[], totalFact)) return;
      const amounts = items.map((k) => ctx.claims[k] as AmountClaim);
      const sum = amounts.reduce((s, x) => s.plus(x.value), new Decimal(0));
      if (sum.minus(c.value).abs().lte(band([...amounts, c]))) return;
      report(c, amounts, sum, Math.max(0, Math.min(c.decimals, 2)));
    });

    // 2. Numbered runs of coded rows (1. …（项） 2. …（项）) against the figure they make up, where stated.
    for (const run of codedRuns(ctx)) {
      const parent = parentOf(ctx, run);
      if (!parent) continue;
      const at = statementOf(ctx, parent, run.figures[0][0]);
      if (at === undefined) continue;
      const total = ctx.claims[at] as AmountClaim;
      // Each 项's figure of the total's measure: its 支出决算 under a 决算 total, never its 年初预算.
      const picked = run.figures.map((f) => measureMatched(ctx, total, f));
      if (picked.some((k) => k === undefined)) continue;
      const items = picked as number[];
      const amounts = items.map((k) => ctx.claims[k] as AmountClaim);
      const sum = amounts.reduce((s, x) => s.plus(x.value), new Decimal(0));
      // (A run that is the list its total opens, 主要用于以下方面： then 1. 2. 3., was added up above.)
      const listed = run.figures.every((item) => item.every((k) => (ctx.claims[k] as AmountClaim).listOf === at));
      if (!listed && !sum.minus(total.value).abs().lte(band([...amounts, total]))) report(total, amounts, sum, Math.max(0, Math.min(total.decimals, 2)));
      changeSum(ctx, total, at, items, findings);
    }
    return { findings };
  },
};

/** The change of each item on the year before, signed (持平 is nought); undefined when one is not stated. */
function changeOf(ctx: NarrativeContext, amountIndex: number): { claim: ChangeClaim; index: number; signed: Decimal } | undefined {
  const k = changesOf(ctx).get(amountIndex);
  if (k === undefined) return undefined;
  const claim = ctx.claims[k] as ChangeClaim;
  return { claim, index: k, signed: claim.direction === 'down' ? claim.value.negated() : claim.value };
}

/**
 * The first change stated of each amount (not in its reasons), by the amount's index: gathered in one
 * pass of the claims when first asked, per narrative context (each item of each run was a search of
 * every claim).
 */
function changesOf(ctx: NarrativeContext): Map<number, number> {
  let found = changesKept.get(ctx);
  if (found) return found;
  found = new Map();
  for (let k = 0; k < ctx.claims.length; k++) {
    const x = ctx.claims[k];
    if (x.kind === 'change' && x.of !== undefined && !x.reason && !found.has(x.of)) found.set(x.of, k);
  }
  changesKept.set(ctx, found);
  return found;
}

const changesKept = new WeakMap<NarrativeContext, Map<number, number>>();

/**
 * The items' changes add up to their parent's change. Where one item's change, corrected by the
 * gap, also makes its own printed rate right, that item is the slip (a decrease of 392.92 printed for
 * 382.92): named there, with the value that closes both.
 */
function changeSum(
  ctx: NarrativeContext,
  total: AmountClaim,
  totalIndex: number,
  run: number[],
  findings: Finding[],
): void {
  const parent = changeOf(ctx, totalIndex);
  const items = run.map((k) => changeOf(ctx, k));
  if (!parent || items.some((x) => !x)) return;
  const changes = items as { claim: ChangeClaim; index: number; signed: Decimal }[];
  const sum = changes.reduce((s, x) => s.plus(x.signed), new Decimal(0));
  const gap = sum.minus(parent.signed);
  const d = Math.max(0, Math.min(parent.claim.decimals, 2));
  if (gap.abs().lte(band([...changes.map((x) => x.claim).filter((x) => x.direction !== 'same'), parent.claim]))) return;
  // An item's change the tables' year before contradicts (增加 written for 减少), told by
  // narrative-previous-year: where the tables' change closes the sum, the parent's change is right.
  const told = changes.map((x) => changeToldWrong(ctx, x.claim));
  if (told.some((p) => p)) {
    const closed = changes.reduce((s, x, n) => s.plus(told[n] ? told[n]!.now.value.minus(told[n]!.before.value) : x.signed), new Decimal(0));
    const printed = told.flatMap((p) => (p ? [p.now, p.before] : []));
    if (closed.minus(parent.signed).abs().lte(band([...changes.map((x) => x.claim).filter((x) => x.direction !== 'same'), parent.claim, ...printed]))) return;
  }
  // An item's change whose word its own rate contradicts (减少 30.00 beside 增长 14.75 %, the size fitting an increase),
  // told by narrative-change: where the change as its rate reads closes the sum, the parent's change is right.
  // (Each item's rate, by its change's index, found once for both readings: looked up again for every claim tried, it
  // made this search quadratic.)
  const rates = changes.map((x) => ctx.claims.find((r): r is RateClaim => r.kind === 'rate' && r.of === x.index));
  const turned = changes.map((x, n) => {
    const rate = rates[n];
    if (!rate || x.claim.direction === 'same') return undefined;
    const current = ctx.claims[run[n]] as AmountClaim;
    // (…or both its words, where its rate is exactly the other way: the direction written twice, told at the change.)
    if (rate.direction === x.claim.direction) return fitsTheOtherWay(rate, current, x.claim, x.claim.direction) ? x.signed.negated() : undefined;
    const fits = judgeRate({ value: rate.value, decimals: rate.decimals }, { value: current.value, decimals: current.decimals }, { value: x.claim.value, decimals: x.claim.decimals }, rate.direction);
    return fits === 'consistent' ? x.signed.negated() : undefined;
  });
  if (turned.some((t) => t)) {
    const closed = changes.reduce((s, x, n) => s.plus(turned[n] ?? x.signed), new Decimal(0));
    if (closed.minus(parent.signed).abs().lte(band([...changes.map((x) => x.claim).filter((x) => x.direction !== 'same'), parent.claim]))) return;
  }
  const culprits = changes
    .map((x, n) => ({ x, n }))
    .filter(({ x, n }) => {
      if (x.claim.direction === 'same') return false;
      const rate = rates[n];
      if (!rate) return false;
      const fixed = x.signed.minus(gap);
      if (fixed.isZero() || fixed.isNegative() !== x.signed.isNegative()) return false;
      const current = ctx.claims[run[n]] as AmountClaim;
      return judgeRate({ value: rate.value, decimals: rate.decimals }, { value: current.value, decimals: current.decimals }, { value: fixed.abs(), decimals: x.claim.decimals }, x.claim.direction === 'down' ? 'down' : 'up') === 'consistent';
    });
  if (culprits.length === 1) {
    const { x } = culprits[0];
    const fixed = x.signed.minus(gap).abs();
    findings.push(
      narrativeFinding(ctx, {
        rule: 'narrative-internal',
        severity: 'error',
        paragraph: x.claim.paragraph,
        subject: 'amount',
        actual: x.claim.value.toFixed(d),
        expected: fixed.toFixed(d),
        difference: x.claim.value.minus(fixed).toFixed(d),
        decimals: d,
        also: [paragraphCell(ctx, parent.claim.paragraph)],
        message: message('narr.internal-item', { ...claimHead(ctx, x.claim), expected: amountArg(fixed.toFixed(d), d), other: quoteArg(quote(ctx, parent.claim)) }),
      }),
    );
    return;
  }
  findings.push(
    narrativeFinding(ctx, {
      rule: 'narrative-internal',
      severity: 'error',
      paragraph: parent.claim.paragraph,
      subject: 'amount',
      actual: parent.signed.toFixed(d),
      expected: sum.toFixed(d),
      difference: gap.negated().toFixed(d),
      decimals: d,
      also: changes.map((x) => paragraphCell(ctx, x.claim.paragraph)),
      message: message('narr.change-sum', { ...claimHead(ctx, parent.claim), expected: amountArg(sum.toFixed(d), d), diff: amountArg(gap.abs().toFixed(d), d) }),
    }),
  );
  void total;
}
