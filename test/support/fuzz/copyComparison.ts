import { isDeepStrictEqual } from 'util';
import { readSnapshotFromBuffer } from '../../../src/adapters/xlsx/readSnapshot';
import { parseXml } from '../../../src/adapters/xlsx/ooxml/xmlTree';
import { gridsOf, type SheetSnapshot, type WorkbookSnapshot } from '../../../src/core/snapshot';
import { insertionsOnly, readParts, sameBytes, withoutInsertedMarks, type Parts } from '../ooxmlPackage';
import { decodeEntities, MutantPackage } from './mutantPackage';

/**
 * What an annotated copy must be: the source, part for part, but for what marking a sheet and
 * adding the report need, and in the parts that need it only insertions; every value of every
 * source sheet the same when read back. Returns the differences found, as sentences (none: []).
 */
export async function compareCopy(source: Uint8Array, copy: Uint8Array, markedSheets: string[], sourceSnapshot: WorkbookSnapshot): Promise<string[]> {
  const problems: string[] = [];
  const before = readParts(source);
  const after = readParts(copy);
  const names = [...before.keys()];
  const afterNames = [...after.keys()];
  if (!isDeepStrictEqual(afterNames.slice(0, names.length), names)) problems.push('the copy does not keep the source entries, in their order, before any it adds');

  const pkg = new MutantPackage(names.map((name) => ({ name, data: before.get(name)! })));
  const workbook = pkg.workbookPart();
  const sheets = pkg.sheets();
  const partOf = (sheet: string) => sheets.find((s) => s.name === sheet)?.part ?? sheets.find((s) => decodeXstring(s.name) === sheet)?.part;
  const markedParts = new Set<string>();
  const changeable = new Set<string>(['[Content_Types].xml']);
  if (workbook) {
    changeable.add(workbook).add(relsOf(workbook));
    const styles = pkg.partOfType('styles');
    if (styles) changeable.add(styles);
  }
  for (const sheet of markedSheets) {
    const part = partOf(sheet);
    if (!part) {
      problems.push(`marked sheet ${JSON.stringify(sheet)} has no part in the source`);
      continue;
    }
    markedParts.add(part);
    changeable.add(part).add(relsOf(part));
    for (const rel of pkg.relationships(part).values()) if (/\/(comments|vmlDrawing)$/.test(rel.type)) changeable.add(rel.part);
  }

  for (const name of names) {
    const was = before.get(name)!;
    const now = after.get(name);
    if (sameBytes(now, was)) continue;
    if (!now) {
      problems.push(`${name} is missing from the copy`);
      continue;
    }
    if (!changeable.has(name)) {
      problems.push(`${name} changed, though neither a mark nor the report needs it`);
      continue;
    }
    const [a, b] = [text(was), text(now)];
    if (markedParts.has(name)) {
      const maxPriority = Math.max(0, ...[...a.matchAll(/\bpriority="(\d+)"/g)].map((m) => Number(m[1])));
      const hadLegacy = /<(?:\w+:)?legacyDrawing\b/.test(a);
      const legacy = hadLegacy ? undefined : /<(?:\w+:)?legacyDrawing (?:xmlns:r="[^"]*" )?\w+:id="([^"]+)"\/>/.exec(b)?.[1];
      if (withoutInsertedMarks(b, maxPriority, legacy) !== a) problems.push(`marked sheet ${name} differs from its source by more than the marks' conditional formats and legacy drawing`);
    } else if (insertionsOnly(a, b, name.endsWith('.vml') ? [] : ['count']) === null) {
      problems.push(`${name} differs from its source by more than insertions`);
    }
    if (!name.endsWith('.vml')) wellFormed(b, name, problems);
  }

  const added = afterNames.slice(names.length);
  // The report sheet, and the workbook's relationships and styles when it had none; per marked sheet its notes, drawing and relationships.
  if (added.length > 3 + 3 * markedParts.size) problems.push(`the copy adds ${added.length} parts for ${markedParts.size} marked sheets: ${added.join(', ')}`);
  for (const name of added) if (/\.(xml|rels|vml)$/i.test(name)) wellFormed(text(after.get(name)!), name, problems);
  problems.push(...reportLinks(after, afterNames));
  problems.push(...(await sameValues(sourceSnapshot, copy)));
  return problems;
}

function relsOf(part: string): string {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

function text(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('utf8');
}

function decodeXstring(s: string): string {
  return s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

function wellFormed(xml: string, name: string, problems: string[]): void {
  try {
    parseXml(xml, name);
  } catch (e) {
    problems.push(`${name} in the copy is not well-formed XML: ${(e as Error).message}`);
  }
}

/** Every link of the report (its last sheet) names a sheet of the copy, quoted as Excel wants it. */
function reportLinks(parts: Parts, names: string[]): string[] {
  const pkg = new MutantPackage(names.map((name) => ({ name, data: parts.get(name)! })));
  const sheets = pkg.sheets();
  const report = sheets[sheets.length - 1]?.part;
  if (!report) return ['the copy has no report sheet part'];
  const sheetNames = new Set(sheets.map((s) => decodeXstring(s.name)));
  const problems: string[] = [];
  for (const m of pkg.text(report)!.matchAll(/\blocation="([^"]*)"/g)) {
    const location = decodeXstring(decodeEntities(m[1]));
    const q = /^'((?:[^']|'')+)'!\$?[A-Z]{1,3}\$?\d+$/.exec(location);
    const sheet = q ? q[1].replace(/''/g, "'") : undefined;
    if (!sheet || !sheetNames.has(sheet)) problems.push(`report link ${JSON.stringify(location)} does not name a sheet of the workbook`);
  }
  return problems;
}

