import type { DetectedTable } from '../table';

/**
 * Final accounts or a budget: the tables' titles say it (…决算表), else their headers (决算数), else the
 * narrative itself (决算情况说明, 支出决算为 …) — a copy without titles is still read right.
 */
export function isFinalAccounts(tables: DetectedTable[], paragraphs: { text: string }[]): boolean {
  const strip = (s: string) => s.replace(/一般公共预算|政府性基金预算|国有资本经营预算/g, '');
  const titles = strip(tables.filter((t) => t.kind !== 'narrative').map((t) => t.title ?? '').join(' '));
  if (/决算/.test(titles)) return true;
  if (/预算/.test(titles)) return false;
  const headers = strip(tables.flatMap((t) => t.columns.map((c) => c.headerPath.join(''))).join(' '));
  const count = (s: string, re: RegExp) => (s.match(re) ?? []).length;
  if (count(headers, /决算/g) !== count(headers, /预算/g)) return count(headers, /决算/g) > count(headers, /预算/g);
  const prose = strip(paragraphs.map((p) => p.text).join(' '));
  return count(prose, /决算/g) > count(prose, /预算/g);
}
