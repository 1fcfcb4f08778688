import type { ContentTypes } from './contentTypes';
import { UnpatchableWorkbookError } from './errors';
import { CONTENT_TYPE, MAIN_NAMESPACES, isRelationshipType } from './namespaces';
import type { OpcPackage } from './opcPackage';
import { folderOf } from './partNames';
import { STYLESHEET_ORDER, insertInOrder, setAttribute } from './schemaOrder';
import { XmlEditor } from './xmlEditor';
import { childrenNamed, parseXml, siblingName, type ParsedXml, type XmlElement } from './xmlTree';
import type { WorkbookPart } from './workbookPart';

/** Indexes (into cellXfs) of the report sheet's styles. */
export interface ReportStyles {
  header: number;
  link: number;
  fill: Record<string, number>;
}

/**
 * styles.xml, only ever extended: new differential formats for the marks, and new fonts, fills
 * and cell formats for the report sheet, each appended after the existing ones so no index the
 * user's cells or rules use changes meaning. A missing collection (or a missing styles part) is
 * created with the defaults Excel assumes.
 */
export class StylesPart {
  private readonly name: string;
  private readonly created: boolean;
  private readonly xml: ParsedXml;
  private readonly editor: XmlEditor;
  /** Per collection: its element (when it exists) and how many children it will have. */
  private readonly collections = new Map<string, { element?: XmlElement; count: number; added: string[] }>();

  constructor(
    private readonly pkg: OpcPackage,
    private readonly workbook: WorkbookPart,
  ) {
    const existing = workbook.stylesPart();
    if (existing === undefined && workbook.relationships.ofType((t) => isRelationshipType(t, 'styles')).length) {
      throw new UnpatchableWorkbookError('工作簿引用的样式部件不在包中', "the workbook's styles part is missing from the package");
    }
    this.created = existing === undefined;
    this.name = existing ?? `${folderOf(workbook.name)}styles.xml`;
    if (this.created && pkg.has(this.name)) {
      throw new UnpatchableWorkbookError(`${this.name} 存在但未被工作簿引用`, `${this.name} exists but the workbook does not refer to it`);
    }
    const text = this.created ? emptyStylesheet(workbook.flavour.main) : pkg.text(this.name);
    this.xml = parseXml(text, this.name, { recordChildren: (el, depth) => depth <= 1 || (depth === 2 && el.local === 'font') });
    if (this.xml.root.local !== 'styleSheet' || !MAIN_NAMESPACES.has(this.xml.root.uri)) {
      throw new UnpatchableWorkbookError(`${this.name} 不是 SpreadsheetML 样式部件`, `${this.name} is not a SpreadsheetML styles part`);
    }
    this.editor = new XmlEditor(this.xml);
  }

  private collection(local: string) {
    let c = this.collections.get(local);
    if (!c) {
      const all = childrenNamed(this.xml.root, local);
      // Which list a reader indexes into is unclear; our indexes would be guesses.
      if (all.length > 1) throw new UnpatchableWorkbookError(`${this.name} 中有 ${all.length} 个 <${local}>`, `${this.name} has ${all.length} <${local}> lists`);
      const element = all[0];
      const item = ITEM_OF[local];
      c = { element, count: element ? element.children.filter((e) => e.local === item && e.uri === element.uri).length : 0, added: [] };
      this.collections.set(local, c);
    }
    return c;
  }

  /** Appends an item to a collection; returns its index. */
  private add(local: string, item: (name: (l: string) => string) => string): number {
    const c = this.collection(local);
    const parent = c.element ?? this.xml.root;
    c.added.push(item((l) => siblingName(parent, l)));
    return c.count + c.added.length - 1;
  }

  /** A collection Excel needs before our items can be indexed (font 0, fills 0 and 1, border 0, xf 0). */
  private ensure(local: string, defaults: string[]): void {
    const c = this.collection(local);
    if (c.element || c.added.length) return;
    c.added.push(...defaults.map((d) => d.replace(/<(\/?)([A-Za-z])/g, (_, slash: string, first: string) => `<${slash}${siblingName(this.xml.root, '')}${first}`)));
  }

