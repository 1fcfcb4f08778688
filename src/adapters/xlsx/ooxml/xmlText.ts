/**
 * Escaping for the text and attribute values we write. XML 1.0 cannot hold most control
 * characters at all, so OOXML writes them as `_xHHHH_` (ST_Xstring); a literal `_xHHHH_` in the
 * text is then protected by writing its underscore as `_x005F_`, or Excel would decode it.
 */
const LITERAL_ESCAPE = /_(x[0-9A-Fa-f]{4}_)/g;
// eslint-disable-next-line no-control-regex -- matching the control characters XML cannot hold is the point
const NOT_XML_CHAR = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

function xstring(s: string): string {
  return s.replace(LITERAL_ESCAPE, '_x005F_$1').replace(NOT_XML_CHAR, (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`);
}

/** Element content: `\r` as a character reference, since parsers turn a raw one into `\n`. */
export function escapeText(s: string): string {
  return xstring(s).replace(/[&<>\r]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&#13;'));
}

/** A double-quoted attribute value: tabs and line breaks as references, or parsers fold them to spaces. */
export function escapeAttribute(s: string): string {
  return s.replace(/[&<>"\t\n\r]/g, (c) => ATTRIBUTE_ESCAPES[c]);
}

/** An attribute of SpreadsheetML's string type (a sheet name, a link's text), `_xHHHH_` escapes included. */
export function escapeXstringAttribute(s: string): string {
  return escapeAttribute(xstring(s));
}

const ATTRIBUTE_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\t': '&#9;', '\n': '&#10;', '\r': '&#13;' };

/** The reverse of the `_xHHHH_` encoding, for names read from a part. */
export function decodeXstring(s: string): string {
  return s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}