/** The copy read back: the source's sheets, each equal to the source's, then the report. */
async function sameValues(source: WorkbookSnapshot, copy: Uint8Array): Promise<string[]> {
  let again: WorkbookSnapshot;
  try {
    again = await readSnapshotFromBuffer(copy, source.name);
  } catch (e) {
    return [`the copy cannot be read back: ${(e as Error).message}`];
  }
  const problems: string[] = [];
  if (again.sheets.length !== source.sheets.length + 1) problems.push(`the copy has ${again.sheets.length} sheets, the source ${source.sheets.length} (+1 report expected)`);
  source.sheets.forEach((sheet, i) => {
    const other = again.sheets[i];
    if (!other || !isDeepStrictEqual(asGrids(other), asGrids(sheet))) problems.push(`sheet ${JSON.stringify(sheet.name)} reads differently from the copy: ${firstDifference(sheet, other)}`);
  });
  return problems;
}

/** A sheet as grids, so two readings compare cell by cell whatever order their packed tables took. */
function asGrids(s: SheetSnapshot): object {
  const grid: { cells?: unknown } = { ...s, ...gridsOf(s) };
  delete grid.cells;
  return grid;
}

function firstDifference(a: SheetSnapshot, b: SheetSnapshot | undefined): string {
  if (!b) return 'missing';
  if (a.name !== b.name) return `named ${JSON.stringify(b.name)}`;
  const [ga, gb] = [gridsOf(a), gridsOf(b)];
  for (const key of ['values', 'text', 'numberFormats'] as const) {
    const rows = Math.max(ga[key].length, gb[key].length);
    for (let r = 0; r < rows; r++) {
      const [x, y] = [ga[key][r] ?? [], gb[key][r] ?? []];
      for (let c = 0; c < Math.max(x.length, y.length); c++) {
        if (!Object.is(x[c], y[c])) return `${key} at row ${r + 1} column ${c + 1}: ${JSON.stringify(x[c])} → ${JSON.stringify(y[c])}`;
      }
    }
  }
  for (const key of ['merges', 'hiddenRows', 'hiddenColumns', 'hidden', 'protected'] as const) {
    if (!isDeepStrictEqual(a[key], b[key])) return `${key}: ${JSON.stringify(a[key])} → ${JSON.stringify(b[key])}`;
  }
  return 'holes in different places';
}
