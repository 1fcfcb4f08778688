import { resolveConfig, type AuditConfig } from './config';
import { detectTables } from './detect';
import { summarize, type Finding, type FindingSummary } from './finding';
import { applyPolicy } from './reviewPolicy';
import { runRules } from './rules';
import type { WorkbookSnapshot } from './snapshot';
import type { DetectedTable } from './table';

export interface AuditResult {
  tables: DetectedTable[];
  findings: Finding[];
  summary: FindingSummary;
}

/**
 * The composition root: snapshot → detect → tables → rules → findings.
 * Pure: no I/O, no Office.js, no ExcelJS.
 */
export function detect(snapshot: WorkbookSnapshot): DetectedTable[] {
  return detectTables(snapshot);
}

/** Progress for a caller that shows it (the add-in's pane). */
export interface AuditHooks {
  /** Before each sheet is read for tables. */
  onSheet?(index: number, total: number, sheet: string): void;
  /** The tables are found; the checks begin. */
  onRules?(): void;
}

export function audit(snapshot: WorkbookSnapshot, options?: Partial<AuditConfig>, hooks: AuditHooks = {}): AuditResult {
  const config = resolveConfig(options);
  const tables = detectTables(snapshot, hooks.onSheet);
  hooks.onRules?.();
  const findings = applyPolicy(runRules({ tables, config }), config);
  const kept = config.includeInfo ? findings : findings.filter((f) => f.severity !== 'info');
  return { tables, findings: kept, summary: summarize(kept) };
}
