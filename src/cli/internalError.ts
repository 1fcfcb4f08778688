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
