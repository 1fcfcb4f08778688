import type { Finding } from '../core/finding';

/** A finding as DESIGN.md §3 prints it (field order fixed, amounts as strings). */
export function findingRecord(f: Finding) {
  return {
    rule: f.rule,
    severity: f.severity,
    sheet: f.sheet,
    cell: f.cell,
    cells: f.cells,
    parts: f.parts,
    actual: f.actual,
    expected: f.expected,
    difference: f.difference ?? null,
    tolerance: f.tolerance,
    message: f.message,
    ...(f.culprit ? { culprit: true } : {}),
  };
}
