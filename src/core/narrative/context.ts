import { cellAddress } from '../address';
import type { AuditConfig } from '../config';
import type { CellRef } from '../finding';
import type { DetectedTable, TableColumn } from '../table';
import { cleanLabel as withoutSpaces, yearIn } from '../detect/labels';
import { isFinalAccounts } from '../detect/finalAccounts';
import { halfUnit } from '../rounding';
import { textMemo } from '../textMemo';
import { rowsNamed } from './codedByName';
import { BARE_MEASURE, ordinalRank, readClaims, type AmountClaim, type Claim, type ParagraphText, type RateClaim } from './claims';
import { buildFacts, comparedName, CONCEPT_FALLBACK, conceptOf, exactName, factOf, factsFor, factsOfMoney, procurementPartOf, sameCompared, type CodedRow, type Fact, type Facts } from './facts';
import { grandTotalAtTotal } from '../rules/toolkit/crossTables';
import { gapWitnessed } from './gapWitness';
import { judgeAmount, type Printed } from './judge';
import { foldWidth, numberTokens, WAN_PER_UNIT } from './tokens';
import Decimal from 'decimal.js';
import { amountArg, percentArg, type MessageArg } from '../messages/message';
import { codeHierarchyChecks } from '../rules/codeHierarchy';
import { columnTotalChecks } from '../rules/columnTotal';
import { vehicleSplitChecks } from '../rules/ofWhich';
import { classTotalChecks } from '../rules/econClassTotals';
import { rowSumChecks } from '../rules/rowSum';
import { procurementChecks } from '../rules/procurementLevels';
import { summaryLineChecks } from '../rules/summaryLines';
import { evaluate } from '../rules/toolkit/sumCheck';
import { cellRef, figureAt } from '../rules/toolkit/tableAccess';

/**
 * A disclosure's narrative read once for every narrative rule: its paragraphs (with their cells),
 * the claims they make, the table facts, and for each amount claim the table figures it speaks of.
 * Built lazily and cached on the disclosure's table list, as the rules run over the same list.
 */
export interface NarrativeParagraph extends ParagraphText {
  /** The text with full-width digits and signs folded (foldWidth), position for position: read by every rule, folded once. */
  folded: string;
  sheet: string;
  table: DetectedTable;
  heading: boolean;
  /** In a section whose figures the tables do not hold (绩效, 国有资产, 转移支付). */
  aside: boolean;
}

const ASIDE = /绩效|国有资产|资产占用|资产情况|转移支付/;
/** Pay items named 绩效 (绩效工资, 奖励性绩效) are 人员经费 of the tables, not performance management. */
const PAY_ITEMS = /(奖励性|基础性)?绩效(工资|奖金?|奖励)/g;
const isAside = (text: string): boolean => ASIDE.test(text) && ASIDE.test(text.replace(PAY_ITEMS, ''));

export interface NarrativeContext {
  paragraphs: NarrativeParagraph[];
  claims: Claim[];
  facts: Facts;
  /** Per amount claim (by index): the table facts it names, the coded rows when it names them by path, and of those the ones in the tables of its sentence's money. */
  resolved: Map<number, { facts: Fact[]; rows: CodedRow[]; concept?: string; ofMoney?: Fact[] }>;
  /** The document's fiscal year: the tables' (or the settings') year. */
  year?: number;
  finalAccounts: boolean;
  department?: string;
  tables: DetectedTable[];
  /**
   * Amount claims the tables contradict, with the table figure nearest to what was typed. A rate,
   * share or sum built on such a figure is judged on the table's figure: one slip is one finding
   * (the amount), not three (the amount, its rate, the list it is in).
   */
  contradicted: Map<AmountClaim, Fact>;
  /**
   * A table figure its own table's sums dispute (a total and its parts that do not add up): no ground to
   * call the prose wrong — the table's finding names the slip, and a figure worked out from it is not judged.
   */
  inDispute(f: Fact): boolean;
  /**
   * Amount claims contradicting a table figure its own table's sums dispute, with that figure: not judged, but a
   * witness to which cell slipped (a figure the prose states as the sum needs it is the slip: narrativeAmounts.ts).
   */
  witnesses: Map<AmountClaim, Fact>;
}

const cache = new WeakMap<DetectedTable[], NarrativeContext | null>();

/** A heading: a short numbered line with no figure of money (一、收支预算总体情况说明, （一）公共安全（类）). */
export function isHeading(text: string): boolean {
  // A long paragraph is no heading, told without the memo: keyed by its whole text, a lookup cost more than
  // this test, and no paragraph is asked twice an audit. (Folding keeps the length and no space it trims.)
  if (text.length > MAX_HEADING && text.trim().length > MAX_HEADING) return false;
  return heading(text);
}

/** The longest a heading is (trimmed). */
const MAX_HEADING = 40;

const heading = textMemo(readHeading, 5000);

function readHeading(text: string): boolean {
  const t = foldWidth(text).trim();
  if (t.length > MAX_HEADING) return false;
  if (numberTokens(t).some((n) => n.unit === '万元' || n.unit === '元' || n.unit === '亿元' || n.unit === '%')) return false;
  return /^(第[一二三四五六七八九十]+部分|[一二三四五六七八九十]{1,3}[、.]|[(（][一二三四五六七八九十\d]{1,3}[)）])/.test(t) || /(情况说明|说明|情况)[。:：]?$/.test(t);
}

export function narrativeContext(tables: DetectedTable[], config: AuditConfig): NarrativeContext | null {
  if (cache.has(tables)) return cache.get(tables)!;
  const ctx = build(tables, config);
  cache.set(tables, ctx);
  return ctx;
}

function mostFrequent<T>(values: T[]): T | undefined {
  const counts = new Map<T, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
}

