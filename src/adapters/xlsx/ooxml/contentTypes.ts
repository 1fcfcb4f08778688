import { UnpatchableWorkbookError } from './errors';
import { CONTENT_TYPES } from './namespaces';
import type { OpcPackage } from './opcPackage';
import { escapeAttribute } from './xmlText';
import { XmlEditor, attributes } from './xmlEditor';
import { attribute, parseXml, siblingName } from './xmlTree';

const PART = '[Content_Types].xml';

/** `[Content_Types].xml`: each part's type is its Override, else the Default for its extension. */
export class ContentTypes {
  private readonly editor: XmlEditor;
  private readonly overrides = new Map<string, string>();
  private readonly defaults = new Map<string, string>();

  constructor(private readonly pkg: OpcPackage) {
    if (!pkg.has(PART)) throw new UnpatchableWorkbookError('工作簿缺少 [Content_Types].xml', 'the workbook has no [Content_Types].xml');
    const xml = parseXml(pkg.text(PART), PART);
    if (xml.root.local !== 'Types' || xml.root.uri !== CONTENT_TYPES) throw new UnpatchableWorkbookError(`${PART} 不是内容类型部件`, `${PART} is not a content-types part`);
    this.editor = new XmlEditor(xml);
    for (const el of xml.root.children) {
      if (el.uri !== CONTENT_TYPES) continue;
      const type = attribute(el, 'ContentType') ?? '';
      if (el.local === 'Override') this.overrides.set((attribute(el, 'PartName') ?? '').replace(/^\//, '').toLowerCase(), type);
      if (el.local === 'Default') this.defaults.set((attribute(el, 'Extension') ?? '').toLowerCase(), type);
    }
  }

  of(part: string): string | undefined {
    const name = part.replace(/^\//, '').toLowerCase();
    return this.overrides.get(name) ?? this.defaults.get(name.slice(name.lastIndexOf('.') + 1));
  }

  /** A part name no Override already claims (a stale Override would give a new part the wrong type). */
  isClaimed(part: string): boolean {
    return this.overrides.has(part.replace(/^\//, '').toLowerCase());
  }

  /** Gives `part` the content type `type`: by its extension's Default when that already says so, else an Override. */
  setType(part: string, type: string): void {
    const name = part.replace(/^\//, '');
    if (this.of(name) === type) return;
    const extension = name.slice(name.lastIndexOf('.') + 1).toLowerCase();
    const root = this.editor.xml.root;
    if (!this.defaults.has(extension) && !name.endsWith('.xml')) {
      // A new extension (vml, rels) gets a Default, as Excel writes it.
      this.defaults.set(extension, type);
      this.editor.append(root, `<${siblingName(root, 'Default')}${attributes([['Extension', escapeAttribute(extension)], ['ContentType', escapeAttribute(type)]])}/>`);
      return;
    }
    this.overrides.set(name.toLowerCase(), type);
    this.editor.append(root, `<${siblingName(root, 'Override')}${attributes([['PartName', escapeAttribute(`/${name}`)], ['ContentType', escapeAttribute(type)]])}/>`);
  }

  save(): void {
    if (this.editor.changed) this.pkg.setText(PART, this.editor.text());
  }
}
