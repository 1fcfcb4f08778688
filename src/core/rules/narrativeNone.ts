import type { Finding } from '../finding';
import { amountArg, message, nameArg } from '../messages/message';
import { narrativeContext } from '../narrative/context';
import type { Fact } from '../narrative/facts';
import { claimHead, narrativeFinding } from '../narrative/findingOf';
import type { RuleSpec } from './toolkit/ruleSpec';

/**
 * A sentence saying a fund has no money this year (我部门2023年度没有政府性基金收入，也没有使用政府性基金安排的支出;
 * 本单位无国有资本经营预算拨款) where the tables print a figure for that fund: the sentence is left from another
 * year or another unit, or the figure is. Its income is held against the income the tables print for the
 * fund (收支总表's line), its spending against the fund's own table; a sentence naming neither (无政府性基金预算)
 * against either. A sentence of another year (2023年无…, 上年无…), or of the fund's carry-over only
 * (无政府性基金结转), says nothing of this year's money. So for the “三公” items and 政府采购 (本单位未安排因公出国（境）
 * 费; 无政府采购预算): against the table's figure of the document's own measure — final accounts' 决算数, never
 * the 预算数 beside it (未发生因公出国（境）费 is right where only a budget was set).
 */
const NONE = /(?:没有|无|未安排|未编制|不涉及)(?:使用)?(政府性基金|国有资本经营)(?:预算)?(?:财政)?(?:拨款)?(?:安排的)?(收入|支出|预算|拨款|资金)/g;
const FUND_CONCEPT: Record<string, string> = { 政府性基金: 'gov-fund', 国有资本经营: 'state-capital' };
const ITEM_NONE = /(?:没有|无|未安排|未发生|未编制|不涉及)(?:安排)?(因公出国[（(]境[）)](?:经)?费|公务用车购置及运行(?:维护)?费|公务用车购置费|公务接待费|政府采购(?:预算|支出)?)/g;
const ITEM_CONCEPT: Array<[RegExp, string]> = [
  [/^因公出国/, 'abroad'],
  [/^公务用车购置及运行/, 'vehicles'],
  [/^公务用车购置/, 'vehicle-purchase'],
  [/^公务接待/, 'reception'],
  [/^政府采购/, 'procurement'],
];
const PROCUREMENT_KIND = /^(货物|工程|服务)/;
const PROCUREMENT_CONCEPT: Record<string, string> = { 货物: 'procurement-goods', 工程: 'procurement-works', 服务: 'procurement-services' };
const NAMES_ANY = /政府性基金|国有资本经营|因公出国|公务用车|公务接待|政府采购/;
/** What follows that makes it no statement of the year's money (无政府性基金预算结转, …收支增减, …变化). */
const NOT_THE_MONEY = /^(?:预算|支出|资金)?(?:结转|结余|增减|变化|变动)/;
/** Words naming money a fund's table does print (…安排的基本支出和项目支出): then the sentence is of the fund too. */
const FUND_MONEY_TOO = /项目支出|项目|[和及与、]支出/;

/** The words after a fund's name up to the next stop: what its money is said not to pay for. */
function objectAfter(text: string, from: number): string {
  const rest = text.slice(from);
  const stop = rest.search(/[，,。；;]/);
  return stop < 0 ? rest : rest.slice(0, stop);
}

