import { buildPackage } from './ooxmlPackage';

/**
 * Workbooks written part by part, holding exactly what a round trip through a workbook library
 * has been seen to lose: numbers in date/time formats (2940.05 must not become
 * 2940.0499999999993), a rich-text note (bold + coloured runs) on a cell that gets marked, data
 * bars with their x14 extension, page setup without useFirstPageNumber, a value under a merged
 * area, conditional formats of the user's own (one only in x14), notes with their VML (not
 * well-formed XML, as old Excel writes it), a threaded comment, defined names, a VBA project, a
 * sheet called `=SUM(1)` (optionally written with `x:` prefixes), and a sheet already called 校验报告.
 */
export const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
export const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const RELS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const CT = 'application/vnd.openxmlformats-officedocument.spreadsheetml';
const DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n';

export const FEATURE_SHEETS = { data: 'Data', formulaName: '=SUM(1)', report: '校验报告' };

const contentTypes =
  DECL +
  '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
  '<Default Extension="vml" ContentType="application/vnd.openxmlformats-officedocument.vmlDrawing"/><Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/>' +
  '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.ms-excel.sheet.macroEnabled.main+xml"/>' +
  `<Override PartName="/xl/worksheets/sheet1.xml" ContentType="${CT}.worksheet+xml"/><Override PartName="/xl/worksheets/sheet2.xml" ContentType="${CT}.worksheet+xml"/>` +
  `<Override PartName="/xl/worksheets/sheet3.xml" ContentType="${CT}.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="${CT}.styles+xml"/>` +
  `<Override PartName="/xl/sharedStrings.xml" ContentType="${CT}.sharedStrings+xml"/><Override PartName="/xl/comments1.xml" ContentType="${CT}.comments+xml"/>` +
  '<Override PartName="/xl/threadedComments/threadedComment1.xml" ContentType="application/vnd.ms-excel.threadedcomments+xml"/>' +
  '<Override PartName="/xl/persons/person.xml" ContentType="application/vnd.ms-excel.person+xml"/>' +
  '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
  '</Types>';

const packageRels =
  DECL +
  `<Relationships xmlns="${RELS}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/>` +
  '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>';

const workbook =
  DECL +
  `<workbook xmlns="${MAIN}" xmlns:r="${REL}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="x15" xmlns:x15="http://schemas.microsoft.com/office/spreadsheetml/2010/11/main">` +
  '<workbookPr codeName="ThisWorkbook" defaultThemeVersion="164011"/><bookViews><workbookView xWindow="0" yWindow="0" windowWidth="28800" windowHeight="12300" activeTab="0"/></bookViews>' +
  '<sheets><sheet name="Data" sheetId="1" r:id="rId1"/><sheet name="=SUM(1)" sheetId="7" r:id="rId2"/><sheet name="校验报告" sheetId="3" r:id="rId3"/></sheets>' +
  '<definedNames><definedName name="_xlnm.Print_Area" localSheetId="0">Data!$A$1:$H$20</definedName><definedName name="Total">Data!$D$7</definedName>' +
  '<definedName name="FromFormulaSheet">\'=SUM(1)\'!$B$2</definedName></definedNames><calcPr calcId="191029"/></workbook>';

const workbookRels =
  DECL +
  `<Relationships xmlns="${RELS}">` +
  `<Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${REL}/worksheet" Target="worksheets/sheet2.xml"/>` +
  `<Relationship Id="rId3" Type="${REL}/worksheet" Target="/xl/worksheets/sheet3.xml"/><Relationship Id="rId4" Type="${REL}/styles" Target="styles.xml"/>` +
  `<Relationship Id="rId5" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>` +
  '<Relationship Id="rId6" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" Target="vbaProject.bin"/>' +
  '<Relationship Id="rId7" Type="http://schemas.microsoft.com/office/2017/10/relationships/person" Target="persons/person.xml"/></Relationships>';

