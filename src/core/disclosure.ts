import type { DetectedTable } from './table';

/**
 * One disclosure: the tables (and narrative) one department publishes for one year. A workbook
 * may hold several — a 主管部门 collecting its units' disclosures, 30 or 300 sheets — and tables
 * only ever agree with tables of their own disclosure: cross-table rules pair tables within one,
 * never all against all (which would be wrong, and quadratic).
 */
export interface Disclosure {
  tables: DetectedTable[];
  /** The department its tables name (the most frequent), if any. */
  department?: string;
  /** The fiscal year its tables name (the most frequent), if any. */
  year?: number;
  /** 部门预算 or 部门决算, from the tables' titles and form numbers. */
  kind?: 'budget' | 'final-accounts';
}

const SET_ASIDE = new Set(['unknown', 'narrative']);

/**
 * Tables in workbook order, cut into disclosures: a new one starts where a table names another
 * department than the current disclosure's, or where a kind of table comes round again (a second
 * 收支总表). A narrative joins the disclosure beside it: the current one unless it has its own
 * narrative already (then it opens the next one, which its tables follow).
 */
export function groupDisclosures(tables: DetectedTable[]): Disclosure[] {
  const groups: DetectedTable[][] = [];
  let current: DetectedTable[] = [];
  let department: string | undefined;
  const kinds = new Set<string>();
  let hasNarrative = false;
  const open = () => {
    if (current.length) groups.push(current);
    current = [];
    department = undefined;
    kinds.clear();
    hasNarrative = false;
  };
  for (const t of tables) {
    if (t.kind === 'narrative') {
      if (hasNarrative) open();
      hasNarrative = true;
      current.push(t);
      continue;
    }
    // A table's later part (公开03表(续)) stays with its first part, whatever its caption says.
    if (t.continues && current.some((x) => x.id === t.continues)) {
      current.push(t);
      continue;
    }
    const otherDepartment = t.department && department && t.department !== department;
    // (Its key worked out once: it is asked, then kept.)
    const key = SET_ASIDE.has(t.kind) ? undefined : kindKey(t);
    const again = key !== undefined && kinds.has(key);
    if (otherDepartment || again) {
      // A narrative between two runs of tables goes with the one whose department it names.
      const last = current[current.length - 1];
      const narrativeFirst =
        last?.kind === 'narrative' && current.some((x) => x.kind !== 'narrative') && !!t.department && mentions(last, t.department) && !(department && mentions(last, department));
      const carried = narrativeFirst ? current.pop()! : undefined;
      open();
      if (carried) {
        current.push(carried);
        hasNarrative = true;
      }
    }
    current.push(t);
    if (key !== undefined) kinds.add(key);
    department ??= t.department;
  }
  open();
  narrativesToTheirDepartment(groups);
  return groups.map(describe);
}

/**
 * A narrative after its run of tables that names not their department but an earlier run's (a 主管部门's file: the
 * 部门 set, then each unit's 单位预算 set, then one 情况说明 of the department) goes with the run it names, where that
 * run has no narrative of its own. Held to the last unit's tables, every figure of it would be called wrong.
 */
function narrativesToTheirDepartment(groups: DetectedTable[][]): void {
  if (groups.length < 2) return;
  const departments = groups.map((g) => mostFrequent(g.map((t) => t.department).filter((x): x is string => !!x)));
  groups.forEach((g, i) => {
    const last = g[g.length - 1];
    if (last?.kind !== 'narrative' || g.length < 2 || g.slice(0, -1).some((t) => t.kind === 'narrative')) return;
    const own = departments[i];
    if (!own || mentions(last, own)) return;
    const to = groups.findIndex((h, k) => k !== i && !!departments[k] && !h.some((t) => t.kind === 'narrative') && mentions(last, departments[k]!));
    if (to < 0) return;
    groups[to].push(g.pop()!);
  });
}

/**
 * A kind of table with the classification its rows are listed by (function, department or
 * government economic codes). One disclosure may print a kind twice by two classifications —
 * Shaanxi's 一般公共预算基本支出明细表 按政府预算经济分类 and 按部门预算经济分类 — two views of the
 * same money, not a second unit's table; the same kind by the same classification comes round again.
 */
function kindKey(t: DetectedTable): string {
  const roles = t.columns.map((c) => c.role);
  const by = roles.some((r) => r.startsWith('function-'))
    ? 0
    : roles.some((r) => r.startsWith('econ-'))
      ? 1
      : roles.some((r) => r.startsWith('gov-econ-'))
        ? 2
        : 3;
  return keysOfKind(t.kind)[by];
}

const CLASSIFICATIONS = ['function', 'econ', 'gov-econ', ''];

/**
 * A kind's keys, one per classification (`expenditure|function`), made once a process: a key string
 * built per table is a new string, hashed afresh by the set it is looked up in, on every audit.
 */
function keysOfKind(kind: string): string[] {
  let keys = KIND_KEYS.get(kind);
  if (!keys) KIND_KEYS.set(kind, (keys = CLASSIFICATIONS.map((by) => `${kind}|${by}`)));
  return keys;
}

/** (Bounded by the kinds of table: a few dozen names.) */
const KIND_KEYS = new Map<string, string[]>();

function mentions(narrative: DetectedTable, department: string): boolean {
  return (narrative.paragraphs ?? []).some((p) => p.text.includes(department));
}

function mostFrequent<T>(values: T[]): T | undefined {
  const counts = new Map<T, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
}

function describe(tables: DetectedTable[]): Disclosure {
  const d: Disclosure = { tables };
  const department = mostFrequent(tables.map((t) => t.department).filter((x): x is string => !!x));
  if (department) d.department = department;
  const year = mostFrequent(tables.map((t) => t.year).filter((x): x is number => !!x));
  if (year) d.year = year;
  // 一般公共预算 names a fund, not the document: 决算 in a title makes final accounts.
  const titles = tables.map((t) => (t.title ?? '').replace(/一般公共预算|政府性基金预算|国有资本经营预算/g, '')).join(' ');
  if (/决算/.test(titles)) d.kind = 'final-accounts';
  else if (/预算/.test(titles)) d.kind = 'budget';
  return d;
}
