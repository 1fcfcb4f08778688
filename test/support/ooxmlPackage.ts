import { strToU8, unzipSync, zipSync } from 'fflate';
import diffSequences from 'diff-sequences';

/**
 * Packages as ordered part lists, for tests that build OOXML by hand (to hold exactly the
 * features under test) and compare a copy with its source part by part.
 */
export type Parts = Map<string, Uint8Array>;

export function readParts(bytes: Uint8Array): Parts {
  const order: string[] = [];
  const files = unzipSync(bytes, { filter: (f) => (order.push(f.name), true) });
  return new Map(order.map((n) => [n, files[n]]));
}

export function buildPackage(parts: [string, string | Uint8Array][]): Uint8Array {
  const files: Record<string, Uint8Array> = {};
  for (const [name, data] of parts) files[name] = typeof data === 'string' ? strToU8(data) : data;
  return zipSync(files, { level: 6, mtime: new Date(2024, 0, 1) });
}

export function text(parts: Parts, name: string): string {
  const bytes = parts.get(name);
  if (!bytes) throw new Error(`no part ${name}`);
  return new TextDecoder().decode(bytes);
}

export function sameBytes(a: Uint8Array | undefined, b: Uint8Array | undefined): boolean {
  return !!a && !!b && a.length === b.length && a.every((x, i) => x === b[i]);
}

/**
 * A marked sheet's XML with what annotation inserts taken out again: conditional formats whose
 * one rule is the always-true expression with a priority above `maxPriority` (the source's
 * highest), and a legacyDrawing pointing at `legacyDrawingId`. What is left must equal the source.
 */
export function withoutInsertedMarks(xml: string, maxPriority: number, legacyDrawingId?: string): string {
  let out = xml.replace(
    /<((?:\w+:)?)conditionalFormatting sqref="[^"]*"><\1cfRule type="expression" dxfId="\d+" priority="(\d+)"><\1formula>TRUE<\/\1formula><\/\1cfRule><\/\1conditionalFormatting>/g,
    (all, _p, priority: string) => (Number(priority) > maxPriority ? '' : all),
  );
  if (legacyDrawingId) out = out.replace(new RegExp(`<(?:\\w+:)?legacyDrawing (?:xmlns:r="[^"]*" )?\\w+:id="${legacyDrawingId}"/>`), '');
  return out;
}

/** Every `<r>…</r>` run of the note on `ref` in a comments part, as written. */
export function noteRuns(commentsXml: string, ref: string): string[] {
  const comment = new RegExp(`<comment ref="${ref}"[^>]*>([\\s\\S]*?)</comment>`).exec(commentsXml)?.[1] ?? '';
  return comment.match(/<r>[\s\S]*?<\/r>/g) ?? [];
}

/**
 * The pieces inserted into `before` to make `after`, or null when `after` is not `before` plus
 * insertions (something of `before` was removed or changed). Attribute values named in
 * `changeable` (counts) may differ; they are compared as empty.
 */
export function insertionsOnly(before: string, after: string, changeable: string[] = ['count']): string[] | null {
  const blank = (s: string) => changeable.reduce((t, name) => t.replace(new RegExp(`(\\s${name}=")[^"]*"`, 'g'), '$1"'), s);
  const a = blank(before);
  const b = blank(after);
  let common = 0;
  const inserted: string[] = [];
  let bAt = 0;
  diffSequences(
    a.length,
    b.length,
    (i, j) => a[i] === b[j],
    (n, _i, j) => {
      if (j > bAt) inserted.push(b.slice(bAt, j));
      bAt = j + n;
      common += n;
    },
  );
  if (bAt < b.length) inserted.push(b.slice(bAt));
  return common === a.length ? inserted : null;
}
