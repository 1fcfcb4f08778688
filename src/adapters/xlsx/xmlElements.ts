import { SaxesParser } from 'saxes';

/** An element as the side passes need it: the local name (prefix dropped) and its attributes. */
export interface XmlElement {
  name: string;
  /** Attributes by local name (`table:visibility` → `visibility`). */
  attrs: Record<string, string>;
}

/**
 * Streams an XML part through saxes (a well-kept, conforming SAX parser) and calls back on each
 * element's open and close, without building a tree: the parts read this way (an .ods
 * content.xml, relationship lists) can be as big as the sheet itself. Malformed XML throws.
 */
export function walkXml(xml: string, onOpen: (el: XmlElement) => void, onClose?: (name: string) => void, onText?: (text: string) => void): void {
  const parser = new SaxesParser({ position: false });
  let failure: Error | undefined;
  parser.on('error', (e) => {
    failure ??= e;
  });
  parser.on('opentag', (tag) => {
    const attrs: Record<string, string> = {};
    for (const [k, v] of Object.entries(tag.attributes)) attrs[localName(k)] = v;
    onOpen({ name: localName(tag.name), attrs });
  });
  // saxes closes a self-closing element too, so every open has its close.
  if (onClose) parser.on('closetag', (tag) => onClose(localName(tag.name)));
  if (onText) parser.on('text', onText);
  parser.write(xml).close();
  if (failure) throw failure;
}

function localName(qname: string): string {
  const i = qname.indexOf(':');
  return i < 0 ? qname : qname.slice(i + 1);
}
