import type { MarkSeverity } from '../../core/marks';

/**
 * How the add-in recognises its own marks in a workbook, also after it was saved and reopened
 * (in-session ids do not survive that). A mark is a conditional format whose custom rule is
 * always true and carries the tag as a string literal; a reviewer note is a block of lines
 * between NOTE_TAG and NOTE_END. Both are matched exactly, so a user's own conditional format
 * that merely mentions the tag, or the user's words typed before or after our block in a note,
 * are never taken for ours. The cell's own fill, borders and values are never written.
 */
export const MARK_TAG = 'budget-audit';

const SEVERITIES: MarkSeverity[] = ['error', 'warning'];

/** Always TRUE; the literal names us and the severity, so "clear" deletes only ours. */
export function markFormula(severity: MarkSeverity): string {
  return `=AND(TRUE,"${MARK_TAG}:${severity}"<>"")`;
}

/**
 * A formula as Excel may hand it back: function names re-cased, spaces added or dropped, the
 * leading = present or not. String literals are kept exactly as written ("" is a quote inside).
 */
function canonicalFormula(formula: string): string {
  let out = '';
  let quoted = false;
  for (const ch of formula.trim()) {
    if (ch === '"') quoted = !quoted;
    if (quoted || ch === '"') out += ch;
    else if (!/\s/.test(ch)) out += ch.toUpperCase();
  }
  return out.replace(/^=/, '');
}

const OUR_FORMULAS = new Set(SEVERITIES.map((s) => canonicalFormula(markFormula(s))));

/** Exactly one of our two rules (never a user's rule that contains the tag among other things). */
export function isOurFormula(formula: string | null | undefined): boolean {
  return typeof formula === 'string' && OUR_FORMULAS.has(canonicalFormula(formula));
}

export const MARK_COLORS: Record<MarkSeverity, { fill: string; font: string }> = {
  error: { fill: '#FFC7CE', font: '#9C0006' },
  warning: { fill: '#FFEB9C', font: '#9C5700' },
};

export const NOTE_TAG = '【预算表校验 budget-audit】';
export const NOTE_END = '【预算表校验 budget-audit · 完 end】';

/** Our note text for one cell: the sentence of each finding marking it, between the two tags. */
export function noteBlock(sentences: string[]): string {
  return [NOTE_TAG, ...sentences, NOTE_END].join('\n');
}

interface BlockSpan {
  start: number;
  end: number;
}

/**
 * Where our block is in a note. Notes written before NOTE_END existed are a tag and our lines
 * only, with nothing of the user's in them: such a note is ours when it starts with the tag.
 */
function ourSpan(content: string): BlockSpan | null {
  const start = content.indexOf(NOTE_TAG);
  if (start < 0) return null;
  const end = content.indexOf(NOTE_END, start + NOTE_TAG.length);
  if (end >= 0) return { start, end: end + NOTE_END.length };
  return start === 0 ? { start: 0, end: content.length } : null;
}

export function hasOurBlock(content: string | null | undefined): boolean {
  return typeof content === 'string' && ourSpan(content) !== null;
}

/** The user's text around our block, joined by the one line break that separated it. */
function around(content: string, span: BlockSpan, middle?: string): string {
  const before = content.slice(0, span.start).replace(/\r?\n$/, '');
  const after = content.slice(span.end).replace(/^\r?\n/, '');
  return [before, middle, after].filter((part): part is string => part !== undefined && part !== '').join('\n');
}

/**
 * The note without our block: the user's text before and after it, kept as typed ('' when
 * nothing of the user's is left, i.e. the note can be deleted). Null when the note has no block of ours.
 */
export function withoutOurBlock(content: string): string | null {
  const span = ourSpan(content);
  return span ? around(content, span) : null;
}

/** The note with our block replaced by one for `sentences`, the user's text around it kept in place. */
export function withOurBlock(content: string, sentences: string[]): string {
  const span = ourSpan(content);
  return span ? around(content, span, noteBlock(sentences)) : noteBlock(sentences);
}
