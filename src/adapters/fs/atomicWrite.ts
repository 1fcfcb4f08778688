import { randomBytes } from 'crypto';
import { chmod, open, rename, stat, unlink } from 'fs/promises';
import { basename, dirname, join } from 'path';
import { isSameFile } from './sameFile';
import { describeWriteFailure, errnoCode, OutputNotWrittenError } from './writeError';

/**
 * Writes an output file all at once or not at all: the content goes to a temporary file in the
 * target's own folder (so the final rename never crosses devices), which is renamed into place
 * when complete. A failed or interrupted run never leaves half a workbook under the target's name,
 * and an existing target is replaced by a new file rather than written through — so even a second
 * name of the input (a hard link) could not have its content changed. Still, a target that is the
 * input in any spelling is refused first: replacing the input's name with a copy is losing it too.
 */
export interface AtomicWriteOptions {
  /** The file the output is made from; never written over. */
  input?: string;
}

/** `produce` writes the complete content to the temporary path it is given (it may replace the file there). */
export async function writeAtomically(target: string, produce: (tempPath: string) => Promise<void>, options: AtomicWriteOptions = {}): Promise<void> {
  if (options.input && (await isSameFile(options.input, target))) {
    throw new OutputNotWrittenError(
      'same-as-input',
      `无法写入 ${target}：这就是输入文件（原文件从不改写）/ cannot write ${target}: it is the input file (the source is never written)`,
    );
  }
  const existing = await existingFile(target);
  if (existing?.isDirectory()) throw describeWriteFailure(target, Object.assign(new Error('EISDIR'), { code: 'EISDIR' }));
  const temp = join(dirname(target), `.${basename(target)}.${process.pid}-${randomBytes(4).toString('hex')}.budget-audit.tmp`);
  let created = false;
  try {
    // Reserve the name (O_EXCL): never clobber someone else's file that happens to have it.
    await (await open(temp, 'wx')).close();
    created = true;
    await produce(temp);
    await flushToDisk(temp);
    if (existing) await chmod(temp, existing.mode & 0o7777);
    await rename(temp, target);
    created = false;
  } catch (e) {
    throw describeWriteFailure(target, e) ?? e;
  } finally {
    if (created) await unlink(temp).catch(() => undefined);
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
