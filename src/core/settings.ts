import { ConfigError, resolveConfig, type AuditConfig, type ReviewEntry } from './config';
import type { Severity } from './finding';
import { RULE_NAMES } from './messages/ruleNames';
import { RULE_SPECS } from './rules';
import { LAYOUT_DOUBT_ID } from './rules/toolkit/layoutDoubt';
import { TABLE_CONTINUED_ID } from './rules/toolkit/continuedTables';
import { TABLE_UNIT_ID } from './rules/toolkit/tableUnit';
import { checkRegistry } from './rules/toolkit/ruleSpec';
import type { Unit } from './table';

/**
 * The reviewer's settings as a person writes them: budget-audit.json beside the workbooks (CLI),
 * or the same object in the workbook's document settings (add-in). Rules are switched off or given
 * the conventional labels 强制性 (error) / 提示性 (warning); `settingsConfig` turns this into the
 * engine's AuditConfig. Pure: the CLI reads the file, the add-in reads Office's settings.
 */
export interface ReviewerSettings {
  /** Per rule id: off, on (its own severity), 强制性/error, 提示性/warning. */
  rules?: Record<string, RuleSetting>;
  strict?: boolean;
  fiscalYear?: number;
  unit?: Unit;
}

/** What a rule may be set to; 关闭/开启 are the Chinese for off/on. */
export const RULE_SETTINGS = ['off', '关闭', 'on', '开启', '强制性', 'error', '提示性', 'warning'] as const;
export type RuleSetting = (typeof RULE_SETTINGS)[number];

/** The words the add-in writes (the file accepts every spelling of RULE_SETTINGS). */
export const SEVERITY_LABELS: Record<Exclude<Severity, 'info'>, RuleSetting> = { error: '强制性', warning: '提示性' };

const SETTING_KEYS = ['rules', 'strict', 'fiscalYear', 'unit'];
/** The units a reviewer may state for tables whose caption gives none. */
export const UNITS: Unit[] = ['万元', '元', '千元', '亿元'];

/**
 * A setting that cannot be used, with the key it is about (`rules.row-sums`, `fiscalYear`; '' when
 * the reason names it itself) and
 * the reason in both languages, so the caller can name its own source (a file, the workbook).
 */
export class SettingsError extends ConfigError {
  constructor(
    readonly key: string,
    readonly zh: string,
    readonly en: string,
  ) {
    super(key ? `${key}：${zh} / ${key}: ${en}` : `${zh} / ${en}`);
    this.name = 'SettingsError';
  }
}

let defaults: Map<string, Severity> | undefined;

/**
 * Every rule a reviewer can set, with its own severity, in reporting order: the registered rule
 * modules' ids (read from the registry, so a new rule appears here by itself) and the doubtful-layout note.
 */
export function ruleDefaults(): Map<string, Severity> {
  if (!defaults) {
    defaults = new Map([...checkRegistry(RULE_SPECS)].map(([id, r]) => [id, r.severity]));
    defaults.set(LAYOUT_DOUBT_ID, 'info');
    defaults.set(TABLE_CONTINUED_ID, 'info');
    defaults.set(TABLE_UNIT_ID, 'error');
    // A named id no module declares (yet) is still a rule a reviewer may switch off.
    for (const id of Object.keys(RULE_NAMES)) if (!defaults.has(id)) defaults.set(id, 'error');
  }
  return defaults;
}

/** Validates settings read from a file or the workbook; every problem is refused with its key. */
export function parseSettings(value: unknown): ReviewerSettings {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new SettingsError('', '设置应为一个 JSON 对象 { … }', 'the settings must be one JSON object { … }');
  }
  const o = value as Record<string, unknown>;
  for (const k of Object.keys(o)) {
    if (!SETTING_KEYS.includes(k)) throw new SettingsError(k, `未知设置项（可用：${SETTING_KEYS.join('、')}）`, `unknown setting (known: ${SETTING_KEYS.join(', ')})`);
  }
  const out: ReviewerSettings = {};
  if (o.rules !== undefined) out.rules = parseRules(o.rules);
  if (o.strict !== undefined) {
    if (typeof o.strict !== 'boolean') throw new SettingsError('strict', `应为 true 或 false，而不是 ${show(o.strict)}`, `must be true or false, not ${show(o.strict)}`);
    out.strict = o.strict;
  }
  if (o.fiscalYear !== undefined) {
    const y = o.fiscalYear;
    if (typeof y !== 'number' || !Number.isInteger(y) || y < 2000 || y > 2100) throw new SettingsError('fiscalYear', `应为年份数字（如 2024），而不是 ${show(y)}`, `must be a year as a number (such as 2024), not ${show(y)}`);
    out.fiscalYear = y;
  }
  if (o.unit !== undefined) {
    if (!UNITS.includes(o.unit as Unit)) throw new SettingsError('unit', `应为 ${UNITS.join('、')} 之一，而不是 ${show(o.unit)}`, `must be one of ${UNITS.join(' ')}, not ${show(o.unit)}`);
    out.unit = o.unit as Unit;
  }
  return out;
}

