import { detectTables } from '../src/core/detect';
import { rangeAddress } from '../src/core/address';
import type { DetectedTable } from '../src/core/table';
import { answerFor, fixtureNames, fixtureSnapshot, span } from './detectFixtures';

/**
 * The accountant's first check: on each of the five real disclosures, every table is found,
 * named right, and its header and body rows are exactly those of the answer file.
 */
describe.each(fixtureNames())('%s', (file) => {
  const answer = answerFor(file);
  let tables: DetectedTable[] = [];
  beforeAll(async () => {
    tables = detectTables(await fixtureSnapshot(file));
  });

  test('finds one table per answer-file sheet and nothing else', () => {
    const sheets = tables.map((t) => t.sheet).sort();
    expect(sheets).toEqual(answer.tables.map((t) => t.sheet).sort());
  });

  test.each(answer.tables.filter((t) => t.kind !== 'narrative').map((t) => [t.sheet, t] as const))('%s: kind, title, range, header and body rows', (_sheet, want) => {
    const got = tables.find((t) => t.sheet === want.sheet);
    expect(got).toBeDefined();
    const g = got as DetectedTable;
    expect({ kind: g.kind, headerRows: g.headerRows, bodyRows: g.bodyRows }).toEqual({
      kind: want.kind,
      headerRows: want.headerRows ? span(want.headerRows) : null,
      bodyRows: span(want.bodyRows),
    });
    expect(rangeAddress(g.range)).toBe(want.range);
    expect(g.title).toBe(want.title);
  });

  test('the 情况说明 sheet is a narrative', () => {
    const want = answer.tables.find((t) => t.kind === 'narrative');
    if (!want) return;
    const got = tables.find((t) => t.sheet === want.sheet);
    expect(got?.kind).toBe('narrative');
    expect(got?.headerRows).toBeNull();
  });

  test('every table states its unit (万元) and two displayed decimals', () => {
    for (const t of tables.filter((x) => x.kind !== 'narrative')) {
      expect([t.sheet, t.unit, t.decimals]).toEqual([t.sheet, '万元', 2]);
    }
  });
});
