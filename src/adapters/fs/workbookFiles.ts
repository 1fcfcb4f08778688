import type { Dirent } from 'fs';
import { readdir, realpath, stat } from 'fs/promises';
import { basename, extname, join, relative } from 'path';

/**
 * What reviewers receive: Excel, macro-enabled and binary Excel, Excel 97–2003, OpenDocument, WPS —
 * and CSV, listed so that it gets its row saying to save it as .xlsx (it has no captions' layout
 * to read), instead of being passed over in silence.
 */
export const WORKBOOK_EXTENSIONS = ['.xlsx', '.xlsm', '.xlsb', '.xls', '.ods', '.et'];

/** One workbook to check, and where its annotated copy goes under an output folder. */
export interface WorkbookInput {
  path: string;
  /** Its path below the folder named on the command line; its own name when it was named itself. */
  relative: string;
  /** The folder named on the command line it was found in (settings are looked for up to it). */
  root?: string;
  /** A folder that could not be listed: reported like a workbook that could not be read. */
  unreadable?: { reason: string; message: string };
}

export function isWorkbookName(name: string): boolean {
  return WORKBOOK_EXTENSIONS.includes(extname(name).toLowerCase());
}

/**
 * Office's owner files (`~$预算.xlsx`, left while a workbook is open) and dot files (macOS's
 * `._预算.xlsx`, our own temporaries) carry a workbook's extension without being workbooks.
 */
function isLookalike(name: string): boolean {
  return name.startsWith('~$') || name.startsWith('.');
}

/**
 * The workbooks named by command-line paths: a file is always tried (whatever its name, and even
 * when it does not exist — it then becomes a row saying so); a folder is walked recursively for
 * files with a workbook extension. Symbolic links to folders are not followed (a link back up the
 * tree would never end); `skip` names folders never entered below a folder named (the output folder,
 * when it lies inside an input folder, holds copies, not inputs). The same file reached twice is checked once.
 */
export async function collectWorkbooks(paths: string[], skip: string[] = []): Promise<WorkbookInput[]> {
  const skipReal = new Set(await Promise.all(skip.map((p) => realpath(p).catch(() => p))));
  const seen = new Set<string>();
  const found: WorkbookInput[] = [];
  const add = async (input: WorkbookInput) => {
    const key = await realpath(input.path).catch(() => input.path);
    if (seen.has(key)) return;
    seen.add(key);
    found.push(input);
  };
  for (const path of paths) {
    const st = await stat(path).catch(() => null);
    if (!st?.isDirectory()) {
      await add({ path, relative: basename(path) });
      continue;
    }
    const inFolder: WorkbookInput[] = [];
    await walk(path, path, skipReal, inFolder);
    inFolder.sort((a, b) => compareNames(a.relative, b.relative));
    for (const input of inFolder) await add(input);
  }
  return found;
}

async function walk(root: string, folder: string, skip: Set<string>, out: WorkbookInput[]): Promise<void> {
  if (folder !== root && skip.has(await realpath(folder).catch(() => folder))) return;
  let entries: Dirent[];
  try {
    entries = await readdir(folder, { withFileTypes: true });
  } catch (e) {
    const code = (e as { code?: string }).code ?? 'error';
    out.push({
      path: folder,
      relative: relative(root, folder),
      unreadable: { reason: 'folder-unreadable', message: `无法列出文件夹内容 / cannot list the folder (${code}): ${folder}` },
    });
    return;
  }
  for (const entry of entries) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) await walk(root, path, skip, out);
    else if (isWorkbookName(entry.name) && !isLookalike(entry.name) && (entry.isFile() || (entry.isSymbolicLink() && (await stat(path).catch(() => null))?.isFile()))) {
      out.push({ path, relative: relative(root, path), root });
    }
  }
}

/** Code-point order: the same on every machine and locale, so outputs compare across runs. */
function compareNames(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
