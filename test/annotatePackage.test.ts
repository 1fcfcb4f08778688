import ExcelJS from 'exceljs';
import { annotatePackage, MARK_FILLS, NOTE_SEPARATOR, noteText, type AnnotationPlan } from '../src/adapters/xlsx/annotate';
import { parseXml } from '../src/adapters/xlsx/ooxml/xmlTree';
import { FEATURE_SHEETS, RICH_NOTE_RUNS, VBA_PROJECT, featureWorkbook } from './support/featureWorkbook';
import { insertionsOnly, noteRuns, readParts, sameBytes, text, withoutInsertedMarks } from './support/ooxmlPackage';

/**
 * The annotated copy equals its source in every value, formula, note and format except the marks
 * and the report sheet: checked part by part on a workbook that holds what a read-and-rewrite
 * round trip has been seen to lose.
 */
const HEADERS = ['序号', '严重程度', '规则', '工作表', '单元格', '实际值', '应为', '差额', '容差', '说明'];

const plan: AnnotationPlan = {
  marks: [
    {
      sheet: FEATURE_SHEETS.data,
      cells: [
        { cell: 'D7', severity: 'error', messages: ['D7 合计应为 2940.06', '第二条：A & B <C> "D"'] },
        { cell: 'E7', severity: 'warning', messages: ['E7 是日期格式的金额'] },
        { cell: 'C3', severity: 'error', messages: ['合并区域下的值'] },
        { cell: 'F7', severity: 'error', messages: ['F7 公式结果不符'] },
        { cell: 'H2', severity: 'warning', messages: ['跟帖批注所在格'] },
      ],
    },
    { sheet: FEATURE_SHEETS.formulaName, cells: [{ cell: 'B2', severity: 'error', messages: ['=SUM(1) 表 B2 不符'] }] },
  ],
  report: {
    name: FEATURE_SHEETS.report,
    title: '识别表格 2 张；错误 2 条',
    headers: HEADERS,
    rows: [
      { cells: [1, '错误', 'row-sum', 'Data', 'D7', '2940.05', '2940.06', '-0.01', '0', 'D7 合计应为 2940.06'], link: { column: 4, sheet: 'Data', cell: 'D7' }, severity: 'error' },
      { cells: [2, '警告', 'row-sum', '=SUM(1)', 'B2', '+12.5', '-1', '@x', '', '=SUM(1) 表 B2 不符'], link: { column: 4, sheet: '=SUM(1)', cell: 'B2' }, severity: 'warning' },
      { cells: [3, '提示', 'note', "O'Brien", 'A1', '', '', '', '', 'tab\there\u0001 _x0041_'], link: { column: 4, sheet: "O'Brien", cell: 'A1' }, severity: 'info' },
    ],
    severityColumn: 1,
    widths: [6, 10, 24, 22, 10, 14, 14, 12, 10, 90],
  },
};

const source = featureWorkbook();
const before = readParts(source);
const output = annotatePackage(source, plan);
const after = readParts(output);

const CHANGED = [
  '[Content_Types].xml',
  'xl/workbook.xml',
  'xl/_rels/workbook.xml.rels',
  'xl/styles.xml',
  'xl/worksheets/sheet1.xml',
  'xl/worksheets/sheet2.xml',
  'xl/comments1.xml',
  'xl/drawings/vmlDrawing1.vml',
];
const ADDED = ['xl/comments2.xml', 'xl/drawings/vmlDrawing2.vml', 'xl/worksheets/_rels/sheet2.xml.rels', 'xl/worksheets/sheet4.xml'];

async function openWithExcelJS(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  return wb;
}

type ConditionalFormats = { ref: string; rules: { type: string; priority?: number; formulae?: string[]; style?: { fill?: { bgColor?: { argb?: string } } } }[] }[];
const conditionalFormats = (ws: ExcelJS.Worksheet) => (ws as unknown as { conditionalFormattings: ConditionalFormats }).conditionalFormattings;

