import type { Message } from './messages/message';

/**
 * Findings: plain data, the engine's only output besides the tables (DESIGN.md §3).
 *
 * A finding is data, never a pre-rendered sentence: what is wrong (`subject`, `actual`,
 * `expected`, `difference`), where (`sheet`/`cell`: the cell its sentence is about), the checks
 * it accounts for (`explains`, each with its own cells and figures) and a message key with typed
 * arguments. Each language renders the message once (`messages/render.ts`); nothing downstream
 * parses a sentence or a number back. Amounts are strings ("1269.24") so nothing downstream can do
 * float arithmetic on them.
 */
export type Severity = 'error' | 'warning' | 'info';

export interface CellRef {
  sheet: string;
  /** A1 address of one cell. */
  cell: string;
  /** In a finding's `cells`: the other side of a cross-table comparison (marked with the finding's own cell). */
  other?: true;
}

export interface LocalizedText {
  'zh-CN': string;
  en: string;
}

/** What the finding's `actual` / `expected` are: money, a subject code, a name, a rate, words. */
export type SubjectKind = 'amount' | 'code' | 'label' | 'percent' | 'text';

/** One figure of a check, as the check saw it. */
export interface CheckFigure {
  sheet: string;
  cell: string;
  /** The figure's name in the table's own words (line and column): 合计 基本支出. */
  name: string;
  /** The amount as written, null when the cell is empty. */
  value: string | null;
}

/**
 * One comparison a finding accounts for: a stated figure against the figures it should equal
 * the sum of (or be at most), with the rounding band used. Shown on demand as the finding's
 * details; the figures are data, `relation` says what the comparison is in the domain's words.
 */
export interface ExplainedCheck {
  /** The rule the comparison belongs to. */
  rule: string;
  relation: Message;
  comparison: 'equal' | 'at-most';
  stated: CheckFigure;
  parts: CheckFigure[];
  /** Σ parts in the stated figure's unit. */
  sum: string;
  /** stated − sum. */
  difference: string;
  /** The band: (n+1) × half a unit (0 in strict mode). */
  tolerance: string;
  /** Interval of the stated figure and of the sum, as [low, high]. */
  statedInterval: [string, string];
  sumInterval: [string, string];
  consistent: boolean;
}

/** A finding a reviewer has looked at (已核实): kept, shown as such, not counted. */
export interface ReviewMark {
  status: 'verified';
  reviewer: string;
  reason: string;
  date?: string;
}

export interface Finding {
  /** Rule id (registered: see rules/registry.ts), e.g. `row-sum`, `cross-summary-function`. */
  rule: string;
  severity: Severity;
  /** The cell the sentence is about. */
  sheet: string;
  cell: string;
  /** The table (DetectedTable.id) the cell belongs to. */
  table?: string;
  /** The cell's name in the table's own words (its line and column): matches reviews across inserted rows. */
  name?: string;
  /** What actual/expected are. */
  subject: SubjectKind;
  /** What the cell says; null when it is empty but should not be. */
  actual: string | null;
  /** What it should be — only when that is certain (a culprit, a code that pairs); else the figure it was compared with. */
  expected: string | null;
  /** actual − expected (amounts and rates). */
  difference?: string;
  /** The rounding band used ("0.015"); "0" for comparisons that are not sums. */
  tolerance: string;
  /** Decimals the figures are shown with (amounts, rates). */
  decimals?: number;
  /** Cells to mark: the location, plus the other side of a cross-table mismatch (never dozens of parts). */
  cells: CellRef[];
  /** The cells summed (data for the details; never marked). */
  parts: CellRef[];
  /** The checks this finding accounts for. */
  explains: ExplainedCheck[];
  /** The sentence, as a key and typed arguments. */
  message: Message;
  /** One cell found behind several failing checks. */
  culprit?: boolean;
  /** Marked 已核实 by a reviewer (settings/review file or the add-in). */
  review?: ReviewMark;
}

export interface FindingSummary {
  errors: number;
  warnings: number;
  infos: number;
  /** Findings a reviewer marked 已核实 (not counted above). */
  verified: number;
}

export function summarize(findings: Finding[]): FindingSummary {
  const s: FindingSummary = { errors: 0, warnings: 0, infos: 0, verified: 0 };
  for (const f of findings) {
    if (f.review) s.verified++;
    else if (f.severity === 'error') s.errors++;
    else if (f.severity === 'warning') s.warnings++;
    else s.infos++;
  }
  return s;
}

export const SEVERITY_RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1 };
