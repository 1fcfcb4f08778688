import { audit, type AuditResult } from '../../core/engine';
import type { Finding } from '../../core/finding';
import type { Language } from '../../core/report';
import type { CellRange, WorkbookSnapshot } from '../../core/snapshot';
import { clearMarks, markFindings, type MarkOutcome } from './highlights';
import { selectRange } from './navigate';
import { REQUIREMENTS, type HostInfo } from './officeHost';
import { readWorkbookSnapshot } from './readWorkbook';
import { exportReport } from './reportSheet';

/**
 * What the task pane does with Excel, in the pane's words: check (read → audit → mark), clear,
 * export, go to a cell. Each step is one Excel.run; marking is one undo step where Excel
 * supports merged undo groups.
 */
export type Progress = 'reading' | 'checking' | 'marking';

export interface CheckOptions {
  strict: boolean;
  reviewerNotes: boolean;
  lang: Language;
  onProgress?: (step: Progress) => void;
}

export interface CheckOutcome {
  result: AuditResult;
  sheetNames: string[];
  marks: MarkOutcome;
}

export class WorkbookSession {
  private sheetNames: string[] | undefined;

  constructor(private readonly host: HostInfo) {}

  get notesSupported(): boolean {
    return this.host.supports('ExcelApi', REQUIREMENTS.notes);
  }

  private get markRunOptions(): Excel.RunOptions | undefined {
    return this.host.supports('ExcelApi', REQUIREMENTS.undoGroup) ? { mergeUndoGroup: true } : undefined;
  }

  async read(): Promise<WorkbookSnapshot> {
    return this.host.run((context) => readWorkbookSnapshot(context));
  }

  async check(options: CheckOptions): Promise<CheckOutcome> {
    options.onProgress?.('reading');
    const snapshot = await this.read();
    options.onProgress?.('checking');
    const result = audit(snapshot, { strict: options.strict, includeInfo: true });
    this.sheetNames = snapshot.sheets.map((s) => s.name);
    options.onProgress?.('marking');
    const marks = await this.mark(result.findings, options);
    return { result, sheetNames: this.sheetNames, marks };
  }

  async mark(findings: Finding[], options: Pick<CheckOptions, 'reviewerNotes' | 'lang'>): Promise<MarkOutcome> {
    const sheetNames = this.sheetNames ?? [...new Set(findings.map((f) => f.sheet))];
    return this.host.run(
      (context) => markFindings(context, sheetNames, findings, { lang: options.lang, reviewerNotes: options.reviewerNotes, notesSupported: this.notesSupported }),
      this.markRunOptions,
    );
  }

  async clear(): Promise<MarkOutcome> {
    return this.host.run((context) => clearMarks(context, this.notesSupported), this.markRunOptions);
  }

  async exportReport(result: AuditResult, lang: Language): Promise<string> {
    return this.host.run((context) => exportReport(context, result, lang));
  }

  async select(sheet: string, target: string | CellRange): Promise<void> {
    return this.host.run((context) => selectRange(context, sheet, target));
  }
}
