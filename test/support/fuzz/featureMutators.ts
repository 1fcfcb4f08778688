import type { MutantPackage } from './mutantPackage';
import type { Mutator } from './mutator';
import { decodeEntities, escapeXml } from './mutantPackage';
import { someSheet } from './xmlMutators';
import { attributeOf, insertionPoint, rootChildren, rootPrefix, spansNamed, splice } from './xmlSpans';

/**
 * Mutations that add what a real workbook carries and an annotated copy must keep as it was: a
 * rich-text note on a cell, data bars with their x14 extension, page setup, and sheet names that
 * need quoting (= + - ' and 31 CJK characters).
 */
const TRANSITIONAL = {
  main: 'http://schemas.openxmlformats.org/spreadsheetml/2006/main',
  rel: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
};
const STRICT = { main: 'http://purl.oclc.org/ooxml/spreadsheetml/main', rel: 'http://purl.oclc.org/ooxml/officeDocument/relationships' };
const RELS_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const COMMENTS_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml';
const VML_TYPE = 'application/vnd.openxmlformats-officedocument.vmlDrawing';

function flavourOf(sheetXml: string) {
  return sheetXml.includes(STRICT.main) ? STRICT : TRANSITIONAL;
}

/** The root children that follow each kind of element, in the worksheet's schema order (ECMA-376 §18.3.1.99). */
const ORDER = [
  'sheetPr', 'dimension', 'sheetViews', 'sheetFormatPr', 'cols', 'sheetData', 'sheetCalcPr', 'sheetProtection', 'protectedRanges', 'scenarios', 'autoFilter',
  'sortState', 'dataConsolidate', 'customSheetViews', 'mergeCells', 'phoneticPr', 'conditionalFormatting', 'dataValidations', 'hyperlinks', 'printOptions',
  'pageMargins', 'pageSetup', 'headerFooter', 'rowBreaks', 'colBreaks', 'customProperties', 'cellWatches', 'ignoredErrors', 'smartTags', 'drawing',
  'legacyDrawing', 'legacyDrawingHF', 'drawingHF', 'picture', 'oleObjects', 'controls', 'webPublishItems', 'tableParts', 'extLst',
];
const after = (local: string) => ORDER.slice(ORDER.indexOf(local) + 1);

