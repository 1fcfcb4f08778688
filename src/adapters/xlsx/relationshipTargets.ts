import { strToU8, unzipSync, zipSync } from 'fflate';

/**
 * Relationship targets as SheetJS follows them. OPC lets a workbook's relationships name their
 * parts relative to the workbook's folder in any spelling (`worksheets/sheet1.xml`,
 * `./worksheets/sheet1.xml`, `../xl/worksheets/sheet1.xml`, `/xl/worksheets/sheet1.xml`); SheetJS
 * follows the plain and the absolute ones only and skips the sheet otherwise, so a sound workbook
 * was refused as damaged (found by the fuzz test). Such a workbook is handed to SheetJS with its
 * workbook relationships written as absolute targets, in a copy made in memory: the file itself
 * is only read.
 */
export const WORKBOOK_RELATIONSHIPS = /^xl\/_rels\/workbook\.(xml|bin)\.rels$/i;

export interface RelationshipsText {
  part: string;
  xml: string;
}

export function withPlainTargets(bytes: Uint8Array, relationships: RelationshipsText | undefined): Uint8Array {
  if (!relationships) return bytes;
  const folder = relationships.part.slice(0, relationships.part.indexOf('_rels/'));
  const rewritten = relationships.xml.replace(/<(?:[\w.-]+:)?Relationship\b[^>]*>/g, (tag) =>
    /\bTargetMode\s*=\s*["']External["']/.test(tag) ? tag : tag.replace(/(\sTarget\s*=\s*)(["'])([^"']*)\2/, (_m, eq: string, q: string, target: string) => `${eq}${q}${absolute(folder, target)}${q}`),
  );
  if (rewritten === relationships.xml) return bytes;
  const files = unzipSync(bytes);
  files[relationships.part] = strToU8(rewritten);
  // Stored, not deflated: this copy lives only as long as SheetJS reads it.
  return zipSync(files, { level: 0 });
}

/** `target` from `folder` (e.g. `xl/`), as an absolute part name, when it has `.` or `..` steps; else as written. */
function absolute(folder: string, target: string): string {
  if (target.startsWith('/') || !/(^|\/)\.\.?(\/|$)/.test(target)) return target;
  const steps = folder.split('/').filter(Boolean);
  for (const step of target.split('/')) {
    if (step === '..') steps.pop();
    else if (step !== '.' && step !== '') steps.push(step);
  }
  return `/${steps.join('/')}`;
}
