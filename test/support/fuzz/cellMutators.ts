import type { MutantPackage } from './mutantPackage';
import type { Mutator } from './mutator';
import type { Prng } from './prng';
import { escapeXml } from './mutantPackage';
import { someSheet } from './xmlMutators';
import { attributeOf, rootPrefix, spansNamed, splice, withAttribute } from './xmlSpans';

/**
 * Mutations of cell values, written straight into the sheet XML: amounts as text in every way a
 * clerk (or a conversion) writes them, a 100,000-character amount, errors, booleans, dates, odd
 * numbers, a number in a date format, formulas without a cached value. The cells keep their
 * address and style; only what they hold changes.
 */

/** Cells holding a number (no type, or t="n", with a value), the ones the rules read as amounts. */
function numberCells(xml: string) {
  return spansNamed(xml, 'c').filter((c) => {
    if (c.selfClosing) return false;
    const t = attributeOf(xml.slice(c.start, c.openEnd), 't');
    return (t === undefined || t === 'n') && /<(?:\w+:)?v>/.test(xml.slice(c.openEnd, c.end));
  });
}

/** Rewrites up to `most` number cells of a random sheet with `make(startTag, x, inner)` (x: the element prefix, inner: the cell's content). */
function rewriteNumberCells(pkg: MutantPackage, rng: Prng, most: number, make: (startTag: string, x: string, inner: string) => string): string | undefined {
  const p = someSheet(pkg, rng);
  if (!p) return undefined;
  const cells = numberCells(p.xml);
  if (!cells.length) return undefined;
  const x = rootPrefix(p.xml);
  const chosen = rng.sample(cells, rng.int(1, most)).sort((a, b) => b.start - a.start);
  let xml = p.xml;
  const refs: string[] = [];
  for (const c of chosen) {
    const tag = xml.slice(c.start, c.openEnd).replace(/\s+t="[^"]*"/, '').replace(/\s*>$/, '>');
    refs.push(attributeOf(tag, 'r') ?? '?');
    const inner = xml.slice(c.openEnd, xml.lastIndexOf('</', c.end - 1));
    xml = splice(xml, c.start, c.end, make(tag, x, inner));
  }
  pkg.setText(p.part, xml);
  return `${refs.reverse().join(',')} of ${p.part}`;
}

function inlineString(tag: string, x: string, text: string): string {
  return `${withAttribute(tag, 't', 'inlineStr')}<${x}is><${x}t xml:space="preserve">${escapeXml(text)}</${x}t></${x}is></${x}c>`;
}

export const ODD_AMOUNT_TEXTS = [
  '132, 372. 61', '1,269.24', '１２３４．５６', '１，２６９．２４', '-', '—', '－', '(1,234.00)', '（1,234.00）', '1.234,56', '1 234,56',
  '12,34,567.00', '¥1,234.00', '￥1,234', '1234元', '1,234.56万元', '1e5', '1E+400', '0x1F', '∞', 'NaN', 'Infinity', '--5', '1.2.3',
  '  12  ', '\u00a012.5\u00a0', '12\u200b3', '+5', '5-', '1,,234', ',', '.', '0.00', '-0', '١٢٣', '一千二百', '12\n34', '12\t34',
  '−1,234.00', '1_234', '1'.repeat(400), `${'9'.repeat(30)}.${'9'.repeat(30)}`, `0.${'0'.repeat(300)}1`, '=SUM(A1:A3)', '#REF!', '12.3.', '1,234.5.6',
];

export const oddAmountText: Mutator = {
  name: 'odd-amount-text',
  leaves: 'intact',
  kinds: ['ooxml'],
  apply(pkg, rng) {
    const text = rng.pick(ODD_AMOUNT_TEXTS);
    const where = rewriteNumberCells(pkg, rng, 6, (tag, x) => inlineString(tag, x, text));
    return where && `text ${JSON.stringify(text.length > 40 ? `${text.slice(0, 20)}…(${text.length})` : text)} in ${where}`;
  },
};

const HUGE = 100_000;
const HUGE_TEXTS: (() => string)[] = [
  () => '1'.repeat(HUGE),
  () => '1,'.repeat(HUGE / 2),
  () => '１'.repeat(HUGE),
  () => '123,456.78 '.repeat(Math.ceil(HUGE / 11)).slice(0, HUGE),
  () => '-'.repeat(HUGE),
  () => `0.${'0'.repeat(HUGE - 3)}1`,
  () => `${' '.repeat(HUGE - 1)}1`,
  () => `${'('.repeat(HUGE / 2)}${')'.repeat(HUGE / 2)}`,
  () => '1.'.repeat(HUGE / 2),
];

export const hugeAmountText: Mutator = {
  name: 'huge-amount-text',
  leaves: 'intact',
  kinds: ['ooxml'],
  apply(pkg, rng) {
    const which = rng.int(0, HUGE_TEXTS.length - 1);
    const text = HUGE_TEXTS[which]();
    const where = rewriteNumberCells(pkg, rng, 2, (tag, x) => inlineString(tag, x, text));
    return where && `100,000-character text #${which} in ${where}`;
  },
};

