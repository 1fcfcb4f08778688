import type { CellRef, ExplainedCheck, Finding, Severity, SubjectKind } from '../finding';
import { cellArg, quoteArg, tableArg, type Message, type MessageArg } from '../messages/message';
import { paragraphCell, quote, type NarrativeContext } from './context';

/** How every sentence about a paragraph opens: its sheet and its cell. */
export function paragraphHead(ctx: NarrativeContext, paragraph: number): { table: MessageArg; cell: MessageArg } {
  return { table: tableArg(ctx.paragraphs[paragraph].sheet), cell: cellArg(paragraphCell(ctx, paragraph).cell) };
}

/** … and about a claim: its paragraph's, and the words it quotes. */
export function claimHead(ctx: NarrativeContext, place: { paragraph: number; start: number; end: number }): { table: MessageArg; cell: MessageArg; quote: MessageArg } {
  return { ...paragraphHead(ctx, place.paragraph), quote: quoteArg(quote(ctx, place)) };
}

/**
 * A finding about the narrative: placed at the cell of the paragraph holding the phrase, marking it
 * and the table cell it was compared with (so a click in the pane goes to either).
 */
export function narrativeFinding(ctx: NarrativeContext, f: {
  rule: string;
  severity: Severity;
  paragraph: number;
  subject: SubjectKind;
  actual: string | null;
  expected: string | null;
  difference?: string;
  decimals?: number;
  /** The table cell(s) compared with: marked beside the phrase (the other side). */
  against?: CellRef[];
  /** Other paragraphs the check added up: data for the details, never marked. */
  also?: CellRef[];
  explains?: ExplainedCheck[];
  message: Message;
}): Finding {
  const here = paragraphCell(ctx, f.paragraph);
  const against = f.against ?? [];
  const cells: CellRef[] = [here, ...against.slice(0, 2).map((c): CellRef => ({ ...c, other: true }))];
  const seen = new Set<string>();
  return {
    rule: f.rule,
    severity: f.severity,
    sheet: here.sheet,
    cell: here.cell,
    table: ctx.paragraphs[f.paragraph].table.id,
    subject: f.subject,
    actual: f.actual,
    expected: f.expected,
    ...(f.difference !== undefined ? { difference: f.difference } : {}),
    tolerance: '0',
    ...(f.decimals !== undefined ? { decimals: f.decimals } : {}),
    cells: cells.filter((c) => {
      const k = `${c.sheet}!${c.cell}`;
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    }),
    parts: [...against, ...(f.also ?? [])],
    explains: f.explains ?? [],
    message: f.message,
  };
}
