import type { Finding } from '../finding';
import { countArg, codeArg, message, messageArg, nameArg, quoteArg } from '../messages/message';
import type { AmountClaim } from '../narrative/claims';
import { atLevel, nameMatches, narrativeContext, ofAKindUnder, rowsMatching, type NarrativeContext } from '../narrative/context';
import type { CodedRow } from '../narrative/facts';
import { codedByTable } from '../narrative/codedByTable';
import { narrativeFinding, paragraphHead } from '../narrative/findingOf';
import { judgeAmount } from '../narrative/judge';
import type { RuleSpec } from './toolkit/ruleSpec';

/**
 * The narrative's words against the tables and against themselves: a subject named otherwise than
 * the tables name its code, a 款 called （类）, template text left in (XX局, 待填写, （按…填写）,
 * 增加（减少）), a year that is not the document's (a budget compared with its own year), a department
 * that is not the tables'. All warnings: wording, not figures.
 */

/** Subjects' names and levels, where the narrative names them with （类）（款）（项）. */
function subjectWording(ctx: NarrativeContext, findings: Finding[]): void {
  // The elements told of, by paragraph and then name, with the levels they were told at (a key string
  // made per element, paragraph|name|level, cost more than the rest of this loop: the names are the
  // claims' own strings, hashed once).
  const seen = new Map<number, Map<string, string>>();
  ctx.claims.forEach((c, i) => {
    if (c.kind !== 'amount' || !c.path.length || c.reason) return;
    const resolved = ctx.resolved.get(i);
    // Each element of the path: the row it names (the resolved row and its ancestors).
    const rows = resolved?.rows ?? [];
    const row = rows[0];
    for (let k = 0; k < c.path.length; k++) {
      const el = c.path[k];
      const target = rowFor(ctx, c, k, row);
      if (!target) continue;
      let told = seen.get(c.paragraph);
      if (!told) seen.set(c.paragraph, (told = new Map()));
      const levels = told.get(el.name) ?? '';
      if (levels.includes(el.level)) continue;
      told.set(el.name, levels + el.level);
      if (target.level !== el.level) {
        findings.push(
          narrativeFinding(ctx, {
            rule: 'text-subject-level',
            severity: 'warning',
            paragraph: c.paragraph,
            subject: 'label',
            actual: `${el.name}（${el.level}）`,
            expected: `${el.name}（${target.level}）`,
            against: [{ sheet: target.table.sheet, cell: target.fact.cells[0].cell }],
            message: message('text.level', { ...paragraphHead(ctx, c.paragraph), actual: nameArg(`${el.name}（${el.level}）`), code: codeArg(target.code), level: nameArg(target.level), expected: nameArg(`${el.name}（${target.level}）`) }),
          }),
        );
      }
      if (k === c.path.length - 1 && !nameMatches(target, el.name)) {
        findings.push(
          narrativeFinding(ctx, {
            rule: 'text-subject-name',
            severity: 'warning',
            paragraph: c.paragraph,
            subject: 'label',
            actual: `${el.name}（${el.level}）`,
            expected: `${target.name}（${target.level}）`,
            against: [{ sheet: target.table.sheet, cell: target.fact.cells[0].cell }],
            message: message('text.name', { ...paragraphHead(ctx, c.paragraph), actual: nameArg(`${el.name}（${el.level}）`), expected: nameArg(`${target.name}（${target.level}）`) }),
          }),
        );
      }
    }
  });
}

/** The row the k-th element of a claim's path names: the resolved row for the last, its ancestor by name for the others. */
function rowFor(ctx: NarrativeContext, c: AmountClaim, k: number, row: CodedRow | undefined): CodedRow | undefined {
  if (!row) return undefined;
  if (k === c.path.length - 1) return row;
  // (Of its own table's coded rows: filtering the whole disclosure's per element was most of this check.)
  const ancestors = (codedByTable(ctx.facts.coded).of(row.table)?.rows ?? []).filter((r) => row.code.startsWith(r.code) && r.code.length < row.code.length);
  return atLevel(rowsMatching(ancestors, c.path[k].name), c.path[k].level)[0];
}

