import { textMemo } from '../textMemo';
import { toHalfWidth } from '../amount';
import { charSet, cleanEndsWith, cleansTo, hasSpace, isOneOf, lastNonSpaceCode, opensWithLetter, opensWithOneOf } from './charTests';

/**
 * Label text as people type it into headers and row names: line breaks, stray spaces and
 * full-width spaces inside (`一般公共预\n算`, `合 计`) carry no meaning and are removed.
 */
export function cleanLabel(s: string): string {
  // Most labels hold no space at all: a test is much cheaper than a global replace that finds nothing
  // (and a loop over the characters cheaper than a pattern's call).
  return hasSpace(s) ? s.replace(SPACES, '') : s;
}

const SPACES = /[\s\u00a0\u3000]+/g;

/**
 * A label folded for keyword matching: cleaned, full-width letters/digits/brackets to ASCII.
 * (Each row's texts are folded by several tests — caption, title, form number, note — once each;
 * a long paragraph is folded afresh rather than kept.)
 */
export function foldLabel(s: string): string {
  return foldedLabel(s);
}

/** Texts longer than this are folded afresh each time they are asked (a paragraph is not kept). */
const LONGEST_KEPT = 200;

const foldedLabel = textMemo((s) => toHalfWidth(cleanLabel(s)), 20_000, LONGEST_KEPT);

/** Folded characters enough for every pattern read at a label's start below (部门(单位)名称： is 9). */
const OPENING = 16;

/**
 * The start of a label as folded, for a test that reads no further (a pattern anchored at its
 * start, matching at most a dozen characters): the whole label folded, or at least OPENING of its
 * folded characters. Folding goes character by character (a space dropped, a wide form narrowed),
 * so the folded start of a label is the start of the folded label. A paragraph (a note of three
 * hundred characters, a narrative's lines) is asked by several such tests: it is folded afresh for
 * each, and a few dozen characters of it are enough.
 */
function foldedOpening(text: string): string {
  if (text.length <= LONGEST_KEPT) return foldedLabel(text);
  // Twice as many characters as needed, and more while spaces have eaten them (a paragraph indented by a run of spaces).
  for (let end = 2 * OPENING; ; end *= 2) {
    if (end >= text.length) return foldedLabel(text);
    const opening = toHalfWidth(cleanLabel(text.slice(0, end)));
    if (opening.length >= OPENING) return opening;
  }
}

/**
 * 合计 / 总计 rows, and the grand totals of groups (人员经费合计): the cleaned label is 合计, 总计,
 * 共计, 总合计 or 本年合计, or ends in 合计 or 总计 — that is, it ends in 合计 or 总计, or is 共计.
 * Told from the label's last characters, spaces passed over: a paragraph holding 计 (统计, 计划) is
 * not copied without its spaces to be asked.
 */
export function isTotalLabel(label: string): boolean {
  if (!label.includes('计')) return false;
  // (合计： with a colon, as a form's label cell may be typed.)
  const l = label.includes('：') || label.includes(':') ? label.replace(TRAILING_COLON, '') : label;
  return cleanEndsWith(l, '合计') || cleanEndsWith(l, '总计') || cleansTo(l, '共计');
}
const TRAILING_COLON = /[:：][\s\u3000]*$/;

/**
 * 小计, and the 小计 of a named group (电子设备小计, 家具小计). The year lines of a summary table
 * (本年收入小计, 当年支出小计) are lines of their own, not group subtotals.
 */
export function isSubtotalLabel(label: string): boolean {
  if (!label.includes('小计')) return false;
  const l = cleanLabel(label);
  return /^小计$/.test(l) || (/^[^\d]{1,20}小计$/.test(l) && !/^(本年|当年|上年|年初|年末|本期)/.test(l));
}

/** What a statistic line opens with, after any spaces (/^[\s\u00a0\u3000]*[平均人占比百增排名最]/, told by character). */
const STATISTIC_OPENING = charSet('平均人占比百增排名最');

