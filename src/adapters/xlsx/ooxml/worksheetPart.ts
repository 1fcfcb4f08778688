import { UnpatchableWorkbookError } from './errors';
import { MAIN_NAMESPACES, MARKUP_COMPATIBILITY, RELATIONSHIP_NAMESPACES, flavourOf } from './namespaces';
import type { OpcPackage } from './opcPackage';
import { WORKSHEET_ORDER, insertInOrder } from './schemaOrder';
import { XmlEditor } from './xmlEditor';
import { parseXml, prefixFor, relationshipIds, siblingName, type XmlElement } from './xmlTree';

/**
 * A worksheet part, changed only by inserting whole elements among the root's children (our
 * conditional formats, a legacyDrawing): the cells, their style indexes and every other element
 * keep their bytes. The whole part is parsed once (linear) to find where those elements go and
 * which conditional-format priorities are taken, including the x14 ones inside extLst.
 */
export class WorksheetPart {
  private readonly editor: XmlEditor;
  private readonly root: XmlElement;
  /** The highest cfRule priority in the sheet (0 when it has none). */
  maxPriority = 0;
  /** The relationship id of the sheet's legacy drawing (the VML that holds note shapes), if any. */
  readonly legacyDrawingId?: string;
  /** Every relationship id the sheet refers to, found or not in its relationships. */
  readonly referencedIds: string[] = [];

  constructor(
    private readonly pkg: OpcPackage,
    readonly name: string,
    readonly sheetName: string,
  ) {
    const xml = parseXml(pkg.text(name), name, {
      // The root's children, and inside mc:AlternateContent what it wraps (to rank it in schema order).
      recordChildren: (el, depth) => depth === 0 || (el.uri === MARKUP_COMPATIBILITY && depth <= 2),
      onElement: (tag) => {
        this.referencedIds.push(...relationshipIds(tag));
        if (tag.local !== 'cfRule') return;
        const priority = Number(Object.values(tag.attributes).find((a) => a.local === 'priority')?.value);
        if (Number.isFinite(priority)) this.maxPriority = Math.max(this.maxPriority, priority);
      },
    });
    this.root = xml.root;
    if (this.root.local !== 'worksheet' || !MAIN_NAMESPACES.has(this.root.uri)) {
      throw new UnpatchableWorkbookError(`“${sheetName}”不是普通工作表（${name}），无法标注单元格`, `"${sheetName}" is not a worksheet (${name}); its cells cannot be marked`);
    }
    this.editor = new XmlEditor(xml);
    const legacy = this.root.children.find((c) => c.local === 'legacyDrawing' && c.uri === this.root.uri);
    this.legacyDrawingId = legacy?.attributes.find((a) => a.local === 'id' && RELATIONSHIP_NAMESPACES.has(a.uri))?.value;
  }

  /** One always-true rule over `sqref` that applies differential format `dxfId`. */
  addConditionalFormat(sqref: string, dxfId: number, priority: number): void {
    const n = (local: string) => siblingName(this.root, local);
    const markup =
      `<${n('conditionalFormatting')} sqref="${sqref}"><${n('cfRule')} type="expression" dxfId="${dxfId}" priority="${priority}">` +
      `<${n('formula')}>TRUE</${n('formula')}></${n('cfRule')}></${n('conditionalFormatting')}>`;
    insertInOrder(this.editor, this.root, WORKSHEET_ORDER, 'conditionalFormatting', markup);
  }

  /** Points the sheet at the VML drawing that holds its note shapes. */
  addLegacyDrawing(relationshipId: string): void {
    const relationships = flavourOf(this.root.uri)!.relationships;
    const prefix = prefixFor(this.root, relationships);
    const id = prefix ? `${prefix}:id="${relationshipId}"` : `xmlns:r="${relationships}" r:id="${relationshipId}"`;
    insertInOrder(this.editor, this.root, WORKSHEET_ORDER, 'legacyDrawing', `<${siblingName(this.root, 'legacyDrawing')} ${id}/>`);
  }

  save(): void {
    if (this.editor.changed) this.pkg.setText(this.name, this.editor.text());
  }
}
