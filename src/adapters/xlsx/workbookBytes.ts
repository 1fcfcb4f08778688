import { constants } from 'fs';
import { open, type FileHandle } from 'fs/promises';
import { unreadable, UnreadableWorkbookError } from './unreadableWorkbook';

/**
 * The size bound of a workbook file. Real disclosures are well under 1 MB; a 1,000,000-cell
 * budget sheet is 9 MB as .xlsx and about 0.4 GB in memory once read, so 100 MB of file (and
 * MAX_UNZIPPED_BYTES of unpacked parts, see workbookContainer.ts) keeps a read inside the heap
 * instead of ending the process with an out-of-memory crash.
 */
export const MAX_WORKBOOK_BYTES = 100 * 2 ** 20;

/**
 * Reads a workbook file's bytes, refusing what is not a readable regular file with its reason.
 * The file is opened non-blocking and checked through its own handle: a FIFO named x.xlsx is
 * refused at once instead of waiting forever for a writer, and nothing can swap the file
 * between the check and the read.
 */
export async function readWorkbookBytes(path: string, limit = MAX_WORKBOOK_BYTES): Promise<Buffer> {
  let handle: FileHandle;
  try {
    handle = await open(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (e) {
    throw fileSystemError(path, e);
  }
  try {
    const st = await handle.stat();
    if (st.isDirectory()) throw unreadable('directory', path);
    if (!st.isFile()) throw unreadable('not-a-file', path);
    checkSize(st.size, path, limit);
    const bytes = Buffer.alloc(st.size);
    let at = 0;
    while (at < bytes.length) {
      const { bytesRead } = await handle.read(bytes, at, bytes.length - at, at);
      if (bytesRead === 0) break;
      at += bytesRead;
    }
    // A file cut short while being read (still being copied in) is not the workbook it claims.
    if (at < bytes.length) throw unreadable('damaged', path, { zh: `只读到 ${at} 字节，共 ${bytes.length} 字节`, en: `${at} of ${bytes.length} bytes` });
    return bytes;
  } catch (e) {
    throw e instanceof UnreadableWorkbookError ? e : fileSystemError(path, e);
  } finally {
    await handle.close();
  }
}

export function checkSize(size: number, file: string, limit = MAX_WORKBOOK_BYTES): void {
  if (size === 0) throw unreadable('empty', file);
  if (size > limit) throw unreadable('too-big', file, `${megabytes(size)} > ${megabytes(limit)}`);
}

export function megabytes(n: number): string {
  return `${(n / 2 ** 20).toFixed(n < 10 * 2 ** 20 ? 1 : 0)} MB`;
}

function fileSystemError(path: string, e: unknown): UnreadableWorkbookError {
  const code = (e as { code?: string }).code;
  switch (code) {
    case 'ENOENT':
    case 'ENOTDIR':
      return unreadable('not-found', path, '', e);
    case 'EISDIR':
      return unreadable('directory', path, '', e);
    case 'EACCES':
    case 'EPERM':
      return unreadable('permission-denied', path, '', e);
    default:
      return unreadable('read-failed', path, code ?? String((e as Error).message ?? e), e);
  }
}