function build(tables: DetectedTable[], config: AuditConfig): NarrativeContext | null {
  const narratives = tables.filter((t) => t.kind === 'narrative' && t.paragraphs?.length);
  // (Each built field by field: a spread copy per paragraph cost more than the rest of this loop.)
  const paragraphs: NarrativeParagraph[] = [];
  for (const t of narratives) for (const p of t.paragraphs ?? []) paragraphs.push({ row: p.row, col: p.col, text: p.text, folded: foldWidth(p.text), sheet: t.sheet, table: t, heading: isHeading(p.text), aside: false });
  // Sections about performance targets, assets and transfer payments speak of projects and things
  // the tables do not hold: their figures are not judged against the tables.
  let aside = false;
  // The heading each paragraph is under: the money a section speaks of (一般公共预算财政拨款支出决算情况).
  const headingOf: string[] = [];
  let lastHeading = '';
  for (const p of paragraphs) {
    if (p.heading) lastHeading = p.text;
    headingOf.push(lastHeading);
  }
  for (const p of paragraphs) {
    if (p.heading) aside = isAside(p.text);
    p.aside = aside || isAside(p.text);
  }
  const department = mostFrequent(tables.map((t) => t.department).filter((d): d is string => !!d));
  // 本级 is a unit where the department has others (its tables' unit rows, or the prose naming its units): a department
  // of one unit calls the whole 本级 too.
  const hasUnits = tables.some((t) => t.rows.some((r) => r.role === 'unit')) || paragraphs.some((p) => UNITS_NAMED.test(p.text));
  const ofUnitSection = unitSections(paragraphs, department, hasUnits);
  const finalAccounts = isFinalAccounts(tables, paragraphs);
  // Templates whose tables' titles name no year (…财政拨款收支总表) name it in the narrative's own
  // title (…2025年部门预算情况说明): a change 比2024年 is then one on the year before.
  const titled = mostFrequent(narratives.map((t) => yearIn(t.title)).filter((y): y is number => !!y));
  const year = mostFrequent(tables.map((t) => t.year).filter((y): y is number => !!y)) ?? titled ?? config.fiscalYear;
  // (Each paragraph was told a heading or not above.)
  const claims = readClaims(paragraphs, (_, i) => paragraphs[i].heading, year);
  // A figure its clause dates to another year (2023年收入总计…) is not one of these tables.
  if (year) for (const c of claims) if (c.kind === 'amount' && c.year !== undefined && c.year !== year) c.otherYear = true;
  // With no narrative at all there is no claim to meet the tables' figures: none are gathered
  // (a million-cell table's coded rows are most of what gathering them costs).
  const facts: Facts = paragraphs.length ? buildFacts(tables) : { byConcept: new Map(), coded: [] };
  const resolved = new Map<number, { facts: Fact[]; rows: CodedRow[]; concept?: string; ofMoney?: Fact[] }>();
  // The names of projects and economic items the tables print, gathered when a bare name first asks.
  let otherNamesKept: { projects: Set<string>; items: Set<string> } | undefined;
  const otherNames = () => (otherNamesKept ??= projectAndItemNames(tables));
  // How the document's subjects are read (budget or final accounts), one object for every claim's.
  const reading = { finalAccounts };
  // The figure of one subject (a 类, 款 or 项 by path or name, a project), not of the disclosure's whole or its
  // 基本支出 / 项目支出: its split is its own.
  const ofOneSubject = (k: number) => {
    const r = resolved.get(k);
    return (claims[k] as AmountClaim).path.length > 0 || r === undefined || r.rows.length > 0 || !WHOLES.has(r.concept ?? '');
  };
  // A figure of 基本支出 / 项目支出 / 人员经费 / 公用经费's own: listed under the claim of one (项目支出 A，其中：…), in a
  // sentence opening on one (项目支出中，…), or a share of one (卫生健康支出 B，占项目支出的 p%).
  // (The parts whose share names one, found once: asked of every claim, a search of all claims each was quadratic.)
  const sharesOfAPart = new Set<number>();
  for (const s of claims) if (s.kind === 'share' && s.part !== undefined && SPLIT_PART.test(s.wholeText)) sharesOfAPart.add(s.part);
  // A subject of spending one may split by money: a 类, 款 or 项, 基本支出 / 项目支出 …, the “三公”经费, 政府采购.
  const splitsOneSubject = (k: number) => {
    const r = resolved.get(k);
    return !!r && (r.rows.length > 0 || OWN_SPLIT.has(r.concept ?? '') || SPLIT_BY_MONEY.has(r.concept ?? '') || (r.concept ?? '').startsWith('class:'));
  };
  // …or a thing named that is no total of the disclosure and no table's line (法律援助案件补贴项目 A，其中：一般公共预算拨款 a，
  // 事业收入 b): a project's or a programme's own money.
  const namedThing = (k: number) => !resolved.has(k) && !TOTAL_WORDS.test((claims[k] as AmountClaim).subject);
  const inPart = (c: AmountClaim, i: number) =>
    (c.listOf !== undefined && OWN_SPLIT.has(resolved.get(c.listOf)?.concept ?? '')) || sharesOfAPart.has(i) || WITHIN_PART.test(sinceStop(paragraphs[c.paragraph].folded, c.token.start));
  // The class figures of the basic table whose total the list's whole (基本支出 A，其中：…) agrees with.
  const econOfBreakdown = (c: AmountClaim, concept: string): Fact[] => {
    if (c.listOf === undefined) return [];
    const whole = resolved.get(c.listOf);
    if (!whole || !BREAKDOWN_WHOLES.has(whole.concept ?? '')) return [];
    const stated = claims[c.listOf] as AmountClaim;
    const agreeing = new Set(whole.facts.filter((f) => BASIC_TABLES.has(f.table.kind) && judgeAmount({ value: stated.value, decimals: stated.decimals }, f) === 'consistent').map((f) => f.table));
    return (facts.byConcept.get(concept) ?? []).filter((f) => agreeing.has(f.table));
  };
  // A bare flow word after a subject's path in its sentence (…（项）年初结转和结余 A，本年收入 B): the path's claim.
  const flowHeadOf = (c: AmountClaim, i: number): number | undefined => {
    const flow = flowOf(c.subject);
    if (!flow) return undefined;
    const text = paragraphs[c.paragraph].folded;
    for (let k = i - 1; k >= 0; k--) {
      const h = claims[k];
      if (h.paragraph !== c.paragraph || /[。；;\n]/.test(text.slice(h.end, c.start))) return undefined;
      if (h.kind === 'amount' && h.path.length > 0) return k;
    }
    return undefined;
  };
  claims.forEach((c, i) => {
    // A figure per head or vehicle, or of a subject with a part taken out, is no figure of the tables.
    if (c.kind !== 'amount' || paragraphs[c.paragraph].aside || c.unjudged) return;
    // One subject's flow (…一般行政管理事务（项）年初结转和结余 A，本年收入 B，本年支出 C，年末结转和结余 D; 年末财政拨款结转和
    // 结余 X，其中：一般行政管理事务 a): the newer 05 prints each in a column of its own, held to that column.
    const flowHead = c.path.length ? undefined : flowHeadOf(c, i);
    if (flowHead !== undefined) {
      const rows = flowRows(resolved.get(flowHead)?.rows ?? [], flowOf(c.subject));
      if (rows) resolved.set(i, { facts: rows.map((r) => r.fact), rows });
      return;
    }
    // (A bare name under a heading about projects, 二、项目支出情况, is a project's.)
    const all = c.path.length ? resolvePath(c, facts.coded) : PROJECTS_HEADING.test(headingOf[c.paragraph]) ? [] : bareNameRows(c, facts.coded, reading, otherNames);
    // A subject named with a flow's words (…（项）年末结转和结余 A; a 项 listed under 年末结转和结余): that flow's column, or none.
    // (A path listed under a carry-over, …其中：一般行政管理事务（项）14.80万元, is of that carry-over too.)
    const listedFlow = c.listOf !== undefined ? carryFlowOf((claims[c.listOf] as AmountClaim).subject) : undefined;
    const flow = all.length ? (c.path.length ? (flowOf(c.subject.slice(c.subject.search(LAST_MARK) + 3)) ?? listedFlow) : listedFlow) : undefined;
    if (flow) {
      const rows = flowRows(all, flow);
      if (rows) resolved.set(i, { facts: rows.map((r) => r.fact), rows });
      return;
    }
    // (Up to the figure: its own clause names its money and side too — …行政运行（项）支出决算为 B is no income.)
    // Read when first asked: only a path's rows and a 类's figures are told by their money.
    let sentenceKept: string | undefined;
    let money: ((kind: string) => boolean) | undefined;
    const sentence = () => (sentenceKept ??= sentenceBefore(paragraphs[c.paragraph].folded, c.token.start));
    const inMoney = (kind: string) => (money ??= moneyOf(sentence(), headingOf[c.paragraph], finalAccounts))(kind);
    // Rows of other money only (the whole's 支出表 for an appropriations' 项): not judged. Where the
    // tables of its money hold it too, it agrees with any of them (a 支出 never with the income table's).
    const spends = () => SPENDING_WORDS.test(sentence()) && !INCOME_WORD.test(sentence());
    const rows = all.some((r) => inMoney(r.table.kind)) ? all.filter((r) => r.table.kind !== 'income' || !spends()) : [];
    if (all.length && !rows.length) return;
    // A 类 or 项 listed under one of the whole's parts (项目支出 380.61 万元，其中：卫生健康支出 271.82 万元), or named
    // with one (卫生健康（类）项目支出 271.82 万元), is that part's share of its figure, which the tables print in
    // their 基本支出 / 项目支出 columns: not its whole figure, and not judged against it.
    // (A bare name in a sentence about a part, 项目支出 A，主要用于社会保险经办机构 a、行政运行 b, is that part's share too.)
    if (rows.length && (inPart(c, i) || SPLIT_PART.test(c.subject.slice(c.subject.search(LAST_MARK) + 1)) || (!c.path.length && SPLIT_PART.test(sentence())))) return;
    if (rows.length) {
      resolved.set(i, { facts: rows.map((r) => r.fact), rows, ofMoney: rows.filter((r) => inMoney(r.table.kind)).map((r) => r.fact) });
      return;
    }
    // A bare measure (…“三公”经费支出年初预算为 A，支出决算为 B) is of the subject its sentence heads.
    const named = c.subjectOf !== undefined ? (claims[c.subjectOf] as AmountClaim).subject : c.subject;
    const subject = department && named.includes(department) ? named.split(department).join('') : named;
    // (货物类 a, 工程采购 b, 服务 c as items of a procurement total's list: its parts named short.)
    let concept = conceptOf(subject.replace(YEARS, ''), reading) ?? (c.listOf !== undefined && resolved.get(c.listOf)?.concept === 'procurement' ? procurementPartOf(subject) : undefined);
    if (!concept) return;
    // A subject's split by money (项目支出 A，其中：一般公共预算拨款 a，单位资金 b; 教育支出 X，其中：一般公共预算 153; 项目支出中，
    // 一般公共预算 a): each item is that money's share of the subject, which no line of the whole prints — not judged.
    if (MONEY_CONCEPTS.has(concept) && ((c.listOf !== undefined && (splitsOneSubject(c.listOf) || namedThing(c.listOf))) || WITHIN_PART.test(sentenceBefore(paragraphs[c.paragraph].folded, c.token.start)))) return;
    // A carry-over's parts (年末财政拨款结转和结余 A，其中：一般公共预算财政拨款 B，政府性基金预算财政拨款 C; 基本支出结转 …) are its
    // own breakdown, no fund's income or spending.
    if (c.listOf !== undefined && (resolved.get(c.listOf)?.concept ?? '').includes('carry-')) return;
    // A unit's own figures (某某局本级收入预算 A，其中：本年收入 B; 某某中心收入预算 C) are not the department's — nor those of a
    // sentence opening on a unit (所属某某检验所2024年度收入总计 A，支出总计 B; 其中，某某中心本年收入合计 C).
    // (…its clauses after a semicolon too, 某某中心收入预算 A，其中：…；支出预算 B，其中：…, unless one names the whole again.)
    if (ofAUnit(named, department) || (c.listOf !== undefined && ofAUnit((claims[c.listOf] as AmountClaim).subject, department)) || opensOnAUnit(sentence(), department, hasUnits) || opensOnAUnit(sinceStop(paragraphs[c.paragraph].folded, c.token.start), department, hasUnits) || (ofUnitSection[c.paragraph] && !namesWholeAgain(sinceStop(paragraphs[c.paragraph].folded, c.token.start), department))) return;
    // A split of one subject's figure (行政运行（项）308.50 万元，其中：基本支出 205.71 万元，项目支出 102.79 万元) is
    // that subject's, not the disclosure's 基本支出: not judged against the whole's.
    if (c.listOf !== undefined && OWN_SPLIT.has(concept) && ofOneSubject(c.listOf)) return;
    if (concept.startsWith('class:') && inPart(c, i)) return;
    // …and so is one named bare before its part (社会保险经办机构基本支出 A, 卫生健康支出项目支出 B): that subject's part.
    if (OWN_SPLIT.has(concept) && subjectBeforePart(subject, facts.coded, reading)) return;
    // So is a “三公” item or 会议费 named as the economic item of a part (公用经费中公务接待费 0.72 万元; 一般公共预算
    // 基本支出中，会议费 …): the “三公” table holds project money too.
    if (THREE_PUBLIC_PARTS.has(concept) && namesAPart(sinceStop(paragraphs[c.paragraph].folded, c.token.start))) return;
    // So is one named with the part it was spent from (基本支出列支的公务接待费 A，项目支出列支的 B): that part's share.
    if (THREE_PUBLIC_PARTS.has(concept) && SPLIT_PART.test(subject)) return;
    // An item named as a “三公” part or 会议费 / 培训费 in a list of another whole (机关运行经费 or 公用经费 主要包括：…
    // 公务接待费 48.95 万元) is that whole's economic item, not the “三公” table's figure. (Of its own paragraph: a list
    // read on over numbered paragraphs is no ground to let a “三公” sentence go.)
    if (c.listOf !== undefined && claims[c.listOf].paragraph === c.paragraph && THREE_PUBLIC_PARTS.has(concept) && !THREE_PUBLIC_WHOLES.has(resolved.get(c.listOf)?.concept ?? conceptOf((claims[c.listOf] as AmountClaim).subject.replace(YEARS, ''), reading) ?? '')) return;
    // The carry-over of one fund (政府性基金预算财政拨款收入…，年末结转和结余 X) is not the whole's.
    if (concept.includes('carry-') && FUND_NAMED.test(sentenceBefore(paragraphs[c.paragraph].folded, c.start).replace(c.subject, ''))) return;
    // So is a fund's year (政府性基金预算财政拨款收入 A，本年支出 B): 本年支出 named bare is the whole's only where no fund or appropriation is.
    let yearOfTheWhole: string | undefined;
    // (A fund named, 政府性基金 or 国有资本经营: its year's side is that fund's income or spending — 07's 本年收入 | 本年支出.)
    if (BARE_YEAR_SIDE.test(c.subject) && (concept === 'total-income-year' || concept === 'total-expenditure-year')) {
      const before = sentenceBefore(paragraphs[c.paragraph].folded, c.start).replace(c.subject, '');
      // (The fund the sentence opens on, 政府性基金预算财政拨款…，本年收入 A: not one named in passing — 其中国有资本经营…, a reason.)
      const fund = FUND_OPENS.exec(before);
      if (fund && !OTHER_FUND_TOO.test(before.slice(fund[0].length))) {
        // (…and agreeing with the whole's year line is agreeing: a sentence may go on to the department's own.)
        yearOfTheWhole = concept;
        concept = fund[1] === '政府性基金' ? 'gov-fund' : 'state-capital';
      } else if (FUND_OR_FISCAL.test(before)) return;
    }
    // An economic class (工资福利支出, 商品和服务支出 …) is judged only as an item of 基本支出's breakdown, against the
    // table whose total the breakdown's whole agrees with: named elsewhere it may be of all the spending, projects' too,
    // which no basic table holds, or of 人员经费 / 公用经费, which a class may span.
    if (concept.startsWith('econ:')) {
      const found = econOfBreakdown(c, concept);
      if (found.length) resolved.set(i, { facts: found, rows: [], concept });
      return;
    }
    // A quantity named with its money (一般公共预算财政拨款项目支出) is in that money's tables only.
    // …and so is one listed under a whole of one money (财政拨款支出 A，其中：基本支出 a，项目支出 b): that money's.
    const ofMoney = factsOfMoney(facts, concept, subject) ?? (c.listOf !== undefined ? factsOfMoney(facts, concept, (claims[c.listOf] as AmountClaim).subject) : undefined);
    if (ofMoney && !ofMoney.length) return;
    let found = ofMoney ?? factsFor(facts, concept, reading);
    // 收入合计 may be the year's (本年收入合计) or the whole (收入总计): a claim agrees with either. So may
    // 支出总额 (支出决算总额 550 in final accounts whose 总计 580 holds the 年末结转和结余).
    // (Told wrong, it is held to the year's line, 本年收入合计, which a 合计 names first: not to the 总计 nearest a slip.)
    let told: Fact[] | undefined;
    // (So may a budget's 收入预算 / 部门支出预算: its 本年收入合计 as often as its 收入总计 with the carry-over.)
    // (…only where the 总计 does not already agree: a figure of one cell keeps the year before its row prints.)
    const budgetSide = !finalAccounts && BUDGET_SIDE.test(withoutSpaces(subject.replace(YEARS, ''))) && !found.some((f) => judgeAmount({ value: c.value, decimals: c.decimals }, f) === 'consistent');
    if ((concept === 'total-income' || concept === 'total-expenditure') && ((SUM_WORDS.test(c.subject) && !GRAND_WORD.test(c.subject)) || budgetSide)) {
      told = facts.byConcept.get(`${concept}-year`) ?? [];
      found = [...found, ...told];
    }
    // A 类 of the appropriations (一般公共预算财政拨款支出…：一般公共服务支出 A) is in their tables, never the whole's.
    if (concept.startsWith('class:') && !found.some((f) => inMoney(f.table.kind))) return;
    // A fund's 支出 in final accounts is not what came in on its income line (结转和结余 stand between).
    if (finalAccounts && SPENDING_WORD.test(subject) && !INCOME_WORDS.test(subject)) {
      found = found.filter((f) => f.side !== 'income');
      if (!found.length) return;
    }
    // …nor its 收入 what went out: where the tables print the income line, a fund's income is that line only.
    if (finalAccounts && INCOME_WORDS.test(subject) && !SPENDING_WORD.test(subject) && found.some((f) => f.side === 'income')) found = found.filter((f) => f.side === 'income');
    if (yearOfTheWhole) found = [...found, ...(facts.byConcept.get(yearOfTheWhole) ?? [])];
    // 一般公共预算财政拨款 A, where the tables print 一般公共预算 and under it 其中：财政拨款 (the own level's money beside
    // 上级转移支付, Henan 2025): it may be that line too — and in a budget, its spending (04 prints it as a column).
    const ownLevel = concept === 'general-budget' || (concept === 'general-budget-expenditure' && !finalAccounts);
    if (ownLevel && /财政拨款/.test(subject) && !/收支|收、支|总计/.test(subject)) found = [...found, ...(facts.byConcept.get('fiscal-income') ?? []).filter((f) => OF_WHICH_FISCAL.test(f.name))];
    // 财政拨款收入总计 A，支出总计 B: B is the appropriations' too, as its sentence opened on them.
    if ((concept === 'total-income' || concept === 'total-expenditure') && /财政拨款/.test(sentenceBefore(paragraphs[c.paragraph].folded, c.start).replace(c.subject, ''))) found = [...found, ...(facts.byConcept.get('fiscal-total') ?? [])];
    if (found.length) resolved.set(i, told?.length ? { facts: found, rows: [], concept, ofMoney: told } : { facts: found, rows: [], concept });
  });
  // A change naming what changed (其中：基本支出增加 50 万元) is not of an amount of another subject
  // (the 支出预算 1000 before it): its rate and sum are not judged on that amount.
  for (const c of claims) {
    if (c.kind !== 'change' || c.of === undefined || !c.subject) continue;
    const named = conceptOf(c.subject.replace(YEARS, ''), reading);
    if (!named) {
      // A part the tables do not name, stated by its change alone (…下降 0.71%，其中办公费减少 0.30 万元，下降 13.27%;
      // 主要原因是…；差旅费减少 0.25 万元): its year before is not the amount before it, whose subject it is not.
      const own = c.subject.replace(YEARS, '').replace(NOT_A_NAME, '');
      const ofSubject = (claims[c.of] as AmountClaim).subject.replace(YEARS, '');
      if (own.length >= 2 && ofSubject && !ofSubject.includes(own) && !own.includes(ofSubject)) {
        c.of = undefined;
        c.previous = undefined;
      }
      continue;
    }
    const of = claims[c.of] as AmountClaim;
    const ofConcept = resolved.get(c.of)?.concept ?? conceptOf(of.subject.replace(YEARS, ''), reading);
    // (收、支总计各增加 A after 支出总计 X: totals that stand for one another are one subject.)
    const akin = ofConcept !== undefined && (ofConcept === named || CONCEPT_FALLBACK[named]?.includes(ofConcept) || CONCEPT_FALLBACK[ofConcept]?.includes(named));
    if (akin || (resolved.get(c.of)?.rows.length ?? 0) > 0) continue;
    c.of = undefined;
    c.previous = undefined;
  }
  /** An item's facts in the tables whose 合计 its list's whole states (the whole's own tables' among them). */
  const ofTheWhole = (c: AmountClaim, facts: Fact[]): Fact[] => {
    if (c.listOf === undefined || !resolved.has(c.listOf)) return [];
    const stated = claims[c.listOf] as AmountClaim;
    const printed = { value: stated.value, decimals: stated.decimals };
    return facts.filter((f) => {
      const total = grandTotalAtTotal(f.table);
      return !!total && judgeAmount(printed, factOf(total)) === 'consistent';
    });
  };
  const contradicted = new Map<AmountClaim, Fact>();
  const witnesses = new Map<AmountClaim, Fact>();
  // Worked out for a sheet when a contradicted figure is on it: a table's sums hold its own cells only,
  // and evaluating every table's sums for one figure was most of what telling a contradiction cost.
  const disputedBySheet = new Map<string, Set<string>>();
  const disputed = (sheet: string) => {
    let cells = disputedBySheet.get(sheet);
    if (!cells) disputedBySheet.set(sheet, (cells = cellsOfFailingSums(tables.filter((t) => t.sheet === sheet), config.strict)));
    return cells;
  };
  const inDispute = (f: Fact) => f.cells.some((x) => disputed(x.sheet).has(`${x.sheet}!${x.cell}`));
  claims.forEach((c, i) => {
    if (c.kind !== 'amount' || c.reason || c.otherYear) return;
    // Final accounts hold 决算 figures only: a 年初预算 figure of their narrative has nothing to meet;
    // and a budget's tables hold no 决算 figure.
    if (finalAccounts ? c.measure === 'budget' : c.measure === 'final') return;
    const r = resolved.get(i);
    if (!r || r.facts.length === 0) return;
    const printed = { value: c.value, decimals: c.decimals };
    // A table printing 预算数 beside 决算数: the claim is of the document's measure where the table says it.
    const own = finalAccounts ? 'final' : 'budget';
    const mine = r.facts.some((f) => f.measure === own) ? r.facts.filter((f) => f.measure !== (own === 'final' ? 'budget' : 'final')) : r.facts;
    if (mine.some((f) => judgeAmount(printed, f) === 'consistent')) return;
    // Agreeing with any table that holds the row is agreeing; told wrong, the figure is told against
    // the table of the sentence's money (an appropriations' 项 against 05, not the 支出表 of all money).
    const ofMoney = r.ofMoney?.length ? mine.filter((f) => r.ofMoney!.includes(f)) : [];
    // …or, an item of a list, against the tables whose total its list's figure is (支出预算 A，其中：…项目支出 B: the 支出表's
    // 项目支出 that A is the 合计 of, not the nearer 项目支出 of the 一般公共预算支出表, whose 合计 A is not).
    const ofWhole = ofMoney.length ? [] : ofTheWhole(c, mine);
    const nearest = [...(ofMoney.length ? ofMoney : ofWhole.length ? ofWhole : mine)].sort((a, b) => a.value.abs().minus(c.value).abs().comparedTo(b.value.abs().minus(c.value).abs()))[0];
    // A table figure its own table's sums dispute is no ground to call the prose wrong: the
    // table's finding names it, and the prose is judged on its own figure.
    if (inDispute(nearest)) {
      witnesses.set(c, nearest);
      return;
    }
    // Nor is a figure another table shows over by just the text's gap (gapWitness.ts).
    if (gapWitnessed(facts, nearest, printed)) return;
    contradicted.set(c, nearest);
  });
  return { paragraphs, claims, facts, resolved, year, finalAccounts, department, tables, contradicted, inDispute, witnesses };
}

