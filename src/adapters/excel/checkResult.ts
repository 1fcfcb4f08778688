import { audit, type AuditHooks } from '../../core/engine';
import type { AuditConfig } from '../../core/config';
import type { Finding, FindingSummary } from '../../core/finding';
import type { WorkbookSnapshot } from '../../core/snapshot';
import type { DetectedTable } from '../../core/table';

/**
 * What the add-in keeps of a check: every finding, the summary, and of each table what the pane
 * shows and the report names — not its cells. A 200,000-row table's parsed cells would cost
 * seconds to copy back from the engine's worker and are never shown.
 */
export type TableInfo = Pick<DetectedTable, 'id' | 'sheet' | 'kind' | 'title' | 'formNumber' | 'unit' | 'range'>;

export interface CheckResult {
  tables: TableInfo[];
  findings: Finding[];
  summary: FindingSummary;
}

export function tableInfo(t: DetectedTable): TableInfo {
  const info: TableInfo = { id: t.id, sheet: t.sheet, kind: t.kind, range: t.range };
  if (t.title !== undefined) info.title = t.title;
  if (t.formNumber !== undefined) info.formNumber = t.formNumber;
  if (t.unit !== undefined) info.unit = t.unit;
  return info;
}

/** Where the engine is in a check, for the pane's progress line. */
export type EngineProgress = { stage: 'detecting'; sheet: string; index: number; total: number } | { stage: 'rules' };

export interface EngineHooks {
  onProgress?(p: EngineProgress): void;
  signal?: AbortSignal;
}

/** Runs the engine on a snapshot: in this thread (tests, no Worker) or in the pane's Web Worker. */
export type RunEngine = (snapshot: WorkbookSnapshot, config: Partial<AuditConfig>, hooks: EngineHooks) => Promise<CheckResult>;

/** audit() with its progress told as EngineProgress: the one engine call of the add-in, in either thread. */
export function auditWithProgress(snapshot: WorkbookSnapshot, config: Partial<AuditConfig>, onProgress?: (p: EngineProgress) => void): CheckResult {
  const hooks: AuditHooks = {
    onSheet: (index, total, sheet) => onProgress?.({ stage: 'detecting', sheet, index, total }),
    onRules: () => onProgress?.({ stage: 'rules' }),
  };
  const result = audit(snapshot, config, hooks);
  return { tables: result.tables.map(tableInfo), findings: result.findings, summary: result.summary };
}

/** The engine in the calling thread (node tests; a host without Web Workers). */
export const runInThread: RunEngine = async (snapshot, config, hooks) => auditWithProgress(snapshot, config, hooks.onProgress);