/** Template text left in: XX局, ××, 待填写, （按…填写）, 增加（减少）. */
const PLACEHOLDERS = [
  /[XＸ×xｘ*＊]{2,}[\u4e00-\u9fff]{0,6}/g,
  // (An empty bracket or one X where a figure goes: 共有车辆【】辆, 接待来访团组 X 个, X 万元.)
  /【\s*】[\u4e00-\u9fff]{0,2}/g,
  /(?<![A-Za-z\dＡ-Ｚａ-ｚ])[XＸ](?=\s*(?:万元|亿元|元|个|辆|人次|人|名|批次|台|项|%|％))[\s\u4e00-\u9fff%％]{0,3}/g,
  /待(填写|补充|填报|完善)/g,
  /[（(]按[^（()）]{1,60}填写[)）]/g,
  /(增加|增长|上升)\s*[（(](减少|下降|降低)[)）]/g,
  /(增加|增长)\s*[/／]\s*(减少|下降)/g,
];

/**
 * What every hit of PLACEHOLDERS holds (two X-like marks, 待填写…, （按, （减少）…, /减少…): one pass
 * over a paragraph tells most of them there is nothing to look for, not five. (Not 待 or 按 alone:
 * 待遇 and 按照 are in most narratives.)
 */
const PLACEHOLDER_MARK = /[XＸ×xｘ*＊]{2}|待(?:填写|补充|填报|完善)|[（(]按|[（(](?:减少|下降|降低)[)）]|[/／]\s*(?:减少|下降)|【\s*】|[XＸ]\s*(?:万元|亿元|元|个|辆|人|名|批次|台|项|%|％)/;

function placeholders(ctx: NarrativeContext, findings: Finding[]): void {
  ctx.paragraphs.forEach((p, i) => {
    const text = p.folded;
    if (!PLACEHOLDER_MARK.test(text)) return;
    const hits = new Set<string>();
    for (const re of PLACEHOLDERS) {
      re.lastIndex = 0;
      for (let m = re.exec(text); m; m = re.exec(text)) hits.add(p.text.slice(m.index, m.index + m[0].length));
    }
    if (hits.size === 0) return;
    // One finding a paragraph: a sentence of the template (增加（减少）… 增长（减少）…) is one thing to rewrite.
    const quote = [...hits].map((hit) => (hit.length > 24 ? `${hit.slice(0, 23)}…` : hit)).join('、');
    findings.push(
      narrativeFinding(ctx, {
        rule: 'text-placeholder',
        severity: 'warning',
        paragraph: i,
        subject: 'text',
        actual: [...hits].join('、'),
        expected: null,
        message: message('text.placeholder', { ...paragraphHead(ctx, i), quote: quoteArg(quote) }),
      }),
    );
  });
}

/**
 * The document's year: a budget of year Y compared with "Y年预算" (its own year), or a final account
 * of year Y with "与Y年相比", names the wrong year — an old document's text carried over.
 */
function years(ctx: NarrativeContext, findings: Finding[]): void {
  const y = ctx.year;
  if (!y) return;
  const own = String(y);
  ctx.paragraphs.forEach((p, i) => {
    const text = p.folded;
    // (Only the document's own year is told: a paragraph that never writes it has nothing to tell.)
    if (!text.includes(own)) return;
    const re = /(比|较|与|同)\s*((19|20)\d{2})\s*年(度)?(预算|决算)?(数)?(相比|比较|持平|一致)?/g;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      if (Number(m[2]) !== y) continue;
      // Final accounts compare the year's figures with the same year's budget: that is right.
      if (ctx.finalAccounts && m[5] === '预算') continue;
      const phrase = p.text.slice(m.index, m.index + m[0].length);
      findings.push(yearFinding(ctx, i, phrase, phrase.replace(String(y), String(y - 1))));
    }
  });
}