describe('annotatePackage on a workbook built to hold what a round trip loses', () => {
  test('carries every part it does not change over byte for byte, in the same order, with the new parts after them', () => {
    const names = [...after.keys()];
    expect(names.slice(0, before.size)).toEqual([...before.keys()]);
    expect(names.slice(before.size).sort()).toEqual(ADDED);
    for (const [name, bytes] of before) {
      if (CHANGED.includes(name)) expect(sameBytes(after.get(name), bytes)).toBe(false);
      else expect({ name, same: sameBytes(after.get(name), bytes) }).toEqual({ name, same: true });
    }
  });

  test('keeps the VBA project, the threaded comment, its person and the marked sheet\'s relationships untouched', () => {
    expect(sameBytes(after.get('xl/vbaProject.bin'), VBA_PROJECT)).toBe(true);
    for (const name of ['xl/threadedComments/threadedComment1.xml', 'xl/persons/person.xml', 'xl/worksheets/_rels/sheet1.xml.rels', 'xl/sharedStrings.xml']) {
      expect(sameBytes(after.get(name), before.get(name))).toBe(true);
    }
    expect(text(after, '[Content_Types].xml')).toContain('application/vnd.ms-excel.sheet.macroEnabled.main+xml');
  });

  test('changes each existing part only by inserting into it (counts aside), and leaves every part well-formed XML', () => {
    for (const name of CHANGED) {
      expect({ name, insertionsOnly: insertionsOnly(text(before, name), text(after, name)) !== null }).toEqual({ name, insertionsOnly: true });
    }
    for (const name of [...CHANGED, ...ADDED].filter((n) => !n.endsWith('.vml'))) expect(() => parseXml(text(after, name), name)).not.toThrow();
  });

  test('a marked sheet differs only by our conditional formats (and a legacy drawing where it had none)', () => {
    const data = text(after, 'xl/worksheets/sheet1.xml');
    expect(withoutInsertedMarks(data, 7)).toBe(text(before, 'xl/worksheets/sheet1.xml'));
    expect(data).toContain('<c r="B3"/><c r="C3"><v>99</v></c>'); // the value under the merge B2:C3
    expect(data).toContain('<c r="D7" s="2"><v>2940.05</v></c><c r="E7" s="1"><v>45292.520833333336</v></c>');
    expect(data).toContain('<pageSetup paperSize="9" scale="85" fitToHeight="0" orientation="landscape" horizontalDpi="600" verticalDpi="600"/>');
    const formulaSheet = text(after, 'xl/worksheets/sheet2.xml');
    const relId = /<legacyDrawing xmlns:r="[^"]+" r:id="(rId\d+)"\/>/.exec(formulaSheet)?.[1];
    expect(relId).toBeDefined();
    expect(withoutInsertedMarks(formulaSheet, 0, relId)).toBe(text(before, 'xl/worksheets/sheet2.xml'));
    expect(text(after, 'xl/worksheets/_rels/sheet2.xml.rels')).toContain(`Id="${relId}"`);
  });

  test('puts the conditional formats in schema order: after the sheet\'s own, before dataValidations', () => {
    const data = text(after, 'xl/worksheets/sheet1.xml');
    const ours = data.indexOf('priority="8"');
    expect(ours).toBeGreaterThan(data.indexOf('<conditionalFormatting sqref="G7">'));
    expect(ours).toBeLessThan(data.indexOf('<dataValidations'));
    const formulaSheet = text(after, 'xl/worksheets/sheet2.xml');
    expect(formulaSheet.indexOf('<conditionalFormatting')).toBeGreaterThan(formulaSheet.indexOf('</sheetData>'));
    expect(formulaSheet.indexOf('<conditionalFormatting')).toBeLessThan(formulaSheet.indexOf('<pageMargins'));
    expect(formulaSheet.indexOf('<legacyDrawing')).toBeGreaterThan(formulaSheet.indexOf('<pageSetup'));
  });

  test('numbers its rules above every existing priority, the x14-only rule (7) included: errors 8, warnings 9', () => {
    const data = text(after, 'xl/worksheets/sheet1.xml');
    expect(data).toMatch(/<conditionalFormatting sqref="C3 D7 F7"><cfRule type="expression" dxfId="1" priority="8">/);
    expect(data).toMatch(/<conditionalFormatting sqref="H2 E7"><cfRule type="expression" dxfId="2" priority="9">/);
  });

  test('adds one solid-fill differential format per severity after the existing one, count kept right', () => {
    const styles = text(after, 'xl/styles.xml');
    expect(styles).toContain('<dxfs count="3"><dxf><font><color rgb="FF9C0006"/></font></dxf>');
    expect(styles).toContain(`<dxf><fill><patternFill patternType="solid"><fgColor rgb="${MARK_FILLS.error}"/><bgColor rgb="${MARK_FILLS.error}"/></patternFill></fill></dxf>`);
    for (const [collection, count] of [['fonts', 4], ['fills', 4], ['cellXfs', 8], ['dxfs', 3]] as const) {
      const element = new RegExp(`<${collection} count="(\\d+)"[^>]*>([\\s\\S]*?)</${collection}>`).exec(styles)!;
      expect(Number(element[1])).toBe(count);
    }
  });

  test('keeps every run of the rich note, in order, and appends ours after the separator line', () => {
    const runs = noteRuns(text(after, 'xl/comments1.xml'), 'D7');
    expect(runs.slice(0, 2)).toEqual(RICH_NOTE_RUNS);
    expect(runs).toHaveLength(3);
    expect(runs[2]).toContain(`\n${NOTE_SEPARATOR}\nD7 合计应为 2940.06\n第二条：A &amp; B &lt;C&gt; "D"</t>`);
  });

  test('appends to a plain note inside its text, to the threaded comment\'s stand-in too, and gives new notes our author', () => {
    const comments = text(after, 'xl/comments1.xml');
    expect(comments).toContain(`<comment ref="E7" authorId="0" shapeId="0"><text><t>原始日期\n${NOTE_SEPARATOR}\nE7 是日期格式的金额</t></text></comment>`);
    expect(comments).toMatch(/这一格要改吗？\n—— 预算表校验 \/ budget-audit ——\n跟帖批注所在格<\/t>/);
    expect(comments).toContain('<authors><author>张会计</author><author>tc={6A5E8C51-0000-4E5C-9C22-0F1F3F0C0E09}</author><author>预算表校验 budget-audit</author></authors>');
    expect(comments).toMatch(/<comment ref="C3" authorId="2"><text><r><rPr>.*<\/rPr><t xml:space="preserve">合并区域下的值<\/t><\/r><\/text><\/comment>/);
  });

  test('gives new notes hidden boxes after the drawing\'s own shapes, and no second box to a cell that has one', () => {
    const vml = text(after, 'xl/drawings/vmlDrawing1.vml');
    expect(vml.startsWith(text(before, 'xl/drawings/vmlDrawing1.vml').slice(0, -'</xml>'.length))).toBe(true);
    expect(vml.match(/<v:shape /g)).toHaveLength(5); // 3 of the user's + C3 + F7
    expect(vml).toContain('id="_x0000_s1028"');
    expect(vml).toContain('<x:Row>2</x:Row><x:Column>2</x:Column>');
    expect(vml.match(/<v:shapetype /g)).toHaveLength(1);
    const created = text(after, 'xl/drawings/vmlDrawing2.vml');
    expect(created).toContain('<o:idmap v:ext="edit" data="2"/>');
    expect(created).toContain('id="_x0000_s2049"');
  });

  test('appends the report as the last sheet, named 校验报告 (2) beside the user\'s 校验报告, with sheetId max+1', () => {
    const workbook = text(after, 'xl/workbook.xml');
    expect(workbook).toContain('<sheet name="校验报告" sheetId="3" r:id="rId3"/><sheet name="校验报告 (2)" sheetId="8" r:id="rId8"/></sheets>');
    expect(workbook).toContain('<definedName name="_xlnm.Print_Area" localSheetId="0">Data!$A$1:$H$20</definedName>');
    expect(text(after, 'xl/_rels/workbook.xml.rels')).toContain('<Relationship Id="rId8" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet4.xml"/>');
    expect(text(after, '[Content_Types].xml')).toContain('<Override PartName="/xl/worksheets/sheet4.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>');
  });

  test('writes the report with inline strings and numbers only, internal links with quoted sheet names, a frozen header', () => {
    const report = text(after, 'xl/worksheets/sheet4.xml');
    expect(report).not.toContain('<f>');
    expect(report).toContain('<c r="D4" t="inlineStr"><is><t xml:space="preserve">=SUM(1)</t></is></c>');
    expect(report).toContain('<c r="A3"><v>1</v></c>');
    expect(report).toContain('<hyperlink ref="E3" location="\'Data\'!D7" display="D7"/>');
    expect(report).toContain('<hyperlink ref="E5" location="\'O\'\'Brien\'!A1" display="A1"/>');
    expect(report).toContain('<pane ySplit="2" topLeftCell="A3" activePane="bottomLeft" state="frozen"/>');
    expect(report).toContain('<t xml:space="preserve">tab\there_x0001_ _x005F_x0041_</t>');
    expect(report).toContain('<col min="10" max="10" width="90" customWidth="1"/>');
  });

  test('opens with ExcelJS: values as they were, our notes, the fills as conditional formats, the report rows as text', async () => {
    const [was, now] = await Promise.all([openWithExcelJS(source), openWithExcelJS(output)]);
    const data = now.getWorksheet('Data')!;
    was.getWorksheet('Data')!.eachRow((row, r) => row.eachCell((cell, c) => expect(data.getCell(r, c).value).toEqual(cell.value)));
    const note = data.getCell('D7').note as ExcelJS.Comment;
    expect(note.texts!.map((t) => t.text)).toEqual(['张会计:', '\n请核对 & 确认', `\n${NOTE_SEPARATOR}\nD7 合计应为 2940.06\n第二条：A & B <C> "D"`]);
    expect(note.texts![0].font?.bold).toBe(true);
    expect(data.getCell('F7').note).toBeDefined();
    const rules = conditionalFormats(data).flatMap((cf) => cf.rules.map((rule) => ({ ref: cf.ref, ...rule })));
    expect(rules).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ ref: 'C3 D7 F7', type: 'expression', priority: 8, formulae: ['TRUE'], style: expect.objectContaining({ fill: expect.objectContaining({ bgColor: { argb: MARK_FILLS.error } }) }) }),
        expect.objectContaining({ ref: 'H2 E7', priority: 9, style: expect.objectContaining({ fill: expect.objectContaining({ bgColor: { argb: MARK_FILLS.warning } }) }) }),
        expect.objectContaining({ ref: 'G7', type: 'cellIs', priority: 1 }),
      ]),
    );
    expect(now.getWorksheet('=SUM(1)')!.getCell('C2').formula).toBe('B2*2');
    expect(noteText(now.getWorksheet('=SUM(1)')!.getCell('B2').note as ExcelJS.Comment)).toBe('=SUM(1) 表 B2 不符');

    const report = now.getWorksheet('校验报告 (2)')!;
    expect(report.getCell('A1').value).toBe('识别表格 2 张；错误 2 条');
    expect(report.getRow(2).values).toEqual([undefined, ...HEADERS]);
    expect(report.getCell('A2').font?.bold).toBe(true);
    expect(report.getCell('D4').value).toBe('=SUM(1)');
    expect(report.getCell('D4').type).toBe(ExcelJS.ValueType.String);
    expect(report.getCell('F4').value).toBe('+12.5');
    expect(report.getCell('A3').value).toBe(1);
    expect((report.getCell('B3').fill as ExcelJS.FillPattern).fgColor?.argb).toBe(MARK_FILLS.error);
    expect((report.getCell('B4').fill as ExcelJS.FillPattern).fgColor?.argb).toBe(MARK_FILLS.warning);
    expect(report.getCell('B5').fill).toBeUndefined();
    expect(report.rowCount).toBe(5);
  });

  test('is deterministic: the same source and plan give the same bytes, and the source bytes are not touched', () => {
    const again = featureWorkbook();
    expect(sameBytes(annotatePackage(again, plan), output)).toBe(true);
    expect(sameBytes(again, source)).toBe(true);
  });
});

