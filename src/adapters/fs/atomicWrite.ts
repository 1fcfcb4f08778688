import { chmod, mkdtemp, open, rename, rm, stat } from 'fs/promises';
import { basename, dirname, join } from 'path';
import { isSameFile } from './sameFile';
import { describeWriteFailure, errnoCode, OutputNotWrittenError } from './writeError';

/**
 * Writes an output file all at once or not at all: the content goes to a temporary file in a
 * private folder inside the target's own folder (so the final rename never crosses devices),
 * renamed into place when complete. A failed or interrupted run never leaves half a workbook under the target's name,
 * and an existing target is replaced by a new file rather than written through — so even a second
 * name of the input (a hard link) could not have its content changed. Still, a target that is the
 * input in any spelling is refused first: replacing the input's name with a copy is losing it too.
 */
export interface AtomicWriteOptions {
  /** The file the output is made from; never written over. */
  input?: string;
}

/** `produce` writes the complete content to the temporary path it is given (a new file). */
export async function writeAtomically(target: string, produce: (tempPath: string) => Promise<void>, options: AtomicWriteOptions = {}): Promise<void> {
  if (options.input && (await isSameFile(options.input, target))) {
    throw new OutputNotWrittenError(
      'same-as-input',
      `无法写入 ${target}：这就是输入文件（原文件从不改写）/ cannot write ${target}: it is the input file (the source is never written)`,
    );
  }
  const existing = await existingFile(target);
  if (existing?.isDirectory()) throw describeWriteFailure(target, Object.assign(new Error('EISDIR'), { code: 'EISDIR' }));
  // A device, pipe or socket under that name is not a file to replace (--out /dev/null would
  // replace the machine's /dev/null with a workbook when run with the rights to).
  if (existing && !existing.isFile()) {
    throw new OutputNotWrittenError(
      'not-a-file',
      `无法写入 ${target}：这不是普通文件（设备、管道或套接字），未替换 / cannot write ${target}: it is not a regular file (a device, pipe or socket); it was not replaced`,
    );
  }
  // A private folder beside the target, not just a temporary name: a writer that fails can leave a
  // stream that opens its file later (ExcelJS does); removing the folder leaves it nowhere to appear.
  const folder = await mkdtemp(join(dirname(target), `.${basename(target)}.budget-audit-`)).catch((e: unknown) => {
    throw describeWriteFailure(target, e) ?? e;
  });
  const temp = join(folder, basename(target));
  try {
    await produce(temp);
    await flushToDisk(temp);
    if (existing) await chmod(temp, existing.mode & 0o7777);
    await rename(temp, target);
  } catch (e) {
    throw describeWriteFailure(target, e) ?? e;
  } finally {
    // Retries cover a late file appearing while the folder is being removed (ENOTEMPTY).
    await rm(folder, { recursive: true, force: true, maxRetries: 3 }).catch(() => undefined);
  }
}

export async function writeBytesAtomically(target: string, bytes: Uint8Array, options: AtomicWriteOptions = {}): Promise<void> {
  await writeAtomically(
    target,
    async (temp) => {
      const fh = await open(temp, 'w');
      try {
        await fh.writeFile(bytes);
      } finally {
        await fh.close();
      }
    },
    options,
  );
}

/** A rename is only atomic across a crash when the data it names reached the disk first. */
async function flushToDisk(path: string): Promise<void> {
  const fh = await open(path, 'r+');
  try {
    await fh.sync();
  } finally {
    await fh.close();
  }
}

async function existingFile(target: string) {
  try {
    return await stat(target);
  } catch (e) {
    if (errnoCode(e) === 'ENOENT') return null;
    throw describeWriteFailure(target, e) ?? e;
  }
}
