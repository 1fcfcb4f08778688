import { resolveConfig, type AuditConfig } from './config';
import { detectTables } from './detect';
import { withDefaultUnit } from './detect/buildTable';
import { summarize, type Finding, type FindingSummary } from './finding';
import { applyPolicy } from './reviewPolicy';
import { runRules } from './rules';
import { gather } from './rules/toolkit/gather';
import type { WorkbookSnapshot } from './snapshot';
import type { DetectedTable } from './table';
import { groupDisclosures, type Disclosure } from './disclosure';
import { unitFromNarrative } from './narrative/unitFromNarrative';

export interface AuditResult {
  tables: DetectedTable[];
  findings: Finding[];
  summary: FindingSummary;
  /** The disclosures the workbook holds (one usually), each with its department and year. */
  disclosures: Array<Omit<Disclosure, 'tables'> & { tables: string[] }>;
  /** The first disclosure's facts, for one-line summaries (the batch summary workbook). */
  document?: { department?: string; year?: number; kind?: Disclosure['kind'] };
}

/**
 * The composition root: snapshot → detect → tables → rules → findings.
 * Pure: no I/O, no Office.js, no ExcelJS.
 */
export function detect(snapshot: WorkbookSnapshot, options?: Partial<AuditConfig>): DetectedTable[] {
  const { unit } = resolveConfig(options);
  return detectTables(snapshot).map((t) => withDefaultUnit(t, unit));
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
  // The reviewer's unit stands in for a caption that states none.
  const tables = detectTables(snapshot, hooks.onSheet).map((t) => withDefaultUnit(t, config.unit));
  hooks.onRules?.();
  const grouped = groupDisclosures(tables);
  // Tables stating no unit are read in the one the 情况说明 agrees with (a caption lost in a PDF's conversion).
  const disclosures = grouped.map((d) => {
    const read = unitFromNarrative(d.tables, config);
    return read === d.tables ? d : { ...d, tables: read };
  });
  const reread = new Map<DetectedTable, DetectedTable>();
  disclosures.forEach((d, i) => d.tables.forEach((t, k) => t !== grouped[i].tables[k] && reread.set(grouped[i].tables[k], t)));
  // Tables are checked against tables of their own disclosure only.
  const findings = applyPolicy(
    gather(disclosures, (d) => runRules({ tables: d.tables, config })),
    config,
  );
  const kept = config.includeInfo ? findings : findings.filter((f) => f.severity !== 'info');
  const first = disclosures.find((d) => d.department || d.year) ?? disclosures[0];
  // The year the tables name; the reviewer's fiscalYear when they name none.
  const year = first?.year ?? config.fiscalYear;
  return {
    tables: reread.size > 0 ? tables.map((t) => reread.get(t) ?? t) : tables,
    findings: kept,
    summary: summarize(kept),
    disclosures: disclosures.map((d) => ({ ...d, tables: d.tables.map((t) => t.id) })),
    ...(first || year ? { document: { department: first?.department, year, kind: first?.kind } } : {}),
  };
}
