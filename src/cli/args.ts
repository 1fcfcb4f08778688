import { availableParallelism } from 'os';

/** Command-line arguments of `budget-audit`, parsed without a dependency. */
export interface CliArgs {
  command: 'detect' | 'check' | 'review' | 'rules' | 'help';
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
  /** --config FILE: the settings for every workbook (else budget-audit.json beside each). */
  config?: string;
  /** --reviews FILE: the review file of the one workbook (else <workbook>.review.json). */
  reviews?: string;
  /** review: the finding to mark 已核实 — its rule, its cell (SHEET!A1), who and why. */
  rule?: string;
  cell?: string;
  by?: string;
  reason?: string;
}

export class UsageError extends Error {}

export const USAGE = `用法 / usage:
  budget-audit detect FILE.xlsx [--json]
  budget-audit check FILE.xlsx [--json] [--strict] [--all] [--verbose] [--out ANNOTATED.xlsx] [--lang en]
  budget-audit check PATH... [--json] [--out-dir DIR] [--summary SUMMARY.xlsx] [--jobs N]
  budget-audit review FILE.xlsx --rule ID --cell SHEET!A1 --by 姓名 --reason 原因
  budget-audit rules [--json]

  detect     列出工作簿中识别到的表格 / list the tables found
  check      校验表内、表间合计与科目层级 / check totals, code hierarchy, cross-table figures
             PATH 可为文件或文件夹（递归查找 .xlsx .xlsm .xlsb .xls .ods .et）/ files or folders (searched recursively)
  review     把该单元格上的发现记为已核实（记入 FILE.review.json）/ mark the finding at that cell as verified
  rules      列出规则编号、名称与默认级别（用于 budget-audit.json）/ list rule ids, names and default severities
  --config   设置文件（默认为各文件所在文件夹及上级文件夹中的 budget-audit.json）/ settings file (default: budget-audit.json beside each file)
  --reviews  复核记录文件（默认为 FILE.review.json）/ review file (default: FILE.review.json)
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
    else if (a === '--verbose' || a === '-v') args.verbose = true;
    else if (a === '--debug') args.debug = true;
    else if (a === '--out' || a === '-o') args.out = value(argv, ++i, '--out', ['一个文件名', 'a file name']);
    else if (a === '--out-dir') args.outDir = value(argv, ++i, '--out-dir', ['一个文件夹', 'a folder']);
    else if (a === '--summary') args.summary = value(argv, ++i, '--summary', ['一个文件名', 'a file name']);
    else if (a === '--config') args.config = value(argv, ++i, '--config', ['一个设置文件', 'a settings file']);
    else if (a === '--reviews') args.reviews = value(argv, ++i, '--reviews', ['一个复核记录文件', 'a review file']);
    else if (a === '--rule') args.rule = value(argv, ++i, '--rule', ['一个规则编号', 'a rule id']);
    else if (a === '--cell') args.cell = value(argv, ++i, '--cell', ['一个单元格（如 YS03!F7）', 'a cell (such as YS03!F7)']);
    else if (a === '--by') args.by = value(argv, ++i, '--by', ['复核人姓名', "the reviewer's name"]).trim();
    else if (a === '--reason') args.reason = value(argv, ++i, '--reason', ['核实的理由', 'the reason']).trim();
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
  if (help) return { ...args, command: 'help' };
  // No command at all is a usage error (exit 2, usage on stderr): a script that lost its
  // arguments must not read "success".
  if (rest.length === 0) throw new UsageError('缺少命令 / missing command');
  const [command, ...paths] = rest;
  if (command !== 'detect' && command !== 'check' && command !== 'review' && command !== 'rules') throw new UsageError(`未知命令 / unknown command: ${command}`);
  const onlyWith = (options: [unknown, string][], commands: string[]) => {
    for (const [given, option] of options) if (given !== undefined && !commands.includes(command)) throw new UsageError(`${option} 只用于 ${commands.join('/')} / ${option} goes with ${commands.join('/')}`);
  };
  onlyWith([[args.rule, '--rule'], [args.cell, '--cell'], [args.by, '--by'], [args.reason, '--reason']], ['review']);
  onlyWith([[args.out, '--out'], [args.outDir, '--out-dir'], [args.summary, '--summary']], ['check']);
  // Options that change a check's judgement or its listing mean nothing elsewhere: said, not ignored.
  const flag = (on: boolean) => (on ? true : undefined);
  onlyWith([[flag(args.strict), '--strict'], [flag(args.all), '--all'], [flag(args.verbose), '--verbose']], ['check']);
  onlyWith([[args.reviews, '--reviews']], ['check', 'review']);
  onlyWith([[args.config, '--config']], ['detect', 'check', 'review']);
  if (command === 'rules') {
    if (paths.length > 0) throw new UsageError(`rules 不接受文件 / rules takes no file: ${paths[0]}`);
    return { ...args, command, paths };
  }
  if (paths.length === 0) throw new UsageError(command === 'check' ? '缺少文件或文件夹 / missing FILE.xlsx or folder' : '缺少文件 / missing FILE.xlsx');
  if (command === 'detect' || command === 'review') {
    if (paths.length > 1) throw new UsageError(`${command} 只接受一个文件 / ${command} takes one file; unexpected argument: ${paths[1]}`);
  }
  if (command === 'review') {
    if (!args.cell) throw new UsageError('review 需要 --cell SHEET!A1 / review needs --cell SHEET!A1');
    if (!args.by) throw new UsageError('review 需要 --by 复核人姓名 / review needs --by with the reviewer\'s name');
    if (!args.reason) throw new UsageError('review 需要 --reason 核实的理由 / review needs --reason');
  }
  if (args.out && args.outDir) throw new UsageError('--out 与 --out-dir 只能选一个 / use either --out or --out-dir');
  if (args.out && paths.length > 1) throw new UsageError('--out 只用于一个文件；多个文件请用 --out-dir / --out is for one file; use --out-dir for several');
  if (args.reviews && paths.length > 1) throw new UsageError('--reviews 只用于一个文件；多个文件时各读其 FILE.review.json / --reviews is for one file; several files each read their FILE.review.json');
  return { ...args, command, paths };
}