  /** A differential format with a solid fill (dxf fills take bgColor; fgColor too, for other readers). */
  addDxf(rgb: string): number {
    return this.add('dxfs', (n) => `<${n('dxf')}><${n('fill')}><${n('patternFill')} patternType="solid"><${n('fgColor')} rgb="${rgb}"/><${n('bgColor')} rgb="${rgb}"/></${n('patternFill')}></${n('fill')}></${n('dxf')}>`);
  }

  /** Bold header, a link look (underlined, blue) and one fill per given colour, each on the workbook's default font. */
  addReportStyles(fills: Record<string, string>): ReportStyles {
    this.ensure('fonts', ['<font><sz val="11"/><name val="Calibri"/><family val="2"/></font>']);
    this.ensure('fills', ['<fill><patternFill patternType="none"/></fill>', '<fill><patternFill patternType="gray125"/></fill>']);
    this.ensure('borders', ['<border><left/><right/><top/><bottom/><diagonal/></border>']);
    this.ensure('cellStyleXfs', ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>']);
    this.ensure('cellXfs', ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>']);
    if (this.created) this.ensure('cellStyles', ['<cellStyle name="Normal" xfId="0" builtinId="0"/>']);
    const base = this.defaultFontChildren();
    const bold = this.add('fonts', (n) => `<${n('font')}><${n('b')}/>${base.filter((c) => c.local !== 'b').map((c) => c.markup).join('')}</${n('font')}>`);
    const link = this.add('fonts', (n) => `<${n('font')}><${n('u')}/>${base.filter((c) => c.local !== 'u' && c.local !== 'color').map((c) => c.markup).join('')}<${n('color')} rgb="FF0563C1"/></${n('font')}>`);
    const xf = (n: (l: string) => string, font: number, fill: number, apply: string) =>
      `<${n('xf')} numFmtId="0" fontId="${font}" fillId="${fill}" borderId="0" xfId="0" ${apply}="1"/>`;
    const styles: ReportStyles = {
      header: this.add('cellXfs', (n) => xf(n, bold, 0, 'applyFont')),
      link: this.add('cellXfs', (n) => xf(n, link, 0, 'applyFont')),
      fill: {},
    };
    for (const [key, rgb] of Object.entries(fills)) {
      const fill = this.add('fills', (n) => `<${n('fill')}><${n('patternFill')} patternType="solid"><${n('fgColor')} rgb="${rgb}"/><${n('bgColor')} indexed="64"/></${n('patternFill')}></${n('fill')}>`);
      styles.fill[key] = this.add('cellXfs', (n) => xf(n, 0, fill, 'applyFill'));
    }
    return styles;
  }

  /** Font 0's own children, as written, to build ours on (an empty list when fonts are created here). */
  private defaultFontChildren(): { local: string; markup: string }[] {
    const font = this.collection('fonts').element?.children.find((f) => f.local === 'font');
    if (!font) return [{ local: 'sz', markup: `<${siblingName(this.xml.root, 'sz')} val="11"/>` }, { local: 'name', markup: `<${siblingName(this.xml.root, 'name')} val="Calibri"/>` }];
    return font.children.map((c) => ({ local: c.local, markup: this.xml.text.slice(c.start, c.end) }));
  }

  save(contentTypes: ContentTypes): void {
    for (const local of STYLESHEET_ORDER) {
      const c = this.collections.get(local);
      if (!c || !c.added.length) continue;
      const count = String(c.count + c.added.length);
      if (c.element) {
        this.editor.append(c.element, c.added.join(''));
        // The count attribute is optional; when present it must stay right.
        if (c.element.attributes.some((a) => a.name === 'count')) setAttribute(this.editor, c.element, 'count', count);
      } else {
        const n = siblingName(this.xml.root, local);
        insertInOrder(this.editor, this.xml.root, STYLESHEET_ORDER, local, `<${n} count="${count}">${c.added.join('')}</${n}>`);
      }
    }
    if (!this.editor.changed) return;
    this.pkg.setText(this.name, this.editor.text());
    if (this.created) {
      this.workbook.relationships.add(this.workbook.flavour.relationshipType('styles'), this.name);
      contentTypes.setType(this.name, CONTENT_TYPE.styles);
    }
  }
}

const ITEM_OF: Record<string, string> = { fonts: 'font', fills: 'fill', borders: 'border', cellStyleXfs: 'xf', cellXfs: 'xf', cellStyles: 'cellStyle', dxfs: 'dxf' };

function emptyStylesheet(main: string): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="${main}"></styleSheet>`;
}
