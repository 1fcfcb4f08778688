import { escapeXml, type MutantPackage } from './mutantPackage';
import type { Mutator } from './mutator';
import type { Prng } from './prng';
import { attributeOf, elementSpans, insertionPoint, rootPrefix, spansNamed, splice, withAttribute } from './xmlSpans';

/**
 * Mutations of the parts' XML: elements dropped, duplicated or broken; row and column numbers
 * out of Excel's grid; indexes into the shared strings and styles that point nowhere; merges that
 * overlap or leave the sheet; sheets emptied; a value in the last cell Excel has (XFD1,048,576).
 */
const OOXML = ['ooxml'] as const;
const ANY_XML = ['ooxml', 'ods'] as const;

/** A random sheet part and its text, or undefined when the workbook has none left. */
export function someSheet(pkg: MutantPackage, rng: Prng): { part: string; xml: string } | undefined {
  const parts = pkg.sheetParts();
  if (!parts.length) return undefined;
  const part = rng.pick(parts);
  return { part, xml: pkg.text(part)! };
}

function someXmlPart(pkg: MutantPackage, rng: Prng): { part: string; xml: string } | undefined {
  const parts = pkg.xmlParts().filter((p) => pkg.text(p)!.length);
  if (!parts.length) return undefined;
  // Sheets and the workbook's own parts most of the time: that is where the reader looks.
  const central = parts.filter((p) => /worksheets\/|workbook\.xml|styles\.xml|sharedStrings|content\.xml|\.rels$|Content_Types/.test(p));
  const part = rng.pick(central.length && rng.chance(0.8) ? central : parts);
  return { part, xml: pkg.text(part)! };
}

export const dropElement: Mutator = {
  name: 'drop-element',
  leaves: 'damaged',
  kinds: [...ANY_XML],
  apply(pkg, rng) {
    const p = someXmlPart(pkg, rng);
    const spans = p && elementSpans(p.xml);
    if (!p || !spans?.length) return undefined;
    const s = rng.pick(spans);
    pkg.setText(p.part, splice(p.xml, s.start, s.end, ''));
    return `drop <${s.name}> at ${s.start} of ${p.part}`;
  },
};

export const duplicateElement: Mutator = {
  name: 'duplicate-element',
  leaves: 'damaged',
  kinds: [...ANY_XML],
  apply(pkg, rng) {
    const p = someXmlPart(pkg, rng);
    const spans = p && elementSpans(p.xml).slice(1);
    if (!p || !spans?.length) return undefined;
    const s = rng.pick(spans);
    pkg.setText(p.part, splice(p.xml, s.end, s.end, p.xml.slice(s.start, s.end)));
    return `duplicate <${s.name}> at ${s.start} of ${p.part}`;
  },
};

export const breakTag: Mutator = {
  name: 'break-tag',
  leaves: 'damaged',
  kinds: [...ANY_XML],
  apply(pkg, rng) {
    const p = someXmlPart(pkg, rng);
    const spans = p && elementSpans(p.xml);
    if (!p || !spans?.length) return undefined;
    const s = rng.pick(spans);
    const how = rng.int(0, 4);
    let xml: string;
    if (how === 0) xml = splice(p.xml, s.openEnd - 1, s.openEnd, ''); // the start tag's `>` gone
    else if (how === 1) xml = splice(p.xml, s.start + 1, s.start + 1, '<'); // `<<c`
    else if (how === 2) xml = splice(p.xml, s.openEnd, s.openEnd, '&bogus; & <'); // stray markup in content
    else if (how === 3) xml = p.xml.slice(0, rng.int(0, p.xml.length - 1)); // the part cut short
    else xml = splice(p.xml, s.start + 1, s.start + 1 + s.name.length, `${s.name}x`); // end tag no longer matches
    pkg.setText(p.part, xml);
    return `break <${s.name}> (way ${how}) at ${s.start} of ${p.part}`;
  },
};

const ODD_ROWS = ['0', '-3', '1048577', '4294967297', '1e9', '', '2.5', ' 7 ', 'x'];

