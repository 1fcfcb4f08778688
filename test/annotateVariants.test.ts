import { SaxesParser } from 'saxes';
import { annotatePackage, NOTE_SEPARATOR, type AnnotationPlan } from '../src/adapters/xlsx/annotate';
import { parseXml } from '../src/adapters/xlsx/ooxml/xmlTree';
import { MAIN, REL, STRICT_MAIN, STRICT_REL, featureWorkbook, featureWorkbookParts, strictWorkbook } from './support/featureWorkbook';
import { buildPackage, readParts, sameBytes, text, withoutInsertedMarks } from './support/ooxmlPackage';

/**
 * Valid OOXML in its less common shapes: prefixed sheets, strict workbooks without a styles
 * part, styles without dxfs, mc:AlternateContent among a sheet's children, VML that is not
 * well-formed XML. Each is patched, not refused, and still differs from its source only by our insertions.
 */
const report = { name: '校验报告', title: '标题', headers: ['序号', '说明'], rows: [{ cells: [1, '说明'], severity: 'error' as const }], severityColumn: 0 };
const planFor = (sheet: string, ...cells: string[]): AnnotationPlan => ({
  marks: [{ sheet, cells: cells.map((cell) => ({ cell, severity: 'error' as const, messages: [`${cell} 不符`] })) }],
  report,
});

/** Every element (name → namespace) and every attribute that carries a namespace, resolved by a namespace-aware parser. */
function resolvedNames(xml: string): { elements: Map<string, string>; attributes: Map<string, string> } {
  const elements = new Map<string, string>();
  const attributes = new Map<string, string>();
  const parser = new SaxesParser({ xmlns: true });
  parser.on('opentag', (tag) => {
    elements.set(tag.local, tag.uri);
    for (const a of Object.values(tag.attributes)) if (a.uri && !a.name.startsWith('xmlns')) attributes.set(`${tag.local}@${a.local}`, a.uri);
  });
  parser.write(xml).close();
  return { elements, attributes };
}

function replacePart(parts: [string, string | Uint8Array][], name: string, edit: (xml: string) => string): [string, string | Uint8Array][] {
  return parts.map(([n, d]) => [n, n === name ? edit(d as string) : d]);
}

describe('a sheet written with x: prefixes', () => {
  const source = featureWorkbook({ prefixed: true });
  const after = readParts(annotatePackage(source, planFor('=SUM(1)', 'B2', 'C2')));
  const sheet = text(after, 'xl/worksheets/sheet2.xml');

  test('gets its conditional format and legacy drawing with the same prefix, in the main namespace', () => {
    expect(sheet).toContain('<x:conditionalFormatting sqref="B2:C2"><x:cfRule type="expression" dxfId="1" priority="1"><x:formula>TRUE</x:formula></x:cfRule></x:conditionalFormatting>');
    const { elements, attributes } = resolvedNames(sheet);
    for (const local of ['conditionalFormatting', 'cfRule', 'formula', 'legacyDrawing']) expect(elements.get(local)).toBe(MAIN);
    expect(attributes.get('legacyDrawing@id')).toBe(REL);
  });

  test('differs from its source only by them', () => {
    const relId = /r:id="(rId\d+)"/.exec(sheet)![1];
    expect(withoutInsertedMarks(sheet, 0, relId)).toBe(text(readParts(source), 'xl/worksheets/sheet2.xml'));
  });
});

