import { unzipSync } from 'fflate';
import { writeZip, type ZipEntry } from './zipWriter';

/**
 * A workbook package being mutated: its zip entries in order, each part's bytes, and the few
 * things mutators look up (the workbook part, its sheets and their parts, the styles and shared
 * strings). Lookups are by pattern, never by a strict parser, so they still work (or say there
 * is nothing) after an earlier mutation broke a part.
 */
export interface SheetRef {
  /** As written in workbook.xml (entities decoded). */
  name: string;
  part?: string;
}

export class MutantPackage {
  constructor(public entries: ZipEntry[]) {}

  static read(bytes: Uint8Array): MutantPackage {
    const order: string[] = [];
    const files = unzipSync(bytes, { filter: (f) => (order.push(f.name), true) });
    return new MutantPackage(order.map((name) => ({ name, data: files[name] })));
  }

  clone(): MutantPackage {
    return new MutantPackage(this.entries.map((e) => ({ ...e })));
  }

  get names(): string[] {
    return this.entries.map((e) => e.name);
  }

  has(name: string): boolean {
    return this.entries.some((e) => e.name === name);
  }

  /** The entry a part name means: OPC part names are compared without regard to case. */
  entryName(part: string): string | undefined {
    const lower = part.toLowerCase();
    return this.entries.find((e) => e.name === part)?.name ?? this.entries.find((e) => e.name.toLowerCase() === lower)?.name;
  }

  text(name: string): string | undefined {
    const entry = this.entries.find((e) => e.name === name);
    return entry ? Buffer.from(entry.data).toString('utf8') : undefined;
  }

  setText(name: string, text: string): void {
    const data = new Uint8Array(Buffer.from(text, 'utf8'));
    const entry = this.entries.find((e) => e.name === name);
    if (entry) entry.data = data;
    else this.entries.push({ name, data });
  }

  /** Parts that hold XML (not folders, not binary parts). */
  xmlParts(): string[] {
    return this.names.filter((n) => /\.(xml|rels|vml)$/i.test(n) || n === '[Content_Types].xml');
  }

  workbookPart(): string | undefined {
    const target = /Target="([^"]*)"[^>]*Type="[^"]*\/officeDocument"|Type="[^"]*\/officeDocument"[^>]*Target="([^"]*)"/.exec(this.text('_rels/.rels') ?? '');
    const part = target ? (target[1] ?? target[2]).replace(/^\//, '') : 'xl/workbook.xml';
    return this.has(part) ? part : undefined;
  }

  /** Relationship id → part, for the parts `source` refers to. */
  relationships(source: string): Map<string, { type: string; part: string }> {
    const slash = source.lastIndexOf('/');
    const folder = source.slice(0, slash + 1);
    const rels = this.text(`${folder}_rels/${source.slice(slash + 1)}.rels`) ?? '';
    const out = new Map<string, { type: string; part: string }>();
    for (const m of rels.matchAll(/<Relationship\b[^>]*>/g)) {
      const id = /\bId="([^"]*)"/.exec(m[0])?.[1];
      const target = /\bTarget="([^"]*)"/.exec(m[0])?.[1];
      const type = /\bType="([^"]*)"/.exec(m[0])?.[1] ?? '';
      if (id && target && !/TargetMode="External"/.test(m[0])) out.set(id, { type, part: this.entryName(resolve(folder, target)) ?? resolve(folder, target) });
    }
    return out;
  }

  sheets(): SheetRef[] {
    const workbook = this.workbookPart();
    if (!workbook) return [];
    const rels = this.relationships(workbook);
    const out: SheetRef[] = [];
    for (const m of (this.text(workbook) ?? '').matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)) {
      const name = /\bname="([^"]*)"/.exec(m[0])?.[1];
      const id = /\b\w+:id="([^"]*)"/.exec(m[0])?.[1];
      if (name === undefined) continue;
      const rel = id ? rels.get(id) : undefined;
      out.push({ name: decodeEntities(name), part: rel && this.has(rel.part) ? rel.part : undefined });
    }
    return out;
  }

  /** Worksheet parts that exist. */
  sheetParts(): string[] {
    return this.sheets()
      .map((s) => s.part)
      .filter((p): p is string => !!p && /\.xml$/i.test(p) && /<(?:\w+:)?worksheet\b/.test(this.text(p)!.slice(0, 2000)));
  }

  partOfType(kind: string): string | undefined {
    const workbook = this.workbookPart();
    if (!workbook) return undefined;
    for (const rel of this.relationships(workbook).values()) if (rel.type.endsWith(`/${kind}`) && this.has(rel.part)) return rel.part;
    return undefined;
  }

  write(): Uint8Array {
    return writeZip(this.entries);
  }
}

/** A relationship target resolved against the folder of its source part. */
export function resolve(folder: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = (folder + target).split('/');
  const out: string[] = [];
  for (const p of parts) {
    if (p === '..') out.pop();
    else if (p !== '.' && p !== '') out.push(p);
  }
  return out.join('/');
}

export function decodeEntities(s: string): string {
  return s.replace(/&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);/g, (_, e: string) =>
    e === 'amp' ? '&' : e === 'lt' ? '<' : e === 'gt' ? '>' : e === 'quot' ? '"' : e === 'apos' ? "'" : String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : Number(e.slice(1))),
  );
}

export function escapeXml(s: string): string {
  return s.replace(/[&<>"]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;'));
}
