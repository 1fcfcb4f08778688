import type { AmountClaim, RateClaim } from './claims';
import type { NarrativeContext } from './context';
import { factOf, type Fact } from './facts';
import { growthInterval, interval, judge, judgeAmount, type Printed } from './judge';
import { parseCellAddress } from '../address';
import type { DetectedTable } from '../table';
import { previousYearColumn } from '../rules/toolkit/previousYearColumn';
import { changeColumns } from '../rules/toolkit/changeColumnsOf';
import { printedRate, rateColumn } from '../rules/changeRate';
import { cleanLabel, figureAt, rowAt, type Figure } from '../rules/toolkit/tableAccess';
import { labelYear } from '../rules/toolkit/yearColumns';

/**
 * The year before's figure of what a narrative amount is, where a table prints it on the same row
 * (收支总表 本年预算数 | 上年预算数; 一般公共预算支出表 2025年预算数 | 2024年预算数 | 增减额; “三公”表 本年 | 上年):
 * so a change or a rate the sentence states without the year before's figure (比上年增加 A 万元，增长 r%)
 * can still be judged. Only where it is certain: the amount agrees with the table's figure (or is the
 * one the tables contradict), that figure is one cell — one row of its table — and the table pairs
 * its column with exactly one column of the year before (previousYearColumn.ts) of the measure the
 * words compare with (上年预算数 is no 上年决算数). A table printing no year before gives none.
 */
export interface YearPair {
  table: DetectedTable;
  /** This year's figure and the year before's, as the table prints them (the cells, for the finding). */
  current: Figure;
  previous: Figure;
  /** Both in 万元 with their printed precision, for the interval arithmetic. */
  now: Printed;
  before: Printed;
  /** The change the table prints beside them (增减额, as 本年 − 上年), where it prints one. */
  change?: Printed;
  /** The rate it prints beside the change (增减率), in per cent, where it prints one. */
  rate?: Printed;
}

/**
 * Do the words compare with the year before (比上年, 与上年度相比, 同比, 较2024年, 是上年的)? A comparison with
 * the budget (比年初预算, 较调整预算: final accounts' usual one) is not, whatever the tables print beside it.
 */
function comparesWithYearBefore(words: string, docYear?: number): boolean {
  const named = YEAR_BEFORE_WORDS.test(words) || (docYear !== undefined && yearNamed(docYear - 1).test(words));
  return named && !BUDGET_NAMED.test(words.replace(BUDGET_OF_YEAR_BEFORE, ''));
}

const YEAR_BEFORE_WORDS = /上年度?|去年|上一年度?|同比|同期/;
const BUDGET_NAMED = /年初预算|调整预算|调整后预算|全年预算/;
const BUDGET_OF_YEAR_BEFORE = /上年度?(同期)?(年初|调整后?)?预算/g;

/** 2024年 (however spaced) as a pattern, made once per year: it was made for every change asked about. */
function yearNamed(year: number): RegExp {
  let re = YEAR_PATTERNS.get(year);
  if (!re) YEAR_PATTERNS.set(year, (re = new RegExp(`${year}\\s*年`)));
  return re;
}

const YEAR_PATTERNS = new Map<number, RegExp>();

/** The measure the words compare with (比上年预算数, 与上年决算相比, 较上年执行数), if they name one. */
function measureNamed(words: string): 'budget' | 'final' | undefined {
  const m = /(?:上年度?|去年|上一年度?|(?:19|20)\d{2}\s*年度?)(?:同期)?(?:年初)?(预算|决算|执行|实际|完成)/.exec(words);
  if (!m) return undefined;
  return m[1] === '预算' ? 'budget' : 'final';
}

/** The measure a column of the year before prints (上年预算数, 2024年决算数, 上年执行数), if it says. */
function columnMeasure(label: string): 'budget' | 'final' | undefined {
  const l = label.replace(/一般公共预算|政府性基金预算|国有资本经营预算/g, '');
  if (/决算|执行|实际|完成/.test(l)) return 'final';
  if (/预算/.test(l)) return 'budget';
  return undefined;
}

/**
 * The year pairs of amount claim `index` (one per table that prints both years of its row), given the
 * words comparing it with the year before (from the amount to the change or rate). Empty when none is certain.
 */
export function yearPairs(ctx: NarrativeContext, index: number, words: string): YearPair[] {
  // Asked of one change by narrative-previous-year and narrative-internal, of one rate twice by
  // narrative-growth-rate: read once per disclosure's narrative (the pairs are shared, never changed).
  // (Kept by the amount, then by the words, compared as strings: a key string index|words made per ask
  // was hashed whole every time, most of what asking again cost. An amount is asked with one or two words.)
  let kept = pairsOf.get(ctx);
  if (!kept) pairsOf.set(ctx, (kept = new Map()));
  const asked = kept.get(index);
  if (asked) for (let k = 0; k < asked.length; k++) if (asked[k].words === words) return asked[k].pairs;
  const pairs = readYearPairs(ctx, index, words);
  if (asked) asked.push({ words, pairs });
  else kept.set(index, [{ words, pairs }]);
  return pairs;
}

