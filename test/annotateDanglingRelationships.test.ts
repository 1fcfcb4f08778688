import { annotatePackage, UnpatchableWorkbookError, type AnnotationPlan } from '../src/adapters/xlsx/annotate';
import { featureWorkbookParts, strictWorkbook } from './support/featureWorkbook';
import { buildPackage, readParts, text } from './support/ooxmlPackage';

/**
 * What a damaged workbook's parts refer to, the copy never re-wires (found by the fuzz test):
 * a relationship id a part uses without a relationship is not given to what we add (the sheet
 * whose relationship was lost showed the report in the copy), and a workbook whose sheets or
 * styles come in two lists is refused rather than guessed at.
 */
const report = { name: '校验报告', title: '标题', headers: ['说明'], rows: [] };
const plan = (marks: AnnotationPlan['marks'] = []): AnnotationPlan => ({ marks, report });

/** The strict sample, its parts edited by `edit`. */
function strictWith(edit: (parts: Map<string, Uint8Array>) => void): Uint8Array {
  const parts = readParts(strictWorkbook());
  edit(parts);
  return buildPackage([...parts]);
}

const ids = (rels: string) => [...rels.matchAll(/\bId="([^"]+)"/g)].map((m) => m[1]);

test('a sheet whose relationship is lost keeps its id to itself: the report gets another', () => {
  const source = strictWith((parts) => parts.delete('xl/_rels/workbook.xml.rels'));
  const copy = readParts(annotatePackage(source, plan()));
  expect(text(copy, 'xl/workbook.xml')).toContain('<sheet name="Strict" sheetId="1" r:id="rId1"/>');
  expect(ids(text(copy, 'xl/_rels/workbook.xml.rels'))).not.toContain('rId1');
});

test('a drawing whose relationship is lost keeps its id to itself: the notes get others', () => {
  const source = strictWith((parts) => {
    const sheet = text(parts, 'xl/worksheets/sheet1.xml').replace('</worksheet>', '<drawing r:id="rId1"/></worksheet>');
    parts.set('xl/worksheets/sheet1.xml', new TextEncoder().encode(sheet));
  });
  const copy = readParts(annotatePackage(source, plan([{ sheet: 'Strict', cells: [{ cell: 'A1', severity: 'error', messages: ['不符'] }] }])));
  const rels = text(copy, 'xl/worksheets/_rels/sheet1.xml.rels');
  expect(ids(rels)).toHaveLength(2);
  expect(ids(rels)).not.toContain('rId1');
  expect(text(copy, 'xl/worksheets/sheet1.xml')).toContain('<drawing r:id="rId1"/>');
});

function refusal(source: Uint8Array): string {
  try {
    annotatePackage(source, plan([{ sheet: 'Data', cells: [{ cell: 'D7', severity: 'error', messages: ['不符'] }] }]));
  } catch (e) {
    expect(e).toBeInstanceOf(UnpatchableWorkbookError);
    return (e as Error).message;
  }
  throw new Error('expected a refusal');
}

function featureWith(part: string, edit: (xml: string) => string): Uint8Array {
  return buildPackage(featureWorkbookParts().map(([name, data]) => [name, name === part ? edit(data as string) : data]));
}

test('a workbook with two <sheets> lists is refused, with a reason', () => {
  const source = featureWith('xl/workbook.xml', (xml) => xml.replace(/(<sheets>.*?<\/sheets>)/, '$1$1'));
  expect(refusal(source)).toMatch(/有 2 个 <sheets>.* \/ .*has 2 <sheets> lists/);
});

test('styles with two <dxfs> lists are refused, with a reason', () => {
  const source = featureWith('xl/styles.xml', (xml) => xml.replace(/(<dxfs\b.*?<\/dxfs>)/, '$1$1'));
  expect(refusal(source)).toContain('has 2 <dxfs> lists');
});
