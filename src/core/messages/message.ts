/**
 * A sentence as data: a catalogue key and typed arguments. Each language's catalogue
 * (zh-CN.ts, en.ts) turns it into words once, in render.ts; nothing downstream parses a
 * rendered sentence back. Arguments carry their type so each language formats them its way:
 * an amount gets thousands separators, a code never does.
 */
export type MessageArg =
  /** Money, as a plain decimal string ("912.63"), shown with `d` decimals; `u` the unit written after it (元), where one is. */
  | { t: 'amount'; v: string; d: number; u?: string }
  /** A rate or share in percentage points ("5.95" → 5.95%). */
  | { t: 'percent'; v: string; d: number }
  /** A subject code (2080109), a unit code: never formatted as money. */
  | { t: 'code'; v: string }
  /** A name in the table's own words (a line, a column, a subject): shortened when long. */
  | { t: 'name'; v: string }
  /** Words quoted from the document (a phrase of the narrative). */
  | { t: 'quote'; v: string }
  /** A cell address (E39). */
  | { t: 'cell'; v: string }
  /** A table's short name (form number, sheet name or kind). */
  | { t: 'table'; v: string }
  /** A count or a row number. */
  | { t: 'n'; v: number }
  /** Several names: 「支出合计及本年支出」. */
  | { t: 'list'; items: MessageArg[] }
  /** A sentence inside a sentence (a check's relation inside its details). */
  | { t: 'msg'; v: Message };

export interface Message {
  key: string;
  args: Record<string, MessageArg>;
}

export const amountArg = (v: string, d: number, u?: string): MessageArg => (u ? { t: 'amount', v, d, u } : { t: 'amount', v, d });
export const percentArg = (v: string, d = 2): MessageArg => ({ t: 'percent', v, d });
export const codeArg = (v: string): MessageArg => ({ t: 'code', v });
export const nameArg = (v: string): MessageArg => ({ t: 'name', v });
export const quoteArg = (v: string): MessageArg => ({ t: 'quote', v });
export const cellArg = (v: string): MessageArg => ({ t: 'cell', v });
export const tableArg = (v: string): MessageArg => ({ t: 'table', v });
export const countArg = (v: number): MessageArg => ({ t: 'n', v });
export const listArg = (items: MessageArg[]): MessageArg => ({ t: 'list', items });

export function message(key: string, args: Record<string, MessageArg> = {}): Message {
  return { key, args };
}

/** A sentence inside a sentence (what the parts are called, a note in brackets), rendered in the same language. */
export function messageArg(key: string, args: Record<string, MessageArg> = {}): MessageArg {
  return { t: 'msg', v: message(key, args) };
}
