/**
 * Why an output (an annotated copy, a summary workbook, standard output) could not be written,
 * as one bilingual sentence. Raw `EACCES: permission denied, open '…'` is Node's wording for
 * developers; a reviewer needs to know what to change (the folder, the disk, the name).
 */
export type WriteFailure =
  | 'permission-denied'
  | 'folder-missing'
  | 'not-a-folder'
  | 'is-a-directory'
  | 'disk-full'
  | 'quota-exceeded'
  | 'read-only'
  | 'exists'
  | 'name-too-long'
  | 'busy'
  | 'too-many-open-files'
  | 'io-error'
  | 'same-as-input'
  | 'not-a-file'
  | 'not-annotatable'
  | 'other';

const REASONS: Record<string, { reason: WriteFailure; zh: string; en: string }> = {
  EACCES: { reason: 'permission-denied', zh: '权限不足', en: 'permission denied' },
  EPERM: { reason: 'permission-denied', zh: '权限不足', en: 'permission denied' },
  ENOENT: { reason: 'folder-missing', zh: '所在文件夹不存在', en: 'the folder does not exist' },
  ENOTDIR: { reason: 'not-a-folder', zh: '路径中有一段不是文件夹', en: 'a part of the path is not a folder' },
  EISDIR: { reason: 'is-a-directory', zh: '这是一个文件夹', en: 'it is a directory' },
  ENOSPC: { reason: 'disk-full', zh: '磁盘已满', en: 'no space left on the disk' },
  EDQUOT: { reason: 'quota-exceeded', zh: '超出磁盘配额', en: 'disk quota exceeded' },
  EROFS: { reason: 'read-only', zh: '文件系统只读', en: 'the file system is read-only' },
  EEXIST: { reason: 'exists', zh: '同名文件已存在', en: 'a file of that name already exists' },
  ENAMETOOLONG: { reason: 'name-too-long', zh: '文件名过长', en: 'the file name is too long' },
  EBUSY: { reason: 'busy', zh: '文件正被占用', en: 'the file is in use' },
  ETXTBSY: { reason: 'busy', zh: '文件正被占用', en: 'the file is in use' },
  EMFILE: { reason: 'too-many-open-files', zh: '打开的文件过多', en: 'too many open files' },
  ENFILE: { reason: 'too-many-open-files', zh: '打开的文件过多', en: 'too many open files' },
  EIO: { reason: 'io-error', zh: '磁盘读写错误', en: 'input/output error' },
  EFBIG: { reason: 'disk-full', zh: '文件超过文件系统允许的大小', en: 'the file is too large for the file system' },
};

/** An output that was not written; the message is complete, ready for one line of stderr. */
export class OutputNotWrittenError extends Error {
  constructor(
    readonly reason: WriteFailure,
    message: string,
    /** The underlying fs error, for --debug. */
    readonly original?: unknown,
  ) {
    super(message);
    this.name = 'OutputNotWrittenError';
  }
}

/** The Node errno code of an fs failure, if it is one. */
export function errnoCode(e: unknown): string | undefined {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^E[A-Z0-9]+$/.test(code) ? code : undefined;
}

/**
 * 「无法写入 PATH：权限不足 / cannot write PATH: permission denied」 for an fs error; undefined for
 * anything else. `what` is a path, or a name in each language (标准输出 / standard output).
 */
export function describeWriteFailure(what: string | { zh: string; en: string }, e: unknown): OutputNotWrittenError | undefined {
  if (e instanceof OutputNotWrittenError) return e;
  const code = errnoCode(e);
  if (!code) return undefined;
  const known = REASONS[code];
  const zh = known?.zh ?? `系统错误 ${code}`;
  const en = known?.en ?? `system error ${code}`;
  const name = typeof what === 'string' ? { zh: what, en: what } : what;
  return new OutputNotWrittenError(known?.reason ?? 'other', `无法写入 ${name.zh}：${zh} / cannot write ${name.en}: ${en}`, e);
}