const ERRORS = ['#REF!', '#DIV/0!', '#N/A', '#NAME?', '#VALUE!', '#NUM!', '#NULL!', '#GETTING_DATA', '#SPILL!', '#CALC!', '#FIELD!', '#BOGUS!'];

export const errorCell: Mutator = {
  name: 'error-cell',
  leaves: 'intact',
  kinds: ['ooxml'],
  apply(pkg, rng) {
    const error = rng.pick(ERRORS);
    const where = rewriteNumberCells(pkg, rng, 4, (tag, x) => `${withAttribute(tag, 't', 'e')}<${x}v>${escapeXml(error)}</${x}v></${x}c>`);
    return where && `error ${error} in ${where}`;
  },
};

export const booleanCell: Mutator = {
  name: 'boolean-cell',
  leaves: 'intact',
  kinds: ['ooxml'],
  apply(pkg, rng) {
    const v = rng.pick(['0', '1']);
    const where = rewriteNumberCells(pkg, rng, 4, (tag, x) => `${withAttribute(tag, 't', 'b')}<${x}v>${v}</${x}v></${x}c>`);
    return where && `boolean ${v} in ${where}`;
  },
};

/** Dates as xsd:dateTime or xsd:date (valid), and what no reader can take as a date (damaged). */
const DATES = ['2024-03-01T00:00:00Z', '2024-03-01', '1899-12-31T00:00:00', '1900-02-29', '9999-12-31T23:59:59'];
const BAD_DATES = ['2024-13-45', 'yesterday', '', '2024-03-01T25:00:00'];

function dateMutator(name: string, leaves: Mutator['leaves'], dates: string[]): Mutator {
  return {
    name,
    leaves,
    kinds: ['ooxml'],
    apply(pkg, rng) {
      const d = rng.pick(dates);
      const where = rewriteNumberCells(pkg, rng, 4, (tag, x) => `${withAttribute(tag, 't', 'd')}<${x}v>${d}</${x}v></${x}c>`);
      return where && `date ${JSON.stringify(d)} in ${where}`;
    },
  };
}

export const dateCell = dateMutator('date-cell', 'intact', DATES);
export const badDateCell = dateMutator('bad-date-cell', 'damaged', BAD_DATES);

/** Numbers as xsd:double allows them (valid, however odd), and what it does not (damaged). */
const ODD_NUMBERS = ['1e308', '-0', '5e-324', '9007199254740993', '123456789012345678901234567890', ' 12 ', '1E2', '.5', '5.', '-.5', '0000012', '-1.7976931348623157e308'];
const BAD_NUMBERS = ['1e400', '-1e400', 'NaN', 'INF', '1.2.3', '0x10', 'Infinity', '', '1,234', '１２', '12abc'];

function numberMutator(name: string, leaves: Mutator['leaves'], numbers: string[]): Mutator {
  return {
    name,
    leaves,
    kinds: ['ooxml'],
    apply(pkg, rng) {
      const n = rng.pick(numbers);
      const where = rewriteNumberCells(pkg, rng, 4, (tag, x) => `${tag}<${x}v>${escapeXml(n)}</${x}v></${x}c>`);
      return where && `number ${JSON.stringify(n)} in ${where}`;
    },
  };
}

export const oddNumber = numberMutator('odd-number', 'intact', ODD_NUMBERS);
export const badNumber = numberMutator('bad-number', 'damaged', BAD_NUMBERS);

const FORMULAS = (x: string) => [
  `<${x}f>SUM(A1:A3)</${x}f>`,
  `<${x}f>1/0</${x}f>`,
  `<${x}f>B2*2</${x}f><${x}v></${x}v>`,
  `<${x}f t="shared" ref="A1:A3" si="0">A1+1</${x}f>`,
  `<${x}f t="shared" si="7"/>`,
  `<${x}f t="array" ref="A1">SUM(1)</${x}f>`,
];

export const formulaWithoutCachedValue: Mutator = {
  name: 'formula-without-cached-value',
  leaves: 'intact',
  kinds: ['ooxml'],
  apply(pkg, rng) {
    const way = rng.int(0, 5);
    const where = rewriteNumberCells(pkg, rng, 5, (tag, x) => `${tag}${FORMULAS(x)[way]}</${x}c>`);
    return where && `formula #${way} without a cached value in ${where}`;
  },
};

const DATE_FORMATS = [
  { id: 14 },
  { id: 22 },
  { id: 47 },
  { code: 'yyyy"年"m"月"d"日"' },
  { code: '[h]:mm:ss' },
  { code: 'mm:ss.0' },
  { code: '[$-F800]dddd, mmmm dd, yyyy' },
];

/** A new cell format (an xf in cellXfs) with a date number format; returns its index, or undefined. */
function addDateStyle(pkg: MutantPackage, rng: Prng): { index: number; format: string } | undefined {
  return addStyle(pkg, rng.pick(DATE_FORMATS));
}

