import type { Rule } from './rule';

/** Every rule the engine runs, in reporting order. The one place that lists them. */
export const RULES: Rule[] = [];
