/**
 * The batch's progress on stderr, redrawn in place: files done / total, the file being read,
 * the time spent. Only for a terminal: a log file or a pipe gets no progress, only real errors.
 */
export interface ProgressStream {
  write(s: string): boolean;
  isTTY?: boolean;
  columns?: number;
}

export class ProgressBar {
  private done = 0;
  private current = '';
  private shown = false;
  private readonly started = Date.now();
  private timer?: ReturnType<typeof setInterval>;

  constructor(
    private readonly total: number,
    private readonly stream: ProgressStream,
  ) {
    // Elapsed time keeps moving while one big workbook is being read.
    this.timer = setInterval(() => this.draw(), 1000);
    this.timer.unref();
  }

  start(file: string): void {
    this.current = file;
    this.draw();
  }

  finish(): void {
    this.done++;
    this.draw();
  }

  /** Take the bar off the screen before other output, so the two never mix on one line. */
  clear(): void {
    if (this.shown) this.stream.write('\r\x1b[2K');
    this.shown = false;
  }

  close(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    this.clear();
  }

  draw(): void {
    if (!this.timer) return;
    this.stream.write(`\r\x1b[2K${progressLine(this.done, this.total, this.current, Date.now() - this.started, this.stream.columns || 80)}`);
    this.shown = true;
  }
}

/** `[██████░░░░░░] 12/50  00:07  sub/预算.xlsx`, cut to the terminal's width. */
export function progressLine(done: number, total: number, current: string, elapsedMs: number, columns: number): string {
  const width = 20;
  const filled = total === 0 ? width : Math.round((done / total) * width);
  const seconds = Math.floor(elapsedMs / 1000);
  const clock = `${String(Math.floor(seconds / 60)).padStart(2, '0')}:${String(seconds % 60).padStart(2, '0')}`;
  const head = `[${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${done}/${total}  ${clock}  `;
  // Wide (CJK) characters take two columns; keep the line short of the edge so it never wraps.
  const room = columns - displayWidth(head) - 1;
  return head + fitEnd(current, room);
}

function charWidth(ch: string): number {
  return /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
}

function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += charWidth(ch);
  return w;
}

/** The end of a path is what tells files apart: keep it, cut the start. */
function fitEnd(s: string, room: number): string {
  if (room <= 1) return '';
  if (displayWidth(s) <= room) return s;
  const chars = [...s];
  let w = 1;
  let i = chars.length;
  while (i > 0 && w + charWidth(chars[i - 1]) <= room) w += charWidth(chars[--i]);
  return `…${chars.slice(i).join('')}`;
}
