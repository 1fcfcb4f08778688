import type { AuditConfig, ReviewEntry } from '../../core/config';
import { summarize, type Finding } from '../../core/finding';
import { reapplyReviews } from '../../core/reviewPolicy';
import type { Language } from '../../core/report';
import type { CellRange, WorkbookSnapshot } from '../../core/snapshot';
import { runInThread, type CheckResult, type EngineProgress, type RunEngine } from './checkResult';
import { clearMarks, markFindings, type MarkOutcome } from './highlights';
import { selectRange } from './navigate';
import { REQUIREMENTS, type HostInfo } from './officeHost';
import { readWorkbookSnapshot } from './readWorkbook';
import { exportReport } from './reportSheet';
import { CancelledError } from './requestBatch';

/**
 * What the task pane does with Excel, in the pane's words: check (read → engine → findings →
 * mark), clear, export, go to a cell. Each Excel step is one Excel.run; marking is one undo step
 * where Excel supports merged undo groups. The engine is handed in: the pane runs it in a Web
 * Worker so a 200,000-row sheet never freezes the pane; tests run it in their own thread.
 */
export type Progress = { stage: 'reading' } | EngineProgress | { stage: 'marking' };

export interface CheckOptions {
  /** Zero tolerance (also when the settings say so). */
  strict: boolean;
  /** The reviewer's settings and reviews kept in the workbook (workbookSettings.ts). */
  config?: Partial<AuditConfig>;
  reviewerNotes: boolean;
  lang: Language;
  onProgress?: (p: Progress) => void;
  /** The findings as soon as the engine has them, before the marks are written. */
  onResult?: (result: CheckResult, sheetNames: string[]) => void;
  /** Cancel: stops the engine at once, and the marks before their next request. */
  signal?: AbortSignal;
}

export interface CheckOutcome {
  result: CheckResult;
  sheetNames: string[];
  marks: MarkOutcome;
}

function stopIfCancelled(signal?: AbortSignal): void {
  if (signal?.aborted) throw new CancelledError();
}

export class WorkbookSession {
  private sheetNames: string[] | undefined;

  constructor(
    private readonly host: HostInfo,
    private readonly engine: RunEngine = runInThread,
  ) {}

  get notesSupported(): boolean {
    return this.host.supports('ExcelApi', REQUIREMENTS.notes);
  }

  /** The API the reader needs (merged areas: ExcelApi 1.13); the manifest asks for it too. */
  get readSupported(): boolean {
    return this.host.supports('ExcelApi', REQUIREMENTS.read);
  }

  /** The workbook's sheets in order, as last read. */
  get sheetOrder(): string[] {
    return this.sheetNames ?? [];
  }

  private get markRunOptions(): Excel.RunOptions | undefined {
    return this.host.supports('ExcelApi', REQUIREMENTS.undoGroup) ? { mergeUndoGroup: true } : undefined;
  }

  async read(): Promise<WorkbookSnapshot> {
    return this.host.run((context) => readWorkbookSnapshot(context));
  }

  async check(options: CheckOptions): Promise<CheckOutcome> {
    options.onProgress?.({ stage: 'reading' });
    const snapshot = await this.read();
    stopIfCancelled(options.signal);
    this.sheetNames = snapshot.sheets.map((s) => s.name);
    const config = { ...options.config, strict: options.strict || Boolean(options.config?.strict), includeInfo: true };
    const result = await this.engine(snapshot, config, { onProgress: options.onProgress, signal: options.signal });
    stopIfCancelled(options.signal);
    options.onResult?.(result, this.sheetNames);
    options.onProgress?.({ stage: 'marking' });
    const marks = await this.mark(result.findings, options);
    return { result, sheetNames: this.sheetNames, marks };
  }

  async mark(findings: Finding[], options: Pick<CheckOptions, 'reviewerNotes' | 'lang' | 'signal'>): Promise<MarkOutcome> {
    const sheetNames = this.sheetNames ?? [...new Set(findings.map((f) => f.sheet))];
    return this.host.run(
      (context) =>
        markFindings(context, sheetNames, findings, { lang: options.lang, reviewerNotes: options.reviewerNotes, notesSupported: this.notesSupported, signal: options.signal }),
      this.markRunOptions,
    );
  }

  /**
   * After 「已核实」 (or taking it back): the reviews applied afresh to the last check's findings,
   * counted again, and the marks rewritten — a verified finding is no longer painted. No re-read:
   * the figures have not changed since the check.
   */
  async applyReviews(result: CheckResult, reviews: ReviewEntry[], options: Pick<CheckOptions, 'reviewerNotes' | 'lang'>): Promise<{ result: CheckResult; marks: MarkOutcome }> {
    const findings = reapplyReviews(result.findings, reviews);
    const next = { ...result, findings, summary: summarize(findings) };
    return { result: next, marks: await this.mark(findings, options) };
  }

  /** Removes our marks (2 syncs with the sheets of the last check; it lists them itself otherwise). */
  async clear(): Promise<MarkOutcome> {
    return this.host.run((context) => clearMarks(context, this.notesSupported, this.sheetNames), this.markRunOptions);
  }

  async exportReport(result: CheckResult, options: { lang: Language; includeInfo: boolean }): Promise<string> {
    const sheetOrder = this.sheetNames ?? [...new Set(result.tables.map((t) => t.sheet))];
    return this.host.run((context) => exportReport(context, result, { ...options, sheetOrder }));
  }

  async select(sheet: string, target: string | CellRange): Promise<void> {
    return this.host.run((context) => selectRange(context, sheet, target));
  }
}
