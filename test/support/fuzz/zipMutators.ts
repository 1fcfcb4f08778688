import { crc32 } from 'zlib';
import type { ByteMutator, Mutator } from './mutator';

/** Mutations of the container: its bytes, its entries, their order and checksums. */
const ZIPS = ['ooxml', 'ods'] as const;

export const truncate: ByteMutator = {
  name: 'truncate',
  kinds: ['ooxml', 'ods', 'xls'],
  apply(bytes, rng) {
    const at = rng.chance(0.2) ? rng.int(1, Math.min(64, bytes.length - 1)) : rng.int(1, bytes.length - 1);
    return { bytes: bytes.slice(0, at), did: `truncate at ${at} of ${bytes.length}` };
  },
};

export const flipBytes: ByteMutator = {
  name: 'flip-bytes',
  kinds: ['ooxml', 'ods', 'xls'],
  apply(bytes, rng) {
    const out = bytes.slice();
    const n = rng.int(1, 8);
    const at: number[] = [];
    for (let i = 0; i < n; i++) {
      // Now and then a byte of the zip's end record or the OLE header, where it hurts most.
      const p = rng.chance(0.25) ? (rng.chance(0.5) ? rng.int(0, Math.min(511, out.length - 1)) : rng.int(Math.max(0, out.length - 22), out.length - 1)) : rng.int(0, out.length - 1);
      out[p] ^= rng.int(1, 255);
      at.push(p);
    }
    return { bytes: out, did: `flip bytes at ${at.join(',')}` };
  },
};

export const dropPart: Mutator = {
  name: 'drop-part',
  leaves: 'damaged',
  kinds: [...ZIPS],
  apply(pkg, rng) {
    const files = pkg.entries.filter((e) => !e.name.endsWith('/'));
    if (!files.length) return undefined;
    const victim = rng.pick(files);
    pkg.entries = pkg.entries.filter((e) => e !== victim);
    return `drop ${victim.name}`;
  },
};

export const duplicatePart: Mutator = {
  name: 'duplicate-part',
  leaves: 'damaged',
  kinds: [...ZIPS],
  apply(pkg, rng) {
    const files = pkg.entries.filter((e) => !e.name.endsWith('/'));
    if (!files.length) return undefined;
    const part = rng.pick(files);
    // The same name again, or the name in another case (OPC part names ignore case).
    const name = rng.chance(0.5) ? part.name : part.name.replace(/[a-z]/, (c) => c.toUpperCase());
    const data = rng.chance(0.5) ? part.data : part.data.slice(0, Math.floor(part.data.length / 2));
    pkg.entries.splice(rng.int(0, pkg.entries.length), 0, { name, data });
    return `duplicate ${part.name} as ${name}`;
  },
};

export const reorderEntries: Mutator = {
  name: 'reorder-entries',
  leaves: 'intact',
  kinds: [...ZIPS],
  apply(pkg, rng) {
    const shuffled = rng.sample(pkg.entries, pkg.entries.length);
    // An OpenDocument's mimetype must stay first and stored; that rule is not what is fuzzed here.
    const mimetype = shuffled.findIndex((e) => e.name === 'mimetype');
    if (mimetype > 0) shuffled.unshift(...shuffled.splice(mimetype, 1));
    pkg.entries = shuffled;
    return 'reorder entries';
  },
};

export const storeEntries: Mutator = {
  name: 'store-entries',
  leaves: 'intact',
  kinds: [...ZIPS],
  apply(pkg) {
    for (const e of pkg.entries) e.stored = true;
    return 'store every entry uncompressed';
  },
};

export const badCrc: Mutator = {
  name: 'bad-crc',
  leaves: 'damaged',
  kinds: [...ZIPS],
  apply(pkg, rng) {
    const files = pkg.entries.filter((e) => e.data.length);
    if (!files.length) return undefined;
    const part = rng.pick(files);
    part.crc = (crc32(part.data) ^ (1 << rng.int(0, 31))) >>> 0;
    return `bad CRC on ${part.name}`;
  },
};

export const ZIP_MUTATORS: Mutator[] = [dropPart, duplicatePart, reorderEntries, storeEntries, badCrc];
export const BYTE_MUTATORS: ByteMutator[] = [truncate, flipBytes];
