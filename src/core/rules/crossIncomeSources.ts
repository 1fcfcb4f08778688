import { lineColumn } from './toolkit/sideLines';
import type { DetectedTable } from '../table';
import { tablesOf, totalRow } from './toolkit/crossTables';
import { representatives, wholeTree, type HeaderNode } from './toolkit/headerTree';
import type { RuleSpec } from './toolkit/ruleSpec';
import { sideView } from './toolkit/sideLines';
import type { SumCheck } from './toolkit/sumCheck';
import { stripOrdinal } from './toolkit/functionClasses';
import { cleanLabel, figureAt, type Figure } from './toolkit/tableAccess';
import { ownFigureColumns } from './toolkit/yearColumns';

/**
 * The money's sources, named alike in 收支总表 lines, 财政拨款收支表 lines and 收入表 headers
 * (一、一般公共预算 / （一）一般公共预算拨款 / 本年收入 > 一般公共预算 > 小计).
 */
const SOURCES: Array<[string, RegExp]> = [
  ['财政拨款', /^其中:?财政拨款/],
  ['一般公共预算', /一般公共预算/],
  ['政府性基金', /政府性基金/],
  ['国有资本经营', /国有资本经营/],
  ['财政专户', /财政专户/],
  ['事业单位经营', /事业单位经营|^经营收入/],
  ['事业收入', /^事业收入/],
  ['上级补助', /上级补助/],
  ['附属单位上缴', /附属单位上缴/],
  ['其他收入', /^其他收入/],
];

function sourceOf(label: string): string | undefined {
  const l = cleanLabel(stripOrdinal(label));
  for (const [key, re] of SOURCES) if (re.test(l)) return key;
  return undefined;
}

/** This year's income lines of a side-by-side table, by source (the 上年结转 section left out). */
function lineSources(t: DetectedTable): Map<string, Figure> {
  const out = new Map<string, Figure>();
  const view = sideView(t, 'income');
  const col = view && ownFigureColumns(t, view.amountColumns)[0];
  if (!view || !col) return out;
  const dup = new Set<string>();
  let seen = false;
  for (const l of view.lines) {
    const carry = l.kind === 'carry' || (l.kind === 'level1' && /结转|结余/.test(cleanLabel(l.label)));
    if (carry) {
      // 上年结转结余 (收支总表) / 二、上年结转 (财政拨款收支表): last year's money, one figure.
      if (/上年结转|年初结转/.test(cleanLabel(l.label)) && !out.has('上年结转')) out.set('上年结转', figureAt(t, l.row, lineColumn(l, col.col)));
      break;
    }
    // A 收入合计 line at the top (财政拨款收支表) comes before the sources.
    if (l.kind === 'year' || l.kind === 'grand') {
      if (seen) continue;
      continue;
    }
    const key = sourceOf(l.label);
    if (!key) continue;
    seen = true;
    if (out.has(key)) dup.add(key);
    out.set(key, figureAt(t, l.row, lineColumn(l, col.col)));
  }
  // 收支总表 writes 上年结转结余 after 本年收入合计.
  if (!out.has('上年结转')) {
    const carry = view.lines.find((l) => l.kind === 'carry' && /上年结转|年初结转/.test(cleanLabel(l.label)));
    if (carry) out.set('上年结转', figureAt(t, carry.row, lineColumn(carry, col.col)));
  }
  for (const k of dup) out.delete(k);
  return out;
}

/** The income table's total row by source: the 本年收入 group's columns (or the top level). */
function columnSources(t: DetectedTable): Map<string, Figure> {
  const out = new Map<string, Figure>();
  const row = totalRow(t);
  if (!row) return out;
  const root = wholeTree(t);
  const year = root.children.find((n) => /^本年收入$/.test(n.label));
  const nodes: HeaderNode[] = year ? year.children : root.children;
  const carry = root.children.find((n) => /^(上年结转|年初结转)/.test(n.label));
  if (carry) {
    const reps = representatives(carry);
    if (reps.length === 1) out.set('上年结转', figureAt(t, row.row, reps[0].col));
  }
  const dup = new Set<string>();
  const add = (n: HeaderNode) => {
    const key = sourceOf(n.label);
    if (!key) return;
    const reps = representatives(n);
    if (reps.length !== 1) return;
    if (out.has(key)) dup.add(key);
    out.set(key, figureAt(t, row.row, reps[0].col));
  };
  for (const n of nodes) {
    add(n);
    for (const c of n.children) if (/^其中/.test(c.label)) add(c);
  }
  for (const k of dup) out.delete(k);
  return out;
}

/**
 * Each source of this year's income agrees between 收支总表, 财政拨款收支表 and 收入表:
 * 一、一般公共预算 = （一）一般公共预算拨款 = 收入表 一般公共预算小计 …
 */
export const crossIncomeSources: RuleSpec = {
  id: 'cross-income-sources',
  emits: { 'cross-income-sources': 'error' },
  collect: ({ tables }) => {
    const checks: SumCheck[] = [];
    // Every pair of tables, so a wrong figure in any one of them fails two comparisons.
    const all: Array<[DetectedTable, Map<string, Figure>]> = [
      ...tablesOf(tables, 'income-expenditure-summary').map((t) => [t, lineSources(t)] as [DetectedTable, Map<string, Figure>]),
      ...tablesOf(tables, 'fiscal-appropriation-summary').map((t) => [t, lineSources(t)] as [DetectedTable, Map<string, Figure>]),
      ...tablesOf(tables, 'income').map((t) => [t, columnSources(t)] as [DetectedTable, Map<string, Figure>]),
    ];
    for (let i = 0; i < all.length; i++) {
      const [s, mine] = all[i];
      for (const [t, theirs] of all.slice(i + 1)) {
        const fiscalOnly = s.kind === 'fiscal-appropriation-summary' || t.kind === 'fiscal-appropriation-summary';
        for (const [key, f] of mine) {
          const g = theirs.get(key);
          if (!g) continue;
          // 财政拨款收支表's 上年结转 is fiscal money only; the others' includes every source.
          if (key === '上年结转' && fiscalOnly) continue;
          checks.push({
            rule: 'cross-income-sources',
            severity: 'error',
            direction: 'cross',
            stated: f,
            parts: [g],
          });
        }
      }
    }
    return { checks };
  },
};