/** Rows of figures about the others, never their parts: 平均, 均值, 占比, 增长率, 排名 … */
export function isStatisticLabel(label: string): boolean {
  // Asked of every word cell of a body: the cheap look at its first character (after spaces) first.
  if (!opensWithOneOf(label, STATISTIC_OPENING)) return false;
  return /^(平均|均值|人均|占比|比例|百分比|比重|增长率|增幅|排名|名次|最高|最低|最大|最小)/.test(cleanLabel(label));
}

/** The words a count's name ends in (团组数, 人次, 批次, 保有量 …). */
const COUNT_WORDS = '团组数?|人次数?|批次|保有量|购置数|车辆数|人数|次数';

/**
 * A line of a count by its name (因公出国（境）团组数（个）, 公务用车保有量（辆）, 国内公务接待批次, …人数): its words, or a count of
 * people or groups in brackets. A thing's unit alone (办公设备（台）, 车辆（辆）, 房屋（平方米）) is the unit of a 数量 column
 * beside the line's money, no count line.
 */
export const COUNT_LINE = new RegExp(`[\\u4e00-\\u9fff）)]{2}(?:${COUNT_WORDS}|保有数|购置数量|数量)(?:[（(][^（()）]{1,3}[）)])?$|[\\u4e00-\\u9fff]{2}[（(](?:个|人|人次|批次)[）)]\\s*$`);

/**
 * A column's header that is a count: a count's words ending it (因公出国（境）团组数, 国内公务接待批次, 公务用车保有量) or a
 * count's unit in brackets ending it (…（个）, …（人）, …（辆）, …（台、套）), after a name (a 计量单位 cell of its own, 台（套） or
 * 人次, names no column).
 */
export const COUNT_LABEL = new RegExp(`[\\u4e00-\\u9fff]{2}(?:${COUNT_WORDS})[）)]?$|[\\u4e00-\\u9fff]{2}[（(](?:个|人|辆|台|套|台、套|台（套）|次|批|人次|批次)[）)]\\s*$`);

/** What a numbered line opens with, after any spaces (/^[\s\u3000]*[一二三四五六七八九十(（]/, told by character). */
const ENUMERATION_OPENING = charSet('一二三四五六七八九十(（');

/** Numbered lines of side-by-side tables: 一、一般公共预算 / （一）一般公共服务支出. */
export function isEnumeratedLine(label: string): boolean {
  // Cheap first look: numbered lines open with a numeral or a bracket (after indentation).
  if (!opensWithOneOf(label, ENUMERATION_OPENING)) return false;
  const l = foldLabel(label);
  return /^[一二三四五六七八九十]+、/.test(l) || /^\([一二三四五六七八九十]+\)/.test(l);
}

/** Form numbers written above a table: 预算03表, 公开06表, YS03, 附表3. */
export function isFormNumber(text: string): boolean {
  // (Asked of every word of a header row: told by a character or two before any pattern.)
  if (text.length > 16 || !(text.includes('表') || opensWithLetter(text))) return false;
  const t = foldLabel(text);
  return (
    /^(预算|决算|公开|部门预算|单位预算|部门决算|附)?表?\d{1,2}(-\d{1,2})?表$/.test(t) ||
    /^(YS|JS|GK)-?\d{1,2}$/i.test(t) ||
    /^附表\d{1,2}(-\d{1,2})?$/.test(t) ||
    /^表\d{1,2}(-\d{1,2})?$/.test(t)
  );
}

/** The number in a form number (预算05表 → 5), for the last-resort disambiguation. */
export function formNumberValue(text: string): number | null {
  const m = /(\d{1,2})(-\d{1,2})?表?$/.exec(foldLabel(text));
  return m ? Number(m[1]) : null;
}

/**
 * What every title wording below needs, told by a character or two before folding: it ends (but for
 * spaces, which folding drops) in 表, a bracket (表(…)), 明 (情况说明), 算 or 况 ((预算|决算)(情况)?),
 * or in 费 / 出 with 经 in it (运行经费, 运行经费支出); or it holds 第 (第二部分, after a prefix).
 * A body line's name (一般公共服务支出, 行政运行) is most often none, asked as a row of one word.
 */
