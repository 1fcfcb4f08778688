import { relativeTarget, relationshipsPartOf, resolveTarget } from '../src/adapters/xlsx/ooxml/partNames';
import { sqrefOf } from '../src/adapters/xlsx/ooxml/sqref';
import { TextPatch } from '../src/adapters/xlsx/ooxml/textPatch';
import { decodeXstring, escapeAttribute, escapeText, escapeXstringAttribute } from '../src/adapters/xlsx/ooxml/xmlText';

/** The small pieces the package patcher is built from. */
const at = (a1: string) => ({ row: Number(/\d+/.exec(a1)![0]), col: a1.charCodeAt(0) - 64 });

describe('sqrefOf', () => {
  test('joins neighbours along a row, then equal spans on consecutive rows, into rectangles', () => {
    expect(sqrefOf(['B2', 'C2', 'D2', 'B3', 'C3', 'D3'].map(at))).toBe('B2:D3');
    expect(sqrefOf(['A1', 'C1', 'A2', 'C2'].map(at))).toBe('A1:A2 C1:C2');
  });

  test('keeps cells apart that only touch at a corner or differ in span, and lists each cell once', () => {
    expect(sqrefOf(['A1', 'B2'].map(at))).toBe('A1 B2');
    expect(sqrefOf(['A1', 'B1', 'A2'].map(at))).toBe('A1:B1 A2');
    expect(sqrefOf(['D7', 'D7', 'D8'].map(at))).toBe('D7:D8');
  });

  test('does not join a span to a rectangle that ended rows above', () => {
    expect(sqrefOf(['A1', 'A3'].map(at))).toBe('A1 A3');
  });
});

describe('escaping', () => {
  test('text: markup characters and a raw carriage return as references', () => {
    expect(escapeText('a & b < c > d\r\n"\'')).toBe('a &amp; b &lt; c &gt; d&#13;\n"\'');
  });

  test('characters XML 1.0 cannot hold as _xHHHH_, a literal _xHHHH_ protected, and decoded back', () => {
    const raw = 'bell\u0007 nul\u0000 lone\uD800 pair😀 _x0041_';
    const escaped = escapeText(raw);
    expect(escaped).toBe('bell_x0007_ nul_x0000_ lone_xD800_ pair😀 _x005F_x0041_');
    expect(decodeXstring(escaped)).toBe(raw);
  });

  test('attributes: quotes, tabs and line breaks as references; _xHHHH_ only in SpreadsheetML strings, not in part names', () => {
    expect(escapeAttribute('\'S"\t\n\r\'!A1')).toBe('\'S&quot;&#9;&#10;&#13;\'!A1');
    expect(escapeAttribute('../a_x0041_.xml')).toBe('../a_x0041_.xml');
    expect(escapeXstringAttribute('a_x0041_\u0002')).toBe('a_x005F_x0041__x0002_');
  });
});

describe('part names', () => {
  test('a part\'s relationships part', () => {
    expect(relationshipsPartOf('xl/worksheets/sheet1.xml')).toBe('xl/worksheets/_rels/sheet1.xml.rels');
    expect(relationshipsPartOf('')).toBe('_rels/.rels');
  });

  test('targets resolve against the source folder, or the root when absolute, percent-encoding decoded', () => {
    expect(resolveTarget('xl/worksheets/sheet1.xml', '../comments1.xml')).toBe('xl/comments1.xml');
    expect(resolveTarget('xl/workbook.xml', '/xl/worksheets/sheet3.xml')).toBe('xl/worksheets/sheet3.xml');
    expect(resolveTarget('xl/workbook.xml', './worksheets/my%20sheet.xml')).toBe('xl/worksheets/my sheet.xml');
  });

  test('a relative target resolves back to the part it was made for', () => {
    for (const [from, to] of [['xl/worksheets/sheet1.xml', 'xl/drawings/vmlDrawing2.vml'], ['xl/workbook.xml', 'xl/worksheets/sheet4.xml'], ['', 'xl/workbook.xml']]) {
      expect(resolveTarget(from, relativeTarget(from, to))).toBe(to);
    }
    expect(relativeTarget('xl/worksheets/sheet1.xml', 'xl/comments1.xml')).toBe('../comments1.xml');
  });
});

describe('TextPatch', () => {
  test('applies splices in offset order, insertions at one offset in the order made, the rest untouched', () => {
    const patch = new TextPatch('<a><b/></a>');
    patch.insert(7, '2');
    patch.replace(3, 7, '<c/>');
    patch.insert(7, '3');
    patch.insert(0, '<?x?>');
    expect(patch.apply()).toBe('<?x?><a><c/>23</a>');
  });

  test('refuses overlapping edits instead of guessing', () => {
    const patch = new TextPatch('abcdef');
    patch.replace(1, 4, 'x');
    patch.replace(2, 5, 'y');
    expect(() => patch.apply()).toThrow('overlapping');
  });
});
