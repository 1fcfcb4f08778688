/**
 * The two flavours of SpreadsheetML: transitional (what Excel writes by default) and strict
 * (ISO/IEC 29500 strict, “Strict Open XML Spreadsheet”). They differ in namespace names and
 * relationship types, not in content types; new parts and relationships follow the package's own.
 */
export interface Flavour {
  strict: boolean;
  main: string;
  relationships: string;
  relationshipType(name: RelationshipName): string;
}

export type RelationshipName = 'officeDocument' | 'worksheet' | 'styles' | 'comments' | 'vmlDrawing';

const TRANSITIONAL_MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const STRICT_MAIN = 'http://purl.oclc.org/ooxml/spreadsheetml/main';
const TRANSITIONAL_RELATIONSHIPS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const STRICT_RELATIONSHIPS = 'http://purl.oclc.org/ooxml/officeDocument/relationships';

export const TRANSITIONAL: Flavour = {
  strict: false,
  main: TRANSITIONAL_MAIN,
  relationships: TRANSITIONAL_RELATIONSHIPS,
  relationshipType: (name) => `${TRANSITIONAL_RELATIONSHIPS}/${name}`,
};

export const STRICT: Flavour = {
  strict: true,
  main: STRICT_MAIN,
  relationships: STRICT_RELATIONSHIPS,
  relationshipType: (name) => `${STRICT_RELATIONSHIPS}/${name}`,
};

export const MAIN_NAMESPACES = new Set([TRANSITIONAL_MAIN, STRICT_MAIN]);
export const RELATIONSHIP_NAMESPACES = new Set([TRANSITIONAL_RELATIONSHIPS, STRICT_RELATIONSHIPS]);
export const MARKUP_COMPATIBILITY = 'http://schemas.openxmlformats.org/markup-compatibility/2006';
export const PACKAGE_RELATIONSHIPS = 'http://schemas.openxmlformats.org/package/2006/relationships';
export const CONTENT_TYPES = 'http://schemas.openxmlformats.org/package/2006/content-types';

/** A relationship of this kind in either flavour (a strict package may still carry transitional parts). */
export function isRelationshipType(type: string, name: RelationshipName): boolean {
  return type === TRANSITIONAL.relationshipType(name) || type === STRICT.relationshipType(name);
}

export function flavourOf(mainNamespace: string): Flavour | undefined {
  if (mainNamespace === TRANSITIONAL_MAIN) return TRANSITIONAL;
  if (mainNamespace === STRICT_MAIN) return STRICT;
  return undefined;
}

export const CONTENT_TYPE = {
  worksheet: 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml',
  styles: 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml',
  comments: 'application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml',
  vmlDrawing: 'application/vnd.openxmlformats-officedocument.vmlDrawing',
  relationships: 'application/vnd.openxmlformats-package.relationships+xml',
};
