/** The engine's typed configuration (one object, defaults in one place). */
export interface AuditConfig {
  /** Zero tolerance: every rounding tail becomes a mismatch. */
  strict: boolean;
  /** Keep rounding-tail findings (severity info) in the result. */
  includeInfo: boolean;
  /** Rules to skip, by id. */
  disabledRules: string[];
}

export const DEFAULT_CONFIG: AuditConfig = {
  strict: false,
  includeInfo: true,
  disabledRules: [],
};

export function resolveConfig(partial?: Partial<AuditConfig>): AuditConfig {
  return { ...DEFAULT_CONFIG, ...(partial ?? {}) };
}