/** 「phrase」 names the wrong year: this is the document of ctx.year. */
function yearFinding(ctx: NarrativeContext, paragraph: number, phrase: string, expected: string): Finding {
  const kind = ctx.finalAccounts ? 'doc.final-accounts' : 'doc.budget';
  const quote = phrase.length > 40 ? `${phrase.slice(0, 39)}…` : phrase;
  return narrativeFinding(ctx, {
    rule: 'text-year',
    severity: 'warning',
    paragraph,
    subject: 'text',
    actual: phrase,
    expected,
    message: message('text.year', { ...paragraphHead(ctx, paragraph), quote: quoteArg(quote), year: codeArg(String(ctx.year)), kind: messageArg(kind) }),
  });
}

/**
 * A year that dates the document's own subject but is not the document's: in a heading or the
 * title (某某局2023年部门预算情况说明, 一、2023年收支预算总体情况说明 in a 2024 budget), or at the
 * head of a sentence stating the document's figures (2023年某某局收入总计…). Text carried over from
 * last year's document. A year compared with (比/较/与2023年), a range (2023—2025年), a sentence
 * that also names the document's year, or a heading about last year's execution is history, not
 * a slip.
 */
const YEAR = /((?:19|20)\d{2})\s*年(度)?/g;
const NOT_SUBJECT_BEFORE = /(比|较|与|同|和|及|至|到|从|自|截至|截止|[-—–~～至]\s*)$/;
const NOT_SUBJECT_AFTER = /^\s*(以来|以前|之前|前|末|底|初|[-—–~～至到])/;
// Words of a heading or sentence about another time or another document: history, not a slip.
const HISTORY = /执行|完成|实施|以来|对比|相比|比较|回顾|总结|整改|会议|规划|纲要|通知|意见|目录|办法|条例|占用|资产|绩效/;
const SUBJECT = /^(?:[\u4e00-\u9fa5]{0,20}?)(部门|单位|收入|支出|收支|财政拨款|一般公共预算|政府性基金|国有资本|“三公”|"三公"|三公|机关运行|政府采购)/;
const CHANGE = /比|较|相比|同比|增加|减少|增长|下降|持平|上年|去年/;

function subjectYears(ctx: NarrativeContext, findings: Finding[]): void {
  const y = ctx.year;
  if (!y) return;
  // The document's own year, however spaced (2024年, 2024 年).
  const ownYear = ownYearPattern(y);
  const report = (i: number, phrase: string, year: string) => findings.push(yearFinding(ctx, i, phrase, phrase.replace(year, String(y))));
  const dep = ctx.department;
  ctx.paragraphs.forEach((p, i) => {
    const text = p.folded.trim();
    if (p.heading) {
      if (HISTORY.test(text) || (!ctx.finalAccounts && /决算/.test(text)) || ownYear.test(text)) return;
      const wrong = otherYears(text, y)[0];
      if (wrong) report(i, p.text.trim(), wrong);
      return;
    }
    // A sentence that opens with another year and goes on to the document's own subject, in a
    // paragraph that does not name the document's year (then the other year is a comparison).
    // (A sentence can open on a year only where the paragraph writes one: most write 上年, 年初 and no year.)
    if (ownYear.test(text) || !text.includes('年') || !YEAR_WRITTEN.test(text)) return;
    let at = p.folded.length - p.folded.trimStart().length;
    for (const sentence of text.split(/(?<=[。；;！!？?])/)) {
      const [from, to] = [at, at + sentence.length];
      at = to;
      // (A sentence naming no 年 opens on no year.)
      if (!sentence.includes('年')) continue;
      // The department may head the sentence before its year (某某局2023年度收入…, 本部门2023年…).
      const opened = sentence.replace(/^\s*(?:[一二三四五六七八九十]+、|[(（][一二三四五六七八九十\d]{1,3}[)）]|\d{1,2}[.、](?!\d))?\s*/, '');
      const body = (dep && sentence.includes(dep) ? withoutOpening(opened, dep) : opened.replace(OWN_UNIT_FIRST, '')).replace(OWN_UNIT_FIRST, '');
      const m = /^((?:19|20)\d{2})\s*年度?[，,、\s]*/.exec(body);
      if (!m || Number(m[1]) === y || NOT_SUBJECT_AFTER.test(body.slice(m[0].length))) continue;
      const subject = SUBJECT.exec(body.slice(m[0].length));
      if (!subject || CHANGE.test(body)) continue;
      // The subject must be the year's own (2023年中央经济工作会议要求各部门… is about a meeting), and
      // a budget's sentence on last year's 决算 is history.
      if (HISTORY.test(subject[0]) || HISTORY.test(body) || (!ctx.finalAccounts && /决算/.test(body))) continue;
      // Its figures are that year's, not the document's (2024年“三公”经费预算 830.00 where the tables print
      // 830.00 as 2024年预算数 and this year's is another): the sentence is about that year.
      if (notThisYears(ctx, i, from, to)) continue;
      // A sentence stating none of the tables' figures (2023年，本部门认真贯彻…; 2023年本部门共有车辆2辆) is history told in
      // a budget, not the document's figures under another year.
      if (!statesTablesFigure(ctx, i, from, to)) continue;
      report(i, sentence.trim().length > 40 ? `${sentence.trim().slice(0, 39)}…` : sentence.trim(), m[1]);
      break;
    }
  });
}

