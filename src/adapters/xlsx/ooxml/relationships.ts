import { UnpatchableWorkbookError } from './errors';
import { PACKAGE_RELATIONSHIPS } from './namespaces';
import type { OpcPackage } from './opcPackage';
import { relationshipsPartOf, relativeTarget, resolveTarget } from './partNames';
import { escapeAttribute } from './xmlText';
import { XmlEditor, attributes } from './xmlEditor';
import { attribute, parseXml, siblingName } from './xmlTree';

export interface Relationship {
  id: string;
  type: string;
  /** The part it points to (resolved), or the raw target of an external relationship. */
  target: string;
  external: boolean;
}

/**
 * One part's relationships (`…/_rels/x.rels`): read, and extended with new ones. A part without
 * relationships gets its .rels part created when the first one is added.
 */
export class RelationshipsPart {
  readonly name: string;
  readonly relationships: Relationship[] = [];
  private editor?: XmlEditor;
  private added: string[] = [];
  /** Ids the source part refers to that have no relationship here (a damaged file): never given out again. */
  private readonly reserved = new Set<string>();

  constructor(
    private readonly pkg: OpcPackage,
    readonly source: string,
  ) {
    this.name = relationshipsPartOf(source);
    if (!pkg.has(this.name)) return;
    const xml = parseXml(pkg.text(this.name), this.name);
    if (xml.root.local !== 'Relationships' || xml.root.uri !== PACKAGE_RELATIONSHIPS) {
      throw new UnpatchableWorkbookError(`部件 ${this.name} 不是关系部件`, `part ${this.name} is not a relationships part`);
    }
    this.editor = new XmlEditor(xml);
    for (const el of xml.root.children) {
      if (el.local !== 'Relationship' || el.uri !== PACKAGE_RELATIONSHIPS) continue;
      const external = attribute(el, 'TargetMode') === 'External';
      const target = attribute(el, 'Target') ?? '';
      this.relationships.push({
        id: attribute(el, 'Id') ?? '',
        type: attribute(el, 'Type') ?? '',
        target: external ? target : resolveTarget(source, target),
        external,
      });
    }
  }

  byId(id: string): Relationship | undefined {
    return this.relationships.find((r) => r.id === id && !r.external);
  }

  ofType(matches: (type: string) => boolean): Relationship[] {
    return this.relationships.filter((r) => !r.external && matches(r.type));
  }

  /**
   * Ids the source part uses (its r:id attributes). A new relationship never takes one of them,
   * even when it has no relationship here: a sheet whose relationship was lost would otherwise be
   * pointed at the part we add (found by the fuzz test: the copy showed the report in its place).
   */
  reserve(ids: Iterable<string>): void {
    for (const id of ids) this.reserved.add(id);
  }

  /** Adds a relationship to `targetPart`; returns its new, unused id. */
  add(type: string, targetPart: string): string {
    const taken = new Set([...this.relationships.map((r) => r.id), ...this.reserved]);
    let n = 0;
    for (const { id } of this.relationships) {
      const m = /^rId(\d+)$/.exec(id);
      if (m) n = Math.max(n, Number(m[1]));
    }
    let id = `rId${++n}`;
    while (taken.has(id)) id = `rId${++n}`;
    this.relationships.push({ id, type, target: targetPart, external: false });
    const tag = (name: string) => `<${name}${attributes([['Id', id], ['Type', escapeAttribute(type)], ['Target', escapeAttribute(relativeTarget(this.source, targetPart))]])}/>`;
    if (this.editor) this.editor.append(this.editor.xml.root, tag(siblingName(this.editor.xml.root, 'Relationship')));
    else this.added.push(tag('Relationship'));
    return id;
  }

  /** Whether saving creates the part (it had no relationships before). */
  get creates(): boolean {
    return !this.editor && this.added.length > 0;
  }

  /** Writes the part back when something was added. */
  save(): void {
    if (this.editor?.changed) this.pkg.setText(this.name, this.editor.text());
    else if (this.added.length) {
      this.pkg.setText(this.name, `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PACKAGE_RELATIONSHIPS}">${this.added.join('')}</Relationships>`);
    }
  }
}
