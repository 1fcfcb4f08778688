import type { AuditConfig } from '../config';
import type { Finding, Severity } from '../finding';
import type { DetectedTable } from '../table';

/** What a rule sees: every detected table of the workbook, and the config. */
export interface RuleContext {
  tables: DetectedTable[];
  config: AuditConfig;
}

/**
 * A rule: a small module with an id, a default severity and a pure function from the
 * workbook's tables to findings. Rules never throw on odd tables: they skip what they
 * cannot read. Listed in one place: ./index.ts.
 */
export interface Rule {
  id: string;
  /** The severity of a mismatch; rounding tails are always reported as info. */
  severity: Severity;
  description: { 'zh-CN': string; en: string };
  check(ctx: RuleContext): Finding[];
}
