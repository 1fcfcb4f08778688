import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { FIXTURES, ROOT, run, SAMPLE } from './cliRun';
import { ownDirectory, removeStale, sourceHash, STALE_MS } from '../src/cli/codeCache';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { programFile } = require('../bin/programFile') as { programFile: (dir: string, name?: string) => string };

/**
 * The compiled code the command line keeps between runs (src/cli/codeCache.ts) changes how fast
 * a run starts, never what it says: every run below must print the same report as one without it.
 */
describe('the code cache of the command line', () => {
  let dir: string;
  const withCache = (cacheDir: string) => run(['check', SAMPLE, '--json'], { env: { ...process.env, BUDGET_AUDIT_CODE_CACHE_DIR: cacheDir } });
  const withoutCache = () => run(['check', SAMPLE, '--json'], { env: { ...process.env, BUDGET_AUDIT_CODE_CACHE: 'off' } });
  const cacheFiles = (cacheDir: string) => readdirSync(cacheDir).filter((f) => /^[0-9a-f]{40}$/.test(f));
  /** The name a module's code is kept under: its path and source (codeCache.ts). */
  const keptName = (file: string) => sourceHash(file, readFileSync(file, 'utf8'));
  const cli = join(ROOT, 'dist', 'cli');

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'budget-audit-code-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('is written by a first run and read by the next, with the same report as a run from source', () => {
    const cacheDir = join(dir, 'code');
    const plain = withoutCache();
    const first = withCache(cacheDir);
    expect(first.code).toBe(plain.code);
    expect(first.stdout).toBe(plain.stdout);
    // One file per module that ran: the program (in one file where it is built so, with the packages a check of an
    // .xlsx runs: bin/programFile.js, webpack.cli.config.js; else its modules and those packages one by one) and the
    // launcher's own helper; the user's own.
    const kept = cacheFiles(cacheDir);
    const program = keptName(programFile(cli));
    const helper = keptName(join(ROOT, 'bin', 'programFile.js'));
    expect(kept).toContain(program);
    expect(kept).toContain(helper);
    // The bundle holds every package a check of an .xlsx runs: it and the helper are all that is kept (a package left
    // outside would be read, found and kept as a file of its own).
    if (programFile(cli).endsWith('.bundle.js')) expect(kept.sort()).toEqual([program, helper].sort());
    else expect(kept.length).toBeGreaterThan(5);
    expect(statSync(cacheDir).mode & 0o077).toBe(0);
    const second = withCache(cacheDir);
    expect(second.stdout).toBe(plain.stdout);
    expect(second.stderr).toBe('');
  });

  it('leaves garbage in its files aside: the modules are compiled from source and their code written again', () => {
    const cacheDir = join(dir, 'code');
    withCache(cacheDir);
    const files = cacheFiles(cacheDir);
    for (const f of files) writeFileSync(join(cacheDir, f), 'not V8 code');
    const again = withCache(cacheDir);
    expect(again.stdout).toBe(withoutCache().stdout);
    expect(again.stderr).toBe('');
    // (V8 refused each file; the run wrote real code in its place.)
    expect(files.filter((f) => readFileSync(join(cacheDir, f), 'utf8') === 'not V8 code')).toEqual([]);
  });

  it('is not used from a directory others may write to, nor where none can be made', () => {
    expect(ownDirectory(join(dir, 'mine'))).toBe(true);
    const shared = join(dir, 'shared');
    mkdirSync(shared);
    chmodSync(shared, 0o777);
    expect(ownDirectory(shared)).toBe(false);
    const blocker = join(dir, 'file');
    writeFileSync(blocker, '');
    expect(ownDirectory(blocker)).toBe(false);
    expect(ownDirectory(join(blocker, 'code'))).toBe(false);
    // A run pointed at the shared directory still checks, and leaves nothing there.
    const r = withCache(shared);
    expect(r.stdout).toBe(withoutCache().stdout);
    expect(cacheFiles(shared)).toEqual([]);
  });

  it("is used by a batch's worker threads too: the worker's own module is among the code kept, and the reports are the same", () => {
    const cacheDir = join(dir, 'code');
    const files = [SAMPLE, join(FIXTURES, '000-jiaozuo-medical-insurance-center-2024-budget.xlsx')];
    const batch = (env: NodeJS.ProcessEnv) => run(['check', ...files, '--json', '--jobs', '2'], { env: { ...process.env, ...env } });
    const plain = batch({ BUDGET_AUDIT_CODE_CACHE: 'off' });
    const first = batch({ BUDGET_AUDIT_CODE_CACHE_DIR: cacheDir });
    expect(first.stdout).toBe(plain.stdout);
    // The main thread never loads the checker's module in a batch (where the program runs as one file, its own copy is in
    // that file): the module's code can only have been written by a worker.
    expect(cacheFiles(cacheDir)).toContain(keptName(join(cli, 'checkFile.js')));
    const second = batch({ BUDGET_AUDIT_CODE_CACHE_DIR: cacheDir });
    expect(second.stdout).toBe(plain.stdout);
    expect(second.stderr).toBe('');
  });

  it('lets go of files a month old when a run writes, and keeps the newer ones', () => {
    const now = Date.now();
    const old = join(dir, 'a'.repeat(40));
    const recent = join(dir, 'b'.repeat(40));
    const crashedTemporary = join(dir, `${'c'.repeat(40)}.123-0.tmp`);
    const notOurs = join(dir, 'notes.txt');
    for (const f of [old, recent, crashedTemporary, notOurs]) writeFileSync(f, 'x');
    const monthAgo = (now - STALE_MS - 60_000) / 1000;
    for (const f of [old, crashedTemporary, notOurs]) utimesSync(f, monthAgo, monthAgo);
    const dayAgo = (now - 24 * 3600 * 1000) / 1000;
    utimesSync(recent, dayAgo, dayAgo);
    removeStale(dir, now);
    expect([old, recent, crashedTemporary, notOurs].map((f) => existsSync(f))).toEqual([false, true, false, true]);
  });

  it('names a module by its path and its whole source, hashed in slices: every character counts, a surrogate pair cut by a slice too', () => {
    const source = 'x'.repeat(65_535);
    // Two astral characters of different lead surrogates, each cut in two by the slice at 64 K characters.
    const grin = `${source}\u{1F600}`;
    const cat = `${source}\u{1F431}`;
    expect(sourceHash('/m.js', grin)).not.toBe(sourceHash('/m.js', cat));
    expect(sourceHash('/m.js', grin)).toBe(sourceHash('/m.js', `${source}\u{1F600}`));
    expect(sourceHash('/m.js', 'a')).not.toBe(sourceHash('/n.js', 'a'));
    expect(sourceHash('/m.js', `${source}y`)).not.toBe(sourceHash('/m.js', `${source}z`));
    // The path and the source are told apart: a path ending as another's source begins is another name.
    expect(sourceHash('/m.js', 'ab')).not.toBe(sourceHash('/m.jsa', 'b'));
    expect(sourceHash('/m.js', 'a')).toMatch(/^[0-9a-f]{40}$/);
  });
});