export const oddRowNumber: Mutator = {
  name: 'odd-row-number',
  leaves: 'damaged',
  kinds: [...OOXML],
  apply(pkg, rng) {
    const p = someSheet(pkg, rng);
    const rows = p ? spansNamed(p.xml, 'row') : [];
    if (!p || !rows.length) return undefined;
    const row = rng.pick(rows);
    const r = rng.pick(ODD_ROWS);
    const tag = p.xml.slice(row.start, row.openEnd);
    pkg.setText(p.part, splice(p.xml, row.start, row.openEnd, withAttribute(tag, 'r', r)));
    return `row r="${r}" at ${row.start} of ${p.part}`;
  },
};

const ODD_REFS = ['A0', 'B-1', 'XFE1', 'A1048577', 'A99999999999', '', 'ZZZZ1', 'b7', '$B$7', 'R1C1', 'A1:B2', '１２'];

export const oddCellRef: Mutator = {
  name: 'odd-cell-ref',
  leaves: 'damaged',
  kinds: [...OOXML],
  apply(pkg, rng) {
    const p = someSheet(pkg, rng);
    const cells = p ? spansNamed(p.xml, 'c') : [];
    if (!p || !cells.length) return undefined;
    const c = rng.pick(cells);
    const ref = rng.pick(ODD_REFS);
    pkg.setText(p.part, splice(p.xml, c.start, c.openEnd, withAttribute(p.xml.slice(c.start, c.openEnd), 'r', ref)));
    return `cell r="${ref}" at ${c.start} of ${p.part}`;
  },
};

/** A value in the last cell of the grid, XFD1048576 (valid: the sheet then spans the whole grid). */
export const farCell: Mutator = {
  name: 'far-cell',
  leaves: 'intact',
  kinds: [...OOXML],
  apply(pkg, rng) {
    const p = someSheet(pkg, rng);
    if (!p) return undefined;
    const x = rootPrefix(p.xml);
    const data = spansNamed(p.xml, 'sheetData')[0];
    if (!data) return undefined;
    const rows = spansNamed(p.xml, 'row');
    const last = rows[rows.length - 1];
    if (last && /\br="1048576"/.test(p.xml.slice(last.start, last.openEnd))) return undefined;
    const value = rng.pick(['<v>1</v>', '<v>123456.78</v>']);
    const cell = rng.chance(0.5) ? `<${x}c r="XFD1048576">${value}</${x}c>` : `<${x}c r="A1048576">${value}</${x}c><${x}c r="XFD1048576">${value}</${x}c>`;
    const row = `<${x}row r="1048576">${cell}</${x}row>`;
    const xml = data.selfClosing ? splice(p.xml, data.start, data.end, `<${x}sheetData>${row}</${x}sheetData>`) : splice(p.xml, p.xml.lastIndexOf('</', data.end - 1), p.xml.lastIndexOf('</', data.end - 1), row);
    pkg.setText(p.part, xml);
    return `value at XFD1048576 in ${p.part}`;
  },
};

export const sharedStringOutOfRange: Mutator = {
  name: 'shared-string-out-of-range',
  leaves: 'damaged',
  kinds: [...OOXML],
  apply(pkg, rng) {
    const p = someSheet(pkg, rng);
    const cells = p ? spansNamed(p.xml, 'c').filter((c) => attributeOf(p.xml.slice(c.start, c.openEnd), 't') === 's' && !c.selfClosing) : [];
    if (!p || !cells.length) return undefined;
    const c = rng.pick(cells);
    const index = rng.pick(['99999', '-1', '1e12', 'abc', '', '4294967296']);
    const x = rootPrefix(p.xml);
    pkg.setText(p.part, splice(p.xml, c.openEnd, p.xml.lastIndexOf('</', c.end - 1), `<${x}v>${index}</${x}v>`));
    return `shared string index ${JSON.stringify(index)} at ${c.start} of ${p.part}`;
  },
};

export const invalidStyleIndex: Mutator = {
  name: 'invalid-style-index',
  leaves: 'damaged',
  kinds: [...OOXML],
  apply(pkg, rng) {
    const p = someSheet(pkg, rng);
    const cells = p ? spansNamed(p.xml, 'c') : [];
    if (!p || !cells.length) return undefined;
    let xml = p.xml;
    const s = rng.pick(['99999', '-1', 'abc', '1.5', '4294967296']);
    // Later cells first, so earlier offsets stay right.
    const chosen = rng.sample(cells, rng.int(1, 5)).sort((a, b) => b.start - a.start);
    for (const c of chosen) xml = splice(xml, c.start, c.openEnd, withAttribute(xml.slice(c.start, c.openEnd), 's', s));
    pkg.setText(p.part, xml);
    return `style index s="${s}" on ${chosen.length} cells of ${p.part}`;
  },
};

