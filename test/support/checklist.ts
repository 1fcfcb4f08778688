import { audit } from '../../src/core/engine';
import type { AuditConfig } from '../../src/core/config';
import type { Finding, Severity } from '../../src/core/finding';
import type { GridSheet, WorkbookSnapshot } from '../../src/core/snapshot';
import type { CellInput } from './sheetBuilder';
import { smallBudget, withCell } from './smallBudget';

/**
 * The rule suites' way of reading an audit the way an accountant ticks a checklist: change one
 * figure of a consistent disclosure (support/smallBudget.ts), audit, and read each finding as one
 * line — which rule, how severe, at which cell, the figure as it stands, what it should be.
 */
export type Edit = [sheet: string, cell: string, value: CellInput];

/** The workbook (the small disclosure by default) with the cells changed. */
export function edited(edits: Edit[], base: WorkbookSnapshot<GridSheet> = smallBudget()): WorkbookSnapshot<GridSheet> {
  return edits.reduce((wb, [s, a, v]) => withCell(wb, s, a, v), base);
}

/** The same figure written in every cell named (a table that says it throughout: total and rows). */
export const throughout = (sheet: string, cells: string[], value: CellInput): Edit[] => cells.map((c): Edit => [sheet, c, value]);

/** Every finding: errors, warnings and rounding tails (info). */
export const all = (wb: WorkbookSnapshot, options?: Partial<AuditConfig>): Finding[] => audit(wb, options).findings;

/** The findings a reviewer must look at: errors and warnings, not rounding tails. */
export const loud = (wb: WorkbookSnapshot, options?: Partial<AuditConfig>): Finding[] => all(wb, options).filter((f) => f.severity !== 'info');

/** One line of the checklist: rule, severity, sheet!cell, the figure as it stands, what it should be. */
export type Line = [rule: string, severity: Severity, cell: string, actual: string | null, expected: string | null];

export const said = (f: Finding): Line => [f.rule, f.severity, `${f.sheet}!${f.cell}`, f.actual, f.expected];

/** The rules whose checks a culprit finding accounts for. */
export const explainedBy = (f: Finding): string[] => [...new Set(f.explains.map((e) => e.rule))].sort();
