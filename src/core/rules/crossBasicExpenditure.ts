import type { Finding } from '../finding';
import type { DetectedTable } from '../table';
import { grandTotalAtTotal, quantityAtTotal, tablesOf } from './toolkit/crossTables';
import { groupFinding } from './toolkit/directFinding';
import { grandTotalColumn } from './toolkit/headerTree';
import { columnGroups, rowBlocks } from './toolkit/rowStructure';
import type { RuleSpec } from './toolkit/ruleSpec';
import type { SumCheck } from './toolkit/sumCheck';
import { cleanLabel, figureAt, tableShort, type Figure } from './toolkit/tableAccess';
import { nameArg } from '../messages/message';
import { gather } from './toolkit/gather';
import { classTotals } from './toolkit/personnelAndPublic';

/**
 * The table 基本支出表 is compared with: the general-budget table (same money), else the expenditure table — not where a
 * general-budget table is there but could not be told from another (kindGuess): the 支出表's 基本支出 holds every fund's.
 */
function referenceTables(tables: DetectedTable[]): DetectedTable[] {
  const general = tablesOf(tables, 'general-budget-expenditure');
  if (general.length > 0) return general;
  return tables.some((t) => t.kindGuess === 'general-budget-expenditure') ? [] : tablesOf(tables, 'expenditure');
}

/**
 * 基本支出明细表 rows grouped by their 类型 (人员类 / 公用经费), which is written only on
 * the first row of each group (a vertically merged cell): filled down here.
 */
// (Kept here: a pattern written in the loop is a new RegExp for every cell it reads.)
const PERSONNEL_TYPE = /^人员(类|经费)$/;
const PUBLIC_TYPE = /^公用(经费|类)$/;

function rowsByType(detail: DetectedTable, col: number): { personnel: Figure[]; public: Figure[]; labels: { personnel: string; public: string } } {
  const typeCols = detail.columns.filter((c) => c.role === 'text' || c.role === 'label' || c.role === 'unit-code');
  const out = { personnel: [] as Figure[], public: [] as Figure[], labels: { personnel: '', public: '' } };
  const b = rowBlocks(detail, columnGroups(detail)[0]);
  const rows = b.units.length > 0 ? gather(b.units, (u) => u.members) : b.details;
  let current: 'personnel' | 'public' | undefined;
  for (const { row } of rows) {
    for (const c of typeCols) {
      const t = cleanLabel(row.cells[c.col]?.text ?? '');
      if (PERSONNEL_TYPE.test(t)) current = 'personnel';
      else if (PUBLIC_TYPE.test(t)) current = 'public';
      else continue;
      out.labels[current] ||= t;
    }
    if (current) out[current].push(figureAt(detail, row.row, col));
  }
  return out;
}

/**
 * 基本支出表 合计 = 一般公共预算支出表 基本支出 (error); its 人员经费 / 公用经费 = the same
 * split there (warning: a classification difference, 福利费 counted as 人员经费 …);
 * 基本支出明细表 合计 = 基本支出表 合计, and its 人员类 / 公用经费 rows = the split.
 */
export const crossBasicExpenditure: RuleSpec = {
  id: 'cross-basic-expenditure',
  emits: { 'cross-basic-expenditure': 'error', 'cross-personnel-split': 'warning', 'cross-public-split': 'warning', 'cross-basic-detail': 'error' },
  collect: ({ tables, config }) => {
    const checks: SumCheck[] = [];
    const findings: Finding[] = [];
    for (const basic of tablesOf(tables, 'basic-expenditure')) {
      // Printed in groups side by side (公开06表; 人员经费 | 公用经费 blocks): its 人员经费合计 and 公用经费合计 are the
      // split, and its 基本支出 their sum, which econClassTotals.ts holds against the other table.
      const grouped = columnGroups(basic).length > 1;
      const byGroups = grouped ? classTotals(basic) : undefined;
      if (grouped && !byGroups) continue;
      const total = grouped ? undefined : grandTotalAtTotal(basic);
      const personnel = byGroups ? (byGroups.personnel ? [byGroups.personnel] : undefined) : quantityAtTotal(basic, /人员经费/, '人员经费');
      const pub = byGroups ? (byGroups.public ? [byGroups.public] : undefined) : quantityAtTotal(basic, /公用经费/, '公用经费');
      for (const ref of referenceTables(tables)) {
        const refBasic = quantityAtTotal(ref, /基本支出/, '基本支出');
        if (total && refBasic) {
          checks.push({
            rule: 'cross-basic-expenditure',
            severity: 'error',
            direction: 'cross',
            stated: total,
            parts: refBasic,
          });
        }
        for (const [mine, re, name, rule] of [
          [personnel, /人员经费/, '人员经费', 'cross-personnel-split'],
          [pub, /公用经费/, '公用经费', 'cross-public-split'],
        ] as const) {
          const theirs = quantityAtTotal(ref, re, name);
          if (!mine || mine.length !== 1 || !theirs) continue;
          checks.push({
            rule,
            severity: 'warning',
            direction: 'cross',
            stated: mine[0],
            parts: theirs,
            partsName: nameArg(`${tableShort(ref)} ${name}`),
          });
        }
      }
      for (const detail of tablesOf(tables, 'basic-expenditure-detail')) {
        const dTotal = grandTotalAtTotal(detail);
        if (total && dTotal) {
          checks.push({
            rule: 'cross-basic-detail',
            severity: 'error',
            direction: 'cross',
            stated: dTotal,
            parts: [total],
          });
        }
        const gcol = grandTotalColumn(detail);
        // (Its 人员类 / 公用类 rows summed on one part of a table split over pages are not the whole split.)
        if (!gcol || detail.splitOverPages || basic.splitOverPages) continue;
        const groups = rowsByType(detail, gcol.col);
        for (const [rows, theirs, name, rule] of [
          [groups.personnel, personnel, '人员经费', 'cross-personnel-split'],
          [groups.public, pub, '公用经费', 'cross-public-split'],
        ] as const) {
          if (rows.length === 0 || !theirs || theirs.length !== 1) continue;
          const check: SumCheck = {
            rule,
            severity: 'warning',
            direction: 'cross',
            stated: theirs[0],
            parts: rows,
          };
          const f = groupFinding(check, config.strict, rows[0], groups.labels[name === '人员经费' ? 'personnel' : 'public'] || name, 'warning');
          if (f) findings.push(f);
        }
      }
    }
    return { checks, findings };
  },
};
