import { EXIT } from './exitStatus';
import type { FileOutcome, FileProblem } from './fileOutcome';

/**
 * A bug, as the user sees it: one line to report, the stack only with --debug. Distinguishing it
 * from unreadable input matters: "cannot read input" sends the user to fix a file that is fine.
 */
export function internalErrorLine(e: unknown): string {
  return `内部错误，请报告 / internal error, please report: ${errorText(e)}`;
}

export function errorText(e: unknown): string {
  if (e instanceof Error) return e.message || e.name;
  return String(e);
}

export function errorStack(e: unknown): string | undefined {
  return e instanceof Error ? e.stack : undefined;
}

export function internalProblem(e: unknown): FileProblem {
  return { reason: 'internal', message: internalErrorLine(e), stack: errorStack(e) };
}

/** The outcome of a workbook whose check was stopped by a bug (or whose worker died on it). */
export function internalOutcome(file: string, e: unknown): FileOutcome {
  const error = internalProblem(e);
  return { file, status: EXIT.internal, error, row: { file, problem: error.message } };
}
