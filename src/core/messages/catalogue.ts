import type { MessageArg } from './message';
import { ZH_CN } from './zh-CN';
import { EN } from './en';

export type Language = 'zh-CN' | 'en';

/** A sentence template: rendered arguments in `s`, typed ones in `a` (for wording that depends on them). */
export type Template = (s: Record<string, string>, a: Record<string, MessageArg>) => string;

/** The catalogue keys: every sentence the engine can say (zh-CN is the reference language). */
export type MessageKey = keyof typeof ZH_CN;

export const CATALOGUES: Record<Language, Record<MessageKey, Template>> = { 'zh-CN': ZH_CN, en: EN };
