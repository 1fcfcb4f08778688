/**
 * The package cannot be patched safely: the sentence says which part and why, Chinese first.
 * The CLI turns it into exit status 2; nothing is written.
 */
export class UnpatchableWorkbookError extends Error {
  constructor(zh: string, en: string) {
    super(`${zh} / ${en}`);
    this.name = 'UnpatchableWorkbookError';
  }
}
