import { detectTables } from '../src/core/detect';
import type { WorkbookSnapshot } from '../src/core/snapshot';
import { answerFor, fixtureNames, fixtureSnapshot } from './detectFixtures';
import { withoutTitles } from './support/variants';

/**
 * No title, no form number, no telling sheet name, each table alone in its workbook: the
 * kind must come from the header signature (and the notes). The one pair no header can
 * tell apart is a 支出表 whose header is the same as the 一般公共预算支出表's (三门峡 YS03
 * and YS05): alone, either name is accepted for it; with both present the order of the
 * tables settles it (detectVariants).
 */
describe.each(fixtureNames())('%s', (file) => {
  let bare: WorkbookSnapshot;
  beforeAll(async () => {
    bare = withoutTitles(await fixtureSnapshot(file)).snapshot;
  });

  test.each(answerFor(file).tables.filter((t) => t.kind !== 'narrative').map((t) => [t.sheet, t.kind] as const))('%s alone reads as %s', (sheet, kind) => {
    const alone = (name: string) => detectTables({ sheets: [{ ...(bare.sheets.find((x) => x.name === name) as WorkbookSnapshot['sheets'][number]), name: 'Sheet1' }] });
    const tables = alone(sheet);
    expect(tables).toHaveLength(1);
    const gb = answerFor(file).tables.find((t) => t.kind === 'general-budget-expenditure');
    const paths = (name: string) => JSON.stringify(alone(name)[0].columns.map((c) => c.headerPath));
    const twin = kind === 'expenditure' && gb && paths(gb.sheet) === paths(sheet);
    expect(twin ? ['expenditure', 'general-budget-expenditure'] : [kind]).toContain(tables[0].kind);
  });
});
