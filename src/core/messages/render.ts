import Decimal from 'decimal.js';
import { displayAmount } from '../amount';
import type { ExplainedCheck, Finding } from '../finding';
import { CATALOGUES, type Language, type MessageKey } from './catalogue';
import type { Message, MessageArg } from './message';

export type { Language } from './catalogue';

/** The longest sentence a finding may be, in characters (a Chinese character counts one). */
export const MAX_SENTENCE = 80;

interface RenderOptions {
  /** Per name argument, the length it is shortened to (with …); absent ones stay whole. */
  limits?: Map<MessageArg, number>;
}

/** A line's ordinal (一、 （一） 1. 其中：): the first words to go when a name must be shorter. */
const ORDINAL = /^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[)）]|\d+[、.．]|其中[：:])\s*/;

function shorten(s: string, max: number | undefined): string {
  if (max === undefined || s.length <= max) return s;
  // 「一、一…」 names nothing: the ordinal goes first, then the tail of the words.
  const words = s.replace(ORDINAL, '');
  if (words.length <= max) return words;
  return `${words.slice(0, Math.max(1, max - 1))}…`;
}

function renderArg(a: MessageArg, lang: Language, o: RenderOptions): string {
  switch (a.t) {
    case 'amount':
      try {
        return `${displayAmount(new Decimal(a.v), a.d)}${a.u ?? ''}`;
      } catch {
        return `${a.v}${a.u ?? ''}`;
      }
    case 'percent':
      return `${a.v}%`;
    case 'code':
    case 'cell':
    case 'table':
      return a.v;
    case 'name':
    case 'quote':
      return shorten(a.v, o.limits?.get(a));
    case 'n':
      return String(a.v);
    case 'list': {
      const items = a.items.map((x) => renderArg(x, lang, o));
      if (items.length <= 1) return items[0] ?? '';
      const and = CATALOGUES[lang]['detail.and']({}, {});
      const sep = lang === 'zh-CN' ? '、' : ', ';
      const space = lang === 'zh-CN' ? '' : ' ';
      return `${items.slice(0, -1).join(sep)}${space}${and}${space}${items[items.length - 1]}`;
    }
    case 'msg':
      return renderWith(a.v, lang, o);
  }
}

function renderWith(m: Message, lang: Language, o: RenderOptions): string {
  const template = CATALOGUES[lang][m.key as MessageKey];
  if (!template) throw new Error(`message key not in the ${lang} catalogue: ${m.key}`);
  const s: Record<string, string> = {};
  for (const [k, v] of Object.entries(m.args)) s[k] = renderArg(v, lang, o);
  return template(s, m.args);
}

/** The name and quote arguments of a message, nested ones included. */
function namesIn(m: Message, out: MessageArg[] = []): MessageArg[] {
  const visit = (a: MessageArg) => {
    if (a.t === 'name' || a.t === 'quote') out.push(a);
    else if (a.t === 'list') a.items.forEach(visit);
    else if (a.t === 'msg') namesIn(a.v, out);
  };
  Object.values(m.args).forEach(visit);
  return out;
}

/** A message in one language, names kept whole. */
export function render(m: Message, lang: Language): string {
  return renderWith(m, lang, {});
}

/**
 * A finding's one sentence. In Chinese it must fit MAX_SENTENCE characters: long names (a
 * column path, a long row label) are shortened step by step until it does. `bare` leaves out
 * the leading table and cell, for outputs that show them beside the sentence (the CLI's cell
 * column, a note on the cell itself).
 */
/** A shortened name keeps this many characters (with its ordinal dropped first): enough to tell a line. */
const MIN_NAME = 6;

export function renderSentence(m: Message, lang: Language, options: { bare?: boolean } = {}): string {
  let text = renderWith(m, lang, {});
  if (lang === 'zh-CN' && text.length > MAX_SENTENCE) {
    // Shorten the longest name first, by what the sentence is over, never below six characters.
    const names = namesIn(m);
    const limits = new Map<MessageArg, number>();
    for (let round = 0; round < 2 * names.length + 2 && text.length > MAX_SENTENCE; round++) {
      const current = (a: MessageArg) => Math.min(limits.get(a) ?? Infinity, (a as { v: string }).v.length);
      const longest = [...names].sort((a, b) => current(b) - current(a))[0];
      if (!longest || current(longest) <= MIN_NAME) break;
      limits.set(longest, Math.max(MIN_NAME, current(longest) - (text.length - MAX_SENTENCE)));
      text = renderWith(m, lang, { limits });
    }
  }
  if (options.bare && m.args.table && m.args.cell) {
    // (A quote from the text opens right after its cell: 情况说明 A34「…」.)
    const prefix = `${renderArg(m.args.table, lang, {})} ${renderArg(m.args.cell, lang, {})}`;
    if (text.startsWith(`${prefix} `)) text = text.slice(prefix.length + 1);
    else if (text.startsWith(`${prefix}「`)) text = text.slice(prefix.length);
  }
  return text;
}

/** The finding's sentence in both languages (the JSON's `message`). */
export function findingText(f: Finding): { 'zh-CN': string; en: string } {
  return { 'zh-CN': renderSentence(f.message, 'zh-CN'), en: renderSentence(f.message, 'en') };
}

/** One explained check for the details: the relation, both figures, the gap, the band and the intervals. */
export function renderCheck(c: ExplainedCheck, lang: Language, decimals: number): string {
  const amount = (v: string | null): MessageArg => (v === null ? { t: 'msg', v: { key: 'detail.empty', args: {} } } : { t: 'amount', v, d: decimals });
  const interval = (i: [string, string]) => `[${i[0]}, ${i[1]}]`;
  return renderWith(
    {
      key: 'detail.check',
      args: {
        relation: { t: 'msg', v: c.relation },
        stated: amount(c.stated.value),
        sum: amount(c.sum),
        diff: { t: 'amount', v: c.difference, d: decimals },
        tolerance: { t: 'code', v: c.tolerance },
        si: { t: 'code', v: interval(c.statedInterval) },
        pi: { t: 'code', v: interval(c.sumInterval) },
        meet: { t: 'msg', v: { key: c.consistent ? 'detail.meet' : 'detail.apart', args: {} } },
      },
    },
    lang,
    {},
  );
}