const styles =
  DECL +
  `<styleSheet xmlns="${MAIN}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="x14ac" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac">` +
  '<numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot; hh:mm:ss.000"/></numFmts>' +
  '<fonts count="2" x14ac:knownFonts="1"><font><sz val="11"/><color theme="1"/><name val="宋体"/><family val="2"/><charset val="134"/><scheme val="minor"/></font>' +
  '<font><b/><sz val="11"/><color rgb="FFFF0000"/><name val="宋体"/><family val="3"/><charset val="134"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"><alignment vertical="center"/></xf></cellStyleXfs>' +
  '<cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"><alignment vertical="center"/></xf>' +
  '<xf numFmtId="22" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
  '<xf numFmtId="4" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1" applyNumberFormat="1"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="常规" xfId="0" builtinId="0"/></cellStyles>' +
  '<dxfs count="1"><dxf><font><color rgb="FF9C0006"/></font></dxf></dxfs><tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/>' +
  '<extLst><ext uri="{EB79DEF2-80B8-43e5-95BD-54CBDDF9020C}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"><x14:slicerStyles defaultSlicerStyle="SlicerStyleLight1"/></ext></extLst>' +
  '</styleSheet>';

const sharedStrings =
  DECL +
  `<sst xmlns="${MAIN}" count="4" uniqueCount="4"><si><t>合并区域</t></si><si><t xml:space="preserve"> 支出合计 </t></si>` +
  '<si><r><rPr><b/><sz val="11"/><rFont val="宋体"/></rPr><t>富</t></r><r><rPr><sz val="11"/><color rgb="FFFF0000"/><rFont val="宋体"/></rPr><t>文本</t></r></si><si><t>_x000D_换行</t></si></sst>';

