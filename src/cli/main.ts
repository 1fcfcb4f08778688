import { existsSync, realpathSync } from 'fs';
import { resolve } from 'path';
import { audit, detect } from '../core/engine';
import { tableRecord } from '../core/report';
import { readSnapshotFromFile, UnreadableWorkbookError } from '../adapters/xlsx/readSnapshot';
import { writeAnnotatedCopy } from '../adapters/xlsx/annotate';
import { parseArgs, UsageError, USAGE } from './args';
import { formatCheck, formatTableList } from './humanReport';
import { findingRecord } from './findingRecord';

/** `budget-audit detect|check FILE.xlsx …`; resolves to the exit status (DESIGN.md §3). */
export async function main(argv: string[]): Promise<number> {
  let args;
  try {
    args = parseArgs(argv);
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`budget-audit: ${e.message}\n${USAGE}\n`);
      return 2;
    }
    throw e;
  }
  if (args.command === 'help' || !args.file) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  let snapshot;
  try {
    snapshot = await readSnapshotFromFile(args.file);
  } catch (e) {
    if (e instanceof UnreadableWorkbookError) {
      process.stderr.write(`budget-audit: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
  if (args.command === 'detect') {
    const tables = detect(snapshot);
    write(args.json ? JSON.stringify({ tables: tables.map(tableRecord) }, null, 2) : formatTableList(tables, args.lang));
    return 0;
  }
  const result = audit(snapshot, { strict: args.strict });
  if (args.out) {
    if (existsSync(args.out) && realpathSync(args.out) === realpathSync(resolve(args.file))) {
      process.stderr.write('budget-audit: --out 不能是原文件（原文件从不改写）/ --out must not be the source file (it is never written)\n');
      return 2;
    }
    await writeAnnotatedCopy(args.file, args.out, result, args.lang, { includeInfo: args.all });
  }
  if (args.json) {
    write(
      JSON.stringify(
        { tables: result.tables.map(tableRecord), findings: result.findings.map(findingRecord), summary: result.summary },
        null,
        2,
      ),
    );
  } else {
    write(formatCheck(result, args.lang, { all: args.all, verbose: args.verbose }));
    if (args.out) write(args.lang === 'zh-CN' ? `\n已写出标注副本：${args.out}` : `\nAnnotated copy written: ${args.out}`);
  }
  return result.summary.errors > 0 ? 1 : 0;
}

function write(s: string): void {
  process.stdout.write(`${s}\n`);
}
