import type { AuditConfig } from '../config';
import type { DetectedTable } from '../table';

/** What a rule module sees: every detected table of the workbook, and the one validated config. */
export interface RuleContext {
  tables: DetectedTable[];
  config: AuditConfig;
}
