import { audit } from '../src/core/engine';
import { groupDisclosures } from '../src/core/disclosure';
import { detectTables } from '../src/core/detect';
import type { WorkbookSnapshot } from '../src/core/snapshot';
import { fixtureSnapshot } from './detectFixtures';

/**
 * A workbook holding several units' disclosures (a 主管部门 collecting them): each disclosure's
 * tables are checked against each other only, and each gives exactly the findings it gives alone.
 */
const key = (f: { rule: string; sheet: string; cell: string; severity: string; expected: string | null }) => `${f.rule} ${f.severity} ${f.sheet}!${f.cell} ${f.expected}`;

function prefixed(s: WorkbookSnapshot, prefix: string): WorkbookSnapshot {
  return { ...s, sheets: s.sheets.map((x) => ({ ...x, name: `${prefix}${x.name}` })) };
}

describe('several disclosures in one workbook', () => {
  let a: WorkbookSnapshot;
  let b: WorkbookSnapshot;
  let c: WorkbookSnapshot;
  beforeAll(async () => {
    a = prefixed(await fixtureSnapshot('003-sanmenxia-healthcare-security-service-center-2024-budget.xlsx'), 'A');
    b = prefixed(await fixtureSnapshot('001-jiaozuo-healthcare-security-bureau-2025-budget.xlsx'), 'B');
    c = prefixed(await fixtureSnapshot('000-jiaozuo-medical-insurance-center-2024-budget.xlsx'), 'C');
  });

  test('are told apart, each with its department and year', () => {
    const all: WorkbookSnapshot = { sheets: [...a.sheets, ...b.sheets, ...c.sheets] };
    const ds = groupDisclosures(detectTables(all));
    expect(ds.map((d) => [d.department, d.year, d.kind, d.tables.length])).toEqual([
      ['三门峡市医疗保障服务中心', 2024, 'budget', 13],
      ['焦作市医疗保障局', 2025, 'budget', 14],
      ['焦作市社会医疗保险中心', 2024, 'budget', 14],
    ]);
  });

  test('each gives the findings it gives alone, and no table is compared with another unit’s', () => {
    const all: WorkbookSnapshot = { sheets: [...a.sheets, ...b.sheets, ...c.sheets] };
    const together = audit(all).findings.map(key).sort();
    const alone = [a, b, c].flatMap((s) => audit(s).findings.map(key)).sort();
    expect(together).toEqual(alone);
  });
});
