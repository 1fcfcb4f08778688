import type { Messages } from '../../i18n/messages';

/**
 * Turns what Excel throws into a sentence for the pane (never a blank pane): the error codes of
 * OfficeExtension.Error that a user can act on, and a generic message with the code otherwise.
 */
export type ErrorKey = keyof Messages['excelErrors'];

export function errorKey(e: unknown): ErrorKey {
  const code = String((e as { code?: string })?.code ?? '');
  if (/CellEditMode/i.test(code)) return 'cellEditMode';
  if (/AccessDenied|Protected/i.test(code)) return 'protectedSheet';
  if (/ApiNotFound|NotImplemented|NotSupported/i.test(code)) return 'apiNotSupported';
  if (/PayloadSizeLimitExceeded/i.test(code)) return 'tooLarge';
  if (/ItemNotFound/i.test(code)) return 'itemNotFound';
  return 'generic';
}

export function describeError(e: unknown, messages: Messages): string {
  const key = errorKey(e);
  const detail = (e as { message?: string })?.message ?? String(e);
  return key === 'generic' ? `${messages.excelErrors.generic} ${detail}` : messages.excelErrors[key];
}
