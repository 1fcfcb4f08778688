import type { Finding } from '../finding';
import { message, quoteArg } from '../messages/message';
import { narrativeContext, quote, type NarrativeContext } from '../narrative/context';
import { narrativeFinding, paragraphHead } from '../narrative/findingOf';
import type { RuleSpec } from './toolkit/ruleSpec';

/**
 * A change and the reason given for it pulling opposite ways: “比2024年预算增加2.50万元 … 主要原因是厉行节约，
 * 严控“三公”经费支出”. The 三公 table prints no year before, so no figure can say which way it went; the
 * words can: a reason that speaks only of cutting (厉行节约, 压减, 严控, 减少 …) explains a decrease, one
 * that speaks only of adding (新增, 增加, 提高, 购置 …) an increase. Where the reason's words all point one
 * way and the change the other, the direction may have been written the wrong way round (增加 for 减少), or
 * the reason left from another year: a warning, since words, not figures, say so. A reason of mixed words
 * (公务接待费减少，公务用车运行费增加) or of none says nothing.
 */
const REASON = /主要原因[是为系：:]?|原因[是为系][：:]?|主要是由于|主要是因为|主要系|由于|因为/g;
/**
 * Words that move money one way: verbs of spending cut or added, or money named with its rise or fall
 * (项目资金增加, 补贴减少). Not a count (退休人员增加 lowers the 住房公积金), not 购置 (办公设备购置费 is an expense).
 */
// (Not 收入, 支出, 预算 or 拨款 alone: one source taking another's place — 事业收入减少，财政拨款相应弥补 —
// moves the two opposite ways by nature.)
const MONEY = '(?:资金|经费|费用|补助|补贴|费)等?(?:有所|相应|大幅|较大幅度)?';
const CUTTING = new RegExp(`厉行节约|过紧日子|压减|压缩|严控|严格控制|缩减|削减|核减|调减|节支|精简|${MONEY}(?:减少|下降|降低)`, 'g');
const ADDING = new RegExp(`追加|调增|提标|补发|新增[^，。；,;]{0,10}?(?:资金|经费|费|项目|支出|补助)|${MONEY}(?:增加|增长|提高|上升|上涨)`, 'g');
/**
 * A reason that the years are not comparable (统计口径与上年不一致), that speaks of a year by name or of the
 * year before or of what ended (2023年追加专项资金; 上年追加的一次性资金本年不再安排), or of one money taking
 * another's place (改由一般公共预算安排, 资金结转): its words tell no direction of this year's change.
 */
// (Nor a reason that brings spending into the count, 将公务用车运行维护费纳入统计范围, or grants the other way, 虽然办公费有所压减，
// 但总体有所增加: the words of one side are not the change's direction.)
// (So does money moved from one place to another — 压减项目支出，将公务用车运行维护费调整至机关运行经费; 调入基本支出;
// 由项目支出调减至基本支出列支: one side's cut is the other's rise.)
const UNTELLING = /口径|纳入|范围|虽然|虽|尽管|不可比|无可比性|上年|去年|上一年|(?:19|20)\d\d年|一次性|不再|结束|到期|已完成|改由|弥补|替代|转列|结转|调整[至到]|调[入出至]|调[减增]至|转[入出]|由[^，。；,;]{1,16}?(?:调|转)/;
/** A rise that words of curbing hold (遏制…增长, 增长得到控制): the object of the curbing, not a rise. */
const CURBED_BEFORE = /(?:控制|遏制|抑制|防止|杜绝|避免|遏止|制止|严控)[^，。；,;]{0,8}$/;
const CURBED_AFTER = /^[^，。；,;]{0,4}?(?:得到|受到|被)?(?:了)?(?:有效|明显|较好)?(?:的)?(?:控制|遏制|抑制)/;
/** A word negated (未增加, 不再压减) tells nothing of the direction. */
const NEGATION = /[未不无没非]$/;

