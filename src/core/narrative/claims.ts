import Decimal from 'decimal.js';
import { foldedTokens, foldWidth, WAN_PER_UNIT, type NumberToken } from './tokens';

/**
 * What a paragraph of the 情况说明 claims, read from the way these documents write: a subject and
 * its amount (一般公共服务（类）支出 2106.66 万元), its change on the year before (与上年相比增加 A 万元，
 * 增长 X%), its share (占 X%), how much of a budget was spent (完成年初预算的 X%), and the lists a
 * total opens (…万元，其中：…). Claims keep where they are written, so a finding can quote the
 * phrase and point at its cell. Nothing here knows the tables: facts.ts ties subjects to figures.
 */
export interface Place {
  /** The paragraph (its cell) and the span of the phrase in it. */
  paragraph: number;
  start: number;
  end: number;
}

export interface AmountClaim extends Place {
  kind: 'amount';
  /** Written inside the reasons (主要原因是…): explanation, not judged. */
  reason: boolean;
  /** The subject as written before the figure, cleaned of ordinals and filler. */
  subject: string;
  /** In 万元, with the decimals as written (in 万元 terms: a 元 figure keeps its precision). */
  value: Decimal;
  decimals: number;
  token: NumberToken;
  /** 预算 (a budget figure) or 决算 (a final figure) as the words say; undefined when they do not. */
  measure?: 'budget' | 'final';
  /** Names a year other than the document's own (上年, 2023年预算): not a figure of these tables. */
  otherYear: boolean;
  /** Its clause compares with another year (比2023年预算数 Y, 较上年 Y): the year before's figure. */
  compared?: boolean;
  /** The year its clause names (2023年收入总计…), when it names one outside a comparison. */
  year?: number;
  /** Opens a list (…万元，其中： / 包括 / 主要用于以下方面). */
  opensList: boolean;
  /** The list it belongs to (the index of the claim that opened it), when it is an item. */
  listOf?: number;
  /** Level markers written in the subject: 法院（款）行政运行（项） → [{法院, 款}, {行政运行, 项}]. */
  path: Array<{ name: string; level: '类' | '款' | '项' }>;
  /**
   * A bare measure of the subject its sentence heads (…行政运行（项）：年初预算为 A，支出决算为 B;
   * “三公”经费支出年初预算为 A，支出决算为 B): the first figure of that subject in the sentence. Its
   * figures are one item's: B is of A's subject, and a sum takes one of them.
   */
  subjectOf?: number;
  /**
   * A bare measure's subject named with no level mark, standing alone before the sentence of its figures
   * (1.社会保险经办机构。年初预算为 A，支出决算为 B; 行政单位医疗：年初预算为 A; a paragraph of the name alone):
   * the name, which the tables may print as one 款 or 项 (narrative/context.ts decides).
   */
  headName?: string;
  /**
   * Not the subject's amount as the tables print it: a figure per head, vehicle or household
   * (人均公用经费 8.9 万元, 平均每辆 4.51 万元), or of a subject with a part taken out (公用经费（不含公务用车
   * 运行费）). Not judged against the tables, and no item of a list. Nor is a figure written as inexact: about
   * (约 / 近 / 超过 / 左右 / 以上), or a bound of a range (150万元至200万元): its writer does not mean it to the cent.
   */
  unjudged?: 'per-unit' | 'excluding' | 'inexact';
}

export interface ChangeClaim extends Place {
  kind: 'change';
  reason: boolean;
  direction: 'up' | 'down' | 'same';
  /** The change in 万元 (0 for 持平). */
  value: Decimal;
  decimals: number;
  /** The amount claim it is the change of (the current figure). */
  of?: number;
  /** The year before's figure, when the sentence states it (比2023年决算数 Y 万元增加 …). */
  previous?: number;
  /** What the change names as changed, when it names it (其中：基本支出增加 50 万元 → 基本支出). */
  subject?: string;
  /** The change is from the budget (比年初预算减少 A, 决算数大于预算数 A, 超预算 A), not from a year. */
  fromBudget?: true;
}

export interface RateClaim extends Place {
  kind: 'rate';
  direction: 'up' | 'down';
  /** In percentage points (增长1.5倍 is 150, 是上年的2.5倍 is 150 too). */
  value: Decimal;
  /** Of the value in per cent: a multiple's (1.5倍, ± 0.05倍) are two fewer (−1: ± 5 %). */
  decimals: number;
  /** Written as a multiple: 增长 n 倍 (growth: n × 100 %) or 是上年的 n 倍 (ratio: (n − 1) × 100 %). */
  times?: 'growth' | 'ratio';
  /** The change claim it is the rate of. */
  of?: number;
  /**
   * Without a change: the figures of the two years it is the rate between (本年 X，上年 Y，增长 r%);
   * the current one alone where the sentence compares with the year before but states no figure of it
   * (一般公共预算支出 X 万元，比上年增长 r%): then only a table printing the year before can judge it.
   */
  current?: number;
  previous?: number;
}

/**
 * A difference of two percentages (占比上升 2.3 个百分点, 完成率比上年提高 3 个百分点): never a rate. The two
 * percentages where the sentence states them, this year's and the year before's (占比由 42.9% 提高到
 * 45.2%; 占比 45.2%，比上年的 42.9% 提高 …; 2023年为 42.9%).
 */
export interface PointsClaim extends Place {
  kind: 'points';
  direction: 'up' | 'down';
  value: Decimal;
  decimals: number;
  current?: { value: Decimal; decimals: number };
  previous?: { value: Decimal; decimals: number };
}

export interface ShareClaim extends Place {
  kind: 'share';
  value: Decimal;
  decimals: number;
  /** The amount claim that is the part. */
  part?: number;
  /** The whole as written (占“三公”经费的 → “三公”经费), '' when implicit (the list's total). */
  wholeText: string;
}

export interface CompletionClaim extends Place {
  kind: 'completion';
  value: Decimal;
  decimals: number;
  /** The final figure and the budget figure it is a share of (claims of the same sentence). */
  final?: number;
  budget?: number;
}

export type Claim = AmountClaim | ChangeClaim | RateClaim | ShareClaim | CompletionClaim | PointsClaim;

export interface ParagraphText {
  row: number;
  col: number;
  text: string;
  /** The text folded (foldWidth), where the caller has it already. */
  folded?: string;
}

/** A subject that is only the measure (年初预算, 支出决算, 预算数): the figure of what the sentence heads. */
// (cleanSubject has already cut a closing 预算为 / 决算为: 年初预算为 A reads 年初, 支出决算为 B reads 支出.)
/** A subject that is only a measure's words (年初, 支出, 年初预算数): the figure is of the subject its sentence heads. */
export const BARE_MEASURE = /^(?=.)(本年|全年|当年)?(年初|调整后?的?|全年)?(支出)?((预算|决算)(数|支出)?)?$/;

