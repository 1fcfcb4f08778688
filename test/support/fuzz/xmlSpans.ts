/**
 * Where elements are in a part's text, found by pattern: enough for mutators to cut, copy or
 * rewrite whole elements, and tolerant of parts an earlier mutation broke (unmatched tags are
 * skipped, never thrown on).
 */
export interface ElementSpan {
  /** Qualified name as written (`c`, `x:c`). */
  name: string;
  local: string;
  start: number;
  /** Offset after the start tag's `>`. */
  openEnd: number;
  /** Offset after the end tag (= openEnd for `<x/>`). */
  end: number;
  selfClosing: boolean;
}

const TAG = /<(\/?)([A-Za-z_][\w.-]*(?::[A-Za-z_][\w.-]*)?)((?:[^>"']|"[^"]*"|'[^']*')*?)(\/?)>/g;

/** Every element whose tags pair up, in document order of their start tags. */
export function elementSpans(text: string): ElementSpan[] {
  const spans: ElementSpan[] = [];
  const open: { name: string; start: number; openEnd: number; index: number }[] = [];
  for (const m of text.matchAll(TAG)) {
    const [all, closing, name, , selfClosing] = m;
    const start = m.index!;
    const local = name.includes(':') ? name.slice(name.indexOf(':') + 1) : name;
    if (selfClosing) {
      spans.push({ name, local, start, openEnd: start + all.length, end: start + all.length, selfClosing: true });
    } else if (!closing) {
      open.push({ name, start, openEnd: start + all.length, index: spans.length });
      spans.push({ name, local, start, openEnd: start + all.length, end: -1, selfClosing: false });
    } else {
      // Close the nearest open element of this name; anything opened after it stays unmatched.
      for (let i = open.length - 1; i >= 0; i--) {
        if (open[i].name !== name) continue;
        spans[open[i].index].end = start + all.length;
        open.length = i;
        break;
      }
    }
  }
  return spans.filter((s) => s.end >= 0);
}

export function spansNamed(text: string, local: string): ElementSpan[] {
  return elementSpans(text).filter((s) => s.local === local);
}

/** Replace [start, end) of `text`. */
export function splice(text: string, start: number, end: number, insert: string): string {
  return text.slice(0, start) + insert + text.slice(end);
}

export function attributeOf(startTag: string, name: string): string | undefined {
  return new RegExp(`\\s${name}="([^"]*)"`).exec(startTag)?.[1];
}

/** A start tag with an attribute set (added when absent). */
export function withAttribute(startTag: string, name: string, value: string): string {
  const re = new RegExp(`(\\s${name}=")[^"]*(")`);
  if (re.test(startTag)) return startTag.replace(re, `$1${value}$2`);
  return startTag.replace(/(\/?>)$/, ` ${name}="${value}"$1`);
}

export function withoutAttribute(startTag: string, name: string): string {
  return startTag.replace(new RegExp(`\\s${name}="[^"]*"`), '');
}

/** The root element and its children (the elements directly inside it), from a part's spans. */
export function rootChildren(text: string): { root?: ElementSpan; children: ElementSpan[] } {
  const spans = elementSpans(text);
  const root = spans[0];
  if (!root) return { children: [] };
  const children: ElementSpan[] = [];
  let after = root.openEnd;
  for (const s of spans.slice(1)) {
    if (s.start < after || s.start >= root.end) continue;
    children.push(s);
    after = s.end;
  }
  return { root, children };
}

/**
 * Where a new child of the root goes: before the first child named in `before` (the children that
 * follow it in schema order), else just before the root's end tag. Undefined when the root has no
 * end tag (`<worksheet/>`, or a part an earlier mutation broke).
 */
export function insertionPoint(text: string, before: string[]): number | undefined {
  const { root, children } = rootChildren(text);
  if (!root || root.selfClosing) return undefined;
  const next = children.find((c) => before.includes(c.local));
  return next ? next.start : text.lastIndexOf('</', root.end - 1);
}

/** The prefix (with its colon) the root element is written with: '' or 'x:'. */
export function rootPrefix(text: string): string {
  return /<(?![?!])([A-Za-z_][\w.-]*:)?[A-Za-z_]/.exec(text)?.[1] ?? '';
}
