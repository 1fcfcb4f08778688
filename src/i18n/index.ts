import type { Language } from '../core/report';
import { en } from './en';
import type { Messages } from './messages';
import { zhCN } from './zh-CN';

export type { Messages } from './messages';

export const MESSAGES: Record<Language, Messages> = { 'zh-CN': zhCN, en };

export function messagesFor(lang: Language): Messages {
  return MESSAGES[lang];
}
