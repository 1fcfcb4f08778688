import { describeWriteFailure, errnoCode } from '../adapters/fs/writeError';

/**
 * Standard output that never loses a report and never crashes on its reader. Node writes to a
 * pipe asynchronously: the process must end by itself (process.exitCode, never process.exit)
 * once everything written has drained. When the reader goes away (`budget-audit … | head`),
 * the next write fails with EPIPE: that is no error of ours — stop quietly. Any other failure
 * (a full disk under `> report.json`) is an output that cannot be written: exit 2, one line.
 */
export class StandardOutput {
  /** The reader of a pipe went away: nothing more is worth computing for it. */
  closed = false;
  /** An output failure other than a vanished reader, as one bilingual line. */
  failure?: string;
  private readonly listeners: (() => void)[] = [];

  constructor(private readonly stream: NodeJS.WriteStream = process.stdout) {
    stream.on('error', (e) => this.fail(e));
  }

  write(text: string): void {
    if (this.closed) return;
    try {
      this.stream.write(`${text}\n`);
    } catch (e) {
      // A synchronous stream (a file) can throw instead of emitting 'error'.
      this.fail(e);
    }
  }

  /**
   * Resolves once everything written so far has been handed to the system (or failed): a full
   * disk is reported after the last write, so the exit status can still say so.
   */
  flushed(): Promise<void> {
    if (this.closed) return Promise.resolve();
    return new Promise((resolve) => {
      try {
        this.stream.write('', (e) => {
          if (e) this.fail(e);
          resolve();
        });
      } catch (e) {
        this.fail(e);
        resolve();
      }
    });
  }

  /** Called once when the output goes away or fails (to stop a batch). */
  onClose(listener: () => void): void {
    this.listeners.push(listener);
  }

  private fail(e: unknown): void {
    if (this.closed) return;
    this.closed = true;
    if (errnoCode(e) !== 'EPIPE') {
      const described = describeWriteFailure({ zh: '标准输出', en: 'standard output' }, e);
      this.failure = described?.message ?? `无法写入标准输出 / cannot write standard output: ${String(e)}`;
    }
    for (const listener of this.listeners) listener();
  }
}