/**
 * The coded rows a subject's money may be in, from the words of its sentence (else its section's
 * heading): an appropriations' 项 (一般公共预算财政拨款支出…行政运行（项）) is in the tables of that
 * money, never the 支出表 of all the money; a 支出 is never in the income table's rows.
 */
function moneyOf(sentence: string, heading: string, finalAccounts: boolean): (kind: string) => boolean {
  // Final accounts print a 年初预算 beside the 决算 of the general budget's appropriations only.
  if (finalAccounts && /年初预算/.test(sentence) && !/财政拨款|一般公共预算|政府性基金|国有资本/.test(sentence)) sentence = `一般公共预算财政拨款 ${sentence}`;
  const words = /财政拨款|一般公共预算|政府性基金|国有资本/.test(sentence) ? sentence : `${sentence} ${heading}`;
  const kinds = /一般公共预算/.test(words) ? MONEY_TABLES.general : /政府性基金/.test(words) ? MONEY_TABLES.govFund : /国有资本/.test(words) ? MONEY_TABLES.stateCapital : /财政拨款/.test(words) ? MONEY_TABLES.appropriations : undefined;
  return kinds ? (kind) => kinds.includes(kind) : ANY_TABLE;
}

/** The kinds of table that hold a money's coded rows, by the money the words name. */
const MONEY_TABLES: Record<'general' | 'govFund' | 'stateCapital' | 'appropriations', string[]> = {
  general: ['general-budget-expenditure', 'fiscal-appropriation-expenditure', 'fiscal-appropriation-summary'],
  govFund: ['gov-fund-expenditure', 'fiscal-appropriation-expenditure', 'fiscal-appropriation-summary'],
  stateCapital: ['state-capital-expenditure', 'fiscal-appropriation-expenditure', 'fiscal-appropriation-summary'],
  appropriations: ['general-budget-expenditure', 'fiscal-appropriation-expenditure', 'fiscal-appropriation-summary', 'gov-fund-expenditure', 'state-capital-expenditure'],
};