/**
 * The document's year however spaced (2024年, 2024 年), a pattern made once per year: made per audit,
 * compiling it was half of this check. (A pattern, not an answer: a process meets a handful of years.)
 */
function ownYearPattern(year: number): RegExp {
  let re = OWN_YEAR_PATTERNS.get(year);
  if (!re) OWN_YEAR_PATTERNS.set(year, (re = new RegExp(`${year}\\s*年`)));
  return re;
}

const OWN_YEAR_PATTERNS = new Map<number, RegExp>();

/**
 * The text without the department's name opening it and the spaces after (某某局 2023年… → 2023年…): told
 * by comparing the text's opening, not by a pattern escaped and compiled from the name every audit.
 */
function withoutOpening(text: string, name: string): string {
  return text.startsWith(name) ? text.slice(name.length).replace(LEADING_SPACES, '') : text;
}

const LEADING_SPACES = /^\s*/;
const OWN_UNIT_FIRST = /^(?:本部门|本单位)\s*/;
/** A year written (2023年, 2023 年): what a sentence opening on a year opens with. */
const YEAR_WRITTEN = /(?:19|20)\d{2}\s*年/;

/**
 * A sentence (paragraph i, from…to) with a figure the tables hold for this year under its subject, that
 * meets none of them: its figures are of the year it names.
 */
function notThisYears(ctx: NarrativeContext, i: number, from: number, to: number): boolean {
  return ctx.claims.some((c, k) => {
    if (c.kind !== 'amount' || c.paragraph !== i || c.start < from || c.end > to || c.reason) return false;
    const facts = ctx.resolved.get(k)?.facts ?? [];
    return facts.length > 0 && !facts.some((f) => judgeAmount({ value: c.value, decimals: c.decimals }, f) === 'consistent');
  });
}

/** Does the sentence (paragraph i, from…to) state a figure of one of the tables' subjects? */
function statesTablesFigure(ctx: NarrativeContext, i: number, from: number, to: number): boolean {
  return ctx.claims.some((c, k) => c.kind === 'amount' && c.paragraph === i && c.start >= from && c.end <= to && (ctx.resolved.get(k)?.facts.length ?? 0) > 0);
}

/** The years in a text that are not `y` and date no comparison, range or point before. */
function otherYears(text: string, y: number): string[] {
  const out: string[] = [];
  YEAR.lastIndex = 0;
  for (let m = YEAR.exec(text); m; m = YEAR.exec(text)) {
    if (Number(m[1]) === y) continue;
    if (NOT_SUBJECT_BEFORE.test(text.slice(Math.max(0, m.index - 4), m.index))) continue;
    if (NOT_SUBJECT_AFTER.test(text.slice(m.index + m[0].length))) continue;
    out.push(m[1]);
  }
  return out;
}

/**
 * The department the narrative names as its subject (江苏省高级人民法院 2018 年度收入…) against the
 * department of the tables: another unit's name is text carried over from another document.
 */
