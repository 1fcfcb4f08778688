import { readFile, stat } from 'fs/promises';
import { dirname, isAbsolute, join, relative, resolve } from 'path';
import { writeBytesAtomically } from './atomicWrite';
import { errnoCode } from './writeError';

/**
 * The reviewer's files beside the workbooks: `budget-audit.json` (settings, found in a workbook's
 * folder or a parent up to the folder named on the command line) and `<workbook>.review.json`
 * (what was marked 已核实). Read as people write them: UTF-8, a byte-order mark tolerated, and
 * every failure a sentence naming the file — a line and column for a JSON typo, a hint for a file
 * saved in GBK — never a silent default.
 */
export const SETTINGS_FILE_NAME = 'budget-audit.json';
export const REVIEW_FILE_SUFFIX = '.review.json';

/** What kind of file, in both languages, for the sentences. */
export interface FileKind {
  zh: string;
  en: string;
}
export const SETTINGS_FILE: FileKind = { zh: '设置文件', en: 'settings file' };
export const REVIEW_FILE: FileKind = { zh: '复核记录文件', en: 'review file' };

/** A settings or review file that cannot be used; the message is one bilingual line naming it. */
export class ReviewerFileError extends Error {
  constructor(
    readonly reason: 'bad-settings' | 'bad-reviews',
    message: string,
  ) {
    super(message.replace(/[\r\n]+/g, ' '));
    this.name = 'ReviewerFileError';
  }
}

export function reasonFor(kind: FileKind): ReviewerFileError['reason'] {
  return kind === REVIEW_FILE ? 'bad-reviews' : 'bad-settings';
}

/** The review file kept beside a workbook: 预算.xlsx → 预算.xlsx.review.json. */
export function reviewFileFor(workbook: string): string {
  return `${workbook}${REVIEW_FILE_SUFFIX}`;
}

/**
 * The JSON value of a file, or undefined when it does not exist and `optional` (a review file not
 * yet written). Anything else that keeps it from being read is a ReviewerFileError.
 */
export async function readJsonFile(path: string, kind: FileKind, optional = false): Promise<unknown> {
  const fail = (zh: string, en: string) => new ReviewerFileError(reasonFor(kind), `${kind.zh} ${path} ${zh} / ${kind.en} ${path}: ${en}`);
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (e) {
    const code = errnoCode(e);
    if (code === 'ENOENT' && optional) return undefined;
    if (code === 'ENOENT') throw fail('不存在', 'not found');
    if (code === 'EACCES' || code === 'EPERM') throw fail('没有读取权限', 'permission denied');
    if (code === 'EISDIR') throw fail('是一个文件夹', 'a folder, not a file');
    throw fail(`无法读取（${code ?? 'error'}）`, `cannot be read (${code ?? 'error'})`);
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw fail('不是 UTF-8 编码（请用记事本等另存为 UTF-8）', 'not UTF-8 text (save it as UTF-8)');
  }
  text = text.replace(/^\uFEFF/, '');
  if (text.trim() === '') throw fail('是空的', 'empty');
  try {
    return JSON.parse(text);
  } catch (e) {
    const at = jsonErrorPlace(text, e);
    throw fail(`不是有效的 JSON${at ? `（第 ${at.line} 行第 ${at.column} 列）` : ''}`, `not valid JSON${at ? ` (line ${at.line}, column ${at.column})` : ''}`);
  }
}

/** Where JSON.parse stopped, from the offset its message gives ("… at position 42"), as a line and column. */
function jsonErrorPlace(text: string, e: unknown): { line: number; column: number } | undefined {
  const message = e instanceof Error ? e.message : '';
  const m = /position (\d+)/.exec(message);
  const offset = m ? Number(m[1]) : /end of JSON input/i.test(message) ? text.length : undefined;
  if (offset === undefined) return undefined;
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: before[before.length - 1].length + 1 };
}

/**
 * Finds the settings file that applies to a workbook: `budget-audit.json` in its folder, else in
 * each parent up to `boundary` (the folder named on the command line); the workbook's own folder
 * only when the boundary is not above it. Folders are looked at once per run, however many
 * workbooks they hold.
 */
export class SettingsFileFinder {
  private readonly cache = new Map<string, Promise<string | undefined>>();

  async find(workbook: string, boundary?: string): Promise<string | undefined> {
    const start = resolve(dirname(workbook));
    const stop = boundary ? resolve(boundary) : start;
    const below = relative(stop, start);
    const within = below === '' || (!below.startsWith('..') && !isAbsolute(below));
    return this.search(start, within ? stop : start);
  }

  private search(folder: string, stop: string): Promise<string | undefined> {
    const key = `${folder}\0${stop}`;
    let found = this.cache.get(key);
    if (!found) {
      found = (async () => {
        const candidate = join(folder, SETTINGS_FILE_NAME);
        if ((await stat(candidate).catch(() => null))?.isFile()) return candidate;
        const parent = dirname(folder);
        return folder === stop || parent === folder ? undefined : this.search(parent, stop);
      })();
      this.cache.set(key, found);
    }
    return found;
  }
}

/** Writes a review file whole or not at all (the previous list survives a failed write); never over the workbook. */
export async function writeReviewFile(path: string, entries: unknown[], workbook: string): Promise<void> {
  await writeBytesAtomically(path, new TextEncoder().encode(`${JSON.stringify(entries, null, 2)}\n`), { input: workbook });
}