/** Ordinals and openers before a subject: 1．, （一）, 一、, 其中：, 此外，, 包括 … (用于 only before its colon: 用于社会福利的彩票公益金支出 is a 项's name.) */
const OPENERS = /^(?:[\s"“”‘’「」]*(?:\d{1,2}[.．、]|[(（][一二三四五六七八九十\d]{1,3}[)）]|[一二三四五六七八九十]{1,3}[、.．]|其中|此外|另外|包括|主要用于以下方面|主要用于|用于(?=[\s:：])|具体如下|具体情况如下|分别为|分别是|为|是)[\s:：，,、]*)+/;
/** 增加 A, 减少了 A — and 减少（下降）A, the verb glossed in brackets by a synonym or, in a template, by its opposite. */
const CHANGE_VERB = /(增加|减少|增长|下降|降低|上升|节约|减支|增支|调增|调减|新增|净增|净减|核增|核减|追加|增列|收减|压减|压缩|削减|缩减|下调|上调|调低|调高|多安排|少安排)(?:[（(](增加|减少|增长|下降|降低|上升)[）)])?了?\s*$/;
/**
 * A figure that is where a change starts (由 A 增至 B, 从 A 下降到 B, 在 A 的基础上增加, 较 A 增加 C 至 B): the year
 * before's, whatever year the sentence names.
 */
// (在 only before 的基础上: 控制在 / 保持在 A is the level itself — ofStartingPoint.)
// (由年初 A 增加至 B: a carry-over's start of the year, where its change starts too.)
/** The year a starting point may be named with (由上年的 A, 较2024年 A). */
const FROM_YEAR = '(?:上年度?的?|去年的?|(?:19|20)\\d{2}\\s*年度?的?)';
const STARTING_WORDS = `(?:由|从|在|比|较)(?:年初的?|${FROM_YEAR})?`;
const STARTING_POINT = new RegExp(`${STARTING_WORDS}\\s*$`);
const STARTING_WORD = new RegExp(`${STARTING_WORDS}$`);
/** Two years named in words before a run of two figures (本年和上年, 今年、去年, 上年与本年). */
const YEARS_IN_WORDS = /^(本年|今年|当年|上年度?|去年|上一年度?)(?:预算数?|决算数?)?(?:、|和|与|及)(本年|今年|当年|上年度?|去年|上一年度?)(?:预算数?|决算数?)?/;
const THIS_YEAR_WORD = /^(本年|今年|当年)$/;
/** A share's words ending on its starting point (占基本支出的比重由上年的 | p%). */
const SHARE_FROM = new RegExp(`(?:的)?(?:比重|比例)?(?:由|从)${FROM_YEAR}?\\s*$`);
/** The words from a change's starting point to the level it reaches (增至, 下降到, 调增为, 增加 C 至). */
const TO_LEVEL = /^[^，,。；;]{0,8}?(?:至|到|为)\s*$/;
const RATE_VERB = /(增长|增加|上升|下降|减少|降低|增幅|降幅|减幅|增长率|增长幅度|下降幅度|减少幅度|降低幅度)(了|为|达|是)?\s*$/;
const SAME = /持平|一致|无增减|无变化|相同|没有变化|未发生变化/;
const LIST_OPENER = /^[\s。，,；;]*(其中|包括|主要用于以下方面|主要用于|具体情况如下|具体如下|分别为|分别是|主要包括)?[\s]*[：:]/;
/** What follows a total whose list its paragraph ends on: the opener's words and colon, nothing else. */
const LIST_TAIL = /^[\s。，,；;]*(?:其中|包括|主要用于以下方面|主要用于|主要为|具体情况如下|具体如下|分别为|分别是|主要包括)?\s*[：:]\s*$/;
const LIST_WORD = /^[\s。，,；;]*(其中|包括|主要用于以下方面|具体情况如下|具体如下)/;
// 上年结转（结余） is this year's money brought forward, not a figure of the year before.
const OTHER_YEAR = /(上年度?|去年|上一年度?|前一年度?|以前年度|往年)(?!(末|度)?(结转|结余))/;
/** A comparison with a year (比上年, 较2023年, 与上年度相比): what follows is the year before's. */
// 与上年相比 opens a change (与上年相比增加 …), not the year before's figure.
/** A figure per head, vehicle, household … (人均, 平均每辆, 户均, 单价, 万元/人): not the subject's amount. */
const PER_UNIT = /人均|户均|车均|亩均|次均|年均|月均|日均|平均|单价|均价|每(?:人|辆|台|户|个|名|次|批|家|所|套|件|张|平方米|亩|公里|月|天|日)/;
const PER_UNIT_AFTER = /^\s*(?:[/／]\s*(?:人|辆|台|户|个|名|次|批|家|套|件|平方米|亩|月|天|日)|每(?:人|辆|台|户|个|名|次|批|家|套|件|月|天|日))/;
/** A subject with a part taken out (不含 / 剔除 / 扣除 / 除…外): no figure the tables print. */
const EXCLUDING = /不含|不包含|不包括|剔除|扣除|除[^，,。；;：:]{1,24}?(?:以|之)?外/;
/** A sentence opening on the year before (上年 / 去年 / 上一年度): its clauses are that year's unless they name their own. */
const OPENS_YEAR_BEFORE = /^(?:[（(]?\s*注\s*[：:]\s*)?(?:本部门|本单位)?(?:上年度?|去年|上一年度?|前一年度?|以前年度)(?!(末|度)?(结转|结余))/;
/** A clause naming its own year: 本年, 今年, 2025年 … */
const OWN_YEAR = /本年|今年|当年|(?:19|20)\d{2}\s*年/;
/** Subjects a figure run is of in order (A和B分别为 X 和 Y; A、B、C分别为 X、Y、Z). */
const RESPECTIVELY = /分别(?:为|是|达到?|有)?\s*$/;
const EACH_IS = /各(?:为|是|达到?)\s*$/;
/** 其中 before a figure's subject with no colon (其中社会保险经办机构 606.61 万元). */
const BARE_OF_WHICH = /^[，,\s]*其中(?![：:])/;
/** From an item's figure to its own 其中： with no stop between. */
const NESTED_OPENER = /^(?:[^。；;！？!?]*(?:其中|包括|主要用于|主要为)|\s*(?:万元|元)?中)\s*[：:]/;
/** Words before 占 that name no part (所占, 其中, 分别, 均, 约). */
const PART_NAME_NOISE = /^[，,；;、\s]*(?:其中[：:，,]?)?|(?:所|分别|各|均|约|共)$/g;
/** 比 / 较 and what a change is compared with, to the end of its subject. */
const COMPARED_WITH_TAIL = /(?:比|较)(?:上年度?|去年|上一年度?|年初|调整后?的?|全年|(?:19|20)\d{2}\s*年度?)?(?:预算|决算|执行)数?.*$|(?:比|较)(?:上年度?|去年|上一年度?|(?:19|20)\d{2}\s*年度?).*$/;
/** A figure taken out of a total before comparing (剔除 / 扣除 / 除去 X 后). */
const REMOVED = /剔除|扣除|除去|扣减/;
const OTHER_YEAR_WHOLE = /上年|去年|上一年|(?:19|20)\d\d年/;
/** What stands between the figures of such a run: a separator only. */
const RUN_SEPARATOR = /^\s*(?:、|和|及|与|以及|，|,)\s*$/;
const THIS_YEAR_OPENING = /^(?:本年度?|当年|全年|本期)(?=..)/;
/** The words of a comparison after its subject (支出合计比上年的, 收入合计较2022年度): what is left names the subject. */
const COMPARISON_TAIL = /\s*(?:比|较|同|与)\s*(?:上年度?|去年|上一年度?|(?:19|20)\d{2}\s*年度?)(?:同期)?(?:的)?(?:年初)?(?:预算|决算|执行)?数?\s*(?:相比)?\s*$/;
/** The next change of a run, its verb alone after the separator (增加 C 和减少 D, 增加 C、减少 D): no subject of its own. */
const JOINED_CHANGE = /^\s*(?:、|和|及|与|以及|，|,)\s*(?:分别)?(?:增加|减少|增长|下降|降低|上升|提高|调增|调减|压减|压缩|节约|多|少)了?\s*$/;
// (Also the budget a final figure is compared with: 较预算数 Y, 比年初预算 Y — the base of its change and rate.)
const COMPARED = /((比|较|同)\s*(上年度?|去年|上一年度?|(19|20)\d{2}\s*年度?))|(与\s*(上年度?|去年|上一年度?|(19|20)\d{2}\s*年度?)(?!\s*(相比|比较)))|((比|较)\s*(年初|调整后?的?|全年)?预算数?\s*$)|(与\s*(年初|调整后?的?|全年)?预算数?\s*$)/;
/** A change's subject that is only the words of its comparison (较2024年预算 | 减少): it names no subject. */
const ONLY_COMPARISON = /^(?:(?:与|比|较|同)\s*)?(?:上年度?|去年|上一年度?)?(?:同期)?(?:年初|调整后?的?|全年)?(?:预算|决算|执行)?数?(?:相比|比较)?$/;
/** Words before a figure making it inexact (约 200 万元, 近 200 万元, 超过 200 万元), or a range's first bound. */
const INEXACT_BEFORE = /(?:约|大约|近|将近|接近|超过|逾|不足|不到|不超过|高达)\s*$|\d\s*(?:万元|元|亿元)?\s*(?:至|到|~|-|—|－)\s*$/;
/** …and after it: 200 万元左右, 50 万元以上, 150 万元至 200 万元. */
const INEXACT_AFTER = /^\s*(?:左右|上下|以上|以下|以内|之间|多|余)|^\s*(?:至|到|~|-|—|－)\s*\d/;

/** A pattern anchored at the start (^, of each alternative) as one anchored where its lastIndex is (sticky). */
const stickyAt = (re: RegExp): RegExp => new RegExp(re.source.replace(/(^|\|)\^/g, '$1'), 'y');

/** The patterns of what follows an amount, tested at its end. */
const AFTER = {
  perUnit: stickyAt(PER_UNIT_AFTER),
  excluding: /\s*[（(]\s*(?:不含|不包含|不包括|剔除|扣除)/y,
  inexact: stickyAt(INEXACT_AFTER),
  listOpener: stickyAt(LIST_OPENER),
  listWord: stickyAt(LIST_WORD),
  /** 在 A 的基础上: A is where the change starts (控制在 A, 保持在 A: A is the level kept). */
  onTheBasis: /\s*(?:的基础上|的水平上)/y,
  /** What follows a change's starting point: its verb, to a level (增至, 下降到, 调增为) or by an amount (增加 C). */
  changeFrom: /\s*(?:的基础上|的水平上)?\s*[，,]?\s*(?:[增减降升调压提缩核削扩回涨上下][^，,。；;\d]{0,4}?(?:至|到|为)|增加|减少|增长|下降|降低|上升|调增|调减|压减|压缩|节约)/y,
};

export function cleanSubject(raw: string): string {
  return cleanFolded(foldWidth(raw));
}

/** cleanSubject of words already folded: every phrase the reader cleans is a piece of its folded paragraph. */
function cleanFolded(raw: string): string {
  // What a figure token before left behind: the 度 of 2018 年度, the ）of （1）, the ．of 1．(Most words
  // open on none of it: the pattern's empty match was a copy of every phrase cleaned.)
  return (MAY_BE_LEFT_BEHIND.test(raw) ? raw.replace(LEFT_BEHIND, '') : raw)
    .replace(OPENERS, '')
    .replace(SPACES_AND_QUOTES, '')
    .replace(VERB_AT_END, '')
    .trim();
}

// cleanFolded's patterns, made once (it cleans the words before every figure).
const LEFT_BEHIND = /^[\s)）.．、]*(年度|度)?[\s)）.．、]*/;
/** The first characters LEFT_BEHIND can take away: without one of them it matches nothing. */
const MAY_BE_LEFT_BEHIND = /^[\s)）.．、年度]/;
const SPACES_AND_QUOTES = /[\s"“”‘’「」]/g;
const VERB_AT_END = /(为|是|达|共计|合计为|总额为|总计为|预算数为|预算为|决算数为|决算为|安排|共|约)$/;

const LEVEL_MARK = /[（(][类款项][）)]/;

/** Level markers: 一般公共服务支出（类）财政事务（款）行政运行（项）. */
export function levelPath(subject: string): AmountClaim['path'] {
  const out: AmountClaim['path'] = [];
  // Most subjects name no level: the costly pattern below is run only on those that do.
  if (!LEVEL_MARK.test(subject)) return out;
  // A name may hold brackets of its own (政府办公厅（室）及相关机构事务（款）): only （类）（款）（项） end it.
  const re = /((?:[^（(）)，,。；;：:、]|[（(](?![类款项][）)])[^（(）)，,。；;：:、]{1,8}[）)])+?)\s*[（(](类|款|项)[）)]/g;
  // A match holds no stop (，,。；;：:、): it starts after the last stop before the next level mark. The
  // pattern is started there, not at every character before it (each of those tried up to its stop).
  for (let from = 0; ; ) {
    MARK_FROM.lastIndex = from;
    const mark = MARK_FROM.exec(subject);
    if (!mark) break;
    re.lastIndex = afterLastStop(subject, from, mark.index);
    const m = re.exec(subject);
    if (!m) break;
    const name = m[1].replace(/^[\s)）.．、"“”]+/, '').replace(OPENERS, '').replace(/^[\s"“”]+/, '').trim();
    if (name) out.push({ name, level: m[2] as '类' | '款' | '项' });
    from = re.lastIndex;
  }
  return out;
}

const MARK_FROM = /[（(][类款项][）)]/g;

/** Just after the last of ，,。；;：:、 in text[from, at), else `from`. */
function afterLastStop(text: string, from: number, at: number): number {
  for (let k = at - 1; k >= from; k--) if (NAME_STOPS.has(text.charCodeAt(k))) return k + 1;
  return from;
}

const NAME_STOPS = new Set([...'，,。；;：:、'].map((c) => c.charCodeAt(0)));

/** A level's marker opening a text (built once: a RegExp per call was a tenth of reading a path). */
const MARK_AT_START = { 类: /^\s*[（(]类[）)]/, 款: /^\s*[（(]款[）)]/, 项: /^\s*[（(]项[）)]/ };

/**
 * The path a text is made of and nothing else but its ordinal and stops (1．农林水支出（类）农业农村（款）
 * 农业生产发展（项）。), else none: a heading of what follows, never a phrase with words of its own.
 */
