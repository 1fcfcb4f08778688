import type { AuditConfig, ReviewEntry } from './config';
import type { Finding, ReviewMark } from './finding';

/**
 * The reviewer's settings applied to the rules' findings: rules switched off are dropped, a
 * severity override replaces the rule's own (a rounding tail stays info), and a finding a
 * reviewer already looked at carries its 已核实 mark — matched by rule, sheet, name and figures,
 * not by the cell alone, so an inserted row does not lose it, and a changed figure is reported again.
 */
export function applyPolicy(findings: Finding[], config: AuditConfig): Finding[] {
  const out: Finding[] = [];
  for (const f0 of findings) {
    if (config.disabledRules.includes(f0.rule)) continue;
    let f = named(f0);
    const override = config.severity[f.rule];
    if (override && f.severity !== 'info') f = { ...f, severity: override };
    const review = config.reviews.find((r) => reviewMatches(r, f));
    if (review) f = { ...f, review: reviewMark(review) };
    out.push(f);
  }
  return out;
}

/**
 * The reviews applied afresh to findings already checked (the add-in after 「已核实」 or its undo):
 * earlier marks are dropped, so a review taken back leaves its finding open again.
 */
export function reapplyReviews(findings: Finding[], reviews: ReviewEntry[]): Finding[] {
  return findings.map((f0) => {
    const f = { ...f0 };
    delete f.review;
    const review = reviews.find((r) => reviewMatches(r, f));
    return review ? { ...f, review: reviewMark(review) } : f;
  });
}

function reviewMark(r: ReviewEntry): ReviewMark {
  return { status: 'verified', reviewer: r.reviewer, reason: r.reason, ...(r.date ? { date: r.date } : {}) };
}

/**
 * A sum finding carries no name of its own, but the checks it explains name its cell (合计 基本支出):
 * that name is what a review is matched by, so an inserted row above does not lose the review.
 * A figure without a name is called by its cell there, which is no name at all for this purpose.
 */
function named(f: Finding): Finding {
  if (f.name) return f;
  for (const c of f.explains) {
    for (const figure of [c.stated, ...c.parts]) {
      if (figure.sheet === f.sheet && figure.cell === f.cell && figure.name && figure.name !== f.cell) return { ...f, name: figure.name };
    }
  }
  return f;
}

/** Whether a review entry is about this finding (rule, sheet, line or cell, figures). */
export function reviewMatches(r: ReviewEntry, f: Finding): boolean {
  if (r.rule !== f.rule || r.sheet !== f.sheet) return false;
  if ((r.actual ?? null) !== (f.actual ?? null) || (r.expected ?? null) !== (f.expected ?? null)) return false;
  // The name decides where there is one; the cell only when neither side has a name.
  if (r.line && f.name) return r.line === f.name;
  return !!r.cell && r.cell === f.cell;
}

/** The review entry that marks this finding as looked at (for the add-in and the review file). */
export function reviewEntryFor(f: Finding, reviewer: string, reason: string, date?: string): ReviewEntry {
  return { rule: f.rule, sheet: f.sheet, line: f.name, cell: f.cell, actual: f.actual, expected: f.expected, reviewer, reason, ...(date ? { date } : {}) };
}
