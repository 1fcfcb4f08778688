import { readdirSync, readFileSync } from 'fs';
import { extname, join } from 'path';
import { featureWorkbook, strictWorkbook } from '../featureWorkbook';
import { CELL_MUTATORS } from './cellMutators';
import { FEATURE_MUTATORS } from './featureMutators';
import { MutantPackage } from './mutantPackage';
import type { BaseKind, Mutator } from './mutator';
import { Prng } from './prng';
import { repoRoot } from './repoRoot';
import { XML_MUTATORS } from './xmlMutators';
import { BYTE_MUTATORS, ZIP_MUTATORS } from './zipMutators';

/**
 * A fuzz case: a workbook of the repository (the real disclosures of test/fixtures in every
 * format, and the hand-written feature workbooks) with one to three mutations, chosen by the
 * case's seed alone, so that `makeCase(seed)` gives the same bytes on every machine.
 */
export interface BaseWorkbook {
  name: string;
  /** The extension the file is written with, for the command line. */
  extension: string;
  kind: BaseKind;
  bytes: Uint8Array;
}

export interface FuzzCase {
  seed: number;
  base: BaseWorkbook;
  /** What was done, in order: the replay log. */
  mutations: string[];
  /** No damaging mutation: the workbook must be read, checked and (OOXML) annotated. */
  intact: boolean;
  bytes: Uint8Array;
}

const ROOT = repoRoot();
const FIXTURES = join(ROOT, 'test', 'fixtures');

let bases: BaseWorkbook[] | undefined;

export function baseWorkbooks(): BaseWorkbook[] {
  if (bases) return bases;
  const files = [
    ...readdirSync(FIXTURES).filter((f) => f.endsWith('.xlsx')).map((f) => join(FIXTURES, f)),
    ...readdirSync(join(FIXTURES, 'formats')).filter((f) => /\.(xlsx|xlsm|xls|ods)$/.test(f)).map((f) => join(FIXTURES, 'formats', f)),
  ].sort();
  bases = files.map((path) => {
    const extension = extname(path);
    const kind: BaseKind = extension === '.xls' ? 'xls' : extension === '.ods' ? 'ods' : 'ooxml';
    return { name: path.slice(ROOT.length + 1), extension, kind, bytes: new Uint8Array(readFileSync(path)) };
  });
  bases.push(
    { name: 'featureWorkbook', extension: '.xlsm', kind: 'ooxml', bytes: featureWorkbook() },
    { name: 'featureWorkbook(prefixed)', extension: '.xlsm', kind: 'ooxml', bytes: featureWorkbook({ prefixed: true }) },
    { name: 'strictWorkbook', extension: '.xlsx', kind: 'ooxml', bytes: strictWorkbook() },
  );
  return bases;
}

const PACKAGE_MUTATORS: Mutator[] = [...ZIP_MUTATORS, ...XML_MUTATORS, ...CELL_MUTATORS, ...FEATURE_MUTATORS];

/** The cases in which every mutation keeps the workbook intact, out of all cases. */
const INTACT_SHARE = 0.55;
/** Of the other cases, those whose written bytes are also cut or flipped. */
const BYTE_SHARE = 0.25;

export function makeCase(seed: number): FuzzCase {
  const rng = new Prng(seed);
  const all = baseWorkbooks();
  // Mostly OOXML (the format the copy is made from), the rest OpenDocument and .xls.
  const kind: BaseKind = rng.chance(0.7) ? 'ooxml' : rng.chance(0.5) ? 'ods' : 'xls';
  const base = rng.pick(all.filter((b) => b.kind === kind));
  const intactOnly = rng.chance(INTACT_SHARE);
  const mutations: string[] = [];
  let intact = true;
  if (kind === 'xls') {
    // An OLE file is mutated only as bytes; now and then it is left as it is, as a control.
    if (rng.chance(0.85)) {
      const m = rng.pick(BYTE_MUTATORS);
      const { bytes, did } = m.apply(base.bytes, rng);
      return { seed, base, mutations: [`${m.name}: ${did}`], intact: false, bytes };
    }
    return { seed, base, mutations: [], intact: true, bytes: base.bytes };
  }
  const pkg = MutantPackage.read(base.bytes);
  const usable = PACKAGE_MUTATORS.filter((m) => m.kinds.includes(kind) && (!intactOnly || m.leaves === 'intact'));
  const wanted = rng.int(1, 3);
  for (let tries = 0; mutations.length < wanted && tries < wanted * 4; tries++) {
    const m = rng.pick(usable);
    const did = m.apply(pkg, rng);
    if (did === undefined) continue;
    mutations.push(`${m.name}: ${did}`);
    if (m.leaves === 'damaged') intact = false;
  }
  let bytes = pkg.write();
  if (!intactOnly && rng.chance(BYTE_SHARE)) {
    const m = rng.pick(BYTE_MUTATORS);
    const out = m.apply(bytes, rng);
    bytes = out.bytes;
    mutations.push(`${m.name}: ${out.did}`);
    intact = false;
  }
  return { seed, base, mutations, intact, bytes };
}

/** A case seed as the runner prints it and takes it back. */
export function seedText(seed: number): string {
  return `0x${seed.toString(16).padStart(8, '0')}`;
}
