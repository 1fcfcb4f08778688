/**
 * Part names and relationship targets (OPC): targets are URIs relative to the source part's
 * folder, or absolute from the package root when they start with `/`.
 */
export function folderOf(part: string): string {
  const i = part.lastIndexOf('/');
  return i < 0 ? '' : part.slice(0, i + 1);
}

/** `xl/workbook.xml` → `xl/_rels/workbook.xml.rels`; the package itself ('') → `_rels/.rels`. */
export function relationshipsPartOf(part: string): string {
  const folder = folderOf(part);
  return `${folder}_rels/${part.slice(folder.length)}.rels`;
}

export function resolveTarget(sourcePart: string, target: string): string {
  let path = target.split('#')[0];
  try {
    path = decodeURI(path);
  } catch {
    // not percent-encoded after all: use it as written
  }
  const joined = path.startsWith('/') ? path.slice(1) : folderOf(sourcePart) + path;
  const segments: string[] = [];
  for (const s of joined.split('/')) {
    if (s === '..') segments.pop();
    else if (s !== '.' && s !== '') segments.push(s);
  }
  return segments.join('/');
}

/** The target to write in `sourcePart`'s relationships for `targetPart`. */
export function relativeTarget(sourcePart: string, targetPart: string): string {
  const from = folderOf(sourcePart).split('/').filter(Boolean);
  const to = targetPart.split('/');
  let common = 0;
  while (common < from.length && common < to.length - 1 && from[common] === to[common]) common++;
  return [...from.slice(common).map(() => '..'), ...to.slice(common)].join('/');
}

/** `xl/comments` + `.xml` → the first of `xl/comments1.xml`, `xl/comments2.xml` … not taken. */
export function freePartName(stem: string, extension: string, taken: (part: string) => boolean): string {
  for (let n = 1; ; n++) {
    const name = `${stem}${n}${extension}`;
    if (!taken(name)) return name;
  }
}