export function pathAlone(text: string): AmountClaim['path'] {
  if (!LEVEL_MARK.test(text)) return [];
  const path = levelPath(text);
  if (!path.length) return [];
  let rest = text.replace(OPENERS, '');
  for (const { name, level } of path) {
    const at = rest.indexOf(name);
    if (at < 0) return [];
    rest = rest.slice(0, at) + rest.slice(at + name.length).replace(MARK_AT_START[level], '');
  }
  return /^[\s"“”。.．:：，,；;]*$/.test(rest) ? path : [];
}

function measureOf(raw: string): AmountClaim['measure'] {
  // 一般公共预算, 政府性基金预算 name funds, not budget figures.
  // (Words with no 算 name neither measure: most figures' words, told without the patterns.)
  if (!raw.includes('算')) return undefined;
  const s = raw.replace(FUNDS_NAMED, '');
  if (FINAL_WORD.test(s)) return 'final';
  if (BUDGET_WORD.test(s)) return 'budget';
  return undefined;
}

const FUNDS_NAMED = /一般公共预算|政府性基金预算|国有资本经营预算/g;
const FINAL_WORD = /决算/;
const BUDGET_WORD = /预算/;

/**
 * Read the claims of every paragraph. Claims are numbered across the paragraphs in order, so
 * a change can point at its amount and a list item at the total that opened the list (a list
 * runs on into the paragraphs after it until a heading or another list).
 */
export function readClaims(paragraphs: ParagraphText[], isHeading: (text: string, index: number) => boolean, docYear?: number): Claim[] {
  const claims: Claim[] = [];
  let openList: number | undefined;
  let listStyle = 0;
  // The rank of the numbered paragraphs a list its paragraph ends on runs over (…万元，其中： then 1. 2.).
  let itemStyle: number | undefined;
  // A paragraph that is only a path (（一）农林水支出（类）农业农村（款）农业生产发展（项）) heads the first
  // sentence of the paragraph after it.
  let carried: AmountClaim['path'] = [];
  // …and a paragraph that is only a name (2.社会保险经办机构), the bare figures of the sentence after it.
  let nameOfHeading = '';
  // Each paragraph folded once: every phrase read below is a piece of it.
  const folded = paragraphs.map((p) => p.folded ?? foldWidth(p.text));
  paragraphs.forEach((p, pi) => {
    const heads = carried;
    const text = folded[pi];
    // A paragraph with no level mark has no path in any of its pieces: told once here, not by a scan of
    // each sentence and each figure's words. (Only its own words: a subject cleaned of spaces may close a mark.)
    const marked = LEVEL_MARK.test(text);
    carried = marked ? pathAlone(text) : [];
    const carriedName = nameOfHeading;
    nameOfHeading = marked ? '' : nameAlone(text);
    if (isHeading(p.text, pi)) {
      openList = undefined;
      return;
    }
    // A list runs on over the paragraphs numbered below the one that opened it (其中： then （1）（2）);
    // a paragraph numbered like the opener, or unnumbered after a numbered opener, closes it. An unnumbered
    // paragraph ending on the list's colon (2024年支出预算 1000.00 万元，其中：) runs on over the numbered
    // paragraphs after it, all of one rank (1. 2.); another rank, or an unnumbered one, closes it.
    const style = ordinalRank(text);
    if (openList !== undefined && claims[openList].paragraph !== pi) {
      const opener = claims[openList];
      const openEnded = listStyle === 0 && LIST_TAIL.test(folded[opener.paragraph].slice(opener.end));
      if (openEnded && style > 0 && (itemStyle ?? style) === style) itemStyle = style;
      // (An unnumbered paragraph goes on only with a list whose own paragraph ended on its colon, or after a
      // paragraph the sentence goes on from (…基本支出 A，占 p%； then 项目支出 B，占 q%。): after …其中：人员经费 A，
      // 公用经费 B。 the next paragraph's 福利费 C，占 p% is of something else.)
      else if (itemStyle !== undefined || (style === 0 ? listStyle !== 0 || !(openEnded || SENTENCE_GOES_ON.test(folded[pi - 1] ?? '')) : style >= listStyle)) openList = undefined;
    }
    const tokens = foldedTokens(text);
    let lastAmount: number | undefined;
    let lastChange: number | undefined;
    // A change has one rate: a second (剔除…因素后增长 5%) is of something else.
    let changeRated = false;
    let sentenceStart = 0;
    // The last figure read as a change's starting point (由 A …), for the level it reaches (…增至 B).
    let startingPoint: AmountClaim | undefined;
    // …and a share's (占基本支出的比重由 p% …), for the share it reaches.
    let shareFrom: { start: number; part: number | undefined; whole: string } | undefined;
    let sentenceAmounts: number[] = [];
    // A path heading the sentence (…行政运行（项）：年初预算为 A，支出决算为 B): the subject of its bare figures.
    let sentencePath: AmountClaim['path'] = heads;
    let sentenceName = carriedName;
    let prevEnd = 0;
    // The quote of a claim starts after the last figure, not after a year (「2023年度收入总计…」, never 「度收入总计…」).
    let prevFigureEnd = 0;
    const segmentBefore = (start: number): string => {
      const from = Math.max(prevEnd, lastBoundary(text, start));
      return text.slice(from, start);
    };
    // A sentence opening on the year before (上年“三公”经费预算 A，公务接待费 B): B is that year's too.
    let sentenceOld = opensYearBefore(text, 0, docYear);
    // Where the sentence's first words of a reason (原因 / 由于 / 因为) start, -1 when it has none: a figure
    // after them is explanation.
    let reasonAt = reasonFrom(text, 0);
    // The subjects of a run of figures in order (A和B分别为 X 和 Y), by the figures' tokens.
    const runSubjects = new Map<NumberToken, string | null>();
    // …and the years of a run whose figures are one subject's in the years named before it (2023年、2022年…分别为 X、Y).
    const runYears = new Map<NumberToken, number>();
    // The figures spent a run of completions is of in order (A a、B b，分别完成预算的 p%、q%), null when not told apart.
    const runCompletions = new Map<NumberToken, number | null>();
    // Figures of a run of changes (各减少 C，D 万元) whose pairing is not read.
    const unread = new Set<NumberToken>();
    // The list a list within an item (基本支出中人员经费 …) was opened from, to go back to at the next stop.
    let withinOuter: number | undefined;
    // The list an item opened a list of its own from, while that list has no figure yet.
    let emptyWithin: number | undefined;
    // The parts of a run of shares in order (A X、B Y，分别占 p% 和 q%), by the shares' tokens; null when not told apart.
    const runShares = new Map<NumberToken, { part: number; whole: string } | null>();
    /**
     * The parts of 分别占 p% 和 q%: the run of shares from token `ti`, paired in order with as many figures
     * of the sentence just before it — the last claims read, all amounts, in the sentence.
     */
    const respectiveShares = (first: NumberToken, ti: number, whole: string) => {
      const run = [first];
      for (let k = ti + 1; k < tokens.length; k++) {
        const next = tokens[k];
        if (next.unit !== '%' || !RUN_SEPARATOR.test(text.slice(run[run.length - 1].end, next.start))) break;
        run.push(next);
      }
      const parts = claims.slice(claims.length - run.length).map((c, k) => (c.kind === 'amount' && sentenceAmounts.includes(claims.length - run.length + k) && !c.otherYear && !c.reason ? claims.length - run.length + k : undefined));
      const told = run.length > 1 && claims.length >= run.length && parts.every((p) => p !== undefined);
      run.forEach((t, k) => runShares.set(t, told ? { part: parts[k]!, whole } : null));
    };
    tokens.forEach((tok, ti) => {
      // A new sentence: changes and completion rates look back only within it.
      const boundary = lastSentenceEnd(text, tok.start);
      if (boundary > sentenceStart) {
        sentenceStart = boundary;
        sentenceAmounts = [];
        lastChange = undefined;
        // A path that is a sentence of its own (…农业生产发展（项）。年初预算为 A，支出决算为 B) heads the next.
        sentencePath = marked ? pathAlone(text.slice(lastSentenceEnd(text, boundary - 1), boundary)) : [];
        // (…or a name that is a sentence of its own: 1.社会保险经办机构。年初预算为 A.)
        sentenceName = marked ? '' : nameAlone(text.slice(lastSentenceEnd(text, boundary - 1), boundary));
        sentenceOld = opensYearBefore(text, boundary, docYear);
        const reasonBefore = reasonAt;
        reasonAt = reasonFrom(text, boundary);
        // A reason told in items goes on over its ；: 一是…；二是…, 1.…；2.…, or a clause whose figure is a change it names
        // (主要原因是：…增加普查经费 63.88 万元；调整工资标准，增加人员经费 12.40 万元). A clause stating a figure of its own after
        // it (…；年初结转和结余 A; …；4.社区矫正（项）B) is no reason's.
        if (reasonAt < 0 && reasonBefore >= 0 && reasonBefore < boundary && SEMICOLONS.includes(text[boundary - 1]) && reasonGoesOn(text.slice(reasonBefore, boundary), text.slice(boundary), text.slice(boundary, tok.start))) reasonAt = Math.max(0, boundary - 2);
      }
      // (Its words are two characters each: before the figure when the first of the sentence ends there.)
      const reason = reasonAt >= 0 && reasonAt + 2 <= tok.start;
      // A list opened after the total's own sentence (…1000.00万元，增长 5.26%。主要用于以下方面：…).
      // An item's own 主要包括： (its kinds of spending) or a second 主要用于以下方面 keeps the list it is in.
      // (The year before's figure opens no list: 比上年 670.12 万元减少 49.37 万元。其中：… lists this year's.)
      const opener = listOwner(claims, lastAmount);
      // An item's own 其中 in its clause (项目支出 B，占 b%，其中：…) opens a list within the list; after a stop it may
      // be of another item, and the list it is in is kept.
      const item = opener !== undefined && (claims[opener] as AmountClaim).listOf !== undefined && !NESTED_OPENER.test(text.slice(claims[opener].end, tok.start));
      if (opener !== undefined && !item && openList !== opener && LIST_OPENED.test(text.slice(prevEnd, tok.start)) && !reason) {
        (claims[opener] as AmountClaim).opensList = true;
        // An item's own list (基本支出 B，其中：…; 人员经费 A，主要包括：基本工资、津贴补贴…；公用经费 B): until it has a figure,
        // the list it is in comes back at the next stop.
        emptyWithin = (claims[opener] as AmountClaim).listOf === openList ? openList : undefined;
        openList = opener;
        listStyle = style;
        itemStyle = undefined;
      }
      // A year or a count (2024年, 3辆) makes no claim: it only ends the words before the next figure.
      if (tok.unit === 'year' || tok.unit === 'count') {
        prevEnd = tok.end;
        if (tok.unit !== 'year') prevFigureEnd = tok.end;
        return;
      }
      const seg = segmentBefore(tok.start);
      // (The rate's verb, when the figure is a rate's: read once, where the branches below ask it.)
      let rated: ReturnType<typeof rateVerbOf>;
      // (Its fields are written out in each claim: a spread into a literal with fields before it is V8's slow path.)
      const place = { paragraph: pi, start: Math.max(prevFigureEnd, lastBoundary(text, tok.start)), end: tok.end };
      /** A rate (per cent, or a multiple made one): of the change before it, else between the sentence's two years. */
      const pushRate = (direction: 'up' | 'down', value: Decimal, decimals: number, times?: RateClaim['times']) => {
        const written = times ? { times } : {};
        if (lastChange !== undefined) {
          if (!changeRated) claims.push({ kind: 'rate', paragraph: place.paragraph, start: place.start, end: place.end, direction, value, decimals, of: lastChange, ...written });
          changeRated = true;
          return;
        }
        // No change stated: the rate between this year's figure and the year before's, both in the sentence.
        const current = [...sentenceAmounts].reverse().find((k) => !(claims[k] as AmountClaim).otherYear);
        const previous = current !== undefined ? yearBefore(claims, sentenceAmounts, current, docYear) : undefined;
        if (previous !== undefined) claims.push({ kind: 'rate', paragraph: place.paragraph, start: place.start, end: place.end, direction, value, decimals, current, previous, ...written });
        // Only this year's figure, the words comparing it with the year before and nothing else between
        // (支出 X 万元，比上年增长 r%): a table printing the year before may judge it.
        else if (current !== undefined && !reason && !(claims[current] as AmountClaim).reason && onlyComparedWithYearBefore(text.slice(claims[current].end, tok.start), docYear, times === 'ratio')) {
          claims.push({ kind: 'rate', paragraph: place.paragraph, start: place.start, end: place.end, direction, value, decimals, current, ...written });
        }
      };
      if (tok.unit === '万元' || tok.unit === '元' || tok.unit === '亿元' || tok.unit === '千元') {
        // (万元 as written: times 1 would only copy it — but for rounding to Decimal's 20 digits, which
        // a figure of at most 20 characters never needs.)
        const value = tok.unit === '万元' && tok.raw.length <= 20 ? tok.value : tok.value.times(WAN_PER_UNIT[tok.unit]);
        const decimals = tok.decimals + (tok.unit === '元' ? 4 : tok.unit === '千元' ? 1 : tok.unit === '亿元' ? -4 : 0);
        let changeVerb = unread.has(tok) ? undefined : changeWordOf(seg, () => text.slice(lastBoundary(text, tok.start), tok.start));
        // 节支 / 结余 / 超支 A with no comparison (预算 6.50，决算 4.35，节支 2.15): the figure spent from the budget its
        // sentence states; with no budget stated it is no change (结余 A after 收入 and 支出 is the year's balance).
        // (Nor 结余 after an income stated — 收入 A，支出 B，结余 C is their balance —, nor a difference of nought: 超支 0 says none.)
        if (changeVerb?.ofBudget && (tok.value.isZero() || !sentenceAmounts.some((k) => (claims[k] as AmountClaim).measure === 'budget' && !(claims[k] as AmountClaim).otherYear) || (/结余/.test(seg) && /收入/.test(text.slice(sentenceStart, tok.start))))) changeVerb = undefined;
        // 收、支总计各减少 C，D 万元: a change for each figure of a run, in order. Which change is of which figure
        // is not read: none is judged, nor the rates after them (各下降 p%、q%).
        // (So for a run whose later figures repeat a verb, 分别比上年增加 C 和减少 D: whose figure each is, is not said either.)
        const joinsRun = (a: NumberToken, b: NumberToken) => RUN_SEPARATOR.test(text.slice(a.end, b.start)) || JOINED_CHANGE.test(text.slice(a.end, b.start));
        const runOfChanges = !!changeVerb && MONEY.has(tokens[ti + 1]?.unit) && joinsRun(tok, tokens[ti + 1]);
        // 增加（减少）A: the template's two ways, neither chosen (text-placeholder says so). No change, no figure:
        // its rate has nothing to be judged against, and A is no year before's figure.
        const eitherWay = changeVerb?.direction === 'either';
        if (unread.has(tok) || runOfChanges || eitherWay) {
          if (runOfChanges) for (let k = ti + 1; k < tokens.length && MONEY.has(tokens[k].unit) && joinsRun(tokens[k - 1], tokens[k]); k++) unread.add(tokens[k]);
          // (A run's later figures keep the state its first left.)
          if (changeVerb) lastChange = undefined;
          prevEnd = tok.end;
          prevFigureEnd = tok.end;
          return;
        }
        if (changeVerb) {
          const direction = changeVerb.direction === 'down' ? 'down' : 'up';
          // (较2024年预算 | 减少: the year ends the segment, and what is left of the comparison names nothing.)
          const cleaned = cleanFolded(seg.slice(0, changeVerb.at).replace(EACH_AT_END, ''));
          const subjectText = ONLY_COMPARISON.test(cleaned) ? '' : cleaned;
          // (剔除提前下达资金 125385 万元后，比上年减少 346.60 万元: of a figure the text does not state, not of the one taken out.)
          const removed = lastAmount !== undefined && REMOVED.test(text.slice(lastBoundary(text, claims[lastAmount].start), claims[lastAmount].end)) && /^\s*后/.test(text.slice(claims[lastAmount].end, tok.start));
          // A change between two other years (；2024年比2023年增加 A，增长 r%; 上年比2023年减少 A) is no change of a figure of this year's.
          const between = OTHER_YEARS_COMPARED.exec(text.slice(lastBoundary(text, tok.start), tok.start));
          const ofOtherYears = !!between && (between[1] === undefined || (docYear !== undefined && Number(between[1]) !== docYear));
          let of = removed || ofOtherYears ? undefined : changeTarget(claims, lastCurrent(claims, lastAmount), subjectText, pi);
          // 支出合计比上年的 P 万元减少 D (after a list of its parts): the change of the figure its comparison names, not of the
          // list's last item.
          const base = lastAmount !== undefined ? (claims[lastAmount] as AmountClaim) : undefined;
          if (of !== undefined && !subjectText && base?.compared && base.paragraph === pi && base.start >= sentenceStart) {
            const named = cleanFolded(base.subject.replace(COMPARISON_TAIL, ''));
            // (本年收入合计 names the 收入合计 stated before it.)
            const k = named.length >= 2 && !COMPARISON_TAIL.test(named) ? namedAmount(claims, named, pi) ?? namedAmount(claims, named.replace(THIS_YEAR_OPENING, ''), pi) : undefined;
            if (k !== undefined && k !== of) of = k;
          }
          const ownWords = text.slice(place.start, tok.start);
          // (比2024年度预算数 in the 2024 决算: this year's budget, named with its year.)
          const ownYearBudget = YEAR_BUDGET.exec(ownWords);
          const ofOwnBudget = !!ownYearBudget && docYear !== undefined && Number(ownYearBudget[1]) === docYear;
          const fromBudget = ofOwnBudget || ((FROM_BUDGET.test(ownWords) || changeVerb.ofBudget === true) && !OTHER_YEAR_WHOLE.test(ownWords));
          // (决算 1.14 万元，预算 2.00 万元，…，比预算少 0.86 万元: the change of the figure spent from the budget, not of the budget.)
          if (of !== undefined && (claims[of] as AmountClaim).measure === 'budget' && fromBudget) {
            of = [...sentenceAmounts].reverse().find((i) => (claims[i] as AmountClaim).measure !== 'budget' && !(claims[i] as AmountClaim).otherYear);
          }
          // (From the budget: the budget its sentence states, 年初预算 A，支出决算 B，决算数大于预算数 C — C is B − A.)
          const previous = of === undefined ? undefined : fromBudget ? statedBudget(claims, sentenceAmounts, of) : yearBefore(claims, sentenceAmounts, of, docYear);
          const named = subjectText.replace(COMPARISON_OPENING, '').replace(COMMAS_OPENING, '');
          // (Optional fields set after the literal: spread into it after other fields, they took V8's slow path.)
          const change: ChangeClaim = { kind: 'change', paragraph: place.paragraph, start: place.start, end: place.end, reason, direction, value, decimals, of };
          if (previous !== undefined) change.previous = previous;
          if (named) change.subject = named;
          if (fromBudget) change.fromBudget = true;
          claims.push(change);
          lastChange = claims.length - 1;
          changeRated = false;
          // The rate written before its change (同比下降 5.71%，减少 62.74 万元): the rate is of this change.
          const prior = claims[claims.length - 2];
          if (of !== undefined && prior?.kind === 'rate' && prior.current === of && prior.previous === undefined && prior.of === undefined && prior.paragraph === pi && prior.start >= sentenceStart) {
            prior.of = lastChange;
            prior.current = undefined;
            changeRated = true;
          }
        } else {
          // (The segment's words as a subject, asked up to four times below: cleaned once.)
          // The level a change reaches from its starting point (由 A 增至 B, 较 A 增加 C 至 B — no range C 至 B): B is of the
          // starting point's subject.
          const reached = startingPoint && startingPoint.start >= sentenceStart && TO_LEVEL.test(seg) ? startingPoint.subject.replace(STARTING_WORD, '') : undefined;
          const segSubject = reached ?? cleanFolded(seg);
          // A和B分别为 X 和 Y: X is A's and Y is B's, when the counts match; else neither is judged.
          // (收、支总计各是 A，B: 各 before a run of figures is 分别; before one figure, each is that figure.)
          const each = !RESPECTIVELY.test(seg) && EACH_IS.test(seg);
          if ((each || RESPECTIVELY.test(seg)) && !runSubjects.has(tok)) {
            const run = [tok];
            for (let k = ti + 1; k < tokens.length; k++) {
              const next = tokens[k];
              if (!MONEY.has(next.unit) || !RUN_SEPARATOR.test(text.slice(run[run.length - 1].end, next.start))) break;
              run.push(next);
            }
            const pieces = run.length > 1 ? ofEachMeasure(respectiveSubjects(cleanFolded(seg.replace(RESPECTIVELY, '').replace(EACH_IS, '')), run.length)) : undefined;
            // (One figure for subjects in the plural, A和B分别为 X: told apart from none.)
            const plural = PLURAL.test(segSubject.replace(COMPOUND, ''));
            // 2023年度、2022年度支出合计分别为 X、Y: one subject, a figure for each year named before it, in order.
            const yearTokens = !each && run.length > 1 ? yearsBefore(tokens, ti, text, sentenceStart) : [];
            // (…or in words: 本年和上年 X 分别为 A 和 B, 今年、去年 ….)
            const inWords = yearTokens.length === 0 && run.length === 2 && docYear !== undefined ? YEARS_IN_WORDS.exec(segSubject) : null;
            const years = inWords ? [inWords[1], inWords[2]].map((w) => (THIS_YEAR_WORD.test(w) ? docYear! : docYear! - 1)) : yearTokens;
            const runSubject = inWords ? segSubject.slice(inWords[0].length) : segSubject;
            if (years.length === run.length) run.forEach((t, k) => (runSubjects.set(t, runSubject.replace(RESPECTIVELY, '')), runYears.set(t, years[k])));
            else if (!each || run.length > 1) run.forEach((t, k) => runSubjects.set(t, pieces ? pieces[k] : run.length > 1 || plural ? null : segSubject));
          }
          const paired = runSubjects.get(tok);
          const runHead = paired !== undefined && !RESPECTIVELY.test(seg) ? claims.find((x): x is AmountClaim => x.kind === 'amount' && x.paragraph === pi && runSubjects.has(x.token) && x.token.end <= tok.start && RESPECTIVELY.test(segmentOf(text, x.token))) : undefined;
          const beforeColon = paired === undefined && !segSubject ? subjectBeforeColon(text, tok.start, prevEnd) : undefined;
          const subject = paired === undefined ? beforeColon?.subject || segSubject : paired ?? '';
          // The path may stand before a year that ends the segment (…行政运行（项）2025年预算数为 A).
          const own = paired !== undefined ? levelPath(paired ?? '') : marked ? levelPath(text.slice(place.start, tok.start)) : [];
          const lead = own.length ? own : marked ? levelPath(text.slice(Math.max(sentenceStart, prevFigureEnd), tok.start)) : [];
          if (lead.length) sentencePath = lead;
          const bare = !own.length && BARE_MEASURE.test(subject);
          const path = own.length ? own : bare ? sentencePath : [];
          // (The run's later figures take the measure its head names: 预算数分别为 X 和 Y; a run of measures, each its own.)
          const measure = (paired ? measureOf(paired) : undefined) ?? measureOf(seg) ?? runHead?.measure;
          // What follows the figure, tested where it starts (the patterns below, made sticky): a slice of
          // the rest of the paragraph made each of them slower by its length.
          const after = (re: RegExp) => ((re.lastIndex = tok.end), re.test(text));
          const clause = text.slice(lastBoundary(text, tok.start), tok.start);
          // (…26.02 万元（2023年：27.90 万元）: the year before, written in a bracket after this year's figure.)
          const starts = STARTING_POINT.test(clause) && (clause.trimEnd().endsWith('在') ? after(AFTER.onTheBasis) : after(AFTER.changeFrom));
          const bracket = bracketedYearBefore(text, tok.start, docYear);
          // (A note's figures, （上年：“三公”经费 12 万元，公务接待费 4 万元）, are the year before's of their own subjects:
          // no base of the sentence's change unless their subject is its.)
          const noted = bracket === 'note';
          // (The level a change reaches is this year's, whatever comparison its clause opened with: 较上年 A 增加 C 至 B.)
          const compared = (reached === undefined && (COMPARED.test(clause) || bracket === 'base')) || starts;
          const named = compared ? null : YEAR_NAMED.exec(clause);
          const sentenceSoFar = text.slice(sentenceStart, tok.start);
          const unjudged: AmountClaim['unjudged'] =
            PER_UNIT.test(clause) || after(AFTER.perUnit)
              ? 'per-unit'
              : EXCLUDING.test(sentenceSoFar) || after(AFTER.excluding)
                ? 'excluding'
                : (INEXACT_BEFORE.test(clause) && reached === undefined) || after(AFTER.inexact)
                  ? 'inexact'
                  : undefined;
          const claim: AmountClaim = {
            kind: 'amount',
            paragraph: place.paragraph,
            // (The quote starts at the subject before a colon: 「收入预算：1000.00万元」.)
            start: beforeColon?.subject ? beforeColon.start : place.start,
            end: place.end,
            reason,
            subject,
            value,
            decimals,
            token: tok,
            measure,
            // The clause, not the segment: a year (比2023年预算数 Y) is a token of its own and ends the segment.
            // (A clause naming another year than the document's, 2022年度为 Y, is that year's too.)
            // (A sentence opening on the year before dates its clauses that name no year of their own.)
            otherYear: OTHER_YEAR.test(seg) || compared || noted || (!!named && docYear !== undefined && Number(named[1]) !== docYear) || (sentenceOld && !OWN_YEAR.test(clause)),
            compared,
            opensList: !unjudged && (after(AFTER.listOpener) || after(AFTER.listWord)),
            path,
          };
          // (Set after the literal, as the change's optional fields are.)
          const runYear = runYears.get(tok);
          if (runYear !== undefined) {
            claim.year = runYear;
            claim.otherYear = docYear !== undefined ? runYear !== docYear : claim.otherYear;
          } else if (named) claim.year = Number(named[1]);
          if (unjudged) claim.unjudged = unjudged;
          const head = bare ? sentenceHead(claims, sentenceAmounts, path, measure) : undefined;
          if (head !== undefined) claim.subjectOf = head;
          // A bare measure (or a measure's words alone: 预算数为 A) after a name standing alone (1.社会保险经办机构。年初预算为 A), or before the colon its
          // sentence opens on (行政单位医疗：年初预算为 A), is of that name.
          if ((bare || (!subject && measure)) && !path.length) {
            const name = nameBeforeColon(text.slice(sentenceStart, tok.start)) || sentenceName;
            if (name) claim.headName = name;
          }
          // 基本支出中人员经费 A，公用经费 B in a list under 支出 X: a list within it, of its item 基本支出.
          // (Up to the next ； or 。: …，项目支出中特定目标类 A，占 p%；基本支出 B — B is the outer list's again.)
          if (withinOuter !== undefined && /[。；;]/.test(text.slice(prevFigureEnd, tok.start))) {
            openList = withinOuter;
            withinOuter = undefined;
          }
          const within = openList !== undefined ? WITHIN_ITEM.exec(subject) : null;
          if (within) {
            const inner = sentenceAmounts.find((k) => (claims[k] as AmountClaim).listOf === openList && (claims[k] as AmountClaim).subject === within[1]);
            if (inner !== undefined) {
              (claims[inner] as AmountClaim).opensList = true;
              withinOuter = openList;
              openList = inner;
              listStyle = style;
              itemStyle = undefined;
            }
          }
          if (emptyWithin !== undefined && openList !== undefined && /[。；;]/.test(text.slice(claims[openList].end, tok.start))) openList = emptyWithin;
          emptyWithin = undefined;
          if (!claim.opensList && openList !== undefined && !unjudged) claim.listOf = openList;
          // An item opening a list of its own in the sentence of the list it is in (支出 A，其中：基本支出 B，其中：…) is
          // still that list's item: the list it opens is within it (its items' shares may be of either: narrativeRates.ts).
          else if (claim.opensList && openList !== undefined && !unjudged && claims[openList].paragraph === pi && !/[。！？!?]/.test(text.slice(claims[openList].end, tok.start)))
            claim.listOf = openList;
          // …社会保障和就业支出 698.90 万元，占 55.06%，其中社会保险经办机构 606.61 万元: a part of the figure just before in
          // its clause (其中 with no colon opens no list: the next item is the outer list's again).
          const prior = !unjudged && BARE_OF_WHICH.test(seg) ? lastCurrent(claims, lastAmount) : undefined;
          if (prior !== undefined && !/[。；;！？!?]/.test(text.slice(claims[prior].end, tok.start))) claim.listOf = prior;
          // So is a figure in a bracket opened after one (基本支出 441.99 万元，占 5.60%（人员经费 413.69 万元，…；公用经费 …）).
          const owner = !unjudged && prior === undefined ? bracketOwner(claims, text, tok.start, pi) : undefined;
          if (owner !== undefined) claim.listOf = owner;
          claims.push(claim);
          lastAmount = claims.length - 1;
          sentenceAmounts.push(lastAmount);
          startingPoint = starts ? claim : undefined;
          // 比上年 1332.00 万元，其中：… — the list is of this year's figure before it, where the sentence has one.
          const listed = claim.opensList && claim.otherYear ? lastCurrent(claims, lastAmount) : lastAmount;
          if (listed !== undefined && listed !== lastAmount) {
            claim.opensList = false;
            (claims[listed] as AmountClaim).opensList = true;
          }
          if (claim.opensList && !reason) {
            // (An item of the list open opening its own: that list back at the next stop while its own has no figure.)
            emptyWithin = claim.listOf === openList ? openList : undefined;
            openList = lastAmount;
            listStyle = style;
            itemStyle = undefined;
          } else if (listed !== undefined && listed !== lastAmount && !reason) {
            openList = listed;
            listStyle = style;
            itemStyle = undefined;
          }
        }
      } else if (tok.unit === '%' || (tok.unit === 'none' && lastChange !== undefined && RATE_VERB.test(seg) && tok.decimals > 0)) {
        // 占 X%, 占比 X%, 所占比重为 X%, 占总支出的 X%, 占支出总额的比例为 X%: the whole is what stands between.
        const share = SHARE_OF.exec(seg);
        // 完成年初预算的 X%, and as a rate: 完成率 X%, 预算完成率为 X%, 预算执行率 X%.
        // (决算数为年初预算数的 X%, 占年初预算的 X%: the same, in other words.)
        // (未完成预算的 7.41% is the part not spent, no completion.)
        const completion = !seg.includes('未完成') && (COMPLETION_OF.test(seg) || COMPLETION_RATE.test(cleanFolded(seg)));
        if (runCompletions.has(tok) || (completion && /分别/.test(seg))) {
          // 分别完成预算的 p% 和 q%: each of the figures spent before, in their order, where they are as many (else not
          // read); of the budget a table prints beside each.
          if (!runCompletions.has(tok)) {
            const run = [tok];
            for (let k = ti + 1; k < tokens.length && tokens[k].unit === '%' && RUN_SEPARATOR.test(text.slice(tokens[k - 1].end, tokens[k].start)); k++) run.push(tokens[k]);
            const spent = sentenceAmounts.filter((i) => (claims[i] as AmountClaim).measure !== 'budget' && !(claims[i] as AmountClaim).otherYear && !(claims[i] as AmountClaim).reason);
            const told = run.length > 1 && spent.length >= run.length;
            run.forEach((t, k) => runCompletions.set(t, told ? spent[spent.length - run.length + k] : null));
          }
          const final = runCompletions.get(tok);
          if (final !== null && final !== undefined) claims.push({ kind: 'completion', paragraph: place.paragraph, start: place.start, end: place.end, value: tok.value, decimals: tok.decimals, final });
        } else if (completion) {
          // Of the budget its words name (年初 / 调整) where the sentence gives more than one
          // (年初预算 A，调整预算 B，决算数 C，预算执行率 X%): naming none, it is not told which — not read.
          const budgets = sentenceAmounts.filter((i) => (claims[i] as AmountClaim).measure === 'budget');
          const kind = /年初/.test(seg) ? /年初/ : /调整/.test(seg) ? /调整/ : undefined;
          const named = budgets.length > 1 && kind ? budgets.filter((i) => kind.test(text.slice(claims[i].start, (claims[i] as AmountClaim).token.start))) : budgets;
          const budget = named.length === 1 ? named[0] : undefined;
          // (The year before's 决算 stated in the sentence, 上年决算 580.00 万元, is not what was spent of this budget.)
          const final = [...sentenceAmounts].reverse().find((i) => (claims[i] as AmountClaim).measure !== 'budget' && !(claims[i] as AmountClaim).otherYear);
          if (budgets.length === 0 || budget !== undefined) claims.push({ kind: 'completion', paragraph: place.paragraph, start: place.start, end: place.end, value: tok.value, decimals: tok.decimals, budget, final });
        } else if (runShares.has(tok) || (share && /分别/.test(seg))) {
          // 分别占 X% 和 Y%: of the figures before, in their order, where they are as many (else not read).
          if (!runShares.has(tok)) respectiveShares(tok, ti, cleanFolded(share![1] ?? '').replace(/^分别/, ''));
          const paired = runShares.get(tok);
          if (paired) claims.push({ kind: 'share', paragraph: place.paragraph, start: place.start, end: place.end, value: tok.value, decimals: tok.decimals, part: paired.part, wholeText: paired.whole });
        } else if (shareFrom && shareFrom.start >= sentenceStart && TO_LEVEL.test(seg)) {
          // …the share it reaches (…由 p% 提高到 q%): this year's, of the same part and whole.
          claims.push({ kind: 'share', paragraph: place.paragraph, start: place.start, end: place.end, value: tok.value, decimals: tok.decimals, part: shareFrom.part, wholeText: shareFrom.whole });
          shareFrom = undefined;
        } else if (share) {
          // Of this year's figure, not the year before's written after it (公务接待费 1 万元，上年为 4 万元，占“三公”经费的
          // 16.67%) — unless the whole is the year before's too (占上年…).
          const from = SHARE_FROM.exec(share[1] ?? '');
          const whole = cleanFolded(from ? (share[1] ?? '').slice(0, from.index) : (share[1] ?? ''));
          // A part named before 占 with no figure of its own (支出合计 X，基本支出占支出合计的 0.61%): the figure of that
          // name stated before, if any — never the figure before it, which is another subject's (often the whole).
          const named = cleanFolded(seg.slice(0, seg.indexOf('占'))).replace(PART_NAME_NOISE, '');
          const part = named.length >= 2 ? namedAmount(claims, named, pi) : outsideBrackets(claims, text, OTHER_YEAR_WHOLE.test(whole) ? lastAmount : (lastCurrent(claims, lastAmount) ?? lastAmount), tok.start);
          // A share's starting point (占基本支出的比重由上年的 p% 提高到 q%): the year before's, not judged; q is read as this year's.
          if (from) shareFrom = { start: place.start, part, whole };
          else if (part !== undefined || named.length < 2) claims.push({ kind: 'share', paragraph: place.paragraph, start: place.start, end: place.end, value: tok.value, decimals: tok.decimals, part, wholeText: whole });
        } else if (lastAmount !== undefined && /^\s*的\s*(?:比重|比例)?\s*(?:为|是|达到?)?\s*$/.test(seg) && /^占./.test((claims[lastAmount] as AmountClaim).subject) && sentenceAmounts.length >= 2) {
          // 占本年支出合计 550.00 万元的 72.73%: of the figure before, the whole stated in the share.
          const whole = claims[lastAmount] as AmountClaim;
          // (Of this year's figure before it: 比上年预算 13.50 万元增加 5.70 万元 … 占公用经费 28.30 万元的 67.84% is of 19.20.)
          const before = sentenceAmounts.slice(0, -1).reverse().find((i) => !(claims[i] as AmountClaim).otherYear);
          if (before !== undefined) claims.push({ kind: 'share', paragraph: place.paragraph, start: place.start, end: place.end, value: tok.value, decimals: tok.decimals, part: before, wholeText: whole.subject.replace(/^占/, '') });
        } else if ((rated = rateVerbOf(seg))) {
          // (负增长 r% is a fall of r%; 增长-4.40%, a minus as a spreadsheet prints it, the other way.)
          const down = RATE_DOWN.test(rated.verb) || NEGATIVE_GROWTH.test(seg);
          pushRate(down !== rated.minus ? 'down' : 'up', tok.value, tok.decimals);
        }
      } else if (tok.unit === 'times') {
        // 增长1.5倍 is +150 %; 是上年的2.5倍 a ratio, +150 % too; 是上年的0.8倍 −20 %. (减少 n 倍 is read
        // both ways in usage: not read.) A multiple's last digit is worth 100 times a per cent's.
        // (The clause, not the segment: a year named, 是2024年的, is a token of its own.)
        const ratio = RATIO_OF_YEAR_BEFORE.exec(text.slice(lastBoundary(text, tok.start), tok.start));
        if (ratio && (!ratio[1] || (docYear !== undefined && Number(ratio[1]) === docYear - 1))) {
          const pct = tok.value.minus(1).times(100);
          if (!pct.isZero()) pushRate(pct.isNegative() ? 'down' : 'up', pct.abs(), tok.decimals - 2, 'ratio');
        } else if (GROWTH_VERB.test(seg)) {
          pushRate('up', tok.value.times(100), tok.decimals - 2, 'growth');
        }
      } else if (tok.unit === 'points') {
        // 上升 2.3 个百分点: a difference of two percentages, judged where the sentence states both.
        const verb = POINTS_VERB.exec(seg);
        if (verb && !reason) {
          const [current, previous] = percentsCompared(text, tokens, ti, sentenceStart, docYear);
          claims.push({ kind: 'points', paragraph: place.paragraph, start: place.start, end: place.end, direction: /下降|降低|减少|回落|下滑/.test(verb[1]) ? 'down' : 'up', value: tok.value, decimals: tok.decimals, ...(current && previous ? { current, previous } : {}) });
        }
      }
      prevEnd = tok.end;
      prevFigureEnd = tok.end;
    });
    // 与上年相比持平 / 与上年一致: a change of nought, for the sums of changes.
    if (lastAmount !== undefined && SAME.test(text.slice((claims[lastAmount] as AmountClaim).end)) && !changeAfter(claims, lastAmount, pi)) {
      const m = SAME.exec(text.slice((claims[lastAmount] as AmountClaim).end))!;
      const at = (claims[lastAmount] as AmountClaim).end + m.index;
      if (/(上年|上年度|去年|\d{4}\s*年)/.test(text.slice(Math.max(0, at - 16), at + m[0].length + 4))) {
        claims.push({ kind: 'change', paragraph: pi, start: at, end: at + m[0].length, reason: false, direction: 'same', value: new Decimal(0), decimals: 2, of: lastAmount });
      }
    }
  });
  return claims;
}

/**
 * The words of a change right before its figure, if they are such words: the verb (增加 A, 减少（下降）A)
 * or a comparison (比上年少 A, 较预算多支出 A, 低于上年 A, 决算数大于预算数 A: a difference is a change from
 * what it is compared with, never that figure). `at` is where the words start that are no subject;
 * 'either' is a change whose way the words do not say (the template's 增加（减少）A, 与上年相差 A).
 */
function changeWordOf(seg: string, clause: () => string): { direction: 'up' | 'down' | 'either'; at: number; ofBudget?: true } | undefined {
  const verb = CHANGE_VERB.exec(seg);
  if (verb) {
    const either = !!verb[2] && CHANGE_DOWN.test(verb[1]) !== CHANGE_DOWN.test(verb[2]);
    return { direction: either ? 'either' : CHANGE_DOWN.test(verb[1]) ? 'down' : 'up', at: verb.index };
  }
  // (Most figures' words end in no word of a difference: told by the last characters before any pattern runs.)
  if (!DIFFERENCE_END.test(seg)) return undefined;
  // (比2022年少 A: the year is a token of its own, and the segment is 少 alone — the clause has the comparison.)
  const by = COMPARED_BY.exec(seg) ?? (DIFFERENCE_ALONE.test(seg) ? COMPARED_BY.exec(clause()) : null);
  // (比上年少: the comparison stays, a subject of nothing; 决算数大于预算数: the words name what was compared.)
  const to = by ? null : COMPARED_TO.exec(seg);
  const word = by ? by[1] : to?.[1];
  if (!word) {
    // With no comparison before it (预算 A，决算 B，节支 C): a difference from the sentence's budget, if it states one.
    const fromBudget = BUDGET_DIFFERENCE_ALONE.exec(seg);
    return fromBudget ? { direction: fromBudget[1] === '超支' ? 'up' : 'down', at: fromBudget.index, ofBudget: true } : undefined;
  }
  const at = by ? Math.max(0, seg.length - (by[0].length - by[0].lastIndexOf(word))) : seg.length - to![0].length;
  return { direction: word === '相差' ? 'either' : MORE.test(word) ? 'up' : 'down', at };
}

/** The one budget figure a sentence states besides the figure spent (年初预算 A，支出决算 B), if it states one. */
function statedBudget(claims: Claim[], sentenceAmounts: number[], of: number): number | undefined {
  const budgets = sentenceAmounts.filter((i) => i !== of && (claims[i] as AmountClaim).measure === 'budget' && !(claims[i] as AmountClaim).otherYear);
  return budgets.length === 1 ? budgets[0] : undefined;
}

/** A paragraph ending where its sentence goes on into the next (；，、：). */
const SENTENCE_GOES_ON = /[；;，,、：:]\s*$/;

/** How a figure differs from what it is compared with (比上年少, 较预算超支, 与上年相差), its way by the word. */
const DIFFERS = '(多|少|压减|缩减|提高|超支|节约|节余|节支|节省|结余|突破|超出|超过|高出|相差)(?:支出?|开支|安排|用|花)?了?\\s*$';
/** 比上年少 A, 较预算多支出 A, 与上年相差 A: a comparison, then how it differs. */
const COMPARED_BY = new RegExp(`(?:比|较|同比|与)[^，,。；;：:]{0,16}?${DIFFERS}`);
/** 低于上年 A, 决算数大于预算数 A, 超年初预算 A: how it differs, then from what (a figure right after 超过 is inexact). */
const COMPARED_TO = /(大于|小于|多于|少于|低于|高于|超过|超出|超|相差)了?(?:上年度?|去年|上一年度?|(?:19|20)\d{2}\s*年度?|(?:年初|调整后?的?|全年)?(?:预算|决算)数?)(?:支出)?\s*$/;
const MORE = /多|提高|超|高|大于|突破/;
/** A clause comparing two years, opening on the first (2024年比2023年, 上年较2023年): its change is of that year. */
const OTHER_YEARS_COMPARED = /^[\s，,；;]*(?:((?:19|20)\d{2})\s*年度?|上年度?|去年|上一年度?)[^，,。；;\d]{0,12}?(?:比|较)\s*(?:(?:19|20)\d{2}\s*年度?|上年度?|去年|前年)/;
/** A budget compared with, named with its year (比2024年度预算数, 较2024年年初预算). */
const YEAR_BUDGET = /(?:比|较|与|于)\s*((?:19|20)\d{2})\s*年度?(?:年初|调整后?的?|全年)?预算/;
const FROM_BUDGET = /(?:比|较|与|于|超出?|超过)\s*(?:年初|调整后?的?|全年)?预算/;
/** What every difference's words end in (a difference's word, or 预算数 / 上年 / a year after 大于 …), spaces aside. */
const DIFFERENCE_END = /(?:多|少|减|提高|支|约|余|出|过|差|安排|了|年|年度|数|算|省|破|用|花)\s*$/;
/** A difference from the budget in one word, with no comparison before it (预算 A，决算 B，节支 C). */
const BUDGET_DIFFERENCE_ALONE = /^[\s，,]*(节支|节约|节余|节省|结余|超支)了?\s*$/;

/** The difference's word alone (a year token ended the segment before it: 比2022年 | 少). */
const DIFFERENCE_ALONE = new RegExp(`^\\s*${DIFFERS}`);

/** Whether a change of the paragraph was read after claim `from`. */
function changeAfter(claims: Claim[], from: number, paragraph: number): boolean {
  // (From `from` on: tested from the first claim, every paragraph was a pass over the claims of all before it.)
  for (let i = from + 1; i < claims.length; i++) if (claims[i].kind === 'change' && claims[i].paragraph === paragraph) return true;
  return false;
}

/**
 * The reader's patterns of a figure's words, made once: as literals in the loop over a paragraph's
 * figures, each was a new RegExp for every figure read.
 */
/** A list opened between two figures (…。主要用于以下方面：). */
const LIST_OPENED = /(其中|包括|主要用于以下方面|主要用于|主要为|具体情况如下|具体如下|^\s*(?:万元|元)?中)\s*[：:]/;
const CHANGE_DOWN = /减少|下降|降低|节约|减支|调减|净减|核减|收减|压减|压缩|削减|缩减|下调|调低|少安排/;
const RATE_DOWN = /下降|减少|降低|降幅|减幅/;
const NEGATIVE_GROWTH = /负增长(了|为|达|是)?\s*$/;
/** A minus written right before a figure (增长-4.40%, 增长－4.40%). */
const MINUS_BEFORE = /[-−]\s*$/;

/** The rate's verb a segment ends in (增长, 下降幅度 …), and whether a minus stands between it and the figure. */
function rateVerbOf(seg: string): { verb: string; minus: boolean } | undefined {
  const plain = RATE_VERB.exec(seg);
  if (plain) return { verb: plain[1], minus: false };
  const signed = MINUS_BEFORE.test(seg) ? RATE_VERB.exec(seg.replace(MINUS_BEFORE, '')) : null;
  return signed ? { verb: signed[1], minus: true } : undefined;
}
/** An item's subject opening on another item it is part of (基本支出中人员经费, 项目支出中的…). */
const WITHIN_ITEM = /^(.{2,16}?(?:支出|经费|收入|拨款|资金))中的?(?=.)/;
/** 增长 n 倍: a multiple of growth. */
const GROWTH_VERB = /(增长|增加|上升|提高)了?\s*$/;
/** 各 / 均 / 共 / 都 closing a change's subject (收、支总计各增加). */
const EACH_AT_END = /(各|均|共|都)$/;
/** The words comparing with a year, opening a change's subject (比上年, 与2023年相比, 同比). */
const COMPARISON_OPENING = /^(同比|(与|比|较|同)?\s*(上年度?|去年|上一年度?|(19|20)\d{2}\s*年度?)(相比|比较)?(预算数?|决算数?|执行数)?)/;
const COMMAS_OPENING = /^[，,\s]+/;
/** Subjects in the plural (A和B, A、B以及C). */
const PLURAL = /、|以及|[和及与]/;
/** A year a clause names (2023年…). */
const YEAR_NAMED = /((?:19|20)\d{2})\s*年/;
/** 占 X%, 占比 X%, 所占比重为 X%, 占总支出的 X%: the whole is the group. */
const SHARE_OF = /占(?:比重|比例|比)?(.*?)(?:的)?(?:比重|比例)?(?:为|是|达到?|约为?)?\s*$/;
/** 完成年初预算的 X%, 为预算的 X% … */
const COMPLETION_OF = /(?:完成(?:了)?|占|为|是|达到?)(?:年初|全年|调整后?的?)?预算(?:数)?的?\s*$/;
/** …and as a rate: 完成率 X%, 预算执行率 X%. */
const COMPLETION_RATE = /^(?:(?:年初|全年|调整后?)?预算)?(?:完成|执行)率(?:达到)?$/;

const MONEY = new Set(['万元', '元', '亿元', '千元']);

/** 是上年的 n 倍, 为2024年的 n 倍, 相当于上年同期的 n 倍: a ratio to the year before (its year, when named). */
const RATIO_OF_YEAR_BEFORE = /(?:是|为|相当于|达到?)(?:上年度?|去年|上一年度?|((?:19|20)\d{2})\s*年度?)(?:同期)?(?:预算数?|决算数?|执行数)?的\s*$/;
/** The verb of a difference in percentage points (上升 / 提高 / 下降 … 2.3 个百分点). */
const POINTS_VERB = /(上升|提高|增加|增长|下降|降低|减少|回落|下滑)了?\s*$/;

/**
 * What may stand between this year's figure and a rate of it with nothing else: the words comparing
 * with the year before (，比上年 / 与上年相比， / 同比 / 较2024年预算数) and the verb. Another subject there
 * (，其中基本支出比上年增长) makes the rate that subject's.
 */
function onlyComparedWithYearBefore(between: string, docYear?: number, ratio = false): boolean {
  // (是上年的 n 倍 names the year itself.)
  if (ratio) return between.replace(RATIO_OF_YEAR_BEFORE, '').replace(STOPS_AND_SPACES, '') === '';
  const compared = comparedWithYearBefore(docYear);
  if (!compared.test(between)) return false;
  const rest = between.replace(compared, '').replace(RATE_VERB, '').replace(FILLER, '');
  return rest === '';
}

const STOPS_AND_SPACES = /[\s，,、：:]/g;
const FILLER = /[\s，,、：:（）()]|了|为|是|达|幅度/g;

/**
 * The words comparing with the year before a document's year (比上年, 较2024年度, 同比), a pattern made
 * once per year: made for every rate read, it was most of what telling one cost. (A pattern, not an
 * answer: the years a process meets are a handful.)
 */
function comparedWithYearBefore(docYear?: number): RegExp {
  let re = COMPARED_BY_YEAR.get(docYear);
  if (!re) {
    const before = docYear !== undefined ? `|${docYear - 1}\\s*年度?` : '';
    COMPARED_BY_YEAR.set(docYear, (re = new RegExp(`(?:与|比|较|同)\\s*(?:上年度?|去年|上一年度?${before})(?:同期)?(?:预算数?|决算数?|执行数)?(?:相比|比较)?|同比`)));
  }
  return re;
}

const COMPARED_BY_YEAR = new Map<number | undefined, RegExp>();

/**
 * The percentages a difference in points is between, this year's and the year before's, where the
 * sentence states one of each before it (rates aside): a percentage is the year before's when the words
 * since the last figure name it so (由 / 从 / 上年 / 去年 / 同期 / an earlier year), this year's otherwise.
 */
function percentsCompared(text: string, tokens: NumberToken[], at: number, sentenceStart: number, docYear?: number): [PointsClaim['current'], PointsClaim['previous']] {
  const current: NumberToken[] = [];
  const previous: NumberToken[] = [];
  let lastFigureEnd = sentenceStart;
  for (let k = 0; k < at; k++) {
    const t = tokens[k];
    if (t.start < sentenceStart) continue;
    if (t.unit === '%') {
      const words = text.slice(Math.max(lastFigureEnd, lastBoundary(text, t.start)), t.start);
      const year = /((?:19|20)\d{2})\s*年/.exec(text.slice(lastBoundary(text, t.start), t.start));
      if (RATE_VERB.test(words)) {
        // A rate is no percentage of either year.
      } else if (/由|从|上年|去年|上一年|同期/.test(words) || (year && docYear !== undefined && Number(year[1]) < docYear)) previous.push(t);
      else current.push(t);
    }
    if (t.unit !== 'year') lastFigureEnd = t.end;
  }
  if (current.length !== 1 || previous.length !== 1) return [undefined, undefined];
  const printed = (t: NumberToken) => ({ value: t.value, decimals: t.decimals });
  return [printed(current[0]), printed(previous[0])];
}

/**
 * The subject of a figure standing right after a colon with no words of its own ((一)收入预算：1000.00万元):
 * the words before the colon, back to the last figure or stop, and where they start. None when there are
 * none, or they only open a list (其中：).
 */
function subjectBeforeColon(text: string, at: number, prevEnd: number): { subject: string; start: number } | undefined {
  const from = lastBoundary(text, at);
  if (from === 0 || !/[：:]/.test(text[from - 1]) || text.slice(from, at).trim()) return undefined;
  const start = Math.max(prevEnd, lastBoundary(text, from - 1));
  const subject = cleanFolded(text.slice(start, from - 1));
  return subject ? { subject, start } : undefined;
}

/** The segment a figure closes (from the last boundary before it). */
function segmentOf(text: string, tok: NumberToken): string {
  return text.slice(lastBoundary(text, tok.start), tok.start);
}

const REASON = /原因|由于|因为/g;
/**
 * Whether the clause after a reason's ；is the reason's next item: 二是 / 其次 opening it, its number where the reason opened
 * on its first (一是, 1., （1）), or a change named before its figure (增加人员经费 12.40 万元).
 */
function reasonGoesOn(reason: string, clause: string, clauseBeforeFigure: string): boolean {
  // (The clause's opening is read from the clause itself: its number, 2., is the first figure read in it.)
  if (NEXT_REASON.test(clause)) return true;
  if (FIRST_REASON_ITEM.test(reason) && NEXT_NUMBERED.test(clause)) return true;
  return CHANGE_NAMED.test(clauseBeforeFigure);
}
/** A reason opening on its first item (原因是：一是…, 原因：1.…). */
const FIRST_REASON_ITEM = /^(?:原因|由于|因为)[^，,。；;]{0,6}?(?:一是|[1１][.、．]|[(（][1１一][)）])/;
/** A clause told as a reason's next item (二是, 三是, 其次, 再次). */
const NEXT_REASON = /^\s*(?:[二三四五六七八九]是|其次|再次)/;
/** …numbered (2., （2）). */
const NEXT_NUMBERED = /^\s*(?:[2-9２-９][.、．]|[(（][2-9２-９二三四五六七八九][)）])/;
/** A change named in the figure's own clause before it (增加人员经费, 压减会议费). */
const CHANGE_NAMED = /(?:增加|减少|新增|追加|压减|调增|调减|节约|减支|增支)[^，,；;：:。]*$/;
const SEMICOLONS = ['；', ';'];

/** Where the first words of a reason start from `from` on (the sentence's start), -1 when none do. */
function reasonFrom(text: string, from: number): number {
  REASON.lastIndex = from;
  return REASON.exec(text)?.index ?? -1;
}

/** Whether the sentence from `from` opens on the year before the document's (上年…, 2023年… in a 2024 budget). */
function opensYearBefore(text: string, from: number, docYear?: number): boolean {
  const body = text.slice(from).replace(OPENERS, '').replace(QUOTES_OPENING, '');
  if (OPENS_YEAR_BEFORE.test(body)) return true;
  const m = YEAR_OPENING.exec(body);
  return !!m && docYear !== undefined && Number(m[1]) < docYear && !SINCE_OR_RANGE.test(body.slice(m[0].length));
}

// opensYearBefore's patterns, made once (it reads the opening of every sentence).
const QUOTES_OPENING = /^[\s"“”]+/;
const YEAR_OPENING = /^(?:本部门|本单位)?((?:19|20)\d{2})\s*年度?/;
const SINCE_OR_RANGE = /^\s*(以来|以前|之前|前|末|底|初|[-—–~～至到])/;

/** Names whose own 和 / 及 / 与 is no separator of subjects. */
const COMPOUND = /社会保障和就业|文化旅游体育与传媒|文化体育与传媒|灾害防治及应急管理|购置及运行|人力资源和社会保障|发展与改革|工业和信息化|住房和城乡建设|卫生和计划生育|粮油物资储备|资源勘探工业信息/g;

/**
 * The subjects of A和B / A、B和C, n of them in order, where the words split at every 、 and 和 / 及 /
 * 与 into n (no split of a name's own 和: 社会保障和就业支出). Else undefined: the figures are not told apart.
 */
function respectiveSubjects(subject: string, n: number): string[] | undefined {
  const masked = subject.replace(COMPOUND, (m) => m.replace(/[和及与]/g, '\u0000'));
  const pieces = masked.split(/、|以及|[和及与]/);
  if (pieces.length !== n) return undefined;
  let at = 0;
  const out: string[] = [];
  for (const p of pieces) {
    // The words as written (the mask kept their length).
    const start = masked.indexOf(p, at);
    out.push(cleanFolded(subject.slice(start, start + p.length)));
    at = start + p.length;
  }
  // 收、支总计: 收入总计 and 支出总计, the last piece's words shared by the ones before it.
  const last = out[out.length - 1];
  const shared = /^[收支](.+)$/.exec(last ?? '');
  if (shared && out.slice(0, -1).every((x) => x === '收' || x === '支')) return out.map((x) => `${x === '收' ? '收入' : '支出'}${shared[1]}`);
  return out.every((x) => x) ? out : undefined;
}

/**
 * A run of one subject's measures (“三公”经费预算数、决算数分别为 A、B): each piece after the first names only a
 * measure, which is of the first piece's subject — 决算数 becomes “三公”经费决算数. Other runs as they are.
 */
function ofEachMeasure(pieces: string[] | undefined): string[] | undefined {
  if (!pieces || !measureOf(pieces[0]) || !pieces.slice(1).every((p) => ONLY_A_MEASURE.test(p))) return pieces;
  const subject = pieces[0].replace(MEASURE_AT_END, '');
  return subject ? pieces.map((p, k) => (k === 0 ? p : subject + p)) : pieces;
}

/** A measure's words (年初预算数, 支出决算): alone, or ending a subject's. */
const MEASURE_WORDS = '(?:本年|全年|当年)?(?:年初|调整后?的?|全年)?(?:支出)?(?:预算|决算)(?:数|支出)?';
const ONLY_A_MEASURE = new RegExp(`^${MEASURE_WORDS}$`);
const MEASURE_AT_END = new RegExp(`${MEASURE_WORDS}$`);

/**
 * The figure whose subject a bare measure (支出决算为 B, its subject only the measure) is of: under a
 * path heading the sentence, its first figure of that path; else the last figure of the sentence
 * named by its words, when both figures name their measures and they differ (年初预算为 A，支出决算为 B)
 * — a bare 支出 after 收入总计 is no figure of the income.
 */
function sentenceHead(claims: Claim[], sentenceAmounts: number[], path: AmountClaim['path'], measure: AmountClaim['measure']): number | undefined {
  if (path.length) return sentenceAmounts.find((k) => (claims[k] as AmountClaim).path === path);
  if (!measure) return undefined;
  for (let n = sentenceAmounts.length - 1; n >= 0; n--) {
    const c = claims[sentenceAmounts[n]] as AmountClaim;
    if (c.subjectOf !== undefined || c.otherYear || c.reason) continue;
    if (BARE_MEASURE.test(c.subject)) return undefined;
    return c.measure && c.measure !== measure ? sentenceAmounts[n] : undefined;
  }
  return undefined;
}

/**
 * The years named in a run just before the figure at `ti` in its sentence (2023年度、2022年度支出合计分别为 X、Y:
 * 2023, 2022), in order; none when the figure has no year token right before its subject, or the years are not
 * joined by 、 和 及 与 alone.
 */
function yearsBefore(tokens: NumberToken[], ti: number, text: string, sentenceStart: number): number[] {
  const years: number[] = [];
  for (let k = ti - 1; k >= 0 && tokens[k].unit === 'year' && tokens[k].start >= sentenceStart; k--) {
    if (years.length > 0 && !YEAR_SEPARATOR.test(text.slice(tokens[k].end, tokens[k + 1].start))) break;
    years.unshift(Number(tokens[k].raw));
  }
  return years;
}

const YEAR_SEPARATOR = /^度?\s*(?:、|和|及|与|，|,)\s*$/;

/**
 * The name a text is made of and nothing else but its ordinal, its code and stops (2.社会保险经办机构。;
 * （三）2080109 社会保险经办机构; 行政单位医疗（2101101）), else '': a heading of the bare figures after it. Words
 * of a sentence (a verb, a figure, a list) make it none; whether the tables print it is asked later.
 */
export function nameAlone(text: string): string {
  // (Most sentences are longer than a name: told by their length before any pattern.)
  if (text.length > 48) return '';
  const m = NAME_ALONE.exec(text.replace(OPENERS, ''));
  return m ? m[1] : '';
}

/** A subject's name, with its code before or after it, alone up to its stop. */
const NAME_ALONE = /^\s*(?:\d{3,7}\s*)?([\u4e00-\u9fa5][\u4e00-\u9fa5（）()]{1,28}?)\s*(?:[（(]\d{3,7}[）)])?\s*[。.．:：；;]?\s*$/;

/** The name before the colon a sentence opens on (2.行政单位医疗：年初预算为 A), else ''. */
function nameBeforeColon(sentence: string): string {
  const colon = sentence.search(/[:：]/);
  return colon > 0 ? nameAlone(sentence.slice(0, colon)) : '';
}

/** How high a paragraph's numbering ranks: 一、 4, （一） 3, 1． 2, （1） 1, none 0. */
export function ordinalRank(text: string): number {
  const t = text.replace(LEADING_QUOTES, '');
  if (RANK_4.test(t)) return 4;
  if (RANK_3.test(t)) return 3;
  if (RANK_2.test(t)) return 2;
  if (RANK_1.test(t)) return 1;
  return 0;
}

// ordinalRank's patterns, made once (every paragraph's numbering is read, some more than once).
const LEADING_QUOTES = /^[\s"“]+/;
const RANK_4 = /^[一二三四五六七八九十]{1,3}[、.]/;
const RANK_3 = /^[(（][一二三四五六七八九十]{1,3}[)）]/;
const RANK_2 = /^\d{1,2}[.．、]/;
const RANK_1 = /^[(（]\d{1,2}[)）]/;

/** Where the clause before a position starts (the phrase a figure closes): just after the last stop (，；：。 or a line break), else 0. */
function lastBoundary(text: string, before: number): number {
  return before <= 0 ? 0 : stopsOf(text).clause[Math.min(before, text.length)];
}

/** Where the sentence before a position starts: just after the last 。；or line break, else 0. */
function lastSentenceEnd(text: string, before: number): number {
  return before <= 0 ? 0 : stopsOf(text).sentence[Math.min(before, text.length)];
}

/**
 * A paragraph's clause and sentence starts by position (at [b]: the start of the clause holding b's
 * character before it). Every figure of a paragraph asks several times where its clause and
 * sentence start; scanning back each time cost a sixth of reading the claims.
 */
interface Stops {
  clause: Int32Array;
  sentence: Int32Array;
}

/**
 * The stops of the paragraph being read. The reader asks of one paragraph at a time, several times a
 * figure: they are worked out once per paragraph and kept until the next is asked about (kept by
 * text, a paragraph's Int32Arrays went through the text memo's clear-when-full with every workbook).
 */
let stopsText: string | undefined;
let stopsKept: Stops | undefined;

function stopsOf(text: string): Stops {
  if (text !== stopsText || !stopsKept) {
    stopsKept = readStops(text);
    stopsText = text;
  }
  return stopsKept;
}

// A clause ends at ，,；;：:。 or a line break; a sentence at 。；; or a line break (by char code: a string's
// includes per character cost as much as the rest of the scan).
const [COMMA, FULL_COMMA, SEMICOLON, FULL_SEMICOLON, COLON, FULL_COLON, FULL_STOP, LINE_BREAK] = [...',，;；:：。\n'].map((c) => c.charCodeAt(0));

function readStops(text: string): Stops {
  // (Into the same two arrays each time, grown when a paragraph is longer: a typed array's allocation
  // cost more than the scan. What was kept of the paragraph before is of no use once this one is read.)
  if (stopsBuffer.clause.length <= text.length) stopsBuffer = { clause: new Int32Array(2 * text.length + 2), sentence: new Int32Array(2 * text.length + 2) };
  const { clause, sentence } = stopsBuffer;
  for (let b = 1; b <= text.length; b++) {
    const ch = text.charCodeAt(b - 1);
    const ends = ch === SEMICOLON || ch === FULL_SEMICOLON || ch === FULL_STOP || ch === LINE_BREAK;
    sentence[b] = ends ? b : sentence[b - 1];
    clause[b] = ends || ch === COMMA || ch === FULL_COMMA || ch === COLON || ch === FULL_COLON ? b : clause[b - 1];
  }
  return stopsBuffer;
}

let stopsBuffer: Stops = { clause: new Int32Array(1024), sentence: new Int32Array(1024) };

/** The amount a change belongs to: the one of the same paragraph whose subject the change repeats, else the last one. */
/**
 * The year before's figure of the same thing, in the sentence: one its clause compares with
 * (比2023年预算数 Y), or one named for the year before whose subject is the current one's
 * (本年收入 X，上年收入 Y). 上年结转 is this year's money and is never it.
 */
function yearBefore(claims: Claim[], sentenceAmounts: number[], current: number, docYear?: number): number | undefined {
  const of = claims[current] as AmountClaim;
  const bare = (s: string) => s.replace(/本年度?|今年|当年|上年度?|去年|上一年度?|(19|20)\d{2}\s*年度?|比|较|与|同期|为|是/g, '');
  for (let k = sentenceAmounts.length - 1; k >= 0; k--) {
    const i = sentenceAmounts[k];
    const c = claims[i] as AmountClaim;
    if (i === current || !c.otherYear || c.reason) continue;
    // An item's year before is written after it: one before it is its list's owner's (“三公”经费 6 万元，比上年预算
    // 12 万元减少 6 万元，其中：公务接待费 1 万元，比上年减少 3 万元 — not 12).
    if (i < current && of.listOf !== undefined) continue;
    // Named for the year before the current figure's (2023年度本年收入合计 X，2022年度为 Y): its subject is the sentence's.
    const base = of.year ?? docYear;
    const named = c.year !== undefined && base !== undefined && c.year === base - 1;
    // (…or named by the year before in words alone, after it: 支出预算 X，上年为 Y / 上年预算为 Y.)
    const inWords = i > current && YEAR_BEFORE_IN_WORDS.test(c.subject) && BARE_MEASURE_OF_YEAR.test(bare(c.subject));
    if (c.compared || (bare(c.subject) && bare(c.subject) === bare(of.subject)) || (named && !bare(c.subject)) || inWords) return i;
  }
  return undefined;
}

const YEAR_BEFORE_IN_WORDS = /上年度?|去年|上一年度?/;
/** What may stand beside the year before's words in a clause naming no subject: a measure (上年预算为, 去年决算数). */
const BARE_MEASURE_OF_YEAR = /^(?:年初)?(?:预算|决算|执行)?数?$/;

/**
 * A figure in a bracket opened by the year before (（2023年：27.90万元）, （上年为 27.90 万元）, （2023年预算数 27.90
 * 万元）) in a document of 2024: the year before's figure.
 */
function bracketedYearBefore(text: string, at: number, docYear: number | undefined): 'base' | 'note' | undefined {
  const open = Math.max(text.lastIndexOf('（', at), text.lastIndexOf('(', at));
  if (open < 0 || at - open > 200) return undefined;
  const inside = text.slice(open + 1, at);
  if (/[）)]/.test(inside)) return undefined;
  // (A figure right after the year before's label: （2023年：27.90 万元）, （上年为 27.90 万元）.)
  const base = at - open <= 24 ? BRACKET_YEAR.exec(inside) : null;
  if (base) return base[1] === undefined || (docYear !== undefined && Number(base[1]) === docYear - 1) ? 'base' : undefined;
  // (A note of the year before's figures, its year heading the bracket: （上年：收入总计 A，“三公”经费 B）, （注：上年数分别为 …）.)
  const note = BRACKET_NOTE_YEAR.exec(inside);
  return note && (note[1] === undefined || (docYear !== undefined && Number(note[1]) < docYear)) ? 'note' : undefined;
}

const BRACKET_YEAR = /^\s*(?:((?:19|20)\d{2})\s*年度?|上年度?|去年|上一年度?)\s*(?:同期)?(?:年初)?(?:预算|决算|执行)?数?\s*[：:为是]?\s*$/;
const BRACKET_NOTE_YEAR = /^\s*(?:注\s*[：:]\s*)?(?:((?:19|20)\d{2})\s*年度?|上年度?|去年|上一年度?|前一年度?)\s*(?:同期)?(?:预算|决算|执行)?(?:数|情况)?\s*(?:分别为|分别是)?\s*[：:]/;

/**
 * The figure a bracket still open at `at` follows (基本支出 441.99 万元，占 5.60%（人员经费 … — 基本支出), within its
 * sentence: the last amount of this year before the bracket, if the bracket opens after it.
 */
function bracketOwner(claims: Claim[], text: string, at: number, paragraph: number): number | undefined {
  const open = openingBracket(text, at, true);
  if (open < 0) return undefined;
  for (let i = claims.length - 1; i >= 0; i--) {
    const c = claims[i];
    if (c.paragraph !== paragraph) break;
    if (c.kind === 'amount' && !c.otherYear && c.end <= open) return text.slice(c.end, open).includes('。') ? undefined : i;
  }
  return undefined;
}

/**
 * Where the bracket still open at `at` opened: scanning back, a closed pair passed over; -1 where none is open
 * (or, `inSentence`, none since the sentence began).
 */
function openingBracket(text: string, at: number, inSentence: boolean): number {
  let depth = 0;
  for (let i = at - 1; i >= 0; i--) {
    const ch = text[i];
    if (inSentence && ch === '。') return -1;
    if (ch === '）' || ch === ')') depth++;
    else if (ch === '（' || ch === '(') {
      if (depth === 0) return i;
      depth--;
    }
  }
  return -1;
}

/** The last amount of the paragraph named so (its subject ending with the name), not of another year. */
function namedAmount(claims: Claim[], name: string, paragraph: number): number | undefined {
  for (let i = claims.length - 1; i >= 0; i--) {
    const c = claims[i];
    if (c.paragraph !== paragraph) break;
    if (c.kind === 'amount' && !c.otherYear && c.subject && (c.subject === name || c.subject.endsWith(name))) return i;
  }
  return undefined;
}

/**
 * The figure a share after a bracket is of: the one before the bracket, not the last inside it (基本支出 892.63 万元
 * （人员经费 866.16 万元、公用经费 26.47 万元），占 97.81% — of 892.63).
 */
function outsideBrackets(claims: Claim[], text: string, part: number | undefined, at: number): number | undefined {
  if (part === undefined) return part;
  const between = text.slice(claims[part].end, at);
  const close = Math.max(between.lastIndexOf('）'), between.lastIndexOf(')'));
  if (close < 0) return part;
  // The bracket's opening, matched back from its close. A bracket opened after the part's figure does not hold
  // it (…万元（预算 4.50 万元）…): the part stands.
  const open = openingBracket(text, claims[part].end + close, false);
  if (open < 0 || open > claims[part].end) return part;
  for (let i = part; i >= 0; i--) {
    const c = claims[i];
    if (c.paragraph !== claims[part].paragraph) break;
    if (c.kind === 'amount' && c.end <= open && !c.otherYear) return i;
  }
  return part;
}

/** The last figure of the year itself: the year before's (比2023年决算数 Y) is not what changed. */
function lastCurrent(claims: Claim[], lastAmount: number | undefined): number | undefined {
  if (lastAmount === undefined || !(claims[lastAmount] as AmountClaim).otherYear) return lastAmount;
  for (let i = lastAmount - 1; i >= 0; i--) {
    const c = claims[i];
    if (c.paragraph !== claims[lastAmount].paragraph) break;
    if (c.kind === 'amount' && !c.otherYear) return i;
  }
  return undefined;
}

/**
 * The figure a list opened here is of: the last of this year's figures of the paragraph that is no reason's
 * (…增长 5.26%，主要原因是新增业务经费 56.00 万元。其中：基本支出 A，占 a% … lists the total's parts, not the reason's).
 */
function listOwner(claims: Claim[], lastAmount: number | undefined): number | undefined {
  const own = lastCurrent(claims, lastAmount);
  if (own === undefined || !(claims[own] as AmountClaim).reason) return own ?? lastAmount;
  for (let i = own - 1; i >= 0; i--) {
    const c = claims[i];
    if (c.paragraph !== claims[own].paragraph) break;
    if (c.kind === 'amount' && !c.otherYear && !c.reason) return i;
  }
  return own;
}

function changeTarget(claims: Claim[], lastAmount: number | undefined, subject: string, paragraph: number): number | undefined {
  if (subject.length >= 2) {
    for (let i = claims.length - 1; i >= 0; i--) {
      const c = claims[i];
      if (c.paragraph !== paragraph) break;
      if (c.kind !== 'amount' || c.otherYear) continue;
      const a = c.subject.replace(/[、，,]/g, '');
      // (决算数比年初预算 减少 A: what changed is named before 比, the figure it is compared with after it.)
      const b = subject.replace(/[、，,]/g, '').replace(/^与上年相比|^比上年|^较上年/, '').replace(COMPARED_WITH_TAIL, '');
      if (a && b && (a.includes(b) || b.includes(a))) return i;
    }
  }
  return lastAmount;
}