/** Data: dates, money, a formula, a merge with a value under it, data bars (x14), a user CF, notes. */
const dataSheet =
  DECL +
  `<worksheet xmlns="${MAIN}" xmlns:r="${REL}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="x14ac xr" ` +
  'xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac" xmlns:xr="http://schemas.microsoft.com/office/spreadsheetml/2014/revision" xr:uid="{00000000-0001-0000-0000-000000000000}">\r\n' +
  '  <sheetPr codeName="Sheet1"><pageSetUpPr fitToPage="1"/></sheetPr>\r\n  <dimension ref="A1:H20"/>\r\n' +
  '  <sheetViews><sheetView tabSelected="1" workbookViewId="0"><selection activeCell="D7" sqref="D7"/></sheetView></sheetViews>\r\n' +
  '  <sheetFormatPr defaultRowHeight="13.5" x14ac:dyDescent="0.15"/>\r\n  <cols><col min="1" max="1" width="20.625" customWidth="1"/></cols>\r\n' +
  '  <sheetData>\r\n' +
  '    <row r="2" spans="1:8"><c r="B2" t="s"><v>0</v></c><c r="C2"/><c r="H2" t="s"><v>2</v></c></row>\r\n' +
  '    <row r="3" spans="1:8"><c r="B3"/><c r="C3"><v>99</v></c></row>\r\n' +
  '    <row r="6" spans="1:8"><c r="A6" t="s"><v>1</v></c><c r="D6" s="3"><v>0.30000000000000004</v></c></row>\r\n' +
  '    <row r="7" spans="1:8" ht="20.25" customHeight="1"><c r="A7" t="s"><v>3</v></c><c r="D7" s="2"><v>2940.05</v></c><c r="E7" s="1"><v>45292.520833333336</v></c>' +
  '<c r="F7" s="3"><f>D7+E7</f><v>48232.570833333339</v></c><c r="G7" s="3"><v>1.0000000000000002</v></c></row>\r\n' +
  '    <row r="10" spans="1:8"><c r="D10"><v>10</v></c></row><row r="11" spans="1:8"><c r="D11"><v>20</v></c></row><row r="12" spans="1:8"><c r="D12"><v>30</v></c></row>\r\n' +
  '    <row r="20" spans="1:8"><c r="A20" t="inlineStr"><is><t>末行</t></is></c></row>\r\n' +
  '  </sheetData>\r\n' +
  '  <mergeCells count="1"><mergeCell ref="B2:C3"/></mergeCells>\r\n' +
  '  <conditionalFormatting sqref="D10:D12"><cfRule type="dataBar" priority="2"><dataBar><cfvo type="min"/><cfvo type="max"/><color rgb="FF638EC6"/></dataBar>' +
  '<extLst><ext uri="{B025F937-C7B1-47D3-B67F-A62EFF666E3E}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"><x14:id>{6A5E8C51-5A4B-4E5C-9C22-0F1F3F0C0E01}</x14:id></ext></extLst></cfRule></conditionalFormatting>\r\n' +
  '  <conditionalFormatting sqref="G7"><cfRule type="cellIs" dxfId="0" priority="1" operator="greaterThan"><formula>1</formula></cfRule></conditionalFormatting>\r\n' +
  '  <dataValidations count="1"><dataValidation type="decimal" allowBlank="1" sqref="D7"><formula1>0</formula1></dataValidation></dataValidations>\r\n' +
  '  <pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>\r\n' +
  '  <pageSetup paperSize="9" scale="85" fitToHeight="0" orientation="landscape" horizontalDpi="600" verticalDpi="600"/>\r\n' +
  '  <headerFooter><oddFooter>&amp;C第 &amp;P 页</oddFooter></headerFooter>\r\n' +
  '  <legacyDrawing r:id="rId2"/>\r\n' +
  '  <extLst><ext uri="{78C0D931-6437-407d-A8EE-F0AAD7539E65}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"><x14:conditionalFormattings>' +
  '<x14:conditionalFormatting xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main"><x14:cfRule type="dataBar" id="{6A5E8C51-5A4B-4E5C-9C22-0F1F3F0C0E01}">' +
  '<x14:dataBar minLength="0" maxLength="100" gradient="0"><x14:cfvo type="autoMin"/><x14:cfvo type="autoMax"/><x14:negativeFillColor rgb="FFFF0000"/><x14:axisColor rgb="FF000000"/></x14:dataBar></x14:cfRule>' +
  '<xm:sqref>D10:D12</xm:sqref></x14:conditionalFormatting>' +
  '<x14:conditionalFormatting xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main"><x14:cfRule type="iconSet" priority="7" id="{6A5E8C51-5A4B-4E5C-9C22-0F1F3F0C0E02}">' +
  '<x14:iconSet iconSet="3Triangles"><x14:cfvo type="percent"><xm:f>0</xm:f></x14:cfvo><x14:cfvo type="percent"><xm:f>33</xm:f></x14:cfvo><x14:cfvo type="percent"><xm:f>67</xm:f></x14:cfvo></x14:iconSet></x14:cfRule>' +
  '<xm:sqref>A20</xm:sqref></x14:conditionalFormatting></x14:conditionalFormattings></ext></extLst>\r\n' +
  '</worksheet>';

const dataSheetRels =
  DECL +
  `<Relationships xmlns="${RELS}"><Relationship Id="rId3" Type="http://schemas.microsoft.com/office/2017/10/relationships/threadedComment" Target="../threadedComments/threadedComment1.xml"/>` +
  `<Relationship Id="rId2" Type="${REL}/vmlDrawing" Target="../drawings/vmlDrawing1.vml"/><Relationship Id="rId1" Type="${REL}/comments" Target="../comments1.xml"/></Relationships>`;

/** D7: a rich note (bold author, red words); E7: a plain note; H2: the legacy stand-in of a threaded comment. */
export const RICH_NOTE_RUNS = [
  '<r><rPr><b/><sz val="9"/><color indexed="81"/><rFont val="宋体"/><charset val="134"/></rPr><t>张会计:</t></r>',
  '<r><rPr><sz val="9"/><color rgb="FFFF0000"/><rFont val="宋体"/><charset val="134"/></rPr><t xml:space="preserve">\r\n请核对 &amp; 确认</t></r>',
];

