import { fork } from 'child_process';
import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { checkCase, timeBound } from './checkCase';
import { checkCli } from './cliCheck';
import { makeCase, seedText } from './fuzzCase';
import { caseSeed } from './prng';

/**
 * `npm run fuzz -- [--seed N] [--cases N] [--cli-every N] [--case 0xSEED …]`: thousands of fuzz
 * cases, the same judgement as test/fuzz.test.ts. Cases run in a child process watched from
 * here, so a case that hangs (a loop the child cannot leave) is killed, named, and the run goes
 * on with the next. Every failing case is printed with its seed, the line that replays it alone.
 */
interface Options {
  seed: number;
  cases: number;
  cliEvery: number;
  only: number[];
}

/** Longer than any case's own bound: past it the child is stuck, not slow. */
const HANG_MS = 120_000;

interface Report {
  seed: number;
  problems: string[];
  mutations: string[];
  base: string;
  milliseconds: number;
  /** The case's share of its time bound. */
  load?: number;
}

type Message = { type: 'start'; seed: number } | ({ type: 'done' } & Report);

function parseOptions(argv: string[]): Options {
  const options: Options = { seed: Math.floor(Math.random() * 2 ** 31), cases: 2000, cliEvery: 50, only: [] };
  for (let i = 0; i < argv.length; i++) {
    const value = () => {
      const v = argv[++i];
      const n = Number(v);
      if (v === undefined || !Number.isInteger(n) || n < 0) throw new Error(`${argv[i - 1]} 需要一个非负整数 / ${argv[i - 1]} needs a non-negative integer`);
      return n;
    };
    const a = argv[i];
    if (a === '--seed') options.seed = value();
    else if (a === '--cases') options.cases = value();
    else if (a === '--cli-every') options.cliEvery = value();
    else if (a === '--case') options.only.push(value());
    else throw new Error(`未知选项 / unknown option: ${a}`);
  }
  return options;
}

async function worker(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'budget-audit-fuzz-'));
  const send = (m: Message) => new Promise<void>((resolve) => process.send!(m, () => resolve()));
  process.on('message', async (m: { seeds: number[]; cliEvery: number; from: number }) => {
    try {
      for (let i = 0; i < m.seeds.length; i++) {
        const seed = m.seeds[i];
        await send({ type: 'start', seed });
        const c = makeCase(seed);
        const outcome = await checkCase(c);
        const problems = [...outcome.problems];
        if (m.cliEvery && (m.from + i) % m.cliEvery === 0) problems.push(...(await checkCli(c, outcome, dir)));
        await send({ type: 'done', seed, problems, mutations: c.mutations, base: c.base.name, milliseconds: outcome.milliseconds, load: outcome.milliseconds / timeBound(outcome.cells) });
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
      process.disconnect();
    }
  });
}

async function main(argv: string[]): Promise<number> {
  const options = parseOptions(argv);
  const seeds = options.only.length ? options.only : Array.from({ length: options.cases }, (_, i) => caseSeed(options.seed, i));
  const cliEvery = options.only.length ? 1 : options.cliEvery;
  console.log(options.only.length ? `fuzz: replaying ${seeds.map(seedText).join(' ')}` : `fuzz: seed ${options.seed}, ${seeds.length} cases, the command line on every ${cliEvery}th`);
  const started = Date.now();
  const failures: Report[] = [];
  let done = 0;
  let slowest = 0;
  let heaviest = { seed: 0, load: 0 };
  let next = 0;
  while (next < seeds.length) {
    const from = next;
    const child = fork(__filename, ['--worker'], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    await new Promise<void>((resolve) => {
      let current: number | undefined;
      let timer: NodeJS.Timeout | undefined;
      const stop = (problem: string) => {
        if (current !== undefined) {
          const c = makeCase(current);
          const failure = { seed: current, problems: [problem], mutations: c.mutations, base: c.base.name, milliseconds: NaN };
          failures.push(failure);
          printFailure(failure);
        }
        next = seeds.indexOf(current!, next) + 1 || seeds.length;
        current = undefined;
      };
      child.on('message', (m: Message) => {
        if (m.type === 'start') {
          current = m.seed;
          clearTimeout(timer);
          timer = setTimeout(() => {
            stop(`hang: no answer within ${HANG_MS / 1000} s, the case's process was killed`);
            child.kill('SIGKILL');
          }, HANG_MS);
          return;
        }
        clearTimeout(timer);
        current = undefined;
        next = seeds.indexOf(m.seed, next) + 1;
        done++;
        slowest = Math.max(slowest, m.milliseconds);
        if ((m.load ?? 0) > heaviest.load) heaviest = { seed: m.seed, load: m.load! };
        if (m.problems.length) {
          failures.push(m);
          printFailure(m);
        }
        if (done % 250 === 0) console.log(`fuzz: ${done}/${seeds.length} cases, ${failures.length} failing, ${Math.round((Date.now() - started) / 1000)} s`);
      });
      child.on('exit', (code, signal) => {
        clearTimeout(timer);
        if (current !== undefined) stop(`the case's process ended (${signal ?? `exit ${code}`}) in the middle of the case: a crash`);
        resolve();
      });
      child.send({ seeds: seeds.slice(from), cliEvery, from });
    });
  }
  const seconds = (Date.now() - started) / 1000;
  console.log(
    `fuzz: ${seeds.length} cases in ${seconds.toFixed(1)} s (slowest in-process case ${Math.round(slowest)} ms; closest to its time bound ${seedText(heaviest.seed)} at ${Math.round(heaviest.load * 100)}%), ${failures.length} failing`,
  );
  if (failures.length) {
    console.log('replay a failing case alone with:');
    for (const f of failures) console.log(`  npm run fuzz -- --case ${seedText(f.seed)}`);
  }
  return failures.length ? 1 : 0;
}

function printFailure(f: Report): void {
  console.log(`FAIL ${seedText(f.seed)} ${f.base}\n  mutations: ${f.mutations.join(' | ') || '(none)'}\n${f.problems.map((p) => `  - ${p}`).join('\n')}`);
}

if (process.argv.includes('--worker')) {
  void worker();
} else {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (e) => {
      console.error(`fuzz: ${(e as Error).message}`);
      process.exit(2);
    },
  );
}
