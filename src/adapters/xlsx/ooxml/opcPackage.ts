import { unzipSync, Zip, ZipDeflate, ZipPassThrough } from 'fflate';
import { UnpatchableWorkbookError } from './errors';

/**
 * An OPC package (the .xlsx zip) held as its entries in their original order. Parts are read as
 * text only when they are to be edited; every other entry is written back with exactly the bytes
 * it had (uncompressed), in the same place. Part names are zip entry names (no leading `/`) and,
 * as in OPC, matched without regard to case.
 */
export class OpcPackage {
  private readonly order: string[] = [];
  private readonly entries = new Map<string, Uint8Array>();
  private readonly byLowerName = new Map<string, string>();
  private readonly edited = new Map<string, string>();

  static read(source: Uint8Array): OpcPackage {
    const pkg = new OpcPackage();
    let files: Record<string, Uint8Array>;
    try {
      // fflate hands the entries back as an object (whose key order is not the zip's): the filter
      // sees them in central-directory order, which is the order we write them back in.
      files = unzipSync(source, { filter: (f) => (pkg.order.push(f.name), true) });
    } catch (e) {
      throw new UnpatchableWorkbookError(
        `无法读取工作簿的 zip 包（${(e as Error).message}），不是 .xlsx/.xlsm 文件或文件已损坏`,
        `cannot read the workbook's zip package (${(e as Error).message}): not an .xlsx/.xlsm file, or damaged`,
      );
    }
    for (const name of pkg.order) {
      const lower = name.toLowerCase();
      if (pkg.byLowerName.has(lower)) {
        throw new UnpatchableWorkbookError(`zip 包中有重名的部件 ${name}`, `the zip package holds two parts named ${name}`);
      }
      pkg.byLowerName.set(lower, name);
      pkg.entries.set(name, files[name]);
    }
    return pkg;
  }

  /** The entry name as stored, for a part name in any case (and with or without a leading `/`). */
  entryName(part: string): string | undefined {
    return this.byLowerName.get(part.replace(/^\//, '').toLowerCase());
  }

  has(part: string): boolean {
    return this.entryName(part) !== undefined;
  }

  get partNames(): string[] {
    return [...this.order];
  }

  /** A part's bytes as they will be written. */
  bytesOf(part: string): Uint8Array {
    const name = this.entryName(part);
    if (name === undefined) throw new UnpatchableWorkbookError(`工作簿缺少部件 ${part}`, `the workbook has no part ${part}`);
    const edited = this.edited.get(name);
    return edited !== undefined ? new TextEncoder().encode(edited) : this.entries.get(name)!;
  }

  /** A part's text (UTF-8, as OOXML parts we edit are); refuses other encodings rather than guessing. */
  text(part: string): string {
    const name = this.entryName(part);
    if (name === undefined) throw new UnpatchableWorkbookError(`工作簿缺少部件 ${part}`, `the workbook has no part ${part}`);
    const edited = this.edited.get(name);
    if (edited !== undefined) return edited;
    const bytes = this.entries.get(name)!;
    if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) throw notUtf8(name);
    let text: string;
    try {
      // Keep a byte-order mark in the text so that it is written back too.
      text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
    } catch {
      throw notUtf8(name);
    }
    const declared = /^\uFEFF?<\?xml[^>]*?encoding\s*=\s*["']([^"']*)["']/.exec(text)?.[1];
    if (declared !== undefined && !/^utf-?8$/i.test(declared)) throw notUtf8(name);
    return text;
  }

  /** Replace a part's text, or add a new part (appended after every existing entry). */
  setText(part: string, text: string): void {
    let name = this.entryName(part);
    if (name === undefined) {
      name = part.replace(/^\//, '');
      this.order.push(name);
      this.byLowerName.set(name.toLowerCase(), name);
      this.entries.set(name, new Uint8Array(0));
    }
    this.edited.set(name, text);
  }

  /** The entries changed or added, for tests and reports. */
  get changedParts(): string[] {
    return this.order.filter((n) => this.edited.has(n));
  }

  write(): Uint8Array {
    const chunks: Uint8Array[] = [];
    let failure: Error | null = null;
    const zip = new Zip((err, data) => {
      if (err) failure = err;
      else chunks.push(data);
    });
    const encoder = new TextEncoder();
    for (const name of this.order) {
      const edited = this.edited.get(name);
      const data = edited !== undefined ? encoder.encode(edited) : this.entries.get(name)!;
      // Folder entries and empty files are stored; everything else deflated.
      const file = data.length ? new ZipDeflate(name, { level: 6 }) : new ZipPassThrough(name);
      // A fixed date: the same source and findings give the same bytes.
      file.mtime = FIXED_DATE;
      zip.add(file);
      file.push(data, true);
    }
    zip.end();
    if (failure) throw failure;
    let size = 0;
    for (const c of chunks) size += c.length;
    const out = new Uint8Array(size);
    let at = 0;
    for (const c of chunks) {
      out.set(c, at);
      at += c.length;
    }
    return out;
  }
}

const FIXED_DATE = new Date(1980, 0, 1);

function notUtf8(part: string): UnpatchableWorkbookError {
  return new UnpatchableWorkbookError(`部件 ${part} 不是 UTF-8 编码的 XML，无法安全修改`, `part ${part} is not UTF-8 encoded XML and cannot be patched safely`);
}