/** Words naming no money: any table's rows. */
const ANY_TABLE = (): boolean => true;

/**
 * Words of a claim's subject and sentence, made once (as literals in the loop over the claims, each
 * was a new RegExp for every figure).
 */
const YEARS = /(19|20)\d{2}年度?/g;
const SPENDING_WORDS = /支出|决算/;
const SPENDING_WORD = /支出/;
const INCOME_WORD = /收入/;
const INCOME_WORDS = /收入|收支|收、支/;
/** 收入合计, 支出总额: the year's total or the whole (总计). */
const SUM_WORDS = /合计|总额/;
const GRAND_WORD = /总计/;

/** A single fund named: its own figures follow, not the whole's. */
const FUND_NAMED = /政府性基金|国有资本经营|一般公共预算|财政专户/;
/** The quantities a subject's figure is split into (its 基本支出 and 项目支出, 人员经费 and 公用经费). */
/** A heading about projects (二、项目支出情况, 重点项目): the names under it are projects'. */
const PROJECTS_HEADING = /项目/;
/** A budget's whole side named by its measure alone (收入预算, 部门支出预算, 单位收入预算). */
const BUDGET_SIDE = /^(?:(?:部门|单位)(?:预算)?|预算)?(?:收入|支出)预算$|^(?:部门|单位)预算(?:收入|支出)$/;
const OWN_SPLIT = new Set(['basic', 'project', 'personnel', 'public', 'operating-expenditure', 'remit-expenditure', 'subsidiary-expenditure']);
/** Other subjects a sentence may split by money (“三公”经费 A，其中：一般公共预算拨款 a; 政府采购 …). */
const SPLIT_BY_MONEY = new Set(['three-public', 'three-public-and-more', 'procurement', 'operating-cost']);
/**
 * Words of a disclosure's totals and flows (收入预算, 支出合计, 总计, 决算, 本部门经费总额, 部门资金总量): a subject holding none
 * is a thing named.
 */