describe('the command line in one file (webpack.cli.config.js, build/compactBundle.js)', () => {
  it('is written in ASCII: Node reads a file holding any other character into a two-byte string, slowly', () => {
    const bundle = join(ROOT, 'dist', 'cli', 'main.bundle.js');
    // (npm test builds it: npm run build:cli.)
    expect(existsSync(bundle)).toBe(true);
    // eslint-disable-next-line no-control-regex
    expect(/[^\x00-\x7f]/.test(readFileSync(bundle, 'latin1'))).toBe(false);
  });
});

describe('the file the command line runs (bin/programFile.js)', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'budget-audit-program-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  const at = (file: string, secondsAgo: number) => {
    writeFileSync(join(dir, file), '');
    const t = Date.now() / 1000 - secondsAgo;
    utimesSync(join(dir, file), t, t);
  };

  it('is the program in one file where the build made it after tsc wrote the modules', () => {
    at('main.js', 60);
    at('main.bundle.js', 30);
    expect(programFile(dir)).toBe(join(dir, 'main.bundle.js'));
  });

  it('is the modules one by one where tsc ran after the bundle was made (an old bundle never stands in for a newer build)', () => {
    at('main.bundle.js', 60);
    at('main.js', 30);
    expect(programFile(dir)).toBe(join(dir, 'main.js'));
  });

  it('is the modules one by one where there is no bundle', () => {
    at('main.js', 30);
    expect(programFile(dir)).toBe(join(dir, 'main.js'));
  });
});
