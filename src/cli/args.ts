/** Command-line arguments of `budget-audit`, parsed without a dependency. */
export interface CliArgs {
  command: 'detect' | 'check' | 'help';
  file?: string;
  json: boolean;
  strict: boolean;
  /** Human output: also list rounding tails (info). */
  all: boolean;
  /** Human output: the checks under each finding, with figures and bands. */
  verbose: boolean;
  out?: string;
  lang: 'zh-CN' | 'en';
}

export class UsageError extends Error {}

export const USAGE = `用法 / usage:
  budget-audit detect FILE.xlsx [--json]
  budget-audit check FILE.xlsx [--json] [--strict] [--all] [--verbose] [--out ANNOTATED.xlsx] [--lang en]

  detect   列出工作簿中识别到的表格 / list the tables found
  check    校验表内、表间合计与科目层级 / check totals, code hierarchy, cross-table figures
  --json   机器可读输出 / machine-readable output
  --strict 零容差（不认可尾数误差）/ zero tolerance for rounding tails
  --all    同时列出尾数误差提示 / also list rounding tails (info)
  --verbose 列出每条发现所涉及的核对及数字 / the checks behind each finding, with figures
  --out    写出标注副本（原文件不改动）/ write an annotated copy (the source is never written)
退出码 / exit: 0 无错误 no error, 1 有错误 errors found, 2 无法读取 unreadable input`;

export function parseArgs(argv: string[]): CliArgs {
  const args: CliArgs = { command: 'help', json: false, strict: false, all: false, verbose: false, lang: 'zh-CN' };
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--json') args.json = true;
    else if (a === '--strict') args.strict = true;
    else if (a === '--all') args.all = true;
    else if (a === '--verbose' || a === '-v') args.verbose = true;
    else if (a === '--out' || a === '-o') {
      const v = argv[++i];
      if (!v) throw new UsageError('--out 需要一个文件名 / --out needs a file name');
      args.out = v;
    } else if (a === '--lang') {
      const v = argv[++i];
      if (v !== 'en' && v !== 'zh-CN') throw new UsageError('--lang 取 zh-CN 或 en / --lang takes zh-CN or en');
      args.lang = v;
    } else if (a === '-h' || a === '--help') args.command = 'help';
    else if (a.startsWith('-')) throw new UsageError(`未知选项 / unknown option: ${a}`);
    else rest.push(a);
  }
  if (argv.includes('-h') || argv.includes('--help') || rest.length === 0) return { ...args, command: 'help' };
  const [command, file, ...extra] = rest;
  if (command !== 'detect' && command !== 'check') throw new UsageError(`未知命令 / unknown command: ${command}`);
  if (!file) throw new UsageError('缺少文件 / missing FILE.xlsx');
  if (extra.length) throw new UsageError(`多余的参数 / unexpected argument: ${extra[0]}`);
  if (args.out && command !== 'check') throw new UsageError('--out 只用于 check / --out goes with check');
  return { ...args, command, file };
}
