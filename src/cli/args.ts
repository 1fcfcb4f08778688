import { availableParallelism } from 'os';

/** Command-line arguments of `budget-audit`, parsed without a dependency. */
export interface CliArgs {
  command: 'detect' | 'check' | 'help';
  /** Workbooks and folders (check); one workbook (detect). */
  paths: string[];
  json: boolean;
  strict: boolean;
  /** Human output: also list rounding tails (info). */
  all: boolean;
  /** Human output: the checks under each finding, with figures and bands. */
  verbose: boolean;
  /** The annotated copy of the one workbook checked. */
  out?: string;
  /** Annotated copies of every workbook checked, in the inputs' folder layout. */
  outDir?: string;
  /** A summary workbook: one row per workbook checked. */
  summary?: string;
  /** Workers checking a batch in parallel. */
  jobs: number;
  lang: 'zh-CN' | 'en';
  /** Internal errors with their stack. */
  debug: boolean;
}

export class UsageError extends Error {}

export const USAGE = `用法 / usage:
  budget-audit detect FILE.xlsx [--json]
  budget-audit check FILE.xlsx [--json] [--strict] [--all] [--verbose] [--out ANNOTATED.xlsx] [--lang en]
  budget-audit check PATH... [--json] [--out-dir DIR] [--summary SUMMARY.xlsx] [--jobs N]

  detect     列出工作簿中识别到的表格 / list the tables found
  check      校验表内、表间合计与科目层级 / check totals, code hierarchy, cross-table figures
             PATH 可为文件或文件夹（递归查找 .xlsx .xlsm .xls .ods .et .csv）/ files or folders (searched recursively)
  --json     机器可读输出；多个文件时每行一个 JSON 对象 / machine-readable; one JSON object per line for several files
  --strict   零容差（不认可尾数误差）/ zero tolerance for rounding tails
  --all      同时列出尾数误差提示 / also list rounding tails (info)
  --verbose  列出每条发现所涉及的核对及数字 / the checks behind each finding, with figures
  --out      写出标注副本（原文件不改动）/ write an annotated copy (the source is never written)
  --out-dir  每个文件的标注副本写到此文件夹，保持原有子文件夹结构 / an annotated copy of each file, keeping the folder layout
  --summary  写出汇总工作簿，每个文件一行 / write a summary workbook, one row per file
  --jobs N   并行检查的线程数（默认为 CPU 核数）/ files checked in parallel (default: the number of cores)
  --debug    内部错误时显示调用栈 / show the stack of an internal error
退出码 / exit: 0 无错误 no error, 1 有错误 errors found, 2 无法读取输入或无法写出 unreadable input or unwritable output,
               3 内部错误 internal error`;

function value(argv: string[], i: number, option: string, what: [string, string]): string {
  const v = argv[i];
  if (v === undefined || v === '') throw new UsageError(`${option} 需要${what[0]} / ${option} needs ${what[1]}`);
  return v;
}

export function parseArgs(argv: string[]): CliArgs {
  const args: CliArgs = { command: 'help', paths: [], json: false, strict: false, all: false, verbose: false, jobs: availableParallelism(), lang: 'zh-CN', debug: false };
  const rest: string[] = [];
  let help = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--json') args.json = true;
    else if (a === '--strict') args.strict = true;
    else if (a === '--all') args.all = true;
    else if (a === '--debug') args.debug = true;
    else if (a === '--out' || a === '-o') args.out = value(argv, ++i, '--out', ['一个文件名', 'a file name']);
    else if (a === '--out-dir') args.outDir = value(argv, ++i, '--out-dir', ['一个文件夹', 'a folder']);
    else if (a === '--summary') args.summary = value(argv, ++i, '--summary', ['一个文件名', 'a file name']);
    else if (a === '--jobs' || a === '-j') {
      const v = value(argv, ++i, '--jobs', ['一个正整数', 'a positive whole number']);
      if (!/^[1-9]\d{0,3}$/.test(v)) throw new UsageError(`--jobs 需要一个正整数 / --jobs needs a positive whole number: ${v}`);
      args.jobs = Number(v);
    } else if (a === '--lang') {
      const v = argv[++i];
      if (v !== 'en' && v !== 'zh-CN') throw new UsageError('--lang 取 zh-CN 或 en / --lang takes zh-CN or en');
      args.lang = v;
    } else if (a === '-h' || a === '--help') help = true;
    else if (a === '--') {
      // Everything after `--` is a path, even `-odd-name.xlsx`.
      rest.push(...argv.slice(i + 1));
      break;
    }
    else if (a.startsWith('-') && a !== '-') throw new UsageError(`未知选项 / unknown option: ${a}`);
    else rest.push(a);
  }
  if (help || rest.length === 0) return { ...args, command: 'help' };
  const [command, ...paths] = rest;
  if (command !== 'detect' && command !== 'check') throw new UsageError(`未知命令 / unknown command: ${command}`);
  if (paths.length === 0) throw new UsageError(command === 'detect' ? '缺少文件 / missing FILE.xlsx' : '缺少文件或文件夹 / missing FILE.xlsx or folder');
  if (command === 'detect') {
    if (paths.length > 1) throw new UsageError(`detect 只接受一个文件 / detect takes one file; unexpected argument: ${paths[1]}`);
    for (const [given, option] of [[args.out, '--out'], [args.outDir, '--out-dir'], [args.summary, '--summary']] as const) {
      if (given) throw new UsageError(`${option} 只用于 check / ${option} goes with check`);
    }
  }
  if (args.out && args.outDir) throw new UsageError('--out 与 --out-dir 只能选一个 / use either --out or --out-dir');
  if (args.out && paths.length > 1) throw new UsageError('--out 只用于一个文件；多个文件请用 --out-dir / --out is for one file; use --out-dir for several');
  return { ...args, command, paths };
}
