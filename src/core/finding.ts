/**
 * Findings: plain data, the engine's only output besides the tables (DESIGN.md §3).
 * Amounts are strings ("1269.24") so nothing downstream can do float arithmetic on them.
 */
export type Severity = 'error' | 'warning' | 'info';

export interface CellRef {
  sheet: string;
  /** A1 address of one cell. */
  cell: string;
}

export interface LocalizedText {
  'zh-CN': string;
  en: string;
}

export interface Finding {
  /** Rule id, e.g. `row-sum`, `column-total`, `cross-summary-function`. */
  rule: string;
  severity: Severity;
  /** The primary disagreeing cell (the likely culprit when one cell explains it). */
  sheet: string;
  cell: string;
  /** Every cell that disagrees (both sides of a cross-table mismatch). */
  cells: CellRef[];
  /** The cells summed to get `expected`. */
  parts: CellRef[];
  /** What the cell says; null when it is empty but should not be. */
  actual: string | null;
  /** What its parts add up to (not a correction). */
  expected: string | null;
  /** actual − expected. */
  difference?: string;
  /** The rounding band used: (n+1) × half a unit, "0.015". */
  tolerance: string;
  message: LocalizedText;
  /** The table (DetectedTable.id) the primary cell belongs to. */
  table?: string;
  /** Set when a row check and a column check both point at this one cell. */
  culprit?: boolean;
}

export interface FindingSummary {
  errors: number;
  warnings: number;
  infos: number;
}

export function summarize(findings: Finding[]): FindingSummary {
  const s: FindingSummary = { errors: 0, warnings: 0, infos: 0 };
  for (const f of findings) {
    if (f.severity === 'error') s.errors++;
    else if (f.severity === 'warning') s.warnings++;
    else s.infos++;
  }
  return s;
}