function parseRules(value: unknown): Record<string, RuleSetting> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new SettingsError('rules', '应为 { "规则编号": "off" | "强制性" | "提示性" }', 'must map rule ids to "off" | "强制性" | "提示性"');
  }
  const known = ruleDefaults();
  const out: Record<string, RuleSetting> = {};
  for (const [id, v] of Object.entries(value as Record<string, unknown>)) {
    const key = `rules.${id}`;
    if (!known.has(id)) {
      const near = nearestRule(id);
      throw new SettingsError(key, `未知的规则编号${near ? `（是否为 ${near}？）` : ''}；budget-audit rules 列出全部规则`, `unknown rule id${near ? ` (did you mean ${near}?)` : ''}; budget-audit rules lists them`);
    }
    if (!RULE_SETTINGS.includes(v as RuleSetting)) {
      throw new SettingsError(key, `应为 off、on、强制性 或 提示性，而不是 ${show(v)}`, `must be off, on, 强制性 (error) or 提示性 (warning), not ${show(v)}`);
    }
    if (known.get(id) === 'info' && severityOf(v as RuleSetting)) {
      throw new SettingsError(key, '此规则只作提示，只能设为 off 或 on', 'this rule only informs: it can be set to off or on only');
    }
    out[id] = v as RuleSetting;
  }
  return out;
}

/** The severity a setting asks for, or undefined for off/on. */
export function severityOf(s: RuleSetting): Exclude<Severity, 'info'> | undefined {
  if (s === '强制性' || s === 'error') return 'error';
  if (s === '提示性' || s === 'warning') return 'warning';
  return undefined;
}

export function isOff(s: RuleSetting | undefined): boolean {
  return s === 'off' || s === '关闭';
}

/** The engine's config for these settings (and the reviews kept for the workbook). */
export function settingsConfig(settings: ReviewerSettings, reviews: ReviewEntry[] = []): Partial<AuditConfig> {
  const config: Partial<AuditConfig> = { disabledRules: [], severity: {}, reviews };
  for (const [id, s] of Object.entries(settings.rules ?? {})) {
    if (isOff(s)) config.disabledRules!.push(id);
    const severity = severityOf(s);
    if (severity) config.severity![id] = severity;
  }
  if (settings.strict !== undefined) config.strict = settings.strict;
  if (settings.fiscalYear !== undefined) config.fiscalYear = settings.fiscalYear;
  if (settings.unit !== undefined) config.unit = settings.unit;
  return config;
}

/** A list of review entries (a review file, the workbook's settings), each checked; an error names its index. */
export function parseReviews(value: unknown): ReviewEntry[] {
  if (!Array.isArray(value)) throw new SettingsError('', '复核记录应为一个列表 [ … ]', 'the reviews must be one list [ … ]');
  try {
    return resolveConfig({ reviews: value }).reviews;
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    // resolveConfig's sentence ("中文 / English", per the project's rule) already names the entry: reviews[2].
    const [zh, en = zh] = e.message.split(' / ');
    throw new SettingsError('', zh, en);
  }
}

function show(v: unknown): string {
  const s = JSON.stringify(v) ?? String(v);
  return s.length > 40 ? `${s.slice(0, 39)}…` : s;
}

/** The known id a mistyped one most likely meant (one or two letters off), if any. */
function nearestRule(id: string): string | undefined {
  let best: string | undefined;
  let bestDistance = 3;
  for (const known of ruleDefaults().keys()) {
    const d = editDistance(id.toLowerCase(), known);
    if (d < bestDistance) [best, bestDistance] = [known, d];
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = row;
  }
  return prev[b.length];
}

/** What a rule is set to, for the add-in's list: on or off, and the severity it reports with. */
export function ruleChoice(settings: ReviewerSettings, id: string): { on: boolean; severity: Severity } {
  const s = settings.rules?.[id];
  const own = ruleDefaults().get(id) ?? 'error';
  return { on: !isOff(s), severity: (s && severityOf(s)) ?? own };
}

/**
 * The settings with one rule set: off; or on with a severity — kept only where it differs from the
 * rule's own, so the stored settings say just what the reviewer changed (as a hand-written file would).
 */
export function withRuleChoice(settings: ReviewerSettings, id: string, choice: { on: boolean; severity?: Severity }): ReviewerSettings {
  const rules = { ...settings.rules };
  const own = ruleDefaults().get(id) ?? 'error';
  if (!choice.on) rules[id] = 'off';
  else if (choice.severity && choice.severity !== 'info' && choice.severity !== own) rules[id] = SEVERITY_LABELS[choice.severity];
  else delete rules[id];
  const next: ReviewerSettings = { ...settings, rules };
  if (Object.keys(rules).length === 0) delete next.rules;
  return next;
}

/** The day a review is recorded, in the reviewer's own calendar (local time): 2025-03-01. */
export function reviewDate(d = new Date()): string {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
