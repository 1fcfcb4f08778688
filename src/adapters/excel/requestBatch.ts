import { PAYLOAD_LIMIT_BYTES, PAYLOAD_SAFETY, utf8Bytes } from './payloadBudget';

export { utf8Bytes };

/**
 * Excel on the web refuses a request over 5 MB (RequestPayloadSizeLimitExceeded) and then does
 * none of it: 30,000 marks with reviewer notes in one `context.sync()` wrote no mark at all. The
 * add-in therefore counts what it queues, in the bytes Excel counts — UTF-8, where a Chinese
 * character is 3 bytes, not the 1 UTF-16 unit `string.length` says — and sends the queue
 * whenever the next operation would not fit: one sync per ~4 MB, however many findings.
 */

/** 5 MB, Excel on the web's limit, with a margin: the per-action cost is an estimate. */
export const REQUEST_BUDGET_BYTES = Math.floor(PAYLOAD_LIMIT_BYTES * PAYLOAD_SAFETY);

/** What office.js sends per queued action besides its strings (an object path and an action record), rounded up. */
export const ACTION_BYTES = 160;

/** A string as it travels: JSON-quoted and escaped (a line break is two bytes), in UTF-8. */
export function wireBytes(s: string): number {
  return utf8Bytes(JSON.stringify(s));
}

/** `actions` queued actions carrying `strings`. */
export function requestBytes(actions: number, ...strings: string[]): number {
  return actions * ACTION_BYTES + strings.reduce((n, s) => n + wireBytes(s), 0);
}

export class CancelledError extends Error {
  constructor() {
    super('cancelled');
    this.name = 'CancelledError';
  }
}

/**
 * A queue of operations on one request context, sent whenever the next one would pass the
 * budget. `reserve` before queueing an operation, `send` at the end of a phase.
 */
export class RequestBatch {
  private used = 0;
  /** Syncs this batch made. */
  syncs = 0;

  constructor(
    private readonly context: Excel.RequestContext,
    readonly budget = REQUEST_BUDGET_BYTES,
    private readonly signal?: AbortSignal,
  ) {}

  /** Makes room for an operation of `bytes`: sends what is queued first when it would not fit. */
  async reserve(bytes: number): Promise<void> {
    if (this.used > 0 && this.used + bytes > this.budget) await this.send();
    this.used += bytes;
  }

  /** Sends what is queued (one sync); a cancel asked for since stops here, before anything more is sent. */
  async send(): Promise<void> {
    if (this.signal?.aborted) throw new CancelledError();
    this.used = 0;
    this.syncs++;
    await this.context.sync();
  }
}
