import type { XmlElement } from './xmlElements';

/**
 * An .ods has no format codes: each cell style names a data style (number:number-style …), a
 * list of parts (digits, literal text, a fill character) with conditional maps to other data
 * styles for the other sections. SheetJS turns these into codes only roughly (it drops a
 * display factor, so '#,##0,' comes back as '#,##0', and every map but "value()>=0"), which
 * would change the decimals and the scale the engine reads. This collects the data styles and
 * cell styles from styles.xml and content.xml and writes each as the Excel code it stands for.
 */

type Part =
  | { t: 'number'; decimals?: number; minDecimals?: number; minInteger: number; grouping: boolean; factor: number }
  | { t: 'scientific'; decimals: number; minInteger: number; minExponent: number }
  | { t: 'fraction'; numerator: number; denominator: number; fixed?: string }
  | { t: 'text'; text: string }
  | { t: 'fill'; text: string }
  | { t: 'text-content' }
  | { t: 'date'; code: string };

interface DataStyle {
  kind: string;
  parts: Part[];
  maps: { condition: string; apply: string }[];
  red: boolean;
}

const DATA_STYLES = new Set(['number-style', 'currency-style', 'percentage-style', 'date-style', 'time-style', 'text-style', 'boolean-style']);
const DATE_PARTS: Record<string, (a: Record<string, string>) => string> = {
  year: (a) => (a.style === 'long' ? 'yyyy' : 'yy'),
  month: (a) => (a.textual === 'true' ? (a.style === 'long' ? 'mmmm' : 'mmm') : a.style === 'long' ? 'mm' : 'm'),
  day: (a) => (a.style === 'long' ? 'dd' : 'd'),
  'day-of-week': (a) => (a.style === 'long' ? 'dddd' : 'ddd'),
  hours: (a) => (a.style === 'long' ? 'hh' : 'h'),
  minutes: (a) => (a.style === 'long' ? 'mm' : 'm'),
  seconds: (a) => (a.style === 'long' ? 'ss' : 's') + (Number(a['decimal-places']) > 0 ? `.${'0'.repeat(Number(a['decimal-places']))}` : ''),
  'am-pm': () => 'AM/PM',
};

export class OdsNumberStyles {
  private readonly dataStyles = new Map<string, DataStyle>();
  private readonly cellStyles = new Map<string, { data?: string; parent?: string }>();
  private readonly codes = new Map<string, string | undefined>();
  private current?: DataStyle;
  private currentName = '';
  /** The literal being read (number:text, number:fill-character, number:currency-symbol). */
  private literal?: { t: 'text' | 'fill'; text: string };