export const narrativeReasons: RuleSpec = {
  id: 'narrative-reason',
  emits: { 'narrative-reason': 'warning' },
  collect: ({ tables, config }) => {
    const ctx = narrativeContext(tables, config);
    if (!ctx) return {};
    const findings: Finding[] = [];
    const told = new Set<string>();
    // A change whose rate says the other way is told already (narrative-change): one slip, one finding.
    const ratedOtherwise = new Set<number>();
    for (const x of ctx.claims) {
      if (x.kind !== 'rate' || x.of === undefined) continue;
      const change = ctx.claims[x.of];
      if (change.kind === 'change' && change.direction !== x.direction) ratedOtherwise.add(x.of);
    }
    ctx.claims.forEach((c, i) => {
      if (c.kind !== 'change' || c.reason || c.direction === 'same' || ratedOtherwise.has(i)) return;
      if (ctx.paragraphs[c.paragraph].aside) return;
      const reason = reasonAfter(ctx, i);
      if (!reason || UNTELLING.test(reason.text)) return;
      // One finding a reason: two changes of one sentence explained by it are one slip of wording.
      const key = `${c.paragraph}|${reason.at}`;
      if (told.has(key)) return;
      const cutting = wordsIn(reason.text, CUTTING);
      const adding = wordsIn(reason.text, ADDING);
      const against = c.direction === 'up' ? cutting.length > 0 && adding.length === 0 : adding.length > 0 && cutting.length === 0;
      if (!against) return;
      told.add(key);
      const said = quote(ctx, c);
      const words = (c.direction === 'up' ? cutting : adding).slice(0, 3).join('、');
      findings.push(
        narrativeFinding(ctx, {
          rule: 'narrative-reason',
          severity: 'warning',
          paragraph: c.paragraph,
          subject: 'text',
          actual: said,
          expected: null,
          message: message(c.direction === 'up' ? 'text.reason-cutting' : 'text.reason-adding', {
            ...paragraphHead(ctx, c.paragraph),
            actual: quoteArg(said),
            reason: quoteArg(words),
          }),
        }),
      );
    });
    return { findings };
  },
};

/**
 * The reason given for claim `index`: from the first reason words after it in its paragraph to the end of
 * that sentence — unless another change or rate comes first (the reason is then that one's).
 */
function reasonAfter(ctx: NarrativeContext, index: number): { at: number; text: string } | undefined {
  const c = ctx.claims[index];
  const text = ctx.paragraphs[c.paragraph].folded;
  REASON.lastIndex = c.end;
  const m = REASON.exec(text);
  if (!m) return undefined;
  for (let k = index + 1; k < ctx.claims.length; k++) {
    const x = ctx.claims[k];
    if (x.paragraph !== c.paragraph || x.start >= m.index) break;
    // Its own rate (增加 A 万元，增长 r%) belongs to the same change.
    if ((x.kind === 'change' || x.kind === 'rate') && !('reason' in x && x.reason) && !(x.kind === 'rate' && x.of === index)) return undefined;
  }
  const end = text.indexOf('。', m.index);
  return { at: m.index, text: text.slice(m.index + m[0].length, end < 0 ? text.length : end) };
}

/** The direction words of a reason, those negated left out. */
function wordsIn(reason: string, words: RegExp): string[] {
  const out: string[] = [];
  words.lastIndex = 0;
  for (let m = words.exec(reason); m; m = words.exec(reason)) {
    if (NEGATION.test(reason.slice(0, m.index))) continue;
    // A rise kept down (有效遏制了费用增长, 接待费用增长得到有效控制, 防止费用上升) is no rise.
    if (words === ADDING && (CURBED_BEFORE.test(reason.slice(0, m.index)) || CURBED_AFTER.test(reason.slice(m.index + m[0].length)))) continue;
    out.push(m[0]);
  }
  return [...new Set(out)];
}
