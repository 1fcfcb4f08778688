import { MARKUP_COMPATIBILITY } from './namespaces';
import type { XmlEditor } from './xmlEditor';
import type { XmlElement } from './xmlTree';

/**
 * Where a new child goes so that the parent's children stay in schema order (Excel refuses a
 * part whose children are out of order). Known children are ranked by the schema's sequence; an
 * mc:AlternateContent by the element it wraps; anything else stays glued to the sibling before it.
 */
export const WORKSHEET_ORDER = [
  'sheetPr', 'dimension', 'sheetViews', 'sheetFormatPr', 'cols', 'sheetData', 'sheetCalcPr', 'sheetProtection', 'protectedRanges',
  'scenarios', 'autoFilter', 'sortState', 'dataConsolidate', 'customSheetViews', 'mergeCells', 'phoneticPr', 'conditionalFormatting',
  'dataValidations', 'hyperlinks', 'printOptions', 'pageMargins', 'pageSetup', 'headerFooter', 'rowBreaks', 'colBreaks',
  'customProperties', 'cellWatches', 'ignoredErrors', 'smartTags', 'drawing', 'legacyDrawing', 'legacyDrawingHF', 'drawingHF',
  'picture', 'oleObjects', 'controls', 'webPublishItems', 'tableParts', 'extLst',
];

export const STYLESHEET_ORDER = ['numFmts', 'fonts', 'fills', 'borders', 'cellStyleXfs', 'cellXfs', 'cellStyles', 'dxfs', 'tableStyles', 'colors', 'extLst'];

function rankOf(child: XmlElement, order: string[], uri: string): number | undefined {
  if (child.uri === uri) {
    const i = order.indexOf(child.local);
    return i < 0 ? undefined : i;
  }
  if (child.uri === MARKUP_COMPATIBILITY && child.local === 'AlternateContent') {
    const wrapped = child.children.find((c) => c.uri === MARKUP_COMPATIBILITY)?.children[0];
    return wrapped ? rankOf(wrapped, order, uri) : undefined;
  }
  return undefined;
}

/** Inserts `markup` (an element named `local`) among `parent`'s children in schema order: after its own kind. */
export function insertInOrder(editor: XmlEditor, parent: XmlElement, order: string[], local: string, markup: string): void {
  const rank = order.indexOf(local);
  let previous = -1;
  for (const child of parent.children) {
    const r = rankOf(child, order, parent.uri) ?? previous;
    if (r > rank) {
      editor.insert(child.start, markup);
      return;
    }
    previous = r;
  }
  editor.append(parent, markup);
}

/** Sets an attribute on an element's start tag: its value replaced if present, else added. */
export function setAttribute(editor: XmlEditor, element: XmlElement, name: string, value: string): void {
  const tag = editor.xml.text.slice(element.start, element.openEnd);
  const m = new RegExp(`(\\s${name.replace(/[.:]/g, '\\$&')}\\s*=\\s*)(?:"([^"]*)"|'([^']*)')`).exec(tag);
  if (m) {
    const at = element.start + m.index + m[1].length + 1;
    editor.replace(at, at + (m[2] ?? m[3]).length, value);
  } else {
    const end = element.openEnd - (element.selfClosing ? 2 : 1);
    editor.insert(end, ` ${name}="${value}"`);
  }
}