const TOTAL_WORDS = /收入|支出|预算|决算|合计|总计|总额|总量|结转|结余|部门|单位|全局/;
/** The concepts of a money or a source of income: what a subject's split by money names. */
const MONEY_CONCEPTS = new Set(['general-budget', 'general-budget-expenditure', 'gov-fund', 'state-capital', 'special-account', 'business-income', 'operating-income', 'other-income', 'other-funds', 'grant-income', 'subsidiary-income', 'fiscal-income', 'fiscal-expenditure', 'fiscal-total', 'fiscal-carry-in', 'carry-in']);
/**
 * Wholes broken down by economic class, and the tables that print that breakdown. (Not 人员经费 / 公用经费: a class
 * spans both — 福利费 and 其他交通费用 of 302 stand in 人员经费 in some templates —, and the table's class figure is
 * the 合计 column's.)
 */
const BREAKDOWN_WHOLES = new Set(['basic']);
const BASIC_TABLES = new Set(['basic-expenditure', 'basic-expenditure-detail', 'fiscal-appropriation-basic-expenditure']);
const SPLIT_PART = /基本支出|项目支出|人员经费|公用经费|经营支出|上缴上级支出|对附属单位补助支出/;
/** 项目支出中，… / 公用经费中公务接待费 … (not 中央): the figures after it are that part's items. */
const WITHIN_PART = /(?:基本支出|项目支出|人员经费|公用经费|运行经费|商品和服务支出)(?:中|当中)(?!央)/;
/** A sentence about 基本支出, 公用经费 or 机关运行经费 that does not name the “三公” (…运行经费…，其中会议费 A、培训费 B). */
const namesAPart = (since: string) => ECONOMIC_OWNER.test(since) && !since.includes('三公');
const ECONOMIC_OWNER = /基本支出|公用经费|运行经费|商品和服务支出/;
const LAST_MARK = /[（(][类款项][）)](?!.*[（(][类款项][）)])/;
const THREE_PUBLIC_PARTS = new Set(['abroad', 'vehicles', 'vehicle-purchase', 'vehicle-running', 'reception', 'meetings', 'training']);
const THREE_PUBLIC_WHOLES = new Set(['three-public', 'three-public-and-more', 'vehicles']);
/** The disclosure's wholes whose split into those quantities the tables print. */
const WHOLES = new Set(['total-expenditure', 'total-expenditure-year', 'total-income', 'total-income-year', 'general-budget-expenditure', 'general-budget', 'fiscal-expenditure', 'fiscal-total', 'fiscal-income', 'basic', 'project']);
/** Words of a change's subject that name nothing: 其中, comparisons, measures (决算数), 同比, 均 / 各 / 共. */
const NOT_A_NAME = /其中|与上年度?相比|比上年度?|较上年度?|同比|[比较](?:年初|调整后?的?)?(?:预算|决算)数?|(?:年初|调整后?的?)?(?:预算|决算|执行)数?|[、，,：:；;\s]|[均各共都]$/g;
const FUND_OR_FISCAL = /政府性基金|国有资本经营|一般公共预算|财政专户|财政拨款/;
/** A sentence opening on a fund whose own table prints its year's income and spending (公开07表 / 08表); any other money named after it. */
const FUND_OPENS = /^[\s，,]*(?:(?:19|20)\d{2}年度?)?[\s，,]*(?:本部门|本单位|我部门|我单位)?(政府性基金|国有资本经营)/;
const OTHER_FUND_TOO = /政府性基金|国有资本经营|一般公共预算|财政专户/;
/** The part of a subject's flow a figure is of: its carry-over in or out, its income; undefined for its spending or none. */
type Flow = 'in' | 'out' | 'income' | 'unclear';

/** The flow a subject's words name (年初结转和结余, 年末结转和结余, 本年收入); a bare 结转 or 结余 is unclear. */
function flowOf(words: string): Flow | undefined {
  const w = withoutSpaces(words).replace(/^[：:，,为是]+|[为是：:]+$/g, '');
  if (/^(年初|上年)(财政拨款)?结转(和结余)?$/.test(w)) return 'in';
  if (/^(年末|年终)(财政拨款)?结转(和结余)?$|^结转下年$/.test(w)) return 'out';
  if (/^本年收入(合计)?$/.test(w)) return 'income';
  if (/^(结转|结余|结转和结余)$/.test(w)) return 'unclear';
  return undefined;
}

/** The flow of a carry-over a list is opened by (年末财政拨款结转和结余 X，其中：…), from its words. */
function carryFlowOf(opener: string): Flow | undefined {
  const w = withoutSpaces(opener);
  if (!/结转/.test(w)) return undefined;
  return /年末|年终|结转下年/.test(w) ? 'out' : /年初|上年/.test(w) ? 'in' : undefined;
}

/** A flow's column in a table (年初结转和结余 | 本年收入 | 本年支出 | 年末结转和结余), where it prints one. */
function flowColumn(t: DetectedTable, flow: Flow): TableColumn | undefined {
  if (flow === 'unclear') return undefined;
  const test = flow === 'in' ? /^(年初|上年).*结转/ : flow === 'out' ? /^(年末|年终).*结转/ : /^本年收入/;
  return t.columns.find((col) => col.role === 'amount' && col.headerPath.some((l) => test.test(withoutSpaces(l))));
}

