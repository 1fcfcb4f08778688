import type { MarkSeverity } from '../../core/marks';

/**
 * How the add-in recognises its own marks in a workbook, also after it was saved and reopened
 * (in-session ids do not survive that). A mark is a conditional format whose custom rule is
 * always true and carries the tag as a string literal; a reviewer note starts with NOTE_TAG.
 * The cell's own fill, borders and notes are never written, so clearing is deleting ours.
 */
export const MARK_TAG = 'budget-audit';

/** Always TRUE; the literal names us and the severity, so "clear" deletes only ours. */
export function markFormula(severity: MarkSeverity): string {
  return `=AND(TRUE,"${MARK_TAG}:${severity}"<>"")`;
}

/** Excel may re-case or re-space a formula; the string literal survives. */
export function isOurFormula(formula: string | null | undefined): boolean {
  return typeof formula === 'string' && formula.includes(`"${MARK_TAG}:`);
}

export const MARK_COLORS: Record<MarkSeverity, { fill: string; font: string }> = {
  error: { fill: '#FFC7CE', font: '#9C0006' },
  warning: { fill: '#FFEB9C', font: '#9C5700' },
};

export const NOTE_TAG = '【预算表校验 budget-audit】';

export function isOurNote(content: string | null | undefined): boolean {
  return typeof content === 'string' && content.startsWith(NOTE_TAG);
}