const ORG = /([\u4e00-\u9fa5]{2,20}?(?:局|中心|法院|检察院|医院|学院|大学|院|委员会|办公厅|办公室|厅|站|所|馆|队))(?=\s*(?:(?:19|20)\d{2}\s*年|部门|单位|本年|财政拨款|收入|支出|一般公共预算|“三公”|机关运行|政府采购|预算|决算))/g;

/** A unit's place, opening its name (三门峡市, 渑池县, 河南省). */
/** One level of a place (河南省, 杭州市, 西湖区, 渑池县). */
const PLACE_LEVEL = /^[\u4e00-\u9fa5]{2,3}?(?:省|自治区|市|区|县)/;

/** The place a unit's name opens on, every level of it (中共杭州市西湖区, 河南省三门峡市): '' for none. */
function placePrefix(name: string): string {
  const start = name.startsWith('中共') ? 2 : 0;
  let at = start;
  for (let level = 0; level < 3; level++) {
    const m = PLACE_LEVEL.exec(name.slice(at));
    if (!m) break;
    at += m[0].length;
  }
  return at > start ? name.slice(0, at) : '';
}

/** What every match of ORG holds: a unit's suffix and the words after it. */
const ORG_END = /(?:局|中心|法院|检察院|医院|学院|大学|院|委员会|办公厅|办公室|厅|站|所|馆|队)(?=\s*(?:(?:19|20)\d{2}\s*年|部门|单位|本年|财政拨款|收入|支出|一般公共预算|“三公”|机关运行|政府采购|预算|决算))/;

/** …as a search from where ORG stands (its lastIndex on). */
const ORG_END_FROM = new RegExp(ORG_END.source, 'g');

/**
 * ORG's next match from its lastIndex, ORG started no further back than a name's length before the
 * next unit's suffix: started at every character of the text, its lazy name tried each length up to 20
 * there before the suffix — most of this check. A match's suffix stands 2 to 20 characters after its
 * start, and ORG_END matches where it stands; so no match starts before the first such place less 20,
 * and ORG started there finds the match it finds started at its lastIndex.
 */
function nextUnitName(text: string): RegExpExecArray | null {
  const from = ORG.lastIndex;
  ORG_END_FROM.lastIndex = from + 2;
  const suffix = ORG_END_FROM.exec(text);
  if (!suffix) return null;
  ORG.lastIndex = Math.max(from, suffix.index - 20);
  return ORG.exec(text);
}