/** The rows' figures in the flow's column, of the tables printing one (none: not judged). */
function flowRows(rows: CodedRow[], flow: Flow | undefined): CodedRow[] | undefined {
  if (!flow) return undefined;
  const out: CodedRow[] = [];
  for (const r of rows) {
    const col = flowColumn(r.table, flow);
    if (col) out.push({ ...r, fact: factOf(figureAt(r.table, r.row, col.col)) });
  }
  return out.length > 0 ? out : undefined;
}

/** 本年收入 / 本年支出 with no 合计 or 总计: the year's side as a fund's sentence may also name it. */
const BARE_YEAR_SIDE = /本年(收入|支出)(?!合计|总计|小计)/;

/** The sentence a figure is in, up to the figure (of its paragraph's folded text). */
/**
 * A subject naming one unit of the department (某某局本级…, 所属单位…, or a unit's name other than the
 * department's right before its money words: 某某医疗保险中心收入预算).
 */
function ofAUnit(subject: string, department: string | undefined): boolean {
  const rest = department ? subject.split(department).join('') : subject;
  if (OWN_UNIT.test(rest)) return true;
  // (Only against a department the tables name: with none, the department's own name would read as a unit's.)
  const unit = department ? UNIT_BEFORE_MONEY.exec(rest.replace(LEADING_YEAR, '')) : null;
  // (全局收入预算 is the whole's: 全局 names no unit.)
  // (本院, 本局, and the department's short name, 海珠区司法局 for 广州市海珠区司法局: the department itself.)
  return !!unit && unit[1] !== department && !department!.endsWith(unit[1]) && !unit[1].endsWith(department!) && !WHOLE_AGAIN.test(unit[1]) && !unit[1].startsWith('本');
}
const OWN_UNIT = /本级|(?:所属|下属)(?:事业|行政)?单位|二级单位/;
/** The line 其中：财政拨款 under 一般公共预算, by its fact's name. */
const OF_WHICH_FISCAL = /其中[:：]?财政拨款/;

/** A sentence opening on a unit other than the department, before its money's words (所属某某检验所2024年度收入总计 …). */
function opensOnAUnit(sentence: string, department: string | undefined, hasUnits = true): boolean {
  const level = hasUnits ? OWN_UNIT_OPENING.exec(sentence) : null;
  if (level) return !namesWholeAgain(sentence.slice(level[0].length), department);
  if (!department) return false;
  const unit = UNIT_OPENING.exec(sentence);
  if (!unit || unit[2] === department || department.endsWith(unit[2]) || unit[2].endsWith(department)) return false;
  // A clause naming the whole again (…，全局收入总计 A; 本部门…): the department's.
  if (namesWholeAgain(sentence.slice(unit[0].length), department)) return false;
  // The sentence says it is one of the department's units (所属 / 下属).
  if (unit[1]) return true;
  // Else only a unit of a kind found under a department of this kind (a 中心 or 所 under a 局): a name of the department's own
  // kind or above it (渑池县医疗保障局 in 温县医疗保障局's narrative; the 局 over a 中心) is another's, copied in — and a court
  // is no one's unit. Their figures stay judged (text-department names them).
  return ofAKindUnder(unit[2], department);
}
/**
 * The paragraphs under a heading naming one of the department's units ((二)某某中心, 2.某某中心预算情况): that unit's,
 * down to the next heading of its rank or above.
 */
function unitSections(paragraphs: NarrativeParagraph[], department: string | undefined, hasUnits: boolean): boolean[] {
  const out: boolean[] = [];
  let rank = -1;
  for (const p of paragraphs) {
    if (p.heading) {
      const own = ordinalRank(p.text);
      if (rank >= 0 && own >= rank) rank = -1;
      const name = p.text.replace(HEADING_ORDINAL, '').replace(SECTION_WORDS, '').trim();
      // (Read as a sentence opening on that name would be: the same tests of a unit.)
      if (name && opensOnAUnit(`${name}收入`, department, hasUnits)) rank = own;
    }
    out.push(rank >= 0);
  }
  return out;
}
const HEADING_ORDINAL = /^[\s\u3000]*(?:第[一二三四五六七八九十]+部分|[一二三四五六七八九十]{1,3}[、.．]|[(（][一二三四五六七八九十\d]{1,3}[)）]|\d{1,2}[.、．])\s*/;
const SECTION_WORDS = /(?:(?:19|20)\d{2}年度?)?(?:部门|单位)?(?:收支)?(?:预算|决算)?(?:编制)?(?:情况|说明)*[：:。]?$/;

/** A name of a kind of unit found under a department of this one's kind (某某中心 under 某某局): its unit, as likely as not. */
export function ofAKindUnder(name: string, department: string): boolean {
  const own = UNIT_SUFFIX.exec(department)?.[0];
  const kind = UNIT_SUFFIX.exec(name)?.[0];
  return !!own && !!kind && UNDER[own]?.includes(kind) === true && !/(?:法院|检察院)$/.test(name);
}

/** The kinds of unit a name may end in (某某局, 某某中心, 某某检验所 …). */
const UNIT_KINDS = '局|中心|院|所|站|队|馆|处|厅|委员会|办公室';
const UNIT_SUFFIX = new RegExp(`(?:${UNIT_KINDS})$`);
/** The kinds of unit found under a department of each kind. */
const UNDER: Record<string, string[]> = {
  厅: ['局', '中心', '院', '所', '站', '队', '馆', '处'],
  委员会: ['中心', '院', '所', '站', '队', '馆', '处', '办公室'],
  局: ['中心', '院', '所', '站', '队', '馆', '处'],
  办公室: ['中心', '所', '站'],
  中心: ['所', '站', '队'],
  院: ['所', '站'],
};
const WHOLE_AGAIN = /全局|全部门|本部门|部门(?:合计|总计)|全系统|全委|全厅|汇总/;
/** The rest of a sentence opening on a unit names the whole again (…，全局收入总计 A; …；部门支出预算 B; the department's name). */
function namesWholeAgain(rest: string, department: string | undefined): boolean {
  return WHOLE_AGAIN.test(rest) || WHOLE_CLAUSE.test(rest) || (!!department && rest.includes(department));
}
/** Prose naming a department's units (所属单位, 下属事业单位, 二级单位, 由…组成, 纳入…决算编制范围的单位包括本级和…). */
const UNITS_NAMED = /所属|下属|二级单位|组成|本级和|包括[^。；;]{0,30}(?:单位|本级)|纳入[^。；;]{0,20}(?:预算|决算)/;
/** A clause after a semicolon opening on the department (…；部门支出预算 B): the whole's again. */
const WHOLE_CLAUSE = /[；;]\s*(?:(?:19|20)\d{2}年度?)?部门/;
// (The unit may head its sentence with a colon: 某某中心：收入预算 A.)
const UNIT_OPENING = new RegExp(
  `^[\\s，,]*(?:其中|另外|此外)?[\\s，,：:]*(所属|下属)?([\\u4e00-\\u9fa5]{2,24}?(${UNIT_KINDS}))(?:[：:]\\s*)?(?:(?:19|20)\\d{2}年度?)?(?:的)?(?:收入|支出|预算|决算|本年|全年|年初|一般公共预算|财政拨款|人员经费|公用经费|基本支出|项目支出)`,
);
/** A sentence opening on the department's own level or its units as a whole (本级收入预算 A，支出预算 B …). */
const OWN_UNIT_OPENING = /^[\s，,]*(?:其中|另外|此外)?[\s，,：:]*(?:(?:19|20)\d{2}年度?)?(?:本级|(?:所属|下属)(?:事业|行政)?单位|二级单位)/;
// (…or its part: 其中：本级人员经费 A，法律援助中心人员经费 B — the second unit's, as the first.)
const UNIT_BEFORE_MONEY = new RegExp(`^([\\u4e00-\\u9fa5]{2,24}?(?:${UNIT_KINDS}))(?:(?:19|20)\\d{2}年度?)?(?:收入|支出|预算|决算|本年|全年|年初|一般公共预算|财政拨款|人员经费|公用经费|基本支出|项目支出)`);
const LEADING_YEAR = /^[\s，,]*(?:(?:19|20)\d{2}年度?)?/;