const comments =
  DECL +
  `<comments xmlns="${MAIN}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:xr="http://schemas.microsoft.com/office/spreadsheetml/2014/revision" mc:Ignorable="xr">` +
  '<authors><author>张会计</author><author>tc={6A5E8C51-0000-4E5C-9C22-0F1F3F0C0E09}</author></authors><commentList>' +
  `<comment ref="D7" authorId="0" shapeId="0" xr:uid="{00000000-0006-0000-0000-000001000000}"><text>${RICH_NOTE_RUNS.join('')}</text></comment>` +
  '<comment ref="E7" authorId="0" shapeId="0"><text><t>原始日期</t></text></comment>' +
  '<comment ref="H2" authorId="1" shapeId="0" xr:uid="{6A5E8C51-0000-4E5C-9C22-0F1F3F0C0E09}"><text><t>[Threaded comment]\n\nYour version of Excel allows you to read this threaded comment.\n\nComment:\n    这一格要改吗？</t></text></comment>' +
  '</commentList></comments>';

const noteShape = (id: number, row: number, col: number) =>
  `<v:shape id="_x0000_s${id}" type="#_x0000_t202" style='position:absolute;margin-left:150pt;margin-top:80pt;width:108pt;height:59.25pt;z-index:${id - 1024};visibility:hidden' fillcolor="#ffffe1" o:insetmode="auto">\r\n` +
  ' <v:fill color2="#ffffe1"/>\r\n <v:shadow on="t" color="black" obscured="t"/>\r\n <v:path o:connecttype="none"/>\r\n' +
  " <v:textbox style='mso-direction-alt:auto'>\r\n  <div style='text-align:left'></div>\r\n </v:textbox>\r\n" +
  ` <x:ClientData ObjectType="Note">\r\n  <x:MoveWithCells/>\r\n  <x:SizeWithCells/>\r\n  <x:Anchor>\r\n   ${col + 1}, 15, ${row}, 10, ${col + 3}, 15, ${row + 4}, 4</x:Anchor>\r\n  <x:AutoFill>False</x:AutoFill>\r\n` +
  `  <x:Row>${row}</x:Row>\r\n  <x:Column>${col}</x:Column>\r\n </x:ClientData>\r\n</v:shape>`;

const vml =
  '<xml xmlns:v="urn:schemas-microsoft-com:vml"\r\n xmlns:o="urn:schemas-microsoft-com:office:office"\r\n xmlns:x="urn:schemas-microsoft-com:office:excel">\r\n' +
  ' <o:shapelayout v:ext="edit">\r\n  <o:idmap v:ext="edit" data="1"/>\r\n </o:shapelayout>' +
  '<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202"\r\n  path="m,l,21600r21600,l21600,xe">\r\n  <v:stroke joinstyle="miter"/>\r\n  <v:path gradientshapeok="t" o:connecttype="rect"/>\r\n </v:shapetype>' +
  noteShape(1025, 6, 3) +
  noteShape(1026, 6, 4) +
  noteShape(1027, 1, 7) +
  '</xml>';

const threadedComments =
  DECL +
  `<ThreadedComments xmlns="http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments" xmlns:x="${MAIN}">` +
  '<threadedComment ref="H2" dT="2024-03-01T09:30:00.00" personId="{6A5E8C51-0000-4E5C-9C22-0F1F3F0C0E10}" id="{6A5E8C51-0000-4E5C-9C22-0F1F3F0C0E09}"><text>这一格要改吗？</text></threadedComment></ThreadedComments>';

const persons =
  DECL +
  `<personList xmlns="http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments" xmlns:x="${MAIN}">` +
  '<person displayName="李审核" id="{6A5E8C51-0000-4E5C-9C22-0F1F3F0C0E10}" userId="li@example.invalid" providerId="None"/></personList>';

/**
 * `=SUM(1)`: no r: namespace declared (our legacyDrawing must declare its own); with `prefixed`,
 * every element written with an x: prefix (valid OOXML that some readers, ExcelJS among them, cannot read).
 */