describe('a strict workbook without a styles part', () => {
  const before = readParts(strictWorkbook());
  const after = readParts(annotatePackage(strictWorkbook(), planFor('Strict', 'A1')));

  test('gets a styles part in the strict namespace, related and typed, holding our differential format', () => {
    const styles = text(after, 'xl/styles.xml');
    expect(resolvedNames(styles).elements.get('styleSheet')).toBe(STRICT_MAIN);
    expect(styles).toMatch(/<fonts count="3"><font>.*<\/font><font><b\/>.*<\/font><font><u\/>.*<\/font><\/fonts><fills count="4">/);
    expect(styles).toContain('<dxfs count="1"><dxf><fill><patternFill patternType="solid"><fgColor rgb="FFFFC7CE"/>');
    expect(text(after, 'xl/_rels/workbook.xml.rels')).toContain(`Type="${STRICT_REL}/styles" Target="styles.xml"`);
    expect(text(after, '[Content_Types].xml')).toContain('<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>');
  });

  test('relates notes, drawing and report sheet with strict relationship types, and writes them in strict namespaces', () => {
    const sheetRels = text(after, 'xl/worksheets/_rels/sheet1.xml.rels');
    expect(sheetRels).toContain(`Type="${STRICT_REL}/comments" Target="../comments1.xml"`);
    expect(sheetRels).toContain(`Type="${STRICT_REL}/vmlDrawing" Target="../drawings/vmlDrawing1.vml"`);
    expect(text(after, 'xl/_rels/workbook.xml.rels')).toContain(`Type="${STRICT_REL}/worksheet" Target="worksheets/sheet2.xml"`);
    expect(resolvedNames(text(after, 'xl/comments1.xml')).elements.get('comments')).toBe(STRICT_MAIN);
    expect(resolvedNames(text(after, 'xl/worksheets/sheet2.xml')).elements.get('worksheet')).toBe(STRICT_MAIN);
    const workbook = resolvedNames(text(after, 'xl/workbook.xml'));
    expect(workbook.attributes.get('sheet@id')).toBe(STRICT_REL);
    expect(resolvedNames(text(after, 'xl/worksheets/sheet1.xml')).attributes.get('legacyDrawing@id')).toBe(STRICT_REL);
  });

  test('keeps the marked sheet as it was but for the insertions', () => {
    const sheet = text(after, 'xl/worksheets/sheet1.xml');
    expect(withoutInsertedMarks(sheet, 0, /r:id="(rId\d+)"/.exec(sheet)![1])).toBe(text(before, 'xl/worksheets/sheet1.xml'));
    for (const name of after.keys()) if (!name.endsWith('.vml')) expect(() => parseXml(text(after, name), name)).not.toThrow();
  });
});

describe('styles without <dxfs>, followed by tableStyles and extLst', () => {
  const parts = replacePart(
    replacePart(featureWorkbookParts(), 'xl/styles.xml', (xml) => xml.replace(/<dxfs count="1">.*<\/dxfs>/, '')),
    'xl/worksheets/sheet1.xml',
    (xml) => xml.replace(/<conditionalFormatting sqref="G7">.*?<\/conditionalFormatting>\r\n {2}/, ''),
  );
  const after = readParts(annotatePackage(buildPackage(parts), planFor('Data', 'D7')));

  test('gets a <dxfs> in schema order, after cellStyles and before tableStyles, with its count', () => {
    expect(text(after, 'xl/styles.xml')).toMatch(/<\/cellStyles><dxfs count="1"><dxf><fill><patternFill patternType="solid"><fgColor rgb="FFFFC7CE"\/><bgColor rgb="FFFFC7CE"\/><\/patternFill><\/fill><\/dxf><\/dxfs><tableStyles /);
    expect(text(after, 'xl/worksheets/sheet1.xml')).toContain('<cfRule type="expression" dxfId="0" priority="8">');
  });
});

describe('a sheet whose controls sit in mc:AlternateContent before its tableParts', () => {
  const sheet =
    `<worksheet xmlns="${MAIN}" xmlns:r="${REL}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">` +
    '<sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>' +
    '<mc:AlternateContent><mc:Choice Requires="x14"><controls><mc:AlternateContent><mc:Choice Requires="x14"><control shapeId="1025" r:id="rId9" name="Check Box 1"/></mc:Choice></mc:AlternateContent></controls></mc:Choice></mc:AlternateContent>' +
    '<tableParts count="0"/></worksheet>';
  const parts = replacePart(featureWorkbookParts(), 'xl/worksheets/sheet2.xml', () => sheet);
  const after = text(readParts(annotatePackage(buildPackage(parts), planFor('=SUM(1)', 'A1'))), 'xl/worksheets/sheet2.xml');

  test('gets its legacyDrawing before the wrapped controls (legacyDrawing comes before controls in the schema)', () => {
    expect(after).toMatch(/<pageMargins [^>]*\/><legacyDrawing r:id="rId2"\/><mc:AlternateContent><mc:Choice Requires="x14"><controls>/);
    expect(after.indexOf('<conditionalFormatting')).toBeLessThan(after.indexOf('<pageMargins'));
  });
});

