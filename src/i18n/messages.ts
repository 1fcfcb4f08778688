/**
 * Every string the task pane shows, by key. One file per language (zh-CN.ts first, en.ts
 * second) implements this shape, so a missing translation is a type error and no component
 * holds a literal (test/addinI18n.test.ts checks both).
 */
export interface Messages {
  appTitle: string;
  appSubtitle: string;
  check: string;
  checking: string;
  clear: string;
  exportReport: string;
  settings: string;
  strictRounding: string;
  strictRoundingHint: string;
  reviewerNotes: string;
  reviewerNotesUnsupported: string;
  showErrors: string;
  showWarnings: string;
  showInfos: string;
  progressReading: string;
  progressChecking: string;
  progressMarking: string;
  summaryTitle: string;
  tablesFound: string;
  errors: string;
  warnings: string;
  infos: string;
  tablesTitle: string;
  noTables: string;
  findingsTitle: string;
  noFindings: string;
  /** Summary of the folded list of checks a culprit explains. */
  culpritChecks: (n: number) => string;
  otherFindings: string;
  actual: string;
  expected: string;
  difference: string;
  tolerance: string;
  empty: string;
  /** Between sheet names in a list. */
  listSeparator: string;
  rangeLabel: string;
  severity: { error: string; warning: string; info: string };
  marked: (cells: number) => string;
  notesAdded: (notes: number) => string;
  notesKept: (notes: number) => string;
  cleared: (marks: number, notes: number) => string;
  protectedSheets: (sheets: string) => string;
  reportAdded: (sheet: string) => string;
  notInExcel: string;
  readOnlyHint: string;
  errorTitle: string;
  excelErrors: {
    cellEditMode: string;
    protectedSheet: string;
    apiNotSupported: string;
    tooLarge: string;
    itemNotFound: string;
    generic: string;
  };
}
