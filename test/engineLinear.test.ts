import { audit } from '../src/core/engine';
import type { RawValue, SheetSnapshot, WorkbookSnapshot } from '../src/core/snapshot';
import { fixtureSnapshot } from './detectFixtures';

/**
 * The engine reads a big table and a many-disclosure workbook the same way it reads a small one:
 * the same errors, one per wrong row, and one disclosure per unit. How the time grows with the cells
 * is a target of `npm run bench` (1M cells against 100,000; 300 sheets against 30), not of this
 * suite: a timed test here measured the machine's neighbours as much as the engine, and failed CI
 * once on a ratio of 16.2 against 15 while the bench's figures held.
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

test('ten times the rows of a budget table: ten times the wrong rows, each found once', () => {
  const small = budgetTable(2000, 500);
  const large = budgetTable(20000, 500);
  // The same table read the same way, with its errors found (one every 500 rows).
  expect(audit(small).findings.filter((f) => f.severity === 'error')).toHaveLength(4);
  expect(audit(large).findings.filter((f) => f.severity === 'error')).toHaveLength(40);
});

test('ten times the disclosures in a workbook: each read as its own disclosure with its own findings', async () => {
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
  const once = audit(few);
  const tenTimes = audit(many);
  expect(once.disclosures).toHaveLength(3);
  expect(tenTimes.disclosures).toHaveLength(30);
  // Cross-table rules pair tables within a disclosure: ten copies give exactly ten times the findings.
  expect(tenTimes.findings).toHaveLength(10 * once.findings.length);
});
