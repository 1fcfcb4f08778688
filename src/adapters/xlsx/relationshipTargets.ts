/**
 * Relationship targets as SheetJS follows them. OPC lets a workbook's relationships name their
 * parts relative to the workbook's folder in any spelling (`worksheets/sheet1.xml`,
 * `./worksheets/sheet1.xml`, `../xl/worksheets/sheet1.xml`, `/xl/worksheets/sheet1.xml`); SheetJS
 * follows the plain and the absolute ones only and skips the sheet otherwise, so a sound workbook
 * was refused as damaged (found by the fuzz test). Such a workbook is handed to SheetJS with its
 * workbook relationships written as absolute targets, in its parts as unpacked in memory
 * (workbookContainer.ts): the file itself is only read.
 */
export const WORKBOOK_RELATIONSHIPS = /^xl\/_rels\/workbook\.(xml|bin)\.rels$/i;

export interface RelationshipsText {
  part: string;
  xml: string;
}

/** The workbook's relationships with every target plain or absolute; undefined when they are so already. */
export function plainTargets(relationships: RelationshipsText | undefined): string | undefined {
  if (!relationships) return undefined;
  const folder = relationships.part.slice(0, relationships.part.indexOf('_rels/'));
  const rewritten = relationships.xml.replace(/<(?:[\w.-]+:)?Relationship\b[^>]*>/g, (tag) =>
    /\bTargetMode\s*=\s*["']External["']/.test(tag) ? tag : tag.replace(/(\sTarget\s*=\s*)(["'])([^"']*)\2/, (_m, eq: string, q: string, target: string) => `${eq}${q}${absolute(folder, target)}${q}`),
  );
  return rewritten === relationships.xml ? undefined : rewritten;
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
