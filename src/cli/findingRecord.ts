import type { Finding } from '../core/finding';
import { findingText, render } from '../core/messages/render';

/**
 * A finding as DESIGN.md §3 prints it (field order fixed, amounts as strings): the data, its
 * sentence rendered in both languages (`message`), and the checks it explains with their figures.
 */
export function findingRecord(f: Finding) {
  return {
    rule: f.rule,
    severity: f.severity,
    sheet: f.sheet,
    cell: f.cell,
    cells: f.cells,
    parts: f.parts,
    subject: f.subject,
    ...(f.name ? { name: f.name } : {}),
    actual: f.actual,
    expected: f.expected,
    difference: f.difference ?? null,
    tolerance: f.tolerance,
    message: findingText(f),
    explains: f.explains.map((c) => ({
      rule: c.rule,
      relation: { 'zh-CN': render(c.relation, 'zh-CN'), en: render(c.relation, 'en') },
      comparison: c.comparison,
      stated: c.stated,
      parts: c.parts,
      sum: c.sum,
      difference: c.difference,
      tolerance: c.tolerance,
      statedInterval: c.statedInterval,
      sumInterval: c.sumInterval,
      consistent: c.consistent,
    })),
    ...(f.culprit ? { culprit: true } : {}),
    ...(f.review ? { review: f.review } : {}),
  };
}