const MERGE_FOLLOWERS = ['phoneticPr', 'conditionalFormatting', 'dataValidations', 'hyperlinks', 'printOptions', 'pageMargins', 'pageSetup', 'headerFooter', 'rowBreaks', 'colBreaks', 'customProperties', 'cellWatches', 'ignoredErrors', 'smartTags', 'drawing', 'legacyDrawing', 'legacyDrawingHF', 'drawingHF', 'picture', 'oleObjects', 'controls', 'webPublishItems', 'tableParts', 'extLst'];

function addMerges(pkg: MutantPackage, part: string, xml: string, refs: string[]): boolean {
  const x = rootPrefix(xml);
  const cells = refs.map((r) => `<${x}mergeCell ref="${r}"/>`).join('');
  const existing = spansNamed(xml, 'mergeCells')[0];
  if (existing && !existing.selfClosing) {
    const at = xml.lastIndexOf('</', existing.end - 1);
    pkg.setText(part, splice(xml, at, at, cells));
    return true;
  }
  const at = insertionPoint(xml, MERGE_FOLLOWERS);
  if (at === undefined) return false;
  pkg.setText(part, splice(xml, at, at, `<${x}mergeCells count="${refs.length}">${cells}</${x}mergeCells>`));
  return true;
}

/** Merges that overlap the sheet's own (or each other), or cover the whole grid: well-formed, and a reader must cope. */
export const overlappingMerges: Mutator = {
  name: 'overlapping-merges',
  leaves: 'intact',
  kinds: [...OOXML],
  apply(pkg, rng) {
    const p = someSheet(pkg, rng);
    if (!p) return undefined;
    const own = spansNamed(p.xml, 'mergeCell').map((m) => attributeOf(p.xml.slice(m.start, m.openEnd), 'ref')).filter((r): r is string => !!r);
    // A label merged to the sheet's right or bottom edge, from a cell that holds something.
    const cell = rng.pick(spansNamed(p.xml, 'c').map((c) => attributeOf(p.xml.slice(c.start, c.openEnd), 'r')).filter((r): r is string => !!r && /^[A-Z]{1,3}\d+$/.test(r)).concat('B5'));
    const [, column, row] = /^([A-Z]+)(\d+)$/.exec(cell)!;
    const edges = [`${cell}:XFD${row}`, `${cell}:${column}1048576`];
    const refs = rng.sample(['A1:XFD1048576', 'A1:C3', 'B2:D4', 'A1:A1048576', 'A5:XFD5', 'C3:C3', ...edges, ...edges, ...own.map((r) => r.replace(/\d+$/, (n) => String(Number(n) + 1)))], rng.int(1, 3));
    return addMerges(pkg, p.part, p.xml, refs) ? `merges ${refs.join(' ')} in ${p.part}` : undefined;
  },
};

export const mergesOutOfRange: Mutator = {
  name: 'merges-out-of-range',
  leaves: 'damaged',
  kinds: [...OOXML],
  apply(pkg, rng) {
    const p = someSheet(pkg, rng);
    if (!p) return undefined;
    const refs = rng.sample(['A1:XFE1048577', 'C5:A1', 'Z99999999:A1', 'A0:B2', 'A1:', ':', 'A-1:B2', 'AAAA1:AAAB2'], rng.int(1, 2));
    return addMerges(pkg, p.part, p.xml, refs) ? `merges ${refs.join(' ')} in ${p.part}` : undefined;
  },
};

export const emptySheetPart: Mutator = {
  name: 'empty-sheet-part',
  leaves: 'intact',
  kinds: [...OOXML],
  apply(pkg, rng) {
    const p = someSheet(pkg, rng);
    if (!p) return undefined;
    const main = /<(?:\w+:)?worksheet\b[^>]*\sxmlns(?::\w+)?="([^"]*)"/.exec(p.xml)?.[1] ?? 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
    const way = rng.int(0, 2);
    pkg.setText(p.part, way === 0 ? `<worksheet xmlns="${main}"><sheetData/></worksheet>` : way === 1 ? `<?xml version="1.0" encoding="UTF-8"?>\n<worksheet xmlns="${main}"><sheetData></sheetData></worksheet>` : `<worksheet xmlns="${main}"/>`);
    return `empty ${p.part} (way ${way})`;
  },
};

