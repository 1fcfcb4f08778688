import { UnpatchableWorkbookError } from './errors';
import { flavourOf, isRelationshipType, RELATIONSHIP_NAMESPACES, type Flavour } from './namespaces';
import type { OpcPackage } from './opcPackage';
import { RelationshipsPart } from './relationships';
import { escapeXstringAttribute, decodeXstring } from './xmlText';
import { XmlEditor, attributes } from './xmlEditor';
import { attribute, childrenNamed, parseXml, prefixFor, relationshipIds, siblingName, type XmlElement } from './xmlTree';

export interface SheetEntry {
  name: string;
  sheetId: number;
  /** The sheet's part, when its relationship resolves to one. */
  part?: string;
  worksheet: boolean;
}

/** The workbook part: its sheets (name → part) and the one edit we make to it, a new last sheet. */
export class WorkbookPart {
  readonly name: string;
  readonly flavour: Flavour;
  readonly sheets: SheetEntry[] = [];
  readonly relationships: RelationshipsPart;
  private readonly editor: XmlEditor;
  private readonly sheetsElement: XmlElement;

  constructor(private readonly pkg: OpcPackage) {
    const packageRelationships = new RelationshipsPart(pkg, '');
    const office = packageRelationships.ofType((t) => isRelationshipType(t, 'officeDocument'))[0];
    if (!office || !pkg.has(office.target)) {
      throw new UnpatchableWorkbookError('找不到工作簿部件（_rels/.rels 中没有 officeDocument 关系）', 'no workbook part found (_rels/.rels has no officeDocument relationship)');
    }
    this.name = pkg.entryName(office.target)!;
    const referenced: string[] = [];
    const xml = parseXml(pkg.text(this.name), this.name, {
      recordChildren: (el, depth) => depth === 0 || el.local === 'sheets',
      onElement: (tag) => referenced.push(...relationshipIds(tag)),
    });
    const flavour = xml.root.local === 'workbook' ? flavourOf(xml.root.uri) : undefined;
    if (!flavour) throw new UnpatchableWorkbookError(`${this.name} 不是 SpreadsheetML 工作簿`, `${this.name} is not a SpreadsheetML workbook`);
    this.flavour = flavour;
    this.editor = new XmlEditor(xml);
    const lists = childrenNamed(xml.root, 'sheets');
    if (!lists.length) throw new UnpatchableWorkbookError(`${this.name} 中没有 <sheets>`, `${this.name} has no <sheets>`);
    // Readers differ on a second list (found by the fuzz test: the report landed amid the sheets).
    if (lists.length > 1) throw new UnpatchableWorkbookError(`${this.name} 中有 ${lists.length} 个 <sheets>，工作表顺序不确定`, `${this.name} has ${lists.length} <sheets> lists: the order of its sheets is unclear`);
    const sheets = lists[0];
    this.sheetsElement = sheets;
    this.relationships = new RelationshipsPart(pkg, this.name);
    this.relationships.reserve(referenced);
    for (const el of sheets.children) {
      if (el.local !== 'sheet' || el.uri !== xml.root.uri) continue;
      const relId = el.attributes.find((a) => a.local === 'id' && RELATIONSHIP_NAMESPACES.has(a.uri))?.value;
      const rel = relId ? this.relationships.byId(relId) : undefined;
      const part = rel && pkg.entryName(rel.target);
      this.sheets.push({
        name: attribute(el, 'name') ?? '',
        sheetId: Number(attribute(el, 'sheetId') ?? 0),
        part,
        worksheet: !!rel && isRelationshipType(rel.type, 'worksheet'),
      });
    }
  }

  /** The sheet called `name` (as the reader names it: its `_xHHHH_` escapes decoded, if it has any). */
  sheet(name: string): SheetEntry | undefined {
    return this.sheets.find((s) => s.name === name) ?? this.sheets.find((s) => decodeXstring(s.name) === name);
  }

  /** `base`, else `base (2)`, `base (3)` …: Excel compares sheet names without regard to case. */
  uniqueSheetName(base: string): string {
    const taken = new Set(this.sheets.map((s) => decodeXstring(s.name).toUpperCase()));
    if (!taken.has(base.toUpperCase())) return base;
    for (let i = 2; ; i++) {
      const suffix = ` (${i})`;
      const name = `${[...base].slice(0, 31 - suffix.length).join('')}${suffix}`;
      if (!taken.has(name.toUpperCase())) return name;
    }
  }

  /** Appends a worksheet after every existing sheet, so sheet indexes (defined names, views) keep meaning the same sheets. */
  addWorksheet(name: string, part: string): void {
    const sheetId = Math.max(0, ...this.sheets.map((s) => s.sheetId)) + 1;
    const id = this.relationships.add(this.flavour.relationshipType('worksheet'), part);
    const sheets = this.sheetsElement;
    const prefix = prefixFor(sheets, this.flavour.relationships);
    const idAttribute: [string, string][] = prefix ? [[`${prefix}:id`, id]] : [['xmlns:r', this.flavour.relationships], ['r:id', id]];
    this.editor.append(sheets, `<${siblingName(sheets, 'sheet')}${attributes([['name', escapeXstringAttribute(name)], ['sheetId', sheetId], ...idAttribute])}/>`);
    this.sheets.push({ name, sheetId, part, worksheet: true });
  }

  /** The styles part, if the workbook has one. */
  stylesPart(): string | undefined {
    const rel = this.relationships.ofType((t) => isRelationshipType(t, 'styles'))[0];
    return rel && this.pkg.entryName(rel.target);
  }

  save(): void {
    if (this.editor.changed) this.pkg.setText(this.name, this.editor.text());
    this.relationships.save();
  }
}