function formulaNamedSheet(prefixed: boolean): string {
  const x = prefixed ? 'x:' : '';
  const body =
    '<x:dimension ref="B2:C3"/><x:sheetViews><x:sheetView workbookViewId="0"/></x:sheetViews><x:sheetFormatPr defaultRowHeight="15"/>' +
    '<x:sheetData><x:row r="2"><x:c r="B2"><x:v>12.5</x:v></x:c><x:c r="C2"><x:f>B2*2</x:f><x:v>25</x:v></x:c></x:row><x:row r="3"><x:c r="B3" t="inlineStr"><x:is><x:t>=SUM(1)</x:t></x:is></x:c></x:row></x:sheetData>' +
    '<x:pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/><x:pageSetup orientation="portrait"/>';
  return DECL + `<${x}worksheet xmlns${prefixed ? ':x' : ''}="${MAIN}">${body.replace(/<(\/?)x:/g, `<$1${x}`)}</${x}worksheet>`;
}

const existingReport = DECL + `<worksheet xmlns="${MAIN}"><sheetData/></worksheet>`;

const core =
  DECL +
  '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>财务科</dc:creator></cp:coreProperties>';

/** Bytes that are not XML, to show they are carried over untouched. */
export const VBA_PROJECT = Uint8Array.from({ length: 512 }, (_, i) => (i * 37 + 11) % 256);

export function featureWorkbookParts(options: { prefixed?: boolean } = {}): [string, string | Uint8Array][] {
  return [
    ['[Content_Types].xml', contentTypes],
    ['_rels/.rels', packageRels],
    ['docProps/core.xml', core],
    ['xl/workbook.xml', workbook],
    ['xl/_rels/workbook.xml.rels', workbookRels],
    ['xl/styles.xml', styles],
    ['xl/sharedStrings.xml', sharedStrings],
    ['xl/worksheets/sheet1.xml', dataSheet],
    ['xl/worksheets/_rels/sheet1.xml.rels', dataSheetRels],
    ['xl/worksheets/sheet2.xml', formulaNamedSheet(!!options.prefixed)],
    ['xl/worksheets/sheet3.xml', existingReport],
    ['xl/comments1.xml', comments],
    ['xl/drawings/vmlDrawing1.vml', vml],
    ['xl/threadedComments/threadedComment1.xml', threadedComments],
    ['xl/persons/person.xml', persons],
    ['xl/vbaProject.bin', VBA_PROJECT],
  ];
}

export function featureWorkbook(options: { prefixed?: boolean } = {}): Uint8Array {
  return buildPackage(featureWorkbookParts(options));
}

/**
 * A strict (ISO 29500 strict) workbook without a styles part: everything we add must use the
 * strict namespaces and relationship types, and the styles part is created.
 */
export const STRICT_MAIN = 'http://purl.oclc.org/ooxml/spreadsheetml/main';
export const STRICT_REL = 'http://purl.oclc.org/ooxml/officeDocument/relationships';

export function strictWorkbook(): Uint8Array {
  return buildPackage([
    [
      '[Content_Types].xml',
      DECL +
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
        `<Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="${CT}.sheet.main+xml"/>` +
        `<Override PartName="/xl/worksheets/sheet1.xml" ContentType="${CT}.worksheet+xml"/></Types>`,
    ],
    ['_rels/.rels', DECL + `<Relationships xmlns="${RELS}"><Relationship Id="rId1" Type="${STRICT_REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`],
    [
      'xl/workbook.xml',
      DECL + `<workbook xmlns="${STRICT_MAIN}" xmlns:r="${STRICT_REL}" conformance="strict"><sheets><sheet name="Strict" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    ],
    ['xl/_rels/workbook.xml.rels', DECL + `<Relationships xmlns="${RELS}"><Relationship Id="rId1" Type="${STRICT_REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`],
    [
      'xl/worksheets/sheet1.xml',
      DECL +
        `<worksheet xmlns="${STRICT_MAIN}" xmlns:r="${STRICT_REL}"><sheetData><row r="1"><c r="A1"><v>1.1</v></c><c r="B1"><v>2.2</v></c></row></sheetData>` +
        '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>',
    ],
  ]);
}