/** A sheet part of no bytes at all: not XML, so damaged. */
export const zeroByteSheetPart: Mutator = {
  name: 'zero-byte-sheet-part',
  leaves: 'damaged',
  kinds: [...OOXML],
  apply(pkg, rng) {
    const p = someSheet(pkg, rng);
    if (!p) return undefined;
    pkg.setText(p.part, '');
    return `zero bytes in ${p.part}`;
  },
};

/** Where a sheet's relationship points, written every way OPC allows (intact) and some it does not (damaged). */
const GOOD_TARGETS = (part: string) => [`/${part}`, `./${part.replace(/^xl\//, '')}`, `../${part}`, part.replace(/^xl\//, '').toUpperCase()];
const BAD_TARGETS = (part: string) => [part.replace(/^xl\//, '').replace(/\//g, '\\'), `${part.replace(/^xl\//, '')}%`, '../../../etc/passwd', '', 'http://example.invalid/sheet.xml', part.replace(/^xl\//, '').replace(/(\d)/, '%3$1')];

function targetMutator(name: string, leaves: Mutator['leaves'], targets: (part: string) => string[]): Mutator {
  return {
    name,
    leaves,
    kinds: [...OOXML],
    apply(pkg, rng) {
      const workbook = pkg.workbookPart();
      const rels = workbook && `${workbook.slice(0, workbook.lastIndexOf('/') + 1)}_rels/${workbook.slice(workbook.lastIndexOf('/') + 1)}.rels`;
      const xml = rels && pkg.text(rels);
      const sheets = pkg.sheets().filter((s) => s.part);
      if (!xml || !sheets.length) return undefined;
      const sheet = rng.pick(sheets);
      const rel = [...pkg.relationships(workbook!)].find(([, r]) => r.part === sheet.part);
      if (!rel) return undefined;
      const target = rng.pick(targets(sheet.part!));
      const out = xml.replace(new RegExp(`(<Relationship\\b[^>]*\\bId="${rel[0]}"[^>]*\\bTarget=")[^"]*"|(<Relationship\\b[^>]*\\bTarget=")[^"]*("[^>]*\\bId="${rel[0]}")`), (_all, a?: string, b?: string, c?: string) => (a ? `${a}${escapeXml(target)}"` : `${b}${escapeXml(target)}${c}`));
      if (out === xml) return undefined;
      pkg.setText(rels!, out);
      return `sheet ${JSON.stringify(sheet.name)} at target ${JSON.stringify(target)}`;
    },
  };
}

export const oddRelationshipTarget = targetMutator('odd-relationship-target', 'intact', GOOD_TARGETS);
export const badRelationshipTarget = targetMutator('bad-relationship-target', 'damaged', BAD_TARGETS);

/** XML a parser must take in its stride: a byte-order mark, comments, processing instructions, character references, CDATA. */
export const xmlTrimmings: Mutator = {
  name: 'xml-trimmings',
  leaves: 'intact',
  kinds: [...OOXML],
  apply(pkg, rng) {
    const p = someSheet(pkg, rng);
    if (!p) return undefined;
    const way = rng.int(0, 3);
    let xml = p.xml;
    if (way === 0) xml = xml.startsWith('\uFEFF') ? xml : `\uFEFF${xml}`;
    else if (way === 1) xml = xml.replace(/(<(?:\w+:)?row\b)/g, (m, _t, at: number) => (at % 3 === 0 ? `<!-- 第${at}行 --><?budget-audit fuzz?>${m}` : m));
    else if (way === 2) xml = xml.replace(/(<(?:\w+:)?v>)(\d)(\d*)(<\/)/g, (_m, open: string, first: string, rest: string, close: string) => `${open}&#${first.charCodeAt(0)};${rest}${close}`);
    else xml = xml.replace(/(<(?:\w+:)?t(?:\s[^>]*)?>)([^<]+)(<\/)/g, (_m, open: string, text: string, close: string) => `${open}<![CDATA[${text.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>')}]]>${close}`);
    if (xml === p.xml) return undefined;
    pkg.setText(p.part, xml);
    return `xml trimmings (way ${way}) in ${p.part}`;
  },
};

/** A part in UTF-16: valid XML, but the annotator edits UTF-8 parts only (it may refuse, with a reason). */
export const utf16Part: Mutator = {
  name: 'utf16-part',
  leaves: 'damaged',
  kinds: [...OOXML],
  apply(pkg, rng) {
    const p = someSheet(pkg, rng);
    if (!p) return undefined;
    const xml = p.xml.replace(/^\uFEFF?<\?xml[^>]*\?>/, '<?xml version="1.0" encoding="UTF-16" standalone="yes"?>');
    const entry = pkg.entries.find((e) => e.name === p.part)!;
    entry.data = new Uint8Array(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(xml.startsWith('<?xml') ? xml : `<?xml version="1.0" encoding="UTF-16"?>${xml}`, 'utf16le')]));
    return `${p.part} in UTF-16`;
  },
};

/** Two sheets of the workbook on one part (Excel refuses such a file; nothing may crash or be written twice). */
export const sharedSheetPart: Mutator = {
  name: 'shared-sheet-part',
  leaves: 'damaged',
  kinds: [...OOXML],
  apply(pkg, rng) {
    const workbook = pkg.workbookPart();
    const xml = workbook && pkg.text(workbook);
    const sheets = xml ? spansNamed(xml, 'sheet') : [];
    if (!xml || !sheets.length) return undefined;
    const s = rng.pick(sheets);
    const tag = xml.slice(s.start, s.end);
    const copy = tag.replace(/(\sname=")([^"]*)"/, '$1$2 副本"').replace(/(\ssheetId=")\d+"/, '$1999"');
    pkg.setText(workbook!, splice(xml, s.end, s.end, copy));
    return `sheet ${attributeOf(tag, 'name')} twice, on one part`;
  },
};

const COL_RANGES = [
  { min: '1', max: '16384', leaves: 'intact' as const },
  { min: '3', max: '16384', leaves: 'intact' as const },
  { min: '0', max: '5', leaves: 'damaged' as const },
  { min: '-1', max: '2', leaves: 'damaged' as const },
  { min: '5', max: '2', leaves: 'damaged' as const },
  { min: '1', max: '2147483647', leaves: 'damaged' as const },
  { min: '16385', max: '99999', leaves: 'damaged' as const },
  { min: 'x', max: '', leaves: 'damaged' as const },
];

/** Column ranges (`<col min max>`, hidden or wide) up to the grid's edge (intact) and past it, reversed or negative (damaged). */
function columnRangeMutator(name: string, leaves: Mutator['leaves']): Mutator {
  return {
    name,
    leaves,
    kinds: [...OOXML],
    apply(pkg, rng) {
      const p = someSheet(pkg, rng);
      if (!p) return undefined;
      const range = rng.pick(COL_RANGES.filter((r) => r.leaves === leaves));
      const x = rootPrefix(p.xml);
      const col = `<${x}col min="${range.min}" max="${range.max}" width="${rng.pick(['0', '12.5', '255'])}"${rng.chance(0.5) ? ' hidden="1"' : ''} customWidth="1"/>`;
      const cols = spansNamed(p.xml, 'cols')[0];
      let xml: string;
      if (cols && !cols.selfClosing) {
        // Replace the sheet's own column ranges: ranges must not overlap.
        xml = splice(p.xml, cols.start, cols.end, `<${x}cols>${col}</${x}cols>`);
      } else {
        const at = insertionPoint(p.xml, ['sheetData']);
        if (at === undefined || cols) return undefined;
        xml = splice(p.xml, at, at, `<${x}cols>${col}</${x}cols>`);
      }
      pkg.setText(p.part, xml);
      return `columns ${range.min}..${range.max} in ${p.part}`;
    },
  };
}

export const wideColumnRange = columnRangeMutator('wide-column-range', 'intact');
export const oddColumnRange = columnRangeMutator('odd-column-range', 'damaged');

export const XML_MUTATORS: Mutator[] = [
  wideColumnRange,
  oddColumnRange,
  oddRelationshipTarget,
  badRelationshipTarget,
  xmlTrimmings,
  utf16Part,
  sharedSheetPart,
  dropElement,
  duplicateElement,
  breakTag,
  oddRowNumber,
  oddCellRef,
  farCell,
  sharedStringOutOfRange,
  invalidStyleIndex,
  overlappingMerges,
  mergesOutOfRange,
  emptySheetPart,
  zeroByteSheetPart,
];
