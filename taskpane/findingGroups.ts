import type { Finding } from '../src/core/finding';
import { kindName, reviewOrder, type Language } from '../src/core/report';
import type { CheckResult, TableInfo } from '../src/adapters/excel/checkResult';
import type { Messages } from '../src/i18n';

/**
 * What the pane shows of a check, as plain data (the components only lay it out): the verdict,
 * the counts that filter the list, and the findings grouped by table in the reviewer's order —
 * errors first (reviewOrder), the narrative's findings together under 情况说明.
 */
export type FilterKey = 'error' | 'warning' | 'info' | 'verified';
export type FindingFilter = Record<FilterKey, boolean>;
export const FILTER_KEYS: FilterKey[] = ['error', 'warning', 'info', 'verified'];

/** Errors and warnings shown, rounding tails and what a reviewer already verified hidden. */
export const DEFAULT_FILTER: FindingFilter = { error: true, warning: true, info: false, verified: false };

/** How many findings are drawn at first, and per "show more": a list of 30,000 would hold the pane. */
export const PAGE = 500;

export function filterKey(f: Finding): FilterKey {
  return f.review ? 'verified' : f.severity;
}

export type Counts = Record<FilterKey, number>;

export function countOf(findings: Finding[]): Counts {
  const c: Counts = { error: 0, warning: 0, info: 0, verified: 0 };
  for (const f of findings) c[filterKey(f)]++;
  return c;
}

/** Findings about the narrative (情况说明): its own rules, and a table the narrative names but the workbook lacks. */
export function isNarrativeFinding(f: Finding): boolean {
  return f.rule.startsWith('narrative-') || f.rule.startsWith('text-') || f.rule === 'missing-table';
}

/** A table's name for people: its title, else its kind; the sheet only where the title does not say it. */
export function tableName(t: TableInfo, lang: Language): { name: string; sheet?: string } {
  const name = t.title ?? kindName(t.kind, lang);
  return name.includes(t.sheet) || t.sheet.includes(name) ? { name } : { name, sheet: t.sheet };
}

export interface FindingGroup {
  key: string;
  name: string;
  /** The sheet, when the name does not already say it. */
  sheet?: string;
  findings: Finding[];
  counts: Counts;
}

export function groupFindings(result: CheckResult, sheetOrder: string[], t: Messages, lang: Language): FindingGroup[] {
  const tables = new Map(result.tables.map((x) => [x.id, x]));
  const groups = new Map<string, FindingGroup>();
  for (const f of reviewOrder(result.findings, sheetOrder)) {
    const table = f.table ? tables.get(f.table) : undefined;
    const narrative = isNarrativeFinding(f) || table?.kind === 'narrative';
    const key = narrative ? 'narrative' : table ? table.id : `other:${f.sheet}`;
    let g = groups.get(key);
    if (!g) {
      const named = narrative ? { name: t.narrativeGroup } : table ? tableName(table, lang) : { name: t.otherFindings, sheet: f.sheet };
      g = { key, ...named, findings: [], counts: { error: 0, warning: 0, info: 0, verified: 0 } };
      groups.set(key, g);
    }
    g.findings.push(f);
    g.counts[filterKey(f)]++;
  }
  return [...groups.values()];
}

export type VerdictTone = 'idle' | 'error' | 'warning' | 'clean';

export interface Verdict {
  tone: VerdictTone;
  text: string;
  aside: string;
}

/** The one line the accountant reads first, in the same place whatever the result. */
export function verdictOf(result: CheckResult | null, t: Messages): Verdict {
  if (!result) return { tone: 'idle', text: t.verdictIdle, aside: t.appSubtitle };
  const counts = countOf(result.findings);
  const aside = t.verdictAside(counts.info, counts.verified);
  const recognised = result.tables.some((x) => x.kind !== 'unknown' && x.kind !== 'narrative');
  if (counts.error + counts.warning > 0) return { tone: counts.error ? 'error' : 'warning', text: t.verdictFound(counts.error, counts.warning), aside };
  // A workbook with no table we know was not checked: never a clean verdict.
  if (!recognised) return { tone: 'warning', text: t.verdictNoTables, aside };
  return { tone: 'clean', text: t.verdictClean, aside };
}