function mayBeTitle(text: string): boolean {
  const last = lastNonSpaceCode(text);
  if (isOneOf(last, TITLE_LAST)) return true;
  if ((last === FEI || last === CHU) && text.includes('经')) return true;
  return text.includes('第');
}

/** A 绩效目标表's indicator header cell (一级指标 | 二级指标 | 三级指标 | 指标值): no budget table's word. */
export const INDICATOR_HEADER = /^\s*([一二三]级指标|指标值|年度指标值|实际完成值)\s*$/;

const TITLE_LAST = charSet('表)）明算况');
const FEI = 0x8d39; // 费
const CHU = 0x51fa; // 出

/** A title's words without the unit caption typed after them in its cell (…总表（单位：万元）, …总表  单位：万元, …总表\n单位：万元). */
export function withoutUnitCaption(text: string): string {
  return text.replace(UNIT_CAPTION_AFTER, '');
}
const UNIT_CAPTION_AFTER = /[\s\u3000]*[（(]?\s*(?:金额)?单位\s*[:：]\s*(?:人民币)?(?:万元|元|千元|亿元)\s*[)）]?[\s\u3000]*$/;

/** A header's words without the unit written after them (合计（万元）, 预算数(元), 决算数（单位：万元）). */
export function withoutUnitMark(label: string): string {
  return label.includes('元') ? label.replace(UNIT_MARK_AFTER, '') : label;
}
const UNIT_MARK_AFTER = /[（(](?:单位[:：])?(?:人民币)?(?:万元|元|千元|亿元)[)）][\s\u3000]*$/;

/** A form-number prefix written before a title: 附表1：, 表1-1 , 表一、 */
const TITLE_PREFIX = /^((附表|表)[\d一二三四五六七八九十]+(-\d+)?[:：、.]?|[一二三四五六七八九十]+、|\d{1,2}[.、．])/;

/** A table title: one short line naming a table (…预算表, …决算表, …情况表, …运行经费). */
export function looksLikeTitle(text: string): boolean {
  if (text.length > 80) return false;
  // (The unit caption typed after it in the same cell, 收支预算总表（单位：万元）, or on its second line, is no part of it.)
  const own = text.includes('单位') ? withoutUnitCaption(text) : text;
  if (!mayBeTitle(own)) return false;
  const t = foldLabel(own).replace(TITLE_PREFIX, '');
  if (t.length < 4 || t.length > 60) return false;
  if (/[。；;]/.test(t) || /^(注|说明|备注)/.test(t)) return false;
  if (/[:：]/.test(t)) return false;
  return (
    // A part heading (第二部分) opens a new block, as a title does.
    /^第[一二三四五六七八九十百\d]+部分/.test(t) ||
    /表(\([^()]{1,12}\))?$/.test(t) ||
    /运行经费(表|支出)?$/.test(t) ||
    /情况说明$/.test(t) ||
    /(预算|决算)(情况)?$/.test(t) && /(收支|收入|支出|经费)/.test(t)
  );
}

const CAPTION_DEPARTMENT = /^(部门|单位|部门名称|单位名称|编制单位|编制部门|预算单位|填报单位|编报单位|部门\(单位\)(名称)?|单位\(部门\)(名称)?|预算部门|主管部门)[:：]/;

/**
 * The department a table's captions name (部门：…, 单位名称：…, 编制部门：…), the name either after
 * the colon or, when the caption cell ends with it, in the next cell of the row.
 */
export function departmentIn(texts: string[]): string | undefined {
  for (let i = 0; i < texts.length; i++) {
    const t = foldLabel(texts[i]).replace(/^\(/, '');
    const m = CAPTION_DEPARTMENT.exec(t);
    if (!m) continue;
    const name = (t.slice(m[0].length) || (texts[i + 1] ? foldLabel(texts[i + 1]) : '')).replace(/[)）]$/, '');
    // (单位：千元 names the unit, not the department.)
    if (name && !UNIT_WORD.test(name) && !looksLikeCaption(name)) return name;
  }
  return undefined;
}