/** The words of a paragraph from its last full stop up to `at` (a list's ； does not end it). */
function sinceStop(folded: string, at: number): string {
  const t = folded.slice(0, at);
  return t.slice(Math.max(t.lastIndexOf('。'), t.lastIndexOf('\n')) + 1);
}

/** The words since the last 。 or ；: a clause's own (项目支出中，… ；一般公共预算 … is no longer of 项目支出). */
function sentenceBefore(folded: string, at: number): string {
  const t = folded.slice(0, at);
  const k = Math.max(t.lastIndexOf('。'), t.lastIndexOf('；'), t.lastIndexOf(';'), t.lastIndexOf('\n'));
  return t.slice(k + 1);
}

/** The cells of the sums that fail inside the tables (a total and its parts), as sheet!cell. */
function cellsOfFailingSums(tables: DetectedTable[], strict: boolean): Set<string> {
  const out = new Set<string>();
  for (const t of tables) {
    if (t.kind === 'narrative' || t.kind === 'unknown') continue;
    const procurement = t.kind === 'government-procurement' ? procurementChecks(t) : [];
    for (const check of [...rowSumChecks(t), ...columnTotalChecks(t), ...codeHierarchyChecks(t), ...summaryLineChecks(t), ...procurement, ...vehicleSplitChecks(t), ...classTotalChecks(t)]) {
      const o = evaluate(check, strict);
      if (!o || o.consistent) continue;
      for (const f of [check.stated, ...check.parts]) {
        const ref = cellRef(f);
        out.add(`${ref.sheet}!${ref.cell}`);
      }
    }
  }
  return out;
}

/** The figure a claim stands for in the arithmetic of rates, shares and sums: the table's where the tables contradict it. */
/**
 * An amount of a claim's sentence (the figure itself, or one worked out from it) said back as the
 * text wrote it: in its unit with its decimals (上年 7,987,639.91元, not 798.763991 in 万元).
 */
export function asWritten(c: AmountClaim, wan: Decimal): MessageArg {
  const { unit, decimals: written } = writtenIn(c);
  // A figure worked out from others (a change, the year before) can be finer than the claim's own:
  // 增加 0.5 against 2 written whole is 0.5, not 1 — shown to two places at most, as money is.
  const exact = wan.div(WAN_PER_UNIT[unit]);
  const decimals = Math.max(written, Math.min(exact.decimalPlaces(), 2));
  return amountArg(exact.toDecimalPlaces(decimals, Decimal.ROUND_HALF_UP).toFixed(decimals), decimals, unit === '万元' ? undefined : unit);
}

/**
 * What a rate should be, said the way the text wrote the rate: in per cent (增长 5.95%), or as a multiple
 * (增长 0.60 倍; 是上年的 1.60 倍). `shown` is in per cent in the claim's own direction (下降 5% is 5).
 */
export function writtenRate(c: RateClaim, shown: Decimal): MessageArg {
  const d = Math.max(c.decimals + (c.times ? 2 : 0), 2);
  if (!c.times) return percentArg(shown.toDecimalPlaces(d, Decimal.ROUND_HALF_UP).toFixed(d), d);
  const signed = c.direction === 'down' ? shown.negated() : shown;
  const times = c.times === 'ratio' ? signed.div(100).plus(1) : signed.div(100);
  return amountArg(times.toDecimalPlaces(d, Decimal.ROUND_HALF_UP).toFixed(d), d, '倍');
}

/**
 * A growth rate ((本年 − 上年) ÷ 上年, in per cent) told as the claim was written: 下降 5% is 5, so what it
 * should be is told the same way; with the decimals it is judged to and as the finding's data string.
 */
export function rateAsWritten(c: RateClaim, exact: Decimal): { shown: Decimal; decimals: number; expected: string } {
  const shown = c.direction === 'down' ? exact.negated() : exact;
  const decimals = Math.max(c.decimals, 2);
  return { shown, decimals, expected: shown.toDecimalPlaces(decimals, Decimal.ROUND_HALF_UP).toFixed(decimals) };
}

/** A rate's figure as data (the finding's actual): in per cent, with the decimals it stands for. */
export function rateActual(c: RateClaim): string {
  return c.value.toFixed(Math.max(c.decimals, 0));
}

/** The unit a claim's figure was written in (元, 千元, 亿元; 万元 for any other) and its decimals in that unit. */
export function writtenIn(c: AmountClaim): { unit: '万元' | '元' | '千元' | '亿元'; decimals: number } {
  const unit = c.token.unit === '元' || c.token.unit === '千元' || c.token.unit === '亿元' ? c.token.unit : '万元';
  return { unit, decimals: unit === '万元' ? Math.max(c.decimals, 0) : Math.max(c.token.decimals, 0) };
}

/** An amount in 万元 put in the unit the claim was written in, rounded to its decimals (half away from zero). */
export function inWrittenUnit(c: AmountClaim, wan: Decimal): Decimal {
  const { unit, decimals } = writtenIn(c);
  return wan.div(WAN_PER_UNIT[unit]).toDecimalPlaces(decimals, Decimal.ROUND_HALF_UP);
}

export function standing(ctx: NarrativeContext, c: AmountClaim): Printed {
  const f = ctx.contradicted.get(c);
  return f ? { value: c.value.isNegative() ? f.value.abs().negated() : f.value.abs(), decimals: f.decimals } : { value: c.value, decimals: c.decimals };
}

/**
 * The coded rows a level-marked subject names (法院（款）行政运行（项）): rows named like the last
 * element, under a row named like the element before it when there is one. A 类 is matched by its
 * class words, so an older name (医疗卫生与计划生育) is the same 类 as its successor.
 */
export function resolvePath(c: AmountClaim, coded: CodedRow[]): CodedRow[] {
  const last = c.path[c.path.length - 1];
  const parent = c.path.length > 1 ? c.path[c.path.length - 2] : undefined;
  const parents = parent ? atLevel(rowsNamedBy(coded, parent.name), parent.level) : [];
  const isUnder = (r: CodedRow) => parents.some((p) => p.table === r.table && r.code.startsWith(p.code) && p.code.length < r.code.length);
  const named = rowsNamedBy(coded, last.name);
  // Tables that print only 项 rows (the code in 类 | 款 | 项 columns, names on the 项 rows) have no row named like
  // its 款: the 项 is found under the 类 its class words give, where that is one code.
  // (With no 类 in the path, 医疗保障补助（款）…的补助（项）: the 项 where the tables print it as one line, as its name alone would be.)
  if (parent && parents.length === 0) return c.path.some((p) => p.level === '类') ? underItsClass(c.path, atLevel(named, last.level)) : oneLineAt(atLevel(named, last.level), last.level);
  // (…and so in the tables printing no row of its 款 while another does: 02 with its 类 and 款 lines, 03 and 05 their 项 only.)
  const withParents = new Set(parents.map((p) => p.table));
  const elsewhere = parent ? underItsClass(c.path, atLevel(named.filter((r) => !withParents.has(r.table)), last.level)) : [];
  const under = [...atLevel(parent ? named.filter(isUnder) : named, last.level), ...elsewhere];
  if (under.length || !parent) return under;
  // A name that matches no row under its parent (一般行政事务管理 for 一般行政管理事务): the one row
  // there with the stated amount is meant — the wording rule then names the slip.
  // (Only a row of a parent's table can be under it: the rest are passed over on their table.)
  const parentTables = new Set(parents.map((p) => p.table));
  const byAmount = coded.filter((r) => parentTables.has(r.table) && isUnder(r) && r.code.length === (parents[0]?.code.length ?? 0) + 2 && r.fact.value.minus(c.value).abs().lte(halfUnit(Math.min(c.decimals, r.fact.decimals)).times(2)));
  const tables = new Set(byAmount.map((r) => r.table));
  const codes = new Set(byAmount.map((r) => r.code));
  return codes.size === 1 && tables.size >= 1 ? byAmount : [];
}