/**
 * A new cell format (an xf in cellXfs) with number format `format`: a built-in one by its id, or a
 * custom one by its code, numbered after every custom format the styles have.
 */
function addStyle(pkg: MutantPackage, format: { id?: number; code?: string }): { index: number; format: string } | undefined {
  const part = pkg.partOfType('styles');
  const xml = part && pkg.text(part);
  if (!part || !xml) return undefined;
  const cellXfs = spansNamed(xml, 'cellXfs')[0];
  if (!cellXfs || cellXfs.selfClosing) return undefined;
  const x = rootPrefix(xml);
  const xfs = spansNamed(xml, 'xf').filter((s) => s.start > cellXfs.start && s.end <= cellXfs.end);
  const index = xfs.length;
  const id = format.code ? Math.max(163, ...[...xml.matchAll(/\snumFmtId="(\d+)"/g)].map((m) => Number(m[1]))) + 1 : format.id!;
  let out = splice(xml, xml.lastIndexOf('</', cellXfs.end - 1), xml.lastIndexOf('</', cellXfs.end - 1), `<${x}xf numFmtId="${id}" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>`);
  out = out.replace(/(<(?:\w+:)?cellXfs\b[^>]*\scount=")\d+/, `$1${index + 1}`);
  if (format.code) {
    const numFmt = `<${x}numFmt numFmtId="${id}" formatCode="${escapeXml(format.code)}"/>`;
    const numFmts = spansNamed(out, 'numFmts')[0];
    if (numFmts && !numFmts.selfClosing) out = splice(out, out.lastIndexOf('</', numFmts.end - 1), out.lastIndexOf('</', numFmts.end - 1), numFmt);
    else {
      // numFmts is the stylesheet's first child.
      const root = /<(?:\w+:)?styleSheet\b[^>]*>/.exec(out);
      if (!root || numFmts) return undefined;
      out = splice(out, root.index + root[0].length, root.index + root[0].length, `<${x}numFmts count="1">${numFmt}</${x}numFmts>`);
    }
  }
  pkg.setText(part, out);
  return { index, format: format.code ?? `builtin ${id}` };
}

export const numberInDateFormat: Mutator = {
  name: 'number-in-date-format',
  leaves: 'intact',
  kinds: ['ooxml'],
  apply(pkg, rng) {
    const style = addDateStyle(pkg, rng);
    if (!style) return undefined;
    const value = rng.pick([undefined, '2940.05', '1e10', '-5', '0.30000000000000004', '45292.520833333336']);
    const where = rewriteNumberCells(pkg, rng, 5, (tag, x, inner) => `${withAttribute(tag, 's', String(style.index))}${value === undefined ? inner : `<${x}v>${value}</${x}v>`}</${x}c>`);
    if (!where) return undefined;
    return `date format ${style.format} (xf ${style.index})${value ? ` with ${value}` : ''} on ${where}`;
  },
};

/** Format codes as Excel, WPS and conversions write them (valid), and codes no formatter can read (damaged). */
const GOOD_FORMATS = [
  '#,##0.00_);[Red](#,##0.00)', '#,##0.00;[红色]-#,##0.00', '0.00E+00', '@', ';;;', '[DBNum2][$-804]General', '"¥"#,##0.00', '#,##0.00"万元"',
  '#,##0.00,', '#,##0.00,,', '0.0%', '[<=9999999]###-####;(###) ###-####', 'G/通用格式', '[颜色10]#,##0.00', '_-* #,##0.00_-;-* #,##0.00_-;_-* "-"??_-;_-@_-',
  '#,##0.00;-#,##0.00;"-"', '[h]:mm:ss', '# ?/?', '0.'.padEnd(40, '0'),
];
const BAD_FORMATS = ['0.0.0', '"unclosed', '[Red', '#,##0.00,,,,,,,,,,', '0'.repeat(2000), '[$-F800', 'yyyy"年', '[>=100]0;[<100', ';;;;;;', '\\'];

function formatMutator(name: string, leaves: Mutator['leaves'], codes: string[]): Mutator {
  return {
    name,
    leaves,
    kinds: ['ooxml'],
    apply(pkg, rng) {
      const code = rng.pick(codes);
      const style = addStyle(pkg, { code });
      if (!style) return undefined;
      const where = rewriteNumberCells(pkg, rng, 5, (tag, x, inner) => `${withAttribute(tag, 's', String(style.index))}${inner}</${x}c>`);
      return where && `format ${JSON.stringify(code.length > 40 ? `${code.slice(0, 20)}…(${code.length})` : code)} (xf ${style.index}) on ${where}`;
    },
  };
}

export const oddNumberFormat = formatMutator('odd-number-format', 'intact', GOOD_FORMATS);
export const badNumberFormat = formatMutator('bad-number-format', 'damaged', BAD_FORMATS);

export const CELL_MUTATORS: Mutator[] = [
  oddNumberFormat,
  badNumberFormat,oddAmountText, hugeAmountText, errorCell, booleanCell, dateCell, badDateCell, oddNumber, badNumber, formulaWithoutCachedValue, numberInDateFormat];