/** A unit of money, or of what a table counts (单位：个、人次、辆 over the 三公 table's statistics; 单位：平方米、台（套）). */
const UNIT_WORD = /^(?:(?:人民币)?(?:万元|元|千元|亿元|百万元)|(?:个|人|人次|辆|台|套|台\(套\)?|次|批|批次|项|户|家|名|平方米|㎡|m2|亩|公顷|万人次)(?:[、,，/](?:个|人|人次|辆|台|套|台\(套\)?|次|批|批次|项|户|家|名|平方米|㎡|m2|亩|公顷|万人次))*)$/;

/** The fiscal year a title or caption names (2024年度, 2018 年, 2023年部门决算): undefined when none. */
export function yearIn(text: string | undefined): number | undefined {
  // A year is written before 年, which no folding brings in: a text without it (most of a
  // preamble's captions, most titles) is told before it is folded.
  if (!text || !text.includes('年')) return undefined;
  const m = /(20\d{2})\s*年/.exec(toHalfWidth(text));
  return m ? Number(m[1]) : undefined;
}

/**
 * The department a title names between its year and the table's own name (2018 年度江苏省高级人民法院
 * 收支预算总表 → 江苏省高级人民法院); undefined for a generic word (部门, 本单位) or none.
 */
export function departmentInTitle(title: string | undefined): string | undefined {
  if (!title) return undefined;
  const t = foldLabel(title).replace(TITLE_PREFIX, '');
  const m = /20\d{2}年度?(.+?)(部门|单位)?(收支|收入|支出|财政拨款|一般公共预算|政府性基金|国有资本|"三公"|“三公”|三公|项目|机关|基本支出|政府采购|预算|决算)/.exec(t);
  // (…or a kind of spending heading the table's own name: 2024年项目支出绩效目标表 names no department 项目.)
  const name = m?.[1]?.replace(/^(部门|单位|本部门|本单位|项目|部门项目|重点项目)$/, '');
  return name && name.length >= 2 ? name : undefined;
}

/**
 * What every caption wording below needs: a colon or 元 beside a 单位, 部门 or year (单位：万元,
 * 部门：…, 单位 万元), or 年 with digits (2023年度). Folding only drops spaces and narrows full-width
 * forms (：to :, ２ to 2), so it never brings one of them in. One pass over the characters: most
 * header words (单位名称, 部门预算, 本年收入, 上年结转) have neither, and are told without folding.
 */
function mayBeCaption(text: string): boolean {
  let mark = false;
  let year = false;
  let colonOrYuan = false;
  let digit = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === YEAR) year = true;
    else if (c === WEI || c === MEN) mark = true;
    else if (c === COLON || c === WIDE_COLON || c === YUAN) colonOrYuan = true;
    else if ((c >= 0x30 && c <= 0x39) || (c >= 0xff10 && c <= 0xff19)) digit = true;
    else continue;
    // Told as soon as it is so: a paragraph of prose (2018年… in its first line) is not read to its end.
    if ((colonOrYuan && (mark || year)) || (year && digit)) return true;
  }
  return false;
}

const YEAR = 0x5e74; // 年
const WEI = 0x4f4d; // 位
const MEN = 0x95e8; // 门
const YUAN = 0x5143; // 元
const COLON = 0x3a;
const WIDE_COLON = 0xff1a;

