/**
 * The exit status is the command's answer for scripts, so it must never lie: a crash is not
 * "the input cannot be read", and nothing checked is not "no error".
 */
export const EXIT = {
  /** Every workbook read and checked; no error-severity finding. */
  clean: 0,
  /** At least one error-severity finding. */
  errors: 1,
  /** An input that cannot be read (a workbook, or the command line itself), or an output that cannot be written. */
  unreadable: 2,
  /** A bug in budget-audit. */
  internal: 3,
} as const;

export type ExitStatus = (typeof EXIT)[keyof typeof EXIT];

/** A batch answers with its worst file: 3 > 2 > 1 > 0. */
export function worst(a: ExitStatus, b: ExitStatus): ExitStatus {
  return a > b ? a : b;
}