/**
 * The rows of a 款 or 项 a subject names bare, with no level mark (社会保险经办机构支出 A; a bare measure after the
 * name heading it, 1.社会保险经办机构。支出决算为 B): only where the name is the row's to the character — or the row's
 * with 支出 after it — (no shortening: 案件审判经费 is no 案件审判, 机关事业单位基本养老保险缴费 no …缴费支出), names no
 * concept of the disclosure's own (基本支出, 公用经费; a 类 by its words only where no 类 row is printed under this
 * very name), is no project's or economic item's name the tables print too (城乡医疗救助 a project of 132 beside the
 * 项 of 524; 住房公积金 the econ 款 30113), and is one subject in every table that prints it: one code, or a 款 and
 * its 项 of one name (其他科学技术支出) — 行政运行 under two 款 names neither.
 */
export function bareNameRows(c: AmountClaim, coded: CodedRow[], reading: { finalAccounts: boolean }, otherNames: () => { projects: Set<string>; items: Set<string> }): CodedRow[] {
  const written = c.headName !== undefined && (!c.subject || BARE_MEASURE.test(c.subject)) ? c.headName : c.subject.replace(YEARS, '').replace(MEASURE_TAIL, '');
  // (A measure's words alone, 支出 or 预算数, name nothing; nor does a row printed with no name.)
  if (written.length < 2 || BARE_MEASURE.test(written)) return [];
  const exact = exactName(written);
  const compared = comparedName(written);
  const rows = rowsNamed(coded, compared, (r) => r.level !== '类' && r.name.length >= 2 && (exactName(r.name) === exact || `${exactName(r.name)}支出` === exact));
  if (!rows.length || !oneLine(rows)) return [];
  const other = otherNames();
  if (other.items.has(exact) || other.projects.has(exact.replace(OWN_SUFFIX, ''))) return [];
  const concept = conceptOf(written, reading);
  if (concept !== undefined && !(concept.startsWith('class:') && !coded.some((r) => r.level === '类' && r.compared === compared))) return [];
  return rows;
}

/** What a project's or an item's name may end in that a subject's does not. */
const OWN_SUFFIX = /(?:支出|经费|项目|资金)$/;

/**
 * The names of the rows of projects (项目支出表, 政府采购表: 城乡医疗救助, 案件审判经费), by what they may be called
 * (经费, 项目, 支出 taken off), and of the economic items (301, 30113 住房公积金 …) as printed.
 */
function projectAndItemNames(tables: DetectedTable[]): { projects: Set<string>; items: Set<string> } {
  const projects = new Set<string>();
  const items = new Set<string>();
  for (const t of tables) {
    const ofProjects = t.kind === 'project-expenditure' || t.kind === 'government-procurement';
    for (const r of t.rows) {
      if (ofProjects) projects.add(exactName(r.label).replace(OWN_SUFFIX, ''));
      if (r.econCode || r.govEconCode) items.add(exactName(r.label));
      for (const g of r.groupItems ?? []) if (g.econCode) items.add(exactName(g.label));
    }
  }
  projects.delete('');
  return { projects, items };
}

/** Do the words before a part's name (社会保险经办机构 | 基本支出) name a subject the tables print: a 类, 款 or 项? */
function subjectBeforePart(subject: string, coded: CodedRow[], reading: { finalAccounts: boolean }): boolean {
  const at = subject.search(SPLIT_PART);
  const before = at > 0 ? subject.slice(0, at).replace(YEARS, '').replace(/[的之]$/, '') : '';
  if (before.length < 2) return false;
  const compared = comparedName(before);
  return conceptOf(before, reading)?.startsWith('class:') === true || rowsNamed(coded, compared, (r) => r.compared === compared).length > 0;
}

/** Are the rows' codes all on one line of descent (20699 and 2069999), so that they name one subject? */
function oneLine(rows: CodedRow[]): boolean {
  const codes = [...new Set(rows.map((r) => r.code))].sort((a, b) => a.length - b.length);
  return codes.every((code, k) => k === 0 || code.startsWith(codes[k - 1]));
}

/** A measure's words after a subject's name (行政运行支出决算数为, 行政运行预算): not the name. */
const MEASURE_TAIL = /(?:(?:本年|全年|当年)?(?:年初|调整后?的?)?(?:预算|决算)(?:数|支出)?)?(?:为|是|达)?$/;

/**
 * A path's rows where no row is named like the element before its last: those under the 类 it names (by its class
 * words: 卫生健康支出（类）… → 210), where they are one subject (one code, or a 款 and its 项 of one name); none
 * where the path names no 类 or the 类 holds the name under two 款 (行政运行 of 2100101 and 2101501).
 */
/** Rows of one line, at the path's level (a 项 named so): else none. */
function oneLineAt(rows: CodedRow[], level: CodedRow['level']): CodedRow[] {
  return rows.length > 0 && rows.every((r) => r.level === level) && oneLine(rows) ? rows : [];
}

function underItsClass(path: AmountClaim['path'], named: CodedRow[]): CodedRow[] {
  const lei = path.find((p) => p.level === '类');
  const code = lei ? classNamed(lei.name) : null;
  if (!code) return [];
  const rows = named.filter((r) => r.code.startsWith(code) && r.code.length > code.length);
  return rows.length > 0 && oneLine(rows) ? rows : [];
}

/**
 * Rows of one name at the level the path gives it, where there are such: a 款 and its 项 may share a
 * name (其他科学技术支出（款）其他科学技术支出（项）), and a 类 matches by its class words. (A level
 * written wrong still finds its row: the wording rule names the level.)
 */
export function atLevel(rows: CodedRow[], level: CodedRow['level']): CodedRow[] {
  return rows.some((r) => r.level === level) ? rows.filter((r) => r.level === level) : rows;
}

export function nameMatches(r: CodedRow, name: string): boolean {
  return namedBy(name)(r);
}

/** rows.filter((r) => nameMatches(r, name)), the name's side worked out once for all the rows. */
export function rowsMatching(rows: CodedRow[], name: string): CodedRow[] {
  return rows.filter(namedBy(name));
}

/** coded.filter(namedBy(name)), asked only of the rows that may match (codedByName.ts). */
function rowsNamedBy(coded: CodedRow[], name: string): CodedRow[] {
  const compared = comparedName(name);
  return rowsNamed(coded, compared, namedBy(name, compared), () => classNamed(name));
}

/** The code of the 类 a name names by its class words (as namedBy tells a 类 row), null when none. */
function classNamed(name: string): string | null {
  const lei = conceptOf(`${name}（类）支出`, { finalAccounts: false });
  return lei !== undefined && lei.startsWith('class:') ? lei.slice('class:'.length) : null;
}

/**
 * nameMatches for one name against many rows (every coded row of the disclosure): the name's side of
 * the comparison — its compared form, the 类 its class words give — worked out once, not per row.
 */
function namedBy(name: string, compared = comparedName(name)): (r: CodedRow) => boolean {
  let lei: string | undefined | null = null;
  return (r) => {
    if (sameCompared(r.compared, compared)) return true;
    if (r.level !== '类') return false;
    if (lei === null) lei = conceptOf(`${name}（类）支出`, { finalAccounts: false });
    return lei === `class:${r.code}`;
  };
}

export function paragraphCell(ctx: NarrativeContext, index: number): CellRef {
  const p = ctx.paragraphs[index];
  return { sheet: p.sheet, cell: cellAddress(p.row, p.col) };
}

/** The words of a claim as printed, for quoting (at most 24 characters, cut at the front). */
const LEADING_MARKS = /^[.．、)）,，:：;；\s]+/;

export function quote(ctx: NarrativeContext, c: { paragraph: number; start: number; end: number }): string {
  // (A claim starts after the figure before it: after an item's number (1. | 1、 | （1）) its mark is no part of the words.)
  const text = ctx.paragraphs[c.paragraph].text.slice(c.start, c.end).trim().replace(LEADING_MARKS, '');
  return text.length > 24 ? `…${text.slice(text.length - 23)}` : text;
}
