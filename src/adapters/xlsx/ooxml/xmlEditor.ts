import { TextPatch } from './textPatch';
import type { ParsedXml, XmlElement } from './xmlTree';

/**
 * Splices into one parsed part. Children appended to one element are gathered and written in one
 * splice, so an element written as `<x/>` can be opened up (`<x>…</x>`) once for all of them.
 */
export class XmlEditor {
  private readonly patch: TextPatch;
  private readonly appended = new Map<XmlElement, string[]>();

  constructor(readonly xml: ParsedXml) {
    this.patch = new TextPatch(xml.text);
  }

  /** Markup as the last children of `parent`, after any already there. */
  append(parent: XmlElement, markup: string): void {
    const list = this.appended.get(parent);
    if (list) list.push(markup);
    else this.appended.set(parent, [markup]);
  }

  insert(at: number, markup: string): void {
    this.patch.insert(at, markup);
  }

  replace(start: number, end: number, markup: string): void {
    this.patch.replace(start, end, markup);
  }

  get changed(): boolean {
    return this.patch.changed || this.appended.size > 0;
  }

  text(): string {
    for (const [parent, list] of this.appended) {
      const markup = list.join('');
      if (parent.selfClosing) {
        // `<x a="1"/>` → `<x a="1">markup</x>`: only the closing `/>` changes.
        this.patch.replace(parent.openEnd - 2, parent.openEnd, `>${markup}</${parent.name}>`);
      } else {
        this.patch.insert(parent.closeStart, markup);
      }
    }
    this.appended.clear();
    return this.patch.apply();
  }
}

/** `name="value"` pairs in the order given; values are escaped by the caller. */
export function attributes(pairs: [string, string | number][]): string {
  return pairs.map(([k, v]) => ` ${k}="${v}"`).join('');
}
