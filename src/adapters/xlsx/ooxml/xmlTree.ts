import { SaxesParser, type SaxesTagNS } from 'saxes';
import { UnpatchableWorkbookError } from './errors';
import { RELATIONSHIP_NAMESPACES } from './namespaces';

/**
 * A part's XML parsed only to learn WHERE things are: every element we keep records the offsets
 * of its start tag, content and end tag in the part's text, so edits are splices into that text
 * and every byte we do not edit stays as it was (no re-serialisation, no lost namespace, space or
 * ignorable markup). saxes is a strict, namespace-aware parser: a part that is not well-formed
 * XML is refused here instead of being patched blindly.
 */
export interface XmlAttribute {
  name: string;
  local: string;
  uri: string;
  value: string;
}

export interface XmlElement {
  name: string;
  prefix: string;
  local: string;
  uri: string;
  attributes: XmlAttribute[];
  /** Prefix → namespace in scope at this element (the default namespace under ''). */
  scope: Map<string, string>;
  /** Offset of `<`, offset after the start tag's `>`, offset of the end tag's `<`, offset after its `>`. */
  start: number;
  openEnd: number;
  closeStart: number;
  end: number;
  selfClosing: boolean;
  children: XmlElement[];
  /** Character data directly inside the element (entities decoded). */
  text: string;
}

export interface ParsedXml {
  text: string;
  root: XmlElement;
}

export interface ParseOptions {
  /** Whether to record the children of this (recorded) element; the root's are always recorded. */
  recordChildren?: (element: XmlElement, depth: number) => boolean;
  /** Called for every element, recorded or not, when its start tag has been read. */
  onElement?: (tag: SaxesTagNS) => void;
}

export function parseXml(text: string, part: string, options: ParseOptions = {}): ParsedXml {
  const parser = new SaxesParser({ xmlns: true, position: true });
  // One entry per open element: the recorded element, or null below the recorded depth.
  const stack: (XmlElement | null)[] = [];
  let root: XmlElement | undefined;
  let failure: Error | undefined;
  const recordChildren = options.recordChildren ?? ((_, depth) => depth === 0);

  parser.on('error', (e) => {
    failure ??= e;
  });
  parser.on('doctype', () => {
    failure ??= new Error('DOCTYPE');
  });
  parser.on('opentag', (tag) => {
    options.onElement?.(tag);
    const parent = stack.length ? stack[stack.length - 1] : undefined;
    const depth = stack.length;
    const record = parent === undefined || (parent !== null && recordChildren(parent, depth - 1));
    if (!record) {
      stack.push(null);
      return;
    }
    const openEnd = parser.position;
    const start = text.lastIndexOf('<', openEnd - 1); // `<` cannot occur inside a start tag
    let scope = parent ? parent.scope : new Map<string, string>([['xml', 'http://www.w3.org/XML/1998/namespace']]);
    const declared = Object.entries(tag.ns ?? {});
    if (declared.length) {
      scope = new Map(scope);
      for (const [prefix, uri] of declared) scope.set(prefix, uri);
    }
    const element: XmlElement = {
      name: tag.name,
      prefix: tag.prefix,
      local: tag.local,
      uri: tag.uri,
      attributes: Object.values(tag.attributes).map((a) => ({ name: a.name, local: a.local, uri: a.uri, value: a.value })),
      scope,
      start,
      openEnd,
      closeStart: openEnd,
      end: openEnd,
      selfClosing: tag.isSelfClosing,
      children: [],
      text: '',
    };
    if (parent) parent.children.push(element);
    else root = element;
    stack.push(element);
  });
  parser.on('closetag', (tag) => {
    const element = stack.pop();
    if (!element || tag.isSelfClosing) return;
    element.end = parser.position;
    element.closeStart = text.lastIndexOf('<', element.end - 1);
  });
  const onText = (t: string) => {
    const element = stack[stack.length - 1];
    if (element) element.text += t;
  };
  parser.on('text', onText);
  parser.on('cdata', onText);

  try {
    parser.write(text).close();
  } catch (e) {
    failure ??= e as Error;
  }
  if (failure || !root) {
    const why = failure?.message === 'DOCTYPE' ? 'DOCTYPE' : (failure?.message ?? 'no root element').split('\n')[0];
    throw new UnpatchableWorkbookError(`部件 ${part} 不是可安全修改的 XML（${why}）`, `part ${part} is not XML that can be patched safely (${why})`);
  }
  return { text, root };
}

export function attribute(element: XmlElement, local: string, uri = ''): string | undefined {
  return element.attributes.find((a) => a.local === local && a.uri === uri)?.value;
}

export function childrenNamed(element: XmlElement, local: string, uri = element.uri): XmlElement[] {
  return element.children.filter((c) => c.local === local && c.uri === uri);
}

export function childNamed(element: XmlElement, local: string, uri = element.uri): XmlElement | undefined {
  return element.children.find((c) => c.local === local && c.uri === uri);
}

/** The qualified name for a new element in `parent`'s namespace, written with `parent`'s prefix. */
export function siblingName(parent: XmlElement, local: string): string {
  return parent.prefix ? `${parent.prefix}:${local}` : local;
}

/** A prefix bound to `uri` where `element` is, if any (not the default namespace: attributes need a prefix). */
export function prefixFor(element: XmlElement, uri: string): string | undefined {
  // The scope holds each prefix's innermost binding, so a prefix rebound lower down is not found.
  for (const [prefix, bound] of element.scope) if (bound === uri && prefix !== '') return prefix;
  return undefined;
}

/** The raw markup of an element's content (between its start and end tags). */
export function innerXml(xml: ParsedXml, element: XmlElement): string {
  return xml.text.slice(element.openEnd, element.closeStart);
}

/** The relationship ids a start tag refers to (its attributes in a relationships namespace, r:id, r:embed …). */
export function relationshipIds(tag: SaxesTagNS): string[] {
  return Object.values(tag.attributes)
    .filter((a) => RELATIONSHIP_NAMESPACES.has(a.uri))
    .map((a) => a.value);
}
