/**
 * Why a file could not be read as a workbook. The CLI exits 2 with the message (one line,
 * Chinese first); `reason` is for code and tests, `cause` keeps the underlying error.
 */
export type UnreadableReason =
  | 'not-found'
  | 'directory'
  | 'not-a-file'
  | 'permission-denied'
  | 'empty'
  | 'too-big'
  | 'encrypted'
  | 'not-a-workbook'
  | 'missing-sheets'
  | 'missing-shared-strings'
  | 'unsupported-format'
  | 'damaged'
  | 'read-failed';

export class UnreadableWorkbookError extends Error {
  readonly reason: UnreadableReason;
  /** The error underneath (a file system or parser error), for logs; never shown to the user. */
  readonly cause?: unknown;

  constructor(reason: UnreadableReason, message: string, cause?: unknown) {
    super(oneLine(message));
    this.name = 'UnreadableWorkbookError';
    this.reason = reason;
    if (cause !== undefined) this.cause = cause;
  }
}

/** A file name may hold a line break; the message stays one line on stderr. */
function oneLine(s: string): string {
  return s.replace(/[\r\n]+/g, ' ');
}

const SAVE_AS = '请在 Excel/WPS 中打开并另存为 .xlsx';
const SAVE_AS_EN = 'open it in Excel or WPS and save it as .xlsx';

/** What was found, in both languages, or in none (a size, a part name, a sheet name). */
export type Detail = string | { zh: string; en: string };

/** The one sentence each reason gets; `file` names the file, `detail` adds what was found. */
export function unreadable(reason: UnreadableReason, file: string, detail: Detail = '', cause?: unknown): UnreadableWorkbookError {
  const zh = typeof detail === 'string' ? detail : detail.zh;
  const en = typeof detail === 'string' ? detail : detail.en;
  const dz = zh ? `（${zh}）` : '';
  const d = en ? ` (${en})` : '';
  const messages: Record<UnreadableReason, string> = {
    'not-found': `文件不存在 / file not found: ${file}`,
    directory: `这是一个文件夹，不是工作簿 / this is a directory, not a workbook: ${file}`,
    'not-a-file': `不是普通文件（管道、设备或套接字），未读取 / not a regular file (a pipe, device or socket), not read: ${file}`,
    'permission-denied': `没有读取权限 / permission denied: ${file}`,
    empty: `文件是空的（0 字节） / the file is empty (0 bytes): ${file}`,
    'too-big': `文件过大${dz}，请删去无关的工作表或拆分工作簿后再检查 / the file is too big${d}: remove unrelated sheets or split the workbook: ${file}`,
    encrypted: `工作簿已加密，请先取消密码保护后另存 / the workbook is encrypted: remove its password and save it again: ${file}`,
    'not-a-workbook': `这是一个压缩包，但不是工作簿${dz} / a zip archive, but not a workbook${d}: ${file}`,
    'missing-sheets': `工作簿缺少工作表内容${dz}，文件已损坏，${SAVE_AS} / the workbook's sheet parts are missing${d}: the file is damaged, ${SAVE_AS_EN}: ${file}`,
    'missing-shared-strings': `工作簿缺少共享字符串部分（xl/sharedStrings.xml），单元格文字无法读取，文件已损坏，${SAVE_AS} / the shared strings part is missing, so the cells' text cannot be read: the file is damaged, ${SAVE_AS_EN}: ${file}`,
    'unsupported-format': `无法识别的文件格式${dz}，${SAVE_AS} / not a workbook format this tool reads${d}: ${SAVE_AS_EN}: ${file}`,
    damaged: `文件已损坏，无法读取${dz}，${SAVE_AS} / the file is damaged and cannot be read${d}: ${SAVE_AS_EN}: ${file}`,
    'read-failed': `读取文件失败${dz} / the file could not be read${d}: ${file}`,
  };
  return new UnreadableWorkbookError(reason, messages[reason], cause);
}
