import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { annotatedCopy } from '../src/adapters/xlsx/annotate';
import { readSnapshotFromBuffer } from '../src/adapters/xlsx/readSnapshot';
import { audit } from '../src/core/engine';
import { planMarks } from '../src/core/marks';
import { checkCase, sentenceProblem, type CaseOutcome } from './support/fuzz/checkCase';
import { checkCli } from './support/fuzz/cliCheck';
import { compareCopy } from './support/fuzz/copyComparison';
import { CELL_MUTATORS } from './support/fuzz/cellMutators';
import { FEATURE_MUTATORS } from './support/fuzz/featureMutators';
import { baseWorkbooks, makeCase, seedText } from './support/fuzz/fuzzCase';
import { MutantPackage } from './support/fuzz/mutantPackage';
import { caseSeed } from './support/fuzz/prng';
import { XML_MUTATORS } from './support/fuzz/xmlMutators';
import { BYTE_MUTATORS, ZIP_MUTATORS } from './support/fuzz/zipMutators';

/**
 * Nothing lost, nothing hangs, the exit status never lies: a few hundred seeded mutations of the
 * repository's workbooks (zip, XML and cell level), each read, checked and annotated in-process
 * and judged (checkCase.ts); a sample of them through the real command line (cliCheck.ts).
 * Thousands more, with a seed of your own: `npm run fuzz -- --seed 123 --cases 5000`; a failing
 * case here replays alone with `npm run fuzz -- --case <seed>`.
 */
const RUN_SEED = 20240602;
const CASES = 300;
/** One case in this many also goes through the command line. */
const CLI_EVERY = 15;

const seeds = Array.from({ length: CASES }, (_, i) => caseSeed(RUN_SEED, i));
const outcomes = new Map<number, CaseOutcome>();
const applied = new Set<string>();

async function outcomeOf(seed: number): Promise<CaseOutcome> {
  let outcome = outcomes.get(seed);
  if (!outcome) outcomes.set(seed, (outcome = await checkCase(makeCase(seed))));
  return outcome;
}

describe('the judge catches what it is there to catch', () => {
  const base = baseWorkbooks().find((b) => b.name.includes('003-sanmenxia'))!;
  let copy: Uint8Array;
  let marked: string[];
  let snapshot: Awaited<ReturnType<typeof readSnapshotFromBuffer>>;

  beforeAll(async () => {
    snapshot = await readSnapshotFromBuffer(base.bytes, 'sample.xlsx');
    const result = audit(snapshot);
    marked = planMarks(result.findings, 'zh-CN').map((m) => m.sheet);
    copy = annotatedCopy(base.bytes, result, 'zh-CN');
  });

  test('a true copy passes', async () => {
    expect(marked.length).toBeGreaterThan(0);
    expect(await compareCopy(base.bytes, copy, marked, snapshot)).toEqual([]);
  });

  test('a copy with one value changed in a sheet nobody marked is caught, by its bytes and by its values', async () => {
    const pkg = MutantPackage.read(copy);
    const sheets = pkg.sheets().filter((s) => s.part && !marked.includes(s.name) && /<v>\d/.test(pkg.text(s.part)!));
    const part = sheets[0].part!;
    pkg.setText(part, pkg.text(part)!.replace(/<v>(\d)/, (_m, d: string) => `<v>${(Number(d) + 1) % 10}`));
    const problems = await compareCopy(base.bytes, pkg.write(), marked, snapshot);
    expect(problems.some((p) => p.includes(`${part} changed`))).toBe(true);
    expect(problems.some((p) => p.includes('reads differently'))).toBe(true);
  });

  test('a copy that lost a part, or an element of a marked sheet (its page margins), is caught', async () => {
    const pkg = MutantPackage.read(copy);
    pkg.entries = pkg.entries.filter((e) => e.name !== 'docProps/app.xml');
    expect(await compareCopy(base.bytes, pkg.write(), marked, snapshot)).toContain('docProps/app.xml is missing from the copy');
    const sheet = MutantPackage.read(copy).sheets().find((s) => s.name === marked[0])!.part!;
    const other = MutantPackage.read(copy);
    other.setText(sheet, other.text(sheet)!.replace(/<pageMargins[^>]*\/>/, ''));
    expect((await compareCopy(base.bytes, other.write(), marked, snapshot)).join('\n')).toMatch(/marked sheet .* differs from its source/);
  });

  test('a refusal must be one line, Chinese first, then English', () => {
    expect(sentenceProblem('文件已损坏，无法读取 / the file is damaged and cannot be read')).toBeUndefined();
    expect(sentenceProblem('the file is damaged')).toBeDefined();
    expect(sentenceProblem('文件已损坏')).toBeDefined();
    expect(sentenceProblem('文件已损坏 / the file\nis damaged')).toBeDefined();
  });

  test('the same seed makes the same case, byte for byte', () => {
    const [a, b] = [makeCase(seeds[7]), makeCase(seeds[7])];
    expect(b.mutations).toEqual(a.mutations);
    expect(Buffer.compare(Buffer.from(a.bytes), Buffer.from(b.bytes))).toBe(0);
  });
});

describe(`${CASES} fuzzed workbooks, read, checked and annotated in-process`, () => {
  test.each(seeds.map((s) => [seedText(s), s]))('case %s', async (_name, seed) => {
    const c = makeCase(seed);
    for (const m of c.mutations) applied.add(m.slice(0, m.indexOf(':')));
    const outcome = await outcomeOf(seed);
    // The replay line, the base and the mutations come with any failure.
    expect({ replay: `npm run fuzz -- --case ${seedText(seed)}`, base: c.base.name, mutations: c.mutations, problems: outcome.problems }).toEqual({
      replay: `npm run fuzz -- --case ${seedText(seed)}`,
      base: c.base.name,
      mutations: c.mutations,
      problems: [],
    });
  });

  test('the cases use every mutator, and enough of them are annotated, refused and read', () => {
    const names = [...ZIP_MUTATORS, ...XML_MUTATORS, ...CELL_MUTATORS, ...FEATURE_MUTATORS, ...BYTE_MUTATORS].map((m) => m.name);
    expect(names.filter((n) => !applied.has(n))).toEqual([]);
    const all = [...outcomes.values()];
    expect(all).toHaveLength(CASES);
    const copies = all.filter((o) => o.copy).length;
    const refused = all.filter((o) => o.refusal).length;
    const withErrors = all.filter((o) => o.expectedCheckStatus === 1).length;
    expect(copies).toBeGreaterThan(CASES * 0.35);
    expect(refused).toBeGreaterThan(CASES * 0.1);
    expect(withErrors).toBeGreaterThan(CASES * 0.2);
  });
});

describe('a sample of them through the command line: exit 0/1/2 only, one line on stderr, JSON on stdout, the copy as in-process', () => {
  const dir = mkdtempSync(join(tmpdir(), 'budget-audit-fuzz-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const sample = seeds.filter((_, i) => i % CLI_EVERY === 0);

  test.each(sample.map((s) => [seedText(s), s]))('case %s', async (_name, seed) => {
    const c = makeCase(seed);
    const problems = await checkCli(c, await outcomeOf(seed), dir);
    expect({ replay: `npm run fuzz -- --case ${seedText(seed)}`, mutations: c.mutations, problems }).toEqual({ replay: `npm run fuzz -- --case ${seedText(seed)}`, mutations: c.mutations, problems: [] });
  });
});
