import { strToU8 } from 'fflate';
import { annotatePackage, UnpatchableWorkbookError, type AnnotationPlan } from '../src/adapters/xlsx/annotate';
import { featureWorkbookParts } from './support/featureWorkbook';
import { buildPackage, readParts, sameBytes } from './support/ooxmlPackage';

/**
 * What cannot be patched safely is refused with one bilingual sentence (Chinese first), never a
 * crash of another kind and never a copy written blind. What we do not need to touch may be
 * anything at all: it is carried over without being read.
 */
const report = { name: '校验报告', title: '标题', headers: ['说明'], rows: [] };
const plan = (sheet = 'Data', cell = 'D7'): AnnotationPlan => ({ marks: [{ sheet, cells: [{ cell, severity: 'error', messages: ['不符'] }] }], report });

function withPart(name: string, data: string | Uint8Array | null): Uint8Array {
  const parts = featureWorkbookParts().filter(([n]) => n !== name);
  if (data !== null) parts.push([name, data]);
  return buildPackage(parts);
}

/** The error thrown, checked to be ours and bilingual: Chinese, then ` / `, then English. */
function refusal(run: () => unknown): string {
  try {
    run();
  } catch (e) {
    expect(e).toBeInstanceOf(UnpatchableWorkbookError);
    const message = (e as Error).message;
    const split = message.indexOf(' / ');
    expect(split).toBeGreaterThan(0);
    expect(message.slice(0, split)).toMatch(/[\u4e00-\u9fff]/);
    expect(message.slice(split + 3)).toMatch(/^[A-Za-z"]/);
    return message;
  }
  throw new Error('expected annotatePackage to refuse');
}

describe('annotatePackage refuses, with a bilingual sentence,', () => {
  test('bytes that are not a zip package', () => {
    expect(refusal(() => annotatePackage(strToU8('PK? no, just text'), plan()))).toContain('not an .xlsx/.xlsm file');
  });

  test('a package without [Content_Types].xml', () => {
    expect(refusal(() => annotatePackage(withPart('[Content_Types].xml', null), plan()))).toContain('no [Content_Types].xml');
  });

  test('a package whose relationships name no workbook', () => {
    expect(refusal(() => annotatePackage(withPart('_rels/.rels', '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>'), plan()))).toContain('no workbook part');
  });

  test('a marked sheet that is not well-formed XML', () => {
    const broken = (featureWorkbookParts().find(([n]) => n === 'xl/worksheets/sheet1.xml')![1] as string).replace('</sheetData>', '');
    expect(refusal(() => annotatePackage(withPart('xl/worksheets/sheet1.xml', broken), plan()))).toContain('xl/worksheets/sheet1.xml is not XML that can be patched safely');
  });

  test('a part to be edited that declares a DOCTYPE (OOXML forbids them)', () => {
    const styles = featureWorkbookParts().find(([n]) => n === 'xl/styles.xml')![1] as string;
    const withDoctype = styles.replace('<styleSheet', '<!DOCTYPE styleSheet [<!ENTITY big "x">]><styleSheet');
    expect(refusal(() => annotatePackage(withPart('xl/styles.xml', withDoctype), plan()))).toContain('(DOCTYPE)');
  });

  test('a part to be edited that is UTF-16', () => {
    const utf16 = Uint8Array.from([0xff, 0xfe, ...Array.from(Buffer.from('<styleSheet/>', 'utf16le'))]);
    expect(refusal(() => annotatePackage(withPart('xl/styles.xml', utf16), plan()))).toContain('not UTF-8 encoded XML');
  });

  test('a mark on a sheet the workbook does not have, or at an address that is not a cell', () => {
    expect(refusal(() => annotatePackage(withPart('xl/vbaProject.bin', null), plan('Missing')))).toContain('no sheet "Missing"');
    for (const cell of ['A0', 'XFE1', 'A1048577', 'D7:E8', '']) expect(refusal(() => annotatePackage(withPart('xl/vbaProject.bin', null), plan('Data', cell)))).toContain('is not valid');
  });

  test('a note drawing not laid out as Excel writes it', () => {
    const vml = '<root xmlns:v="urn:schemas-microsoft-com:vml"></root>';
    expect(refusal(() => annotatePackage(withPart('xl/drawings/vmlDrawing1.vml', vml), plan()))).toContain('notes cannot be added safely');
  });

  test('a workbook whose styles relationship points at a part that is not there', () => {
    expect(refusal(() => annotatePackage(withPart('xl/styles.xml', null), plan()))).toContain('styles part is missing');
  });

  test('a report sheet name Excel would not accept', () => {
    for (const name of ['', 'a:b', "'quoted'", 'x'.repeat(32)]) {
      expect(refusal(() => annotatePackage(withPart('xl/vbaProject.bin', null), { marks: [], report: { ...report, name } }))).toContain('not a valid Excel sheet name');
    }
  });

  test('a report number that is not finite', () => {
    const rows = [{ cells: [Number.NaN] }];
    expect(refusal(() => annotatePackage(withPart('xl/vbaProject.bin', null), { marks: [], report: { ...report, rows } }))).toContain('non-finite number');
  });
});

test('a part we need not touch is carried over as it is, even when it is not XML at all', () => {
  const garbage = strToU8('<<< not xml &&& \u0000');
  const after = readParts(annotatePackage(withPart('xl/sharedStrings.xml', garbage), plan()));
  expect(sameBytes(after.get('xl/sharedStrings.xml'), garbage)).toBe(true);
});
