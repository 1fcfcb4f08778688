import type { ExitStatus } from './exitStatus';

/** Why nothing (or not everything) could be done for one workbook. */
export interface FileProblem {
  /** A stable code for scripts: the reader's reason, a write failure, or `internal`. */
  reason: string;
  /** One bilingual line, ready for stderr. */
  message: string;
  /** The stack of an internal error (shown with --debug). */
  stack?: string;
}

/** One row of the summary workbook (counts absent when the workbook could not be read). */
export interface SummaryRow {
  file: string;
  copy?: string;
  department?: string;
  year?: string;
  tables?: number;
  errors?: number;
  warnings?: number;
  /** Findings a reviewer marked 已核实 (counted apart from errors and warnings). */
  verified?: number;
  narrative?: number;
  problem?: string;
}

/**
 * What checking one workbook produced, as plain data: it crosses from a worker thread to the
 * main thread (structured clone), so it holds text already formatted, never the engine's objects.
 */
export interface FileOutcome {
  file: string;
  status: ExitStatus;
  /** Nothing was checked: the workbook could not be read, or a bug stopped the check. */
  error?: FileProblem;
  /** Checked, but its annotated copy could not be written. */
  copyError?: FileProblem;
  /** Where the annotated copy was written. */
  copy?: string;
  /** The checked workbook's report in the chosen format (absent with `error`). */
  output?: string;
  row: SummaryRow;
}
