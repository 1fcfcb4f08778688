import { audit } from '../src/core/engine';
import type { RawValue, SheetSnapshot, WorkbookSnapshot } from '../src/core/snapshot';
import { fixtureSnapshot } from './detectFixtures';

/**
 * The engine grows with the cells, not faster: ten times the rows of a budget table, or ten times
 * the disclosures in a workbook, cost at most fifteen times the time. Times are the least of a few
 * runs in CPU time (what this process spent, whatever else the machine runs), so a loaded machine
 * slows both sides alike; `npm run bench` holds the absolute targets.
 */
function budgetTable(rows: number, wrongEvery = 0): WorkbookSnapshot {
  const values: RawValue[][] = [['2024年部门支出预算表'], ['单位：万元'], ['科目编码', '科目名称', '合计', '基本支出', '项目支出']];
  for (let i = 0; i < rows; i++) {
    const a = ((i * 37) % 9973) / 100;
    const b = ((i * 11) % 101) / 100;
    const wrong = wrongEvery > 0 && i % wrongEvery === 0 ? 1 : 0;
    values.push([String(2010101 + i), `项目${i + 1}`, Number((a + b + wrong).toFixed(2)), a, b]);
  }
  const text = values.map((row) => row.map((v) => (typeof v === 'number' ? v.toFixed(2) : String(v))));
  const numberFormats = values.map((row) => row.map((v) => (typeof v === 'number' ? '#,##0.00' : 'General')));
  const sheet: SheetSnapshot = { name: '支出预算表', values, text, numberFormats, merges: [], hiddenRows: [], hiddenColumns: [] };
  return { name: 'linear.xlsx', sheets: [sheet] };
}

/** Least CPU time of `runs` audits, after one to warm up. */
function cpuMs(snapshot: WorkbookSnapshot, runs = 3): number {
  audit(snapshot);
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const t0 = process.cpuUsage();
    audit(snapshot);
    const t = process.cpuUsage(t0);
    best = Math.min(best, (t.user + t.system) / 1000);
  }
  return best;
}

test('ten times the rows of a budget table cost at most fifteen times the time', () => {
  const small = budgetTable(2000, 500);
  const large = budgetTable(20000, 500);
  // The same table read the same way, with its errors found (one every 500 rows).
  expect(audit(small).findings.filter((f) => f.severity === 'error')).toHaveLength(4);
  expect(audit(large).findings.filter((f) => f.severity === 'error')).toHaveLength(40);
  const ratio = cpuMs(large) / cpuMs(small);
  expect(ratio).toBeLessThanOrEqual(15);
});

test('ten times the disclosures in a workbook cost at most fifteen times the time', async () => {
  const seeds = await Promise.all(
    ['000-jiaozuo-medical-insurance-center-2024-budget.xlsx', '001-jiaozuo-healthcare-security-bureau-2025-budget.xlsx', '003-sanmenxia-healthcare-security-service-center-2024-budget.xlsx'].map(
      (f) => fixtureSnapshot(f),
    ),
  );
  const units = (n: number): WorkbookSnapshot => ({
    sheets: Array.from({ length: n }, (_, i) => seeds[i % seeds.length].sheets.map((s) => ({ ...s, name: `${String(i + 1).padStart(3, '0')}${s.name}` }))).flat(),
  });
  const few = units(3);
  const many = units(30);
  expect(audit(many).disclosures).toHaveLength(30);
  const ratio = cpuMs(many) / cpuMs(few);
  expect(ratio).toBeLessThanOrEqual(15);
});