/** Caption lines between title and header: 单位：万元, 部门名称：…, 2023年度. */
export function looksLikeCaption(text: string): boolean {
  // A print or date stamp a finance system's export puts in the caption row (打印时间：2024-01-15 10:23:45).
  if (isDateStamp(text)) return true;
  // The unit alone in brackets (（万元）, (元)) or after 单位 in them (单位（万元）, 金额单位（万元）): a caption, 单位 unsaid.
  if (text.length <= 12 && /[元]/.test(text) && /[（(]/.test(text) && BRACKETED_CAPTION.test(foldLabel(text))) return true;
  // Asked of every word of every header and title row: most are no caption, told without folding.
  if (!mayBeCaption(text)) return false;
  // (The two wordings read to the end match a few characters in all: a label folded to OPENING or
  // more, the start of a longer one, is neither, read in full or in part.)
  const t = foldedOpening(text).replace(/^\(/, '');
  return (
    /^(金额)?单位[:：]/.test(t) ||
    CAPTION_DEPARTMENT.test(t) ||
    /^\d{4}年度?$/.test(t) ||
    /^(单位|金额单位)?[:：]?(万元|元|千元|亿元)$/.test(t) && /单位/.test(t)
  );
}

const BRACKETED_CAPTION = /^(?:(?:金额)?单位)?\((?:金额)?(?:单位[:：]?)?(?:人民币)?(?:万元|千元|亿元|元)\)$/;

/**
 * A print or date stamp (打印时间：2024-01-15 10:23:45, 编制日期：2024年1月15日, a date alone, 第1页 共1页), as a
 * finance system's export prints one beside the captions or under the table: no header word, no figure.
 * Told first by a character a date or a stamp's label needs (- / . 年 期 间 页 and a digit or a colon).
 */
export function isDateStamp(text: string): boolean {
  if (text.length > 40 || !DATE_MARK.test(text)) return false;
  const t = foldLabel(text);
  return DATE_STAMP_LABEL.test(t) || DATE_ONLY.test(t) || isPageLine(text);
}
const DATE_MARK = /[-/.年期间页]/;
const DATE_STAMP_LABEL = /^(打印时间|打印日期|编制日期|制表日期|填报日期|报送日期|导出时间|导出日期|日期|时间)[:：]/;
const DATE_ONLY = /^\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?(\d{1,2}:\d{2}(:\d{2})?)?$/;

/** What a note or footer opens with, after any spaces (told by character, see charTests.ts). */
const NOTE_OPENING = charSet('注说备附单财部负制填审经复联第共编打');

/** Notes under a table: 注：…, 说明：…, 备注：… */
export function looksLikeNote(text: string): boolean {
  // Asked of the first cell of every body row: a note or footer opens with one of a few words
  // (注 说明 备注 附注, 单位负责人 … 联系电话, 第…页 共…页), told by its first character before any folding.
  if (!opensWithOneOf(text, NOTE_OPENING)) return false;
  if (looksLikeFooter(text)) return true;
  if (!/^[\s\u3000]*[注说备附]/.test(text)) return false;
  return /^(注|说明|备注|附注)[:：.、\d]/.test(foldedOpening(text));
}

/** Sign-off and page lines under a table (单位负责人：…, 制表人：…, 第1页): kept with the notes. */
export function looksLikeFooter(text: string): boolean {
  if (!/[人期话页间]/.test(text)) return false;
  const t = foldedOpening(text);
  return /^(单位负责人|财务负责人|部门负责人|负责人|制表人|填表人|审核人|经办人|复核人|制表日期|填报日期|编制日期|打印时间|打印日期|联系电话)[:：]/.test(t) || isPageLine(text);
}

/** A page's number as printed under it (第 2 页 共 3 页, 共3页 第2页, 第2页/共3页). */
export function isPageLine(text: string): boolean {
  if (text.length > 24) return false;
  // (A PDF's footer as a converter writes it into the grid: 「- 3 -」, 「3/10」.)
  if (!/页/.test(text)) return PAGE_NUMBER.test(text.trim());
  return /^第\d+页([,，/]?共\d+页)?$|^共\d+页/.test(foldLabel(text));
}
const PAGE_NUMBER = /^[-—–－]\s*\d{1,4}\s*[-—–－]$|^\d{1,4}\s*[/／]\s*\d{1,4}$/;

/** The money unit stated in a caption: 单位：万元 → 万元. */
export function unitIn(text: string): '万元' | '元' | '千元' | '亿元' | undefined {
  const t = foldLabel(text);
  const m = /单位[:：]?\(?(万元|千元|亿元|元)/.exec(t) ?? BRACKETED_UNIT.exec(t) ?? /^(万元|千元|亿元|元)$/.exec(t);
  if (m) return m[1] as '万元' | '元' | '千元' | '亿元';
  return undefined;
}

/** The unit alone in brackets, as a caption (（万元）, (元), （单位：万元）): folded, so half-width brackets. */
const BRACKETED_UNIT = /^\((?:金额)?(?:单位[:：]?)?(?:人民币)?(万元|千元|亿元|元)\)$/;

/** The table says it has no data (本表无数据 / 无…数据 / 本表为空). */
export function declaresEmpty(text: string): boolean {
  // Every wording below names the table (表) or its data (数据), and says 无 or 空: a text without both is none.
  // (A character class scans a text faster than a loop over its characters: a title has a dozen.)
  if (!/[表据]/.test(text) || !/[无空]/.test(text)) return false;
  const t = cleanLabel(text);
  return /[本此该]表无数据|故[本此该]表(为空|无数据)|无.{0,20}数据|[本此该]表为空表?|空表/.test(t);
}

/** A note saying there was nothing to show (没有…支出, 无此项…): empty when no amount is shown. */
export function saysNothingToShow(text: string): boolean {
  // Every wording below opens with 没 / 无 / 未 / 不: a text with none of them is none.
  if (!/[没无未不]/.test(text)) return false;
  const t = cleanLabel(text);
  return /没有.{0,40}(支出|收入|经费|安排)|无此项|未安排|不涉及|无相关/.test(t);
}

/** Names of budget units (医疗保障局, 医疗保障服务中心): unit rows, not economic items. */
export function looksLikeUnitName(label: string): boolean {
  const l = cleanLabel(label);
  if (l.length < 2) return false;
  if (/(支出|费|金|补助|资金|缴费|经费|工资|奖金|津贴|公积金|补贴|事务|机构|运行)$/.test(l)) return false;
  // 某某局本级, 某某局机关, 某某局（本级）: the department's own unit.
  return /(局|中心|院|所|站|队|馆|处|厅|委|委员会|办|室|部|会|社|校|学|园|台|团|单位|公司|集团|署|司|行|协会)$|(本级|机关)[)）]?$/.test(l);
}

/** What a code before a name opens with, after any spaces (/^\s*[\d０-９[【(（［]/, told by character). */
const CODE_FIRST = charSet('0123456789０１２３４５６７８９[【(（［');

/**
 * A unit's code written before its name in the name cell (118001 某某局本级, 【118001】某某局,
 * [309]医疗保障局): the code and the name, or undefined. A 款 or 项 code of the functional ranges
 * before a name (2100302乡镇卫生院, 2070104图书馆) is a subject, never a unit.
 */
export function unitCodeBeforeName(label: string): { code: string; name: string } | undefined {
  // Asked of every row's name: most begin with a word, and are none.
  if (!opensWithOneOf(label, CODE_FIRST)) return undefined;
  const m = /^(?:[[【(（](\d{3,12})[\]】)）]|(\d{3,12}))(.*)$/.exec(toHalfWidth(cleanLabel(label)));
  if (!m) return undefined;
  const code = m[1] ?? m[2];
  const name = m[3].replace(/^[:：.、．-]+/, '');
  if (!/^[\u4e00-\u9fff]/.test(name) || /^[万元年月日号个人次辆台套件家名项类款]/.test(name)) return undefined;
  // (A 类's 3-digit code before a unit's name is a department's own code, 210 某县卫生和计划生育委员会: no 类 is named so.)
  if (/^2[0-3]\d(\d{2}){1,2}$/.test(code)) return undefined;
  return looksLikeUnitName(name) ? { code, name } : undefined;
}

/**
 * Words of header cells (项目, 金额, 科目编码, 类, 本年收入, 公务接待费 …): a text-only row
 * made mostly of them is a header row. Body lines of that kind are numbered (一、…) or carry
 * amounts, so they never reach this test.
 */
const HEADER_WORDS = /代码|编码|名称|项目|金额|合计|总计|小计|行次|栏次|预算|决算|类型|收入|支出|经费|分类|基金|结转|结余|费$|^[类款项]$/;

export function isHeaderWord(label: string): boolean {
  return HEADER_WORDS.test(cleanLabel(label));
}
