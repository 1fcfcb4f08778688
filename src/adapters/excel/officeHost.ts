/**
 * The ONE place that knows how the add-in finds Excel (as Script Lab isolates its host
 * detection): the `Office` and `Excel` globals that office.js installs. Everything else takes a
 * `HostInfo`, so tests and the browser test can hand in a fake host without touching globals.
 */
import type { Language } from '../../core/report';
import type { DocumentSettings } from './workbookSettings';

/** `Excel.run` with or without run options (mergeUndoGroup needs the options form). */
export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>, options?: Excel.RunOptions) => Promise<T>;

export interface HostInfo {
  /** Excel is there and the JavaScript API can run. */
  isExcel: boolean;
  /** Office's UI language, mapped to the pane's two languages. */
  language: Language;
  /** `Office.context.requirements.isSetSupported`; false when unknown. */
  supports(set: 'ExcelApi', version: string): boolean;
  run: ExcelRun;
  /** Office.context.document.settings: the reviewer's settings and reviews saved in the workbook; absent outside Office. */
  settings?: DocumentSettings;
}

/**
 * The requirement sets the features use (documented minimums, see docs/sideload.md). Reading
 * needs getMergedAreasOrNullObject (ExcelApi 1.13): without merged areas the header bands of
 * every real disclosure read wrong, so there is no degraded read — the manifest declares 1.13
 * and the pane still checks it (a host that loads the add-in anyway gets a sentence, not a crash).
 */
export const REQUIREMENTS = {
  /** getMergedAreasOrNullObject (1.13); getSpecialCellsOrNullObject, RangeAreas.conditionalFormats, getRanges (1.9). */
  read: '1.13',
  /** Notes (the reviewer option); absent on older Excel on the web. */
  notes: '1.18',
  /** Excel.run({ mergeUndoGroup }) — one undo step for the marks. */
  undoGroup: '1.20',
} as const;

/** zh-* → Chinese, anything else → English (the second language). */
export function languageOf(displayLanguage: string | undefined): Language {
  return /^zh/i.test(displayLanguage ?? 'zh-CN') ? 'zh-CN' : 'en';
}

interface OfficeGlobals {
  Office?: typeof Office;
  Excel?: typeof Excel;
}

function globals(): OfficeGlobals {
  return globalThis as unknown as OfficeGlobals;
}

/** Describes the host from the office.js globals (after Office.onReady). */
export function hostFromGlobals(info?: { host?: Office.HostType | null }): HostInfo {
  const { Office: office, Excel: excel } = globals();
  const requirements = office?.context?.requirements;
  const isExcel = Boolean(excel && typeof excel.run === 'function') && (!info?.host || String(info.host) === 'Excel');
  let settings: DocumentSettings | undefined;
  try {
    settings = (office?.context?.document?.settings as unknown as DocumentSettings | undefined) ?? undefined;
  } catch {
    // A host without a document (outside Office) has no settings to keep.
  }
  return {
    isExcel,
    ...(settings ? { settings } : {}),
    language: languageOf(office?.context?.displayLanguage),
    supports: (set, version) => {
      try {
        return Boolean(requirements?.isSetSupported(set, version));
      } catch {
        return false;
      }
    },
    run: ((batch: (context: Excel.RequestContext) => Promise<unknown>, options?: Excel.RunOptions) => {
      if (!excel) return Promise.reject(new Error('Excel API not available'));
      return options ? excel.run(options, batch) : excel.run(batch);
    }) as ExcelRun,
  };
}

/**
 * Waits for office.js; outside Office (page opened in a plain browser) it still resolves, with
 * `isExcel` false, so the pane can say so instead of staying blank.
 */
export function whenOfficeReady(timeoutMs = 10000): Promise<HostInfo> {
  const office = globals().Office;
  if (!office || typeof office.onReady !== 'function') return Promise.resolve(hostFromGlobals());
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(hostFromGlobals()), timeoutMs);
    office.onReady((info) => {
      clearTimeout(timer);
      resolve(hostFromGlobals(info));
    });
  });
}
