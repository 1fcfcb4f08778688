import type { Severity } from './finding';

/**
 * The engine's one configuration object, validated once (`resolveConfig`) and read everywhere:
 * by the rules (strict rounding), by the engine (rules off, severities, what reviewers have
 * looked at) and by the narrative checks (the fiscal year and unit when the tables do not say).
 * The settings file of the CLI (budget-audit.json) and the add-in's document settings are
 * both this object.
 */
export interface AuditConfig {
  /** Zero tolerance: every rounding tail becomes a mismatch. */
  strict: boolean;
  /** Keep rounding-tail findings (severity info) in the result. */
  includeInfo: boolean;
  /** Rule ids switched off. */
  disabledRules: string[];
  /** Severity per rule id, overriding the rule's own (强制性 = error, 提示性 = warning). */
  severity: Record<string, Severity>;
  /** The fiscal year, when the tables do not say it. */
  fiscalYear?: number;
  /** The money unit of tables whose caption does not say it. */
  unit?: '万元' | '元' | '千元' | '亿元';
  /** Findings a reviewer has looked at (已核实), matched by rule, sheet, line and figures. */
  reviews: ReviewEntry[];
}

/** One finding a reviewer marked as looked at; matched by content, not by cell address alone. */
export interface ReviewEntry {
  rule: string;
  sheet: string;
  /** The finding's line in the table's words (its row label), so an inserted row does not lose it. */
  line?: string;
  /** The cell when it was marked (a hint; the line and figures decide). */
  cell?: string;
  actual: string | null;
  expected: string | null;
  reviewer: string;
  reason: string;
  date?: string;
}

export const DEFAULT_CONFIG: AuditConfig = {
  strict: false,
  includeInfo: true,
  disabledRules: [],
  severity: {},
  reviews: [],
};

export class ConfigError extends Error {}

const SEVERITIES: Severity[] = ['error', 'warning', 'info'];
const UNITS = ['万元', '元', '千元', '亿元'];

/**
 * The config from a partial one (a settings file, the add-in's document settings, a test):
 * unknown keys and ill-typed values are refused with a sentence naming them, so a typo in a
 * reviewer's settings file is never silently ignored.
 */
export function resolveConfig(partial?: Partial<AuditConfig> | Record<string, unknown>): AuditConfig {
  const p = (partial ?? {}) as Record<string, unknown>;
  const known = new Set(Object.keys(DEFAULT_CONFIG).concat(['fiscalYear', 'unit']));
  for (const k of Object.keys(p)) if (!known.has(k)) throw new ConfigError(`未知设置项 / unknown setting: ${k}`);
  const config: AuditConfig = { ...DEFAULT_CONFIG, disabledRules: [], severity: {}, reviews: [] };
  if (p.strict !== undefined) config.strict = bool(p.strict, 'strict');
  if (p.includeInfo !== undefined) config.includeInfo = bool(p.includeInfo, 'includeInfo');
  if (p.disabledRules !== undefined) {
    if (!Array.isArray(p.disabledRules) || p.disabledRules.some((x) => typeof x !== 'string')) throw new ConfigError('disabledRules 应为规则编号列表 / disabledRules must be a list of rule ids');
    config.disabledRules = [...(p.disabledRules as string[])];
  }
  if (p.severity !== undefined) {
    if (typeof p.severity !== 'object' || p.severity === null) throw new ConfigError('severity 应为 {规则编号: 级别} / severity must map rule ids to levels');
    for (const [id, s] of Object.entries(p.severity as Record<string, unknown>)) {
      if (!SEVERITIES.includes(s as Severity)) throw new ConfigError(`规则 ${id} 的级别无效：${String(s)} / invalid severity for ${id}: ${String(s)}`);
      config.severity[id] = s as Severity;
    }
  }
  if (p.fiscalYear !== undefined) {
    if (!Number.isInteger(p.fiscalYear) || (p.fiscalYear as number) < 2000 || (p.fiscalYear as number) > 2100) throw new ConfigError(`fiscalYear 应为年份 / fiscalYear must be a year: ${String(p.fiscalYear)}`);
    config.fiscalYear = p.fiscalYear as number;
  }
  if (p.unit !== undefined) {
    if (!UNITS.includes(p.unit as string)) throw new ConfigError(`unit 应为 万元/元/千元/亿元 / unit must be one of 万元 元 千元 亿元: ${String(p.unit)}`);
    config.unit = p.unit as AuditConfig['unit'];
  }
  if (p.reviews !== undefined) {
    if (!Array.isArray(p.reviews)) throw new ConfigError('reviews 应为列表 / reviews must be a list');
    config.reviews = p.reviews.map((r, i) => reviewEntry(r, i));
  }
  return config;
}

function bool(v: unknown, name: string): boolean {
  if (typeof v !== 'boolean') throw new ConfigError(`${name} 应为 true/false / ${name} must be true or false`);
  return v;
}

function reviewEntry(r: unknown, i: number): ReviewEntry {
  const o = (r ?? {}) as Record<string, unknown>;
  const str = (k: string, required: boolean): string | undefined => {
    const v = o[k];
    if (v === undefined || v === null) {
      if (required) throw new ConfigError(`reviews[${i}] 缺少 ${k} / reviews[${i}] lacks ${k}`);
      return undefined;
    }
    if (typeof v !== 'string') throw new ConfigError(`reviews[${i}].${k} 应为文字 / must be text`);
    return v;
  };
  return {
    rule: str('rule', true)!,
    sheet: str('sheet', true)!,
    line: str('line', false),
    cell: str('cell', false),
    actual: str('actual', false) ?? null,
    expected: str('expected', false) ?? null,
    reviewer: str('reviewer', true)!,
    reason: str('reason', true)!,
    date: str('date', false),
  };
}
