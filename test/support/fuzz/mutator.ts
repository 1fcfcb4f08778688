import type { MutantPackage } from './mutantPackage';
import type { Prng } from './prng';

/** The containers a fuzz case starts from: an OOXML zip (.xlsx/.xlsm), an OpenDocument zip (.ods), an OLE .xls. */
export type BaseKind = 'ooxml' | 'ods' | 'xls';

/**
 * One way of mutating a workbook. `leaves` says what is left: `intact` keeps the zip sound and
 * every part well-formed XML (Excel may still want to repair it, but nothing stops a careful
 * reader), so the workbook must be read, checked and annotated; `damaged` may be refused, with a
 * reason, by the reader or the annotator. Either way nothing may crash, hang or change the source.
 */
export interface Mutator {
  name: string;
  leaves: 'intact' | 'damaged';
  kinds: BaseKind[];
  /** Mutates `pkg`; returns what it did (for the replay log), or undefined when there was nothing to do. */
  apply(pkg: MutantPackage, rng: Prng): string | undefined;
}

/** A mutation of the finished file's bytes (after the zip is written, or of an .xls). */
export interface ByteMutator {
  name: string;
  kinds: BaseKind[];
  apply(bytes: Uint8Array, rng: Prng): { bytes: Uint8Array; did: string };
}