function departments(ctx: NarrativeContext, findings: Finding[]): void {
  const dep = ctx.department;
  if (!dep) return;
  // The units a consolidated disclosure lists (its tables' unit rows) are its own.
  // (Gathered when a name is first held against them: most narratives name no other unit.)
  let unitsKept: string[] | undefined;
  const units = () => (unitsKept ??= ctx.tables.flatMap((t) => t.rows.filter((r) => r.role === 'unit').map((r) => r.label)).filter(Boolean));
  const core = (s: string) => s.slice(placePrefix(s).length);
  // Two places named (渑池县 against 三门峡市; 杭州市上城区 against 杭州市西湖区), neither within the other: another unit of
  // the same kind.
  const placeOf = (s: string) => placePrefix(s).replace(/^中共/, '') || undefined;
  const placedApart = (name: string, of: string) => {
    const a = placeOf(name);
    const b = placeOf(of);
    return !!a && !!b && !a.includes(b) && !b.includes(a) && !of.includes(a);
  };
  const elsewhere = (name: string) => placedApart(name, dep);
  const subjectNamed = (name: string) => ctx.facts.coded.some((r) => r.name === name || r.name === `${name}支出`);
  // The paragraphs saying what the department is made of (由…组成, 所属单位包括, 下属…): the units they name are its own.
  let makeUpKept: string[] | undefined;
  const ownUnit = (name: string) => (makeUpKept ??= ctx.paragraphs.map((p) => p.folded).filter((t) => MADE_UP_OF.test(t))).some((t) => t.includes(name));
  // Each other name once, at its first paragraph, with how many times it is written.
  const named = new Map<string, { paragraph: number; times: number }>();
  ctx.paragraphs.forEach((p, i) => {
    if (p.aside) return;
    const text = p.folded;
    // (The name's pattern is started only near a unit's suffix meeting the words after it: nextUnitName.)
    ORG.lastIndex = 0;
    for (let m = nextUnitName(text); m; m = nextUnitName(text)) {
      // (所属某某检验所, 所属事业单位某某中心: the text names it as one of the department's own.)
      if (/^(?:年度|年|度)?(?:所属|下属)/.test(m[1])) continue;
      const name = m[1].replace(/^(年度|年|度)/, '').replace(/^(本|我|该|各|全|由|经|在|向|对|为|是|和|与|及)/, '');
      if (name.length < 4 || dep.includes(name) || name.includes(dep)) continue;
      if ((core(name) === core(dep) || dep.includes(core(name))) && !elsewhere(name)) continue;
      if (shortNameOf(name, dep)) continue;
      if (units().some((u) => u.includes(name) || name.includes(u) || (core(u) === core(name) && !placedApart(name, u)))) continue;
      // A subject's name ending like a unit (其他法院支出, 公立医院支出): a heading of the classification, no unit.
      if (name.startsWith('其他') || CLASSIFIED_UNITS.test(name) || subjectNamed(name)) continue;
      // A unit the narrative itself names as one of the department's (…预算由本级和某某法院组成; 所属单位包括…), or one of
      // a kind found under it in the same place (某某中心 in 某某局's: 本级…，某某中心一般公共预算拨款 B).
      if (ownUnit(name) || (ofAKindUnder(name, dep) && !elsewhere(name))) continue;
      // Only a name at the head of a sentence or paragraph: others are named in passing (由省社保中心发放).
      const before = text.slice(Math.max(0, m.index - 12), m.index);
      if (before && !/(^|[。；;，,：:]|\d{4}\s*年度?|^[\s\d.、（）()一二三四五六七八九十]*)$/.test(before)) continue;
      const seen = named.get(name);
      if (seen) seen.times++;
      else named.set(name, { paragraph: i, times: 1 });
    }
  });
  for (const [name, { paragraph, times }] of named) {
    findings.push(
      narrativeFinding(ctx, {
        rule: 'text-department',
        severity: 'warning',
        paragraph,
        subject: 'label',
        actual: name,
        expected: dep,
        message: message('text.department', { ...paragraphHead(ctx, paragraph), quote: quoteArg(name), expected: nameArg(dep), ...(times > 1 ? { times: countArg(times) } : {}) }),
      }),
    );
  }
}

/** Subjects of the functional classification named after a kind of unit (公立医院, 乡镇卫生院: 2100201, 2100302 …). */
const CLASSIFIED_UNITS = /^(?:公立|综合|中医(?:[（(]民族[）)])?|传染病|职业病防治|精神病|妇幼保健|儿童|福利|行业|专科)医院$|^乡镇卫生院$/;

/** Words saying what a department is made of: the units named with them are its own. */
const MADE_UP_OF = /组成|所属单位|下属单位|二级单位|包括[^。；;]{0,30}(?:单位|本级)|纳入[^。；;]{0,20}(?:预算|决算)/;

/**
 * A short name of the department itself (市医保服务中心 for 三门峡市医疗保障服务中心): its characters in the
 * full name's order, ending as it ends. Another unit's name (渑池县医疗保障服务中心, 市医疗保障局) is not.
 */
function shortNameOf(name: string, dep: string): boolean {
  if (name[name.length - 1] !== dep[dep.length - 1] || name.length >= dep.length) return false;
  let k = 0;
  for (const ch of dep) if (ch === name[k]) k++;
  return k === name.length;
}

export const narrativeWording: RuleSpec = {
  id: 'text-subject-name',
  emits: { 'text-subject-name': 'warning', 'text-subject-level': 'warning', 'text-placeholder': 'warning', 'text-year': 'warning', 'text-department': 'warning' },
  collect: ({ tables, config }) => {
    const ctx = narrativeContext(tables, config);
    if (!ctx) return {};
    const findings: Finding[] = [];
    subjectWording(ctx, findings);
    placeholders(ctx, findings);
    years(ctx, findings);
    subjectYears(ctx, findings);
    departments(ctx, findings);
    return { findings };
  },
};