  open(el: XmlElement): void {
    const a = el.attrs;
    if (DATA_STYLES.has(el.name)) {
      this.current = { kind: el.name.replace(/-style$/, ''), parts: [], maps: [], red: false };
      this.currentName = a.name ?? '';
      return;
    }
    if (el.name === 'style' && a.family === 'table-cell' && a.name) {
      this.cellStyles.set(a.name, { data: a['data-style-name'], parent: a['parent-style-name'] });
      return;
    }
    const s = this.current;
    if (!s) return;
    switch (el.name) {
      case 'number':
        s.parts.push({
          t: 'number',
          decimals: a['decimal-places'] === undefined ? undefined : Number(a['decimal-places']),
          minDecimals: a['min-decimal-places'] === undefined ? undefined : Number(a['min-decimal-places']),
          minInteger: Number(a['min-integer-digits'] ?? 1),
          grouping: a.grouping === 'true',
          factor: Number(a['display-factor'] ?? 1),
        });
        break;
      case 'scientific-number':
        s.parts.push({ t: 'scientific', decimals: Number(a['decimal-places'] ?? 0), minInteger: Number(a['min-integer-digits'] ?? 1), minExponent: Number(a['min-exponent-digits'] ?? 2) });
        break;
      case 'fraction':
        s.parts.push({ t: 'fraction', numerator: Number(a['min-numerator-digits'] ?? 1), denominator: Number(a['min-denominator-digits'] ?? 1), fixed: a['denominator-value'] });
        break;
      case 'text':
      case 'currency-symbol':
        this.literal = { t: 'text', text: '' };
        break;
      case 'fill-character':
        this.literal = { t: 'fill', text: '' };
        break;
      case 'text-content':
        s.parts.push({ t: 'text-content' });
        break;
      case 'text-properties':
        if (/^#?(ff0000|red)$/i.test(a.color ?? '')) s.red = true;
        break;
      case 'map':
        if (a.condition && a['apply-style-name']) s.maps.push({ condition: a.condition, apply: a['apply-style-name'] });
        break;
      default:
        if (DATE_PARTS[el.name]) s.parts.push({ t: 'date', code: DATE_PARTS[el.name](a) });
    }
  }

  text(text: string): void {
    if (this.literal) this.literal.text += text;
  }

  close(name: string): void {
    if (this.literal && (name === 'text' || name === 'currency-symbol' || name === 'fill-character')) {
      if (this.current && this.literal.text) this.current.parts.push(this.literal);
      this.literal = undefined;
    } else if (DATA_STYLES.has(name) && this.current) {
      this.dataStyles.set(this.currentName, this.current);
      this.current = undefined;
    }
  }

  /** The Excel code of a cell style (following its parents), undefined where it names none. */
  codeOfCellStyle(name: string | undefined): string | undefined {
    if (!name) return undefined;
    if (!this.codes.has(name)) {
      let data: string | undefined;
      const seen = new Set<string>();
      for (let s: string | undefined = name; s && !data && !seen.has(s); s = this.cellStyles.get(s)?.parent) {
        seen.add(s);
        data = this.cellStyles.get(s)?.data;
      }
      this.codes.set(name, data ? this.codeOf(data) : undefined);
    }
    return this.codes.get(name);
  }

  private codeOf(dataStyle: string): string | undefined {
    const s = this.dataStyles.get(dataStyle);
    if (!s) return undefined;
    // A native .ods boolean reaches SheetJS as a boolean; its style adds nothing.
    if (s.kind === 'boolean') return undefined;
    const own = section(s);
    if (!s.maps.length) return own;
    const by = new Map<string, string>();
    for (const m of s.maps) {
      const target = this.dataStyles.get(m.apply);
      if (target) by.set(m.condition.replace(/^value\(\)\s*/, '').replace(/\s+/g, ''), section(target));
    }
    const pos = by.get('>0') ?? by.get('>=0');
    if (pos !== undefined && [...by.keys()].every((k) => ['>0', '>=0', '<0', '=0'].includes(k))) {
      // Excel's sections: positive; negative; zero; text. The style itself is what no map takes.
      if (s.kind === 'text') return [pos, by.get('<0') ?? pos, by.get('=0') ?? pos, own].join(';');
      if (by.has('>=0') && by.size === 1) return `${pos};${own}`;
      return [pos, by.get('<0') ?? own, by.get('=0') ?? own].join(';');
    }
    // Any other conditions become Excel's conditional sections, the style itself last.
    return [...[...by].map(([cond, code]) => `[${cond}]${code}`), own].join(';');
  }
}

function section(s: DataStyle): string {
  const body = s.parts.map((p) => partCode(p, s.kind)).join('');
  return (s.red ? '[Red]' : '') + (body || 'General');
}

function partCode(p: Part, kind: string): string {
  switch (p.t) {
    case 'number': {
      // No decimal-places: LibreOffice's "Standard", Excel's General.
      if (p.decimals === undefined) return 'General';
      const digits = Math.max(0, p.minInteger);
      let int = digits ? '0'.repeat(digits) : '#';
      if (p.grouping) {
        const padded = '#'.repeat(Math.max(0, 4 - digits)) + '0'.repeat(digits);
        int = `${padded[0]},${padded.slice(1)}`;
      }
      const min = Math.min(p.minDecimals ?? p.decimals, p.decimals);
      const frac = p.decimals > 0 ? `.${'0'.repeat(min)}${'#'.repeat(p.decimals - min)}` : '';
      // A display factor of 1000ⁿ is Excel's n trailing commas (thousands, millions).
      const k = Math.round(Math.log10(p.factor) / 3);
      const scale = p.factor > 1 && 1000 ** k === p.factor ? ','.repeat(k) : '';
      return int + frac + scale;
    }
    case 'scientific':
      return `${'0'.repeat(Math.max(1, p.minInteger))}${p.decimals > 0 ? `.${'0'.repeat(p.decimals)}` : ''}E+${'0'.repeat(Math.max(1, p.minExponent))}`;
    case 'fraction':
      return `# ${'?'.repeat(Math.max(1, p.numerator))}/${p.fixed ?? '?'.repeat(Math.max(1, p.denominator))}`;
    case 'text':
      // In a percentage style the % sign is the percent operator, not a literal.
      return kind === 'percentage' ? p.text.split('%').map(quote).join('%') : quote(p.text);
    case 'fill':
      return `*${p.text[0] ?? ' '}`;
    case 'text-content':
      return '@';
    case 'date':
      return p.code;
  }
}

function quote(text: string): string {
  return text ? `"${text.replace(/"/g, '"\\""')}"` : '';
}
