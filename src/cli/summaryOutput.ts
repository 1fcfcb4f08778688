import { Stats } from 'fs';
import { stat } from 'fs/promises';
import { dirname, resolve } from 'path';
import { writeBytesAtomically } from '../adapters/fs/atomicWrite';
import { isSameFile } from '../adapters/fs/sameFile';
import { describeWriteFailure } from '../adapters/fs/writeError';
import type { Language } from '../core/report';
import { EXIT, type ExitStatus } from './exitStatus';
import type { FileOutcome } from './fileOutcome';
import { errorStack, internalErrorLine } from './internalError';

/**
 * Before any work: a summary that would replace one of the inputs, or whose folder does not exist,
 * is refused (an hour's batch should not end in that). Resolves to false after saying so.
 */
export async function refuseSummaryTarget(summary: string, inputs: { file: string }[], stderr: (line: string) => void): Promise<boolean> {
  const folder = await stat(dirname(resolve(summary))).catch((e: unknown) => e);
  if (!(folder instanceof Stats) || !folder.isDirectory()) {
    const e = folder instanceof Stats ? Object.assign(new Error('ENOTDIR'), { code: 'ENOTDIR' }) : folder;
    stderr(describeWriteFailure(summary, e)?.message ?? internalErrorLine(e));
    return false;
  }
  for (const { file } of inputs) {
    if (await isSameFile(file, summary)) {
      stderr(`无法写入 ${summary}：这是输入文件之一（原文件从不改写）/ cannot write ${summary}: it is one of the inputs (the source is never written)`);
      return false;
    }
  }
  return true;
}

/** Writes the summary workbook atomically; the status is 2 when it cannot be written, 3 on a bug. */
export async function writeSummary(summary: string, outcomes: FileOutcome[], lang: Language, stderr: (line: string) => void, debug = false): Promise<ExitStatus> {
  try {
    // SheetJS takes a third of a second to load: only for runs that write a summary.
    const { summaryWorkbook } = await import('./summaryWorkbook');
    await writeBytesAtomically(summary, summaryWorkbook(outcomes.map((o) => o.row), lang, summary));
    return EXIT.clean;
  } catch (e) {
    const failure = describeWriteFailure(summary, e);
    if (failure) {
      stderr(failure.message);
      return EXIT.unreadable;
    }
    stderr(internalErrorLine(e));
    if (debug && errorStack(e)) stderr(errorStack(e)!);
    return EXIT.internal;
  }
}