function relsPartOf(part: string): string {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/** A relative target from `source`'s folder to `target` (both package paths). */
function relativeTarget(source: string, target: string): string {
  const from = source.split('/').slice(0, -1);
  const to = target.split('/');
  let i = 0;
  while (i < from.length && i < to.length - 1 && from[i] === to[i]) i++;
  return [...from.slice(i).map(() => '..'), ...to.slice(i)].join('/');
}

function freeName(pkg: MutantPackage, stem: string, extension: string): string {
  const taken = new Set(pkg.names.map((n) => n.toLowerCase()));
  for (let i = 1; ; i++) if (!taken.has(`${stem}${i}${extension}`.toLowerCase())) return `${stem}${i}${extension}`;
}

/** Adds a relationship from `source` to `target`; returns its id. */
function addRelationship(pkg: MutantPackage, source: string, type: string, target: string): string {
  const name = relsPartOf(source);
  const xml = pkg.text(name) ?? `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${RELS_NS}"></Relationships>`;
  const used = new Set([...xml.matchAll(/\bId="([^"]*)"/g)].map((m) => m[1]));
  let n = used.size + 1;
  while (used.has(`rId${n}`)) n++;
  const id = `rId${n}`;
  const at = xml.lastIndexOf('</Relationships>');
  const rel = `<Relationship Id="${id}" Type="${type}" Target="${relativeTarget(source, target)}"/>`;
  pkg.setText(name, at >= 0 ? splice(xml, at, at, rel) : xml.replace(/\/>\s*$/, `>${rel}</Relationships>`));
  return id;
}

function declareContentType(pkg: MutantPackage, part: string | undefined, extension: string | undefined, type: string): void {
  let xml = pkg.text('[Content_Types].xml');
  if (!xml) return;
  const at = xml.lastIndexOf('</Types>');
  if (at < 0) return;
  if (part) xml = splice(xml, at, at, `<Override PartName="/${part}" ContentType="${type}"/>`);
  else if (extension && !new RegExp(`Extension="${extension}"`, 'i').test(xml)) xml = splice(xml, at, at, `<Default Extension="${extension}" ContentType="${type}"/>`);
  pkg.setText('[Content_Types].xml', xml);
}

const RICH_RUNS =
  '<r><rPr><b/><sz val="9"/><color indexed="81"/><rFont val="宋体"/><charset val="134"/></rPr><t>张会计:</t></r>' +
  '<r><rPr><sz val="9"/><color rgb="FFFF0000"/><rFont val="宋体"/><charset val="134"/></rPr><t xml:space="preserve">\r\n请核对 &amp; 确认 _x000D_</t></r>';

function noteShape(id: number, row0: number, col0: number): string {
  return (
    `<v:shape id="_x0000_s${id}" type="#_x0000_t202" style='position:absolute;margin-left:150pt;margin-top:80pt;width:108pt;height:59.25pt;z-index:1;visibility:hidden' fillcolor="#ffffe1" o:insetmode="auto">` +
    '<v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/>' +
    "<v:textbox style='mso-direction-alt:auto'><div style='text-align:left'></div></v:textbox>" +
    `<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>${col0 + 1}, 15, ${row0}, 10, ${col0 + 3}, 15, ${row0 + 4}, 4</x:Anchor><x:AutoFill>False</x:AutoFill>` +
    `<x:Row>${row0}</x:Row><x:Column>${col0}</x:Column></x:ClientData></v:shape>`
  );
}

function cellPosition(ref: string): { row0: number; col0: number } | undefined {
  const m = /^([A-Z]{1,3})(\d{1,7})$/.exec(ref);
  if (!m) return undefined;
  let col = 0;
  for (const ch of m[1]) col = col * 26 + ch.charCodeAt(0) - 64;
  return { row0: Number(m[2]) - 1, col0: col - 1 };
}

/** A rich-text note (bold author, red words) on a cell that holds a number: the cells most likely to be marked. */
export const richNote: Mutator = {
  name: 'rich-note',
  leaves: 'intact',
  kinds: ['ooxml'],
  apply(pkg, rng) {
    const p = someSheet(pkg, rng);
    if (!p) return undefined;
    const numbers = spansNamed(p.xml, 'c').filter((c) => !c.selfClosing && !/\st="/.test(p.xml.slice(c.start, c.openEnd)) && /<(?:\w+:)?v>/.test(p.xml.slice(c.openEnd, c.end)));
    const cell = numbers.length ? rng.pick(numbers) : undefined;
    const ref = cell && attributeOf(p.xml.slice(cell.start, cell.openEnd), 'r');
    const position = ref && cellPosition(ref);
    if (!ref || !position) return undefined;
    const flavour = flavourOf(p.xml);
    const rels = pkg.relationships(p.part);
    const existingComments = [...rels.values()].find((r) => r.type.endsWith('/comments') && pkg.has(r.part));
    const legacy = rootChildren(p.xml).children.find((c) => c.local === 'legacyDrawing');
    if (legacy || existingComments) {
      // A sheet with notes already: one more comment, and its shape in the sheet's drawing.
      const id = /\w+:id="([^"]*)"/.exec(p.xml.slice(legacy?.start ?? 0, legacy?.end ?? 0))?.[1];
      const vml = id ? rels.get(id)?.part : undefined;
      const comments = existingComments && pkg.text(existingComments.part);
      const vmlText = vml && pkg.text(vml);
      if (!existingComments || !comments || !vmlText || new RegExp(`<comment ref="${ref}"`).test(comments)) return undefined;
      const list = comments.lastIndexOf('</commentList>');
      const end = vmlText.lastIndexOf('</xml>');
      if (list < 0 || end < 0) return undefined;
      pkg.setText(existingComments.part, splice(comments, list, list, `<comment ref="${ref}" authorId="0"><text>${RICH_RUNS}</text></comment>`));
      const next = Math.max(1024, ...[...vmlText.matchAll(/_x0000_s(\d+)/g)].map((m) => Number(m[1]))) + 1;
      pkg.setText(vml!, splice(vmlText, end, end, noteShape(next, position.row0, position.col0)));
      return `rich note on ${ref} of ${p.part} (beside its notes)`;
    }
    const at = insertionPoint(p.xml, after('legacyDrawing'));
    if (at === undefined) return undefined;
    const commentsPart = freeName(pkg, 'xl/comments', '.xml');
    const vmlPart = freeName(pkg, 'xl/drawings/vmlDrawing', '.vml');
    // A shape-id block no other drawing uses.
    const blocks = pkg.names.filter((n) => n.endsWith('.vml')).flatMap((n) => [...(pkg.text(n) ?? '').matchAll(/data="([\d,\s]*)"/g)].flatMap((m) => m[1].split(',').map(Number)));
    const block = Math.max(0, ...blocks.filter(Number.isFinite)) + 1;
    pkg.setText(
      commentsPart,
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<comments xmlns="${flavour.main}"><authors><author>张会计</author></authors><commentList>` +
        `<comment ref="${ref}" authorId="0"><text>${RICH_RUNS}</text></comment></commentList></comments>`,
    );
    pkg.setText(
      vmlPart,
      '<xml xmlns:v="urn:schemas-microsoft-com:vml"\r\n xmlns:o="urn:schemas-microsoft-com:office:office"\r\n xmlns:x="urn:schemas-microsoft-com:office:excel">\r\n' +
        ` <o:shapelayout v:ext="edit">\r\n  <o:idmap v:ext="edit" data="${block}"/>\r\n </o:shapelayout>` +
        '<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202"\r\n  path="m,l,21600r21600,l21600,xe">\r\n  <v:stroke joinstyle="miter"/>\r\n  <v:path gradientshapeok="t" o:connecttype="rect"/>\r\n </v:shapetype>' +
        noteShape(block * 1024 + 1, position.row0, position.col0) +
        '</xml>',
    );
    addRelationship(pkg, p.part, `${flavour.rel}/comments`, commentsPart);
    const vmlId = addRelationship(pkg, p.part, `${flavour.rel}/vmlDrawing`, vmlPart);
    declareContentType(pkg, commentsPart, undefined, COMMENTS_TYPE);
    declareContentType(pkg, undefined, 'vml', VML_TYPE);
    const x = rootPrefix(p.xml);
    const prefix = /\sxmlns:(\w+)="([^"]*)"/g;
    const declared = [...p.xml.slice(0, p.xml.indexOf('>', p.xml.search(/<(?:\w+:)?worksheet\b/)) + 1).matchAll(prefix)].find((m) => m[2] === flavour.rel)?.[1];
    const attr = declared ? `${declared}:id="${vmlId}"` : `xmlns:r="${flavour.rel}" r:id="${vmlId}"`;
    pkg.setText(p.part, splice(p.xml, at, at, `<${x}legacyDrawing ${attr}/>`));
    return `rich note on ${ref} of ${p.part}`;
  },
};

/** Data bars over a column of numbers, with their x14 extension (the part Excel 2010+ draws). */
export const dataBars: Mutator = {
  name: 'data-bars',
  leaves: 'intact',
  kinds: ['ooxml'],
  apply(pkg, rng) {
    const p = someSheet(pkg, rng);
    if (!p) return undefined;
    const refs = spansNamed(p.xml, 'c').map((c) => attributeOf(p.xml.slice(c.start, c.openEnd), 'r')).filter((r): r is string => !!r && /^[A-Z]{1,3}\d+$/.test(r));
    if (!refs.length) return undefined;
    const first = rng.pick(refs);
    const column = /^[A-Z]+/.exec(first)![0];
    const row = Number(/\d+$/.exec(first)![0]);
    const sqref = `${column}${row}:${column}${row + rng.int(0, 30)}`;
    const priority = Math.max(0, ...[...p.xml.matchAll(/\bpriority="(\d+)"/g)].map((m) => Number(m[1]))) + 1;
    const guid = `{6A5E8C51-5A4B-4E5C-9C22-${String(rng.int(0, 999999999999)).padStart(12, '0')}}`;
    const x = rootPrefix(p.xml);
    const x14 = 'http://schemas.microsoft.com/office/spreadsheetml/2009/9/main';
    const cf =
      `<${x}conditionalFormatting sqref="${sqref}"><${x}cfRule type="dataBar" priority="${priority}"><${x}dataBar><${x}cfvo type="min"/><${x}cfvo type="max"/><${x}color rgb="FF638EC6"/></${x}dataBar>` +
      `<${x}extLst><${x}ext uri="{B025F937-C7B1-47D3-B67F-A62EFF666E3E}" xmlns:x14="${x14}"><x14:id>${guid}</x14:id></${x}ext></${x}extLst></${x}cfRule></${x}conditionalFormatting>`;
    const x14Rule =
      `<x14:conditionalFormatting xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main"><x14:cfRule type="dataBar" id="${guid}">` +
      '<x14:dataBar minLength="0" maxLength="100" gradient="0"><x14:cfvo type="autoMin"/><x14:cfvo type="autoMax"/><x14:negativeFillColor rgb="FFFF0000"/><x14:axisColor rgb="FF000000"/></x14:dataBar></x14:cfRule>' +
      `<xm:sqref>${sqref}</xm:sqref></x14:conditionalFormatting>`;
    const at = insertionPoint(p.xml, after('conditionalFormatting'));
    if (at === undefined) return undefined;
    let xml = splice(p.xml, at, at, cf);
    const list = xml.lastIndexOf('</x14:conditionalFormattings>');
    const extLst = rootChildren(xml).children.find((c) => c.local === 'extLst');
    if (list >= 0) xml = splice(xml, list, list, x14Rule);
    else {
      const ext = `<${x}ext uri="{78C0D931-6437-407d-A8EE-F0AAD7539E65}" xmlns:x14="${x14}"><x14:conditionalFormattings>${x14Rule}</x14:conditionalFormattings></${x}ext>`;
      if (extLst && !extLst.selfClosing) xml = splice(xml, xml.lastIndexOf('</', extLst.end - 1), xml.lastIndexOf('</', extLst.end - 1), ext);
      else if (!extLst) {
        const end = insertionPoint(xml, []);
        if (end === undefined) return undefined;
        xml = splice(xml, end, end, `<${x}extLst>${ext}</${x}extLst>`);
      } else return undefined;
    }
    pkg.setText(p.part, xml);
    return `data bars over ${sqref} (priority ${priority}) in ${p.part}`;
  },
};

const PAGE_SETUPS = [
  'paperSize="9" scale="85" fitToHeight="0" orientation="landscape" horizontalDpi="600" verticalDpi="600"',
  'paperSize="8" orientation="portrait" useFirstPageNumber="1" firstPageNumber="3" pageOrder="overThenDown" blackAndWhite="1"',
  'paperSize="9" fitToWidth="1" fitToHeight="0" orientation="landscape" horizontalDpi="4294967295" verticalDpi="4294967295"',
];

export const pageSetup: Mutator = {
  name: 'page-setup',
  leaves: 'intact',
  kinds: ['ooxml'],
  apply(pkg, rng) {
    const p = someSheet(pkg, rng);
    if (!p) return undefined;
    const x = rootPrefix(p.xml);
    let xml = p.xml;
    const own = rootChildren(xml).children.find((c) => c.local === 'pageSetup');
    if (own) xml = splice(xml, own.start, own.end, '');
    const hasFooter = rootChildren(xml).children.some((c) => c.local === 'headerFooter');
    const at = insertionPoint(xml, after('pageSetup'));
    if (at === undefined) return undefined;
    const setup = rng.pick(PAGE_SETUPS);
    const footer = hasFooter ? '' : `<${x}headerFooter><${x}oddHeader>&amp;C&amp;"宋体,加粗"&amp;14部门预算</${x}oddHeader><${x}oddFooter>&amp;C第 &amp;P 页，共 &amp;N 页</${x}oddFooter></${x}headerFooter>`;
    xml = splice(xml, at, at, `<${x}pageSetup ${setup}/>${footer}`);
    // Fit to page lives in sheetPr, the sheet's first child.
    const children = rootChildren(xml);
    if (!children.children.some((c) => c.local === 'sheetPr') && children.root && !children.root.selfClosing) {
      xml = splice(xml, children.root.openEnd, children.root.openEnd, `<${x}sheetPr><${x}pageSetUpPr fitToPage="1"/></${x}sheetPr>`);
    }
    pkg.setText(p.part, xml);
    return `page setup ${setup.split(' ')[0]}… in ${p.part}`;
  },
};

const CJK_31 = '一般公共预算财政拨款基本支出经济分类预算表明细情况说明附表二零二四年度';
export const ODD_SHEET_NAMES = ['=SUM(1)', '+收入', '-支出', "O'Brien", "收入'支出'表", CJK_31.slice(0, 31), '校验报告', '校验报告 (2)', 'A&B<C>"D"', '_x0041_', 'Sheet 1', '1', 'TRUE', 'R1C1', 'A1', '＝全角', '预算01表!', '#REF!'];

function quoted(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

export const sheetName: Mutator = {
  name: 'sheet-name',
  leaves: 'intact',
  kinds: ['ooxml'],
  apply(pkg, rng) {
    const workbook = pkg.workbookPart();
    const xml = workbook && pkg.text(workbook);
    if (!workbook || !xml) return undefined;
    const sheets = spansNamed(xml, 'sheet');
    if (!sheets.length) return undefined;
    const taken = new Set(sheets.map((s) => decodeEntities(attributeOf(xml.slice(s.start, s.openEnd), 'name') ?? '').toUpperCase()));
    const free = ODD_SHEET_NAMES.filter((n) => !taken.has(n.toUpperCase()));
    if (!free.length) return undefined;
    const sheet = rng.pick(sheets);
    const tag = xml.slice(sheet.start, sheet.openEnd);
    const old = decodeEntities(attributeOf(tag, 'name') ?? '');
    const name = rng.pick(free);
    let out = splice(xml, sheet.start, sheet.openEnd, tag.replace(/(\sname=")[^"]*"/, `$1${escapeXml(name)}"`));
    // Defined names that point into the sheet follow it.
    const plain = old.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const oldQuoted = quoted(old).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    out = out.replace(/(<(?:\w+:)?definedName\b[^>]*>)([^<]*)/g, (_all, open: string, formula: string) => {
      const text = decodeEntities(formula)
        .replace(new RegExp(`${escapeXml(oldQuoted)}!|${oldQuoted}!`, 'g'), `${quoted(name)}!`)
        .replace(new RegExp(`(^|[^\\w'.])${plain}!`, 'g'), `$1${quoted(name)}!`);
      return open + escapeXml(text);
    });
    pkg.setText(workbook, out);
    return `sheet ${JSON.stringify(old)} renamed ${JSON.stringify(name)}`;
  },
};

export const FEATURE_MUTATORS: Mutator[] = [richNote, dataBars, pageSetup, sheetName];
