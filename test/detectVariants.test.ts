import { detectTables } from '../src/core/detect';
import type { GridSheet, WorkbookSnapshot } from '../src/core/snapshot';
import type { DetectedTable } from '../src/core/table';
import { answerFor, fixtureNames, fixtureSnapshot, span } from './detectFixtures';
import { allVariants, hideRows, inYuan, numericCodes, textAmounts, type Variant } from './support/variants';

/**
 * The same workbooks as they arrive in real life — stacked on one sheet, without titles,
 * amounts typed as text, in 元, codes as numbers, labels with line breaks — must give the
 * same tables (kinds, header rows, body rows, moved where the variant moved them).
 */
function expectSameTables(file: string, v: Variant, tables: DetectedTable[]): void {
  const answer = answerFor(file);
  const problems: string[] = [];
  for (const want of answer.tables.filter((t) => t.kind !== 'narrative')) {
    const [b0, b1] = span(want.bodyRows);
    const [h0, h1] = span(want.headerRows as string);
    const mb0 = v.map(want.sheet, b0);
    const mb1 = v.map(want.sheet, b1);
    const mh0 = v.map(want.sheet, h0);
    const mh1 = v.map(want.sheet, h1);
    if (!mb0 || !mb1 || !mh0 || !mh1) throw new Error(`variant ${v.name} deleted rows of ${want.sheet}`);
    const got = tables.find((t) => t.sheet === mb0.sheet && t.bodyRows[0] === mb0.row);
    const kindOk = got && got.kind === want.kind;
    if (!got || !kindOk || got.bodyRows[1] !== mb1.row || got.headerRows?.[0] !== mh0.row || got.headerRows?.[1] !== mh1.row) {
      problems.push(
        `${want.sheet}: want ${want.kind} h=${mh0.row}:${mh1.row} b=${mb0.row}:${mb1.row}, got ${got ? `${got.kind} h=${got.headerRows?.join(':')} b=${got.bodyRows.join(':')}` : 'nothing'}`,
      );
    }
  }
  expect(problems).toEqual([]);
}

describe.each(fixtureNames())('%s', (file) => {
  let source: WorkbookSnapshot<GridSheet>;
  let variants: Variant[];
  beforeAll(async () => {
    source = await fixtureSnapshot(file);
    variants = allVariants(source);
  });

  test('every variant gives the same tables, rows moved as the variant moved them', () => {
    for (const v of variants) {
      const tables = detectTables(v.snapshot);
      try {
        expectSameTables(file, v, tables);
      } catch (e) {
        throw new Error(`variant ${v.name}: ${(e as Error).message}`);
      }
    }
  });

  test('stacked tables keep their titles; no table swallows its neighbour', () => {
    const v = variants.find((x) => x.name === 'stacked-gap0') as Variant;
    const tables = detectTables(v.snapshot).filter((t) => t.kind !== 'narrative');
    const answer = answerFor(file).tables.filter((t) => t.kind !== 'narrative');
    expect(tables.map((t) => t.title)).toEqual(answer.map((t) => t.title));
    for (let i = 1; i < tables.length; i++) expect(tables[i].range.top).toBeGreaterThan(tables[i - 1].range.bottom);
  });

  test('a 情况说明 pasted under the stacked tables is a narrative, not notes of the last table', () => {
    const v = variants.find((x) => x.name === 'stacked-gap0-prose') as Variant;
    const tables = detectTables(v.snapshot);
    expect(tables.map((t) => t.kind).filter((k) => k === 'narrative')).toEqual(['narrative']);
    const last = answerFor(file).tables.filter((t) => t.kind !== 'narrative').pop();
    const lastTable = tables[tables.length - 2];
    const end = Number(last?.range.split(':')[1].replace(/[A-Z]+/, ''));
    expect(lastTable.range.bottom).toBe((v.map(last?.sheet as string, end) as { row: number }).row);
  });

  test('amounts typed as text read as the same amounts', () => {
    const base = detectTables(source);
    const sum = (ts: DetectedTable[]) =>
      ts
        .flatMap((t) => t.rows.flatMap((r) => Object.values(r.cells)))
        .reduce((acc, c) => (c.amount.kind === 'amount' ? acc.plus(c.amount.value) : acc), new (require('decimal.js'))(0))
        .toFixed(2);
    for (const style of ['comma', 'pdf-spaces', 'full-width', 'dash-zero', 'blank-zero'] as const) {
      const tables = detectTables(textAmounts(source, style).snapshot);
      expect([style, sum(tables)]).toEqual([style, sum(base)]);
      expect(tables.flatMap((t) => t.unreadable)).toEqual([]);
    }
    const negative = detectTables(textAmounts(source, 'parentheses', true).snapshot);
    expect(sum(negative)).toBe(`-${sum(base)}`.replace('--', ''));
  });

  test('a 元 copy says 元 and keeps two decimals', () => {
    const tables = detectTables(inYuan(source).snapshot).filter((t) => t.kind !== 'narrative');
    expect(new Set(tables.map((t) => t.unit))).toEqual(new Set(['元']));
    expect(new Set(tables.map((t) => t.decimals))).toEqual(new Set([2]));
    // Every amount is the 万元 figure × 10,000, exactly.
    const base = detectTables(source).filter((t) => t.kind !== 'narrative');
    const amounts = (ts: DetectedTable[]) =>
      ts.flatMap((t) => t.rows.flatMap((r) => Object.values(r.cells).flatMap((c) => (c.amount.kind === 'amount' ? [c.amount.value] : []))));
    const yuan = amounts(tables);
    const wan = amounts(base);
    expect(yuan.length).toBe(wan.length);
    expect(yuan.every((y, i) => y.equals(wan[i].times(10000)))).toBe(true);
  });

  test('codes stored as numbers give the same FunctionCode / EconomicCode / unit code', () => {
    const codes = (ts: DetectedTable[]) => ts.flatMap((t) => t.rows.map((r) => `${t.sheet}!${r.row}:${r.role}:${r.functionCode ?? ''}:${r.econCode ?? ''}:${r.govEconCode ?? ''}:${r.unitCode ?? ''}`));
    expect(codes(detectTables(numericCodes(source).snapshot))).toEqual(codes(detectTables(source)));
  });

  test('hidden rows stay in the body and are marked hidden', () => {
    const v = hideRows(source, (s) => (s.values.length > 12 ? [s.values.length - 3] : []));
    const tables = detectTables(v.snapshot);
    expectSameTables(file, v, tables);
    const hidden = tables.flatMap((t) => t.rows.filter((r) => r.hidden));
    expect(hidden.length).toBeGreaterThan(0);
  });
});