/** The item a fund's money is said not to pay for (…安排的“三公”经费, 安排的基本支出): what follows the fund's name. */
const ITEM_OF_THE_FUND = /^(?:安排的?|用于)\s*[“"]?(?:三公|基本支出|人员经费|公用经费|政府采购|因公出国|公务用车|公务接待|会议费|培训费|机关运行)/;
const OTHER_YEAR = /上年|去年|上一年|以前年度|往年/;
const YEAR = /((?:19|20)\d\d)年/g;
/** A clause: the words between two stops. */
const STOP = /[。；;！!？?\n]/;

export const narrativeNone: RuleSpec = {
  id: 'narrative-none',
  emits: { 'narrative-none': 'error' },
  collect: ({ tables, config }) => {
    const ctx = narrativeContext(tables, config);
    if (!ctx) return {};
    const findings: Finding[] = [];
    const told = new Set<string>();
    // Final accounts are of their 决算数: a 预算数 beside it is no figure a 未发生 contradicts.
    const ownMeasure = (f: Fact) => f.measure === undefined || f.measure === (ctx.finalAccounts ? 'final' : 'budget');
    ctx.paragraphs.forEach((p, paragraph) => {
      if (p.aside || !NAMES_ANY.test(p.folded)) return;
      const said: Array<{ start: number; end: number; what: string; fact: Fact | undefined }> = [];
      for (const m of p.folded.matchAll(NONE)) said.push({ start: m.index!, end: m.index! + m[0].length, what: m[1], fact: heldFigure(ctx.facts.byConcept.get(FUND_CONCEPT[m[1]]) ?? [], m[2]) });
      for (const m of p.folded.matchAll(ITEM_NONE)) {
        // (无政府采购工程预算 says none of one kind of purchase: that kind's figure, not the whole's.)
        const kind = m[1].startsWith('政府采购') ? PROCUREMENT_KIND.exec(p.folded.slice(m.index! + m[0].length)) : null;
        const concept = kind ? PROCUREMENT_CONCEPT[kind[1]] : ITEM_CONCEPT.find(([re]) => re.test(m[1]))![1];
        said.push({ start: m.index!, end: m.index! + m[0].length + (kind ? kind[1].length : 0), what: concept, fact: heldFigure((ctx.facts.byConcept.get(concept) ?? []).filter(ownMeasure), '') });
      }
      for (const { start, end, what, fact } of said) {
        if (NOT_THE_MONEY.test(p.folded.slice(end))) continue;
        // 无政府性基金预算拨款安排的“三公”经费 / 基本支出 / 人员经费 / 政府采购: none of the fund's money for that item, which a
        // fund's table of project money never holds — not none of the fund.
        if (FUND_CONCEPT[what] && ITEM_OF_THE_FUND.test(p.folded.slice(end)) && !FUND_MONEY_TOO.test(objectAfter(p.folded, end))) continue;
        if (!ofThisYear(clauseAround(p.folded, start), ctx.year)) continue;
        // One finding a fund and a paragraph: 没有…收入，也没有…支出 is one sentence left in.
        const key = `${paragraph}|${what}`;
        if (!fact || told.has(key)) continue;
        told.add(key);
        const d = Math.min(Math.max(fact.decimals, 0), 2);
        findings.push(
          narrativeFinding(ctx, {
            rule: 'narrative-none',
            severity: 'error',
            paragraph,
            subject: 'amount',
            actual: '0',
            expected: fact.value.toFixed(d),
            decimals: d,
            against: fact.cells.slice(0, 1),
            message: message('narr.none', { ...claimHead(ctx, { paragraph, start, end }), other: nameArg(fact.name), expected: amountArg(fact.value.toFixed(d), d) }),
          }),
        );
      }
    });
    return { findings };
  },
};

/**
 * A figure the tables print for the fund that is not nought: of its income, its spending, or either — the
 * fund's own table first (what the sentence most plainly contradicts), then the summaries' lines.
 */
function heldFigure(facts: Fact[], said: string): Fact | undefined {
  const side = said === '收入' ? 'income' : said === '支出' ? 'spending' : undefined;
  const held = facts.filter((f) => !f.value.isZero() && (side === undefined || (side === 'income') === (f.side === 'income')));
  return held.find((f) => FUND_TABLES.has(f.table.kind)) ?? held[0];
}

const FUND_TABLES = new Set<string>(['gov-fund-expenditure', 'state-capital-expenditure']);

/** The clause a phrase is in. */
function clauseAround(text: string, at: number): string {
  let from = at;
  while (from > 0 && !STOP.test(text[from - 1])) from--;
  let to = at;
  while (to < text.length && !STOP.test(text[to])) to++;
  return text.slice(from, to);
}

/** A clause naming no year but the document's, nor the year before. */
function ofThisYear(clause: string, year: number | undefined): boolean {
  if (OTHER_YEAR.test(clause)) return false;
  for (const y of clause.matchAll(YEAR)) if (year !== undefined && Number(y[1]) !== year) return false;
  return true;
}