describe('a note drawing that is not well-formed XML', () => {
  const parts = replacePart(featureWorkbookParts(), 'xl/drawings/vmlDrawing1.vml', (vml) => vml.replace("<div style='text-align:left'></div>", "<div style='text-align:left'><br></div>"));
  const before = readParts(buildPackage(parts));
  const after = readParts(annotatePackage(buildPackage(parts), planFor('Data', 'A20')));

  test('is extended just before its closing </xml>, its own text kept as it was', () => {
    const vml = text(after, 'xl/drawings/vmlDrawing1.vml');
    const source = text(before, 'xl/drawings/vmlDrawing1.vml');
    expect(vml.startsWith(source.slice(0, -'</xml>'.length))).toBe(true);
    expect(vml).toContain('<x:Row>19</x:Row><x:Column>0</x:Column></x:ClientData></v:shape></xml>');
    expect(vml.match(/<br>/g)).toHaveLength(1);
  });
});

describe('notes on cells named in other spellings, and text XML cannot hold', () => {
  const plan: AnnotationPlan = {
    marks: [
      { sheet: 'Data', cells: [{ cell: '$a$20', severity: 'warning', messages: ['一'] }] },
      { sheet: 'Data', cells: [{ cell: 'A20', severity: 'error', messages: ['二\u0001\r三', '一'] }] },
    ],
    report,
  };
  const after = readParts(annotatePackage(featureWorkbook(), plan));
  const comments = text(after, 'xl/comments1.xml');

  test('merges $a$20 and A20 into one note, worst severity and each message once', () => {
    expect(comments.match(/<comment ref="A20"/g)).toHaveLength(1);
    const sheet = text(after, 'xl/worksheets/sheet1.xml');
    expect(sheet.match(/<conditionalFormatting sqref="A20"><cfRule type="expression" dxfId="(\d+)"/)?.[1]).toBe('1'); // the error fill
    expect(sheet.match(/priority="9"/)).toBeNull(); // no warning rule
    expect(comments).toContain('<t xml:space="preserve">一\n二_x0001_&#13;三</t>');
  });

  test('leaves the separator only where a user note was', () => {
    expect(comments.split(NOTE_SEPARATOR)).toHaveLength(1);
  });
});

test('shape ids never collide across drawings, even when an existing drawing outgrows its block after a new one took the next', () => {
  const many = Array.from({ length: 1100 }, (_, i) => ({ cell: `A${i + 1}`, severity: 'error' as const, messages: ['不符'] }));
  const after = readParts(annotatePackage(featureWorkbook(), { marks: [planFor('=SUM(1)', 'B2').marks[0], { sheet: 'Data', cells: many }], report }));
  const blocksOf = (vml: string) => /<o:idmap v:ext="edit" data="([^"]*)"/.exec(vml)![1].split(',').map(Number);
  const idsOf = (vml: string) => [...vml.matchAll(/<v:shape id="_x0000_s(\d+)"/g)].map((m) => Number(m[1]));
  const created = text(after, 'xl/drawings/vmlDrawing2.vml');
  const extended = text(after, 'xl/drawings/vmlDrawing1.vml');
  expect(blocksOf(created)).toEqual([2]);
  expect(blocksOf(extended)).toEqual([1, 3]);
  const all = [...idsOf(created), ...idsOf(extended)];
  expect(new Set(all).size).toBe(all.length);
  expect(idsOf(extended).every((id) => [1, 3].includes(Math.floor(id / 1024)))).toBe(true);
});

test('a workbook with nothing to mark changes only what the report needs', () => {
  const before = readParts(featureWorkbook());
  const after = readParts(annotatePackage(featureWorkbook(), { marks: [], report }));
  const changed = [...before.keys()].filter((n) => !sameBytes(before.get(n), after.get(n)));
  expect(changed).toEqual(['[Content_Types].xml', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels', 'xl/styles.xml']);
  expect([...after.keys()].slice(before.size)).toEqual(['xl/worksheets/sheet4.xml']);
});
