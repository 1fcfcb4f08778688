import type { Finding } from '../../finding';
import { codeArg, listArg, message, tableArg } from '../../messages/message';
import type { DetectedTable } from '../../table';
import { tableNote } from './cellFinding';
import { tableShort } from './tableAccess';

/**
 * A rule module that failed on this workbook (a bug met on a layout nobody foresaw) reports nothing of its own; that
 * its check was not done is said once, as a warning, so an incomplete result is never read as “nothing wrong”.
 */
export const CHECK_INCOMPLETE_ID = 'check-incomplete';

/** The one note for the modules (by id) that could not finish, at the disclosure's first table. */
export function incompleteFinding(first: DetectedTable, ids: string[]): Finding {
  const note = tableNote(first, CHECK_INCOMPLETE_ID, () => message('check.incomplete', { table: tableArg(tableShort(first)), rules: listArg(ids.map(codeArg)) }));
  return { ...note, severity: 'warning' };
}