const pairsOf = new WeakMap<NarrativeContext, Map<number, Array<{ words: string; pairs: YearPair[] }>>>();

function readYearPairs(ctx: NarrativeContext, index: number, words: string): YearPair[] {
  const a = ctx.claims[index] as AmountClaim;
  if (a.kind !== 'amount' || a.reason || a.otherYear || a.unjudged || ctx.paragraphs[a.paragraph].aside) return [];
  // A final accounts' 年初预算 figure, or a budget's 决算, is no figure of these tables.
  if (ctx.finalAccounts ? a.measure === 'budget' : a.measure === 'final') return [];
  const resolved = ctx.resolved.get(index);
  if (!resolved || !comparesWithYearBefore(words, ctx.year)) return [];
  const single = resolved.facts.filter((f) => f.cells.length === 1);
  const printed = { value: a.value, decimals: a.decimals };
  const agreeing = single.filter((f) => judgeAmount(printed, f) === 'consistent');
  const contradicted = ctx.contradicted.get(a);
  const facts: Fact[] = agreeing.length > 0 ? agreeing : contradicted && contradicted.cells.length === 1 ? [contradicted] : [];
  // One row of each table: a subject found at two places of one table is not told which.
  const cellsOf = new Map<DetectedTable, Set<string>>();
  for (const f of facts) cellsOf.set(f.table, (cellsOf.get(f.table) ?? new Set()).add(f.cells[0].cell));
  const wanted = measureNamed(words) ?? a.measure ?? (ctx.finalAccounts ? 'final' : 'budget');
  const pairs: YearPair[] = [];
  for (const [table, cells] of cellsOf) {
    if (cells.size !== 1) continue;
    const { row, col } = parseCellAddress([...cells][0]);
    const found = previousYearColumn(table, col);
    if (!found) continue;
    const measure = columnMeasure(found.previous.headerPath.join(''));
    if (measure && measure !== wanted) continue;
    const current = figureAt(table, row, col);
    const previous = figureAt(table, row, found.previous.col);
    // An empty year before is a new item or a line the template leaves blank: no base to judge by.
    if (current.unreadable || previous.unreadable || !previous.shown) continue;
    const change = found.change ? figureAt(table, row, found.change.col) : undefined;
    const wan = (f: Figure): Printed => {
      const x = factOf(f);
      return { value: x.value, decimals: x.decimals };
    };
    // The table's own rate of the row (增减率 beside 增减额): a sentence copying it is the table's slip, if any.
    const three = found.change ? changeColumns(table) : undefined;
    const rateCol = three ? rateColumn(table, three) : undefined;
    const rateText = rateCol ? rowAt(table, row)?.cells[rateCol.column.col]?.text : undefined;
    const rate = rateCol && rateText ? printedRate(rateText, rateCol.percentInHeader) : undefined;
    pairs.push({ table, current, previous, now: wan(current), before: wan(previous), ...(change && change.shown && !change.unreadable ? { change: wan(change) } : {}), ...(rate ? { rate } : {}) });
  }
  return pairs;
}

/** The column words of a pair's figures, for the finding: 2025年预算数, 上年预算数. */
export function pairColumnNames(p: YearPair): { current: string; previous: string } {
  // The column's words from the year down (2025年预算数 合计), else its last (上年).
  const name = (f: Figure) => {
    const path = (p.table.columns.find((c) => c.col === f.col)?.headerPath ?? []).map(cleanLabel).filter(Boolean);
    const at = path.findIndex((l) => labelYear(l, p.table.year) !== undefined);
    // (2025年预算数 over its 合计 is 2025年预算数: the total goes without saying.)
    const words = at >= 0 ? path.slice(at) : path.slice(-1);
    return (words.length > 1 && /^(合计|小计)$/.test(words[words.length - 1]) ? words.slice(0, -1) : words).join(' ');
  };
  return { current: name(p.current), previous: name(p.previous) };
}

/** A rate (in per cent, signed by its direction) that a pair shows right: on both years' figures, or as the table prints it beside them. */
export function rateAgrees(c: RateClaim, p: YearPair): boolean {
  const stated = { value: c.direction === 'down' ? c.value.negated() : c.value, decimals: c.decimals };
  const range = growthInterval(p.now, p.before);
  if (range && judge(stated, ...range) === 'consistent') return true;
  return !!p.rate && judge(stated, ...interval(p.rate)) === 'consistent';
}

/** The words from an amount to a claim of its sentence (比上年预算数增加 …): what they compare with. */
export function wordsBetween(ctx: NarrativeContext, amount: AmountClaim, claim: { paragraph: number; end: number }): string {
  return amount.paragraph === claim.paragraph ? ctx.paragraphs[claim.paragraph].text.slice(amount.end, claim.end) : '';
}
