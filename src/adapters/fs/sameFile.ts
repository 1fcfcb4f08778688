import { lstat, realpath, stat } from 'fs/promises';
import { basename, dirname, join, resolve } from 'path';

/**
 * Whether writing to `target` would write over `input`, however either is spelled: `./a.xlsx`,
 * `x/../a.xlsx`, a symbolic link, a hard link (a second name of the same file — comparing real
 * paths misses it), or on a case-insensitive file system `A.XLSX`. The file's identity is its
 * device and inode; the case-folded real path is a second test for file systems whose inode
 * numbers are not to be trusted (some network and FAT mounts report 0).
 */
export async function isSameFile(input: string, target: string): Promise<boolean> {
  const [a, b] = await Promise.all([statOrNull(input), statOrNull(target)]);
  if (!a || !b) return false;
  if (a.dev === b.dev && a.ino === b.ino && a.ino !== 0n) return true;
  const [ra, rb] = await Promise.all([realOrResolved(input), realOrResolved(target)]);
  if (ra === rb) return true;
  return (await isCaseInsensitive(ra)) && foldCase(ra) === foldCase(rb);
}

async function statOrNull(path: string) {
  try {
    return await stat(path, { bigint: true });
  } catch {
    return null;
  }
}

/** The real path, or for a file that does not exist yet its real folder and its name. */
async function realOrResolved(path: string): Promise<string> {
  try {
    return await realpath(path);
  } catch {
    try {
      return join(await realpath(dirname(resolve(path))), basename(path));
    } catch {
      return resolve(path);
    }
  }
}

/** Paths compared the way a case-insensitive file system compares names (also NFC vs NFD on macOS). */
export function foldCase(path: string): string {
  return path.normalize('NFC').toLowerCase();
}

/**
 * Whether the file system holding `path` (an existing file) ignores case: its name with the case
 * of its letters swapped names the same file. Asking the file system beats guessing from the
 * platform: macOS volumes can be either, and Linux can mount case-insensitive ones.
 */
export async function isCaseInsensitive(path: string): Promise<boolean> {
  const name = basename(path);
  const swapped = [...name].map((ch) => (ch === ch.toLowerCase() ? ch.toUpperCase() : ch.toLowerCase())).join('');
  if (swapped === name) return false;
  try {
    const [a, b] = await Promise.all([lstat(path, { bigint: true }), lstat(join(dirname(path), swapped), { bigint: true })]);
    return a.dev === b.dev && a.ino === b.ino;
  } catch {
    return false;
  }
}
