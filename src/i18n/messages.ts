/**
 * Every string the task pane shows, by key. One file per language (zh-CN.ts first, en.ts
 * second) implements this shape, so a missing translation is a type error and no component
 * holds a literal (test/addinI18n.test.ts checks both). The findings' own sentences and rule
 * names come from the core's catalogues (src/core/messages), never from here.
 */
export interface Messages {
  /** The pane's one h1 (read by screen readers; Office already shows the add-in's name above the pane). */
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
  /** The settings kept in the workbook (budget-audit.json's content): year, unit, each rule. */
  fiscalYear: string;
  fiscalYearHint: string;
  fiscalYearInvalid: string;
  unit: string;
  unitFromTables: string;
  rulesTitle: (n: number) => string;
  /** A rule's severity select, named for screen readers. */
  ruleSeverity: (rule: string) => string;
  /** The conventional labels: 强制性 (error), 提示性 (warning). */
  ruleLevels: { error: string; warning: string };
  ruleInfoOnly: string;
  settingsKept: string;
  settingsSessionOnly: string;
  settingsNotSaved: (why: string) => string;
  /** A value stored in the workbook that cannot be used: which (settings, reviews) and why. */
  settingsUnusable: (what: string, why: string) => string;
  storedNames: { settings: string; reviews: string; reviewer: string };

  /** The verdict, first thing in the pane, in the same place whatever the result. */
  verdictIdle: string;
  verdictFound: (errors: number, warnings: number) => string;
  verdictClean: string;
  verdictNoTables: string;
  /** Rounding tails and verified findings, after a clean or a found verdict. */
  verdictAside: (infos: number, verified: number) => string;
  /** The group of count buttons that filter the list. */
  filterLabel: string;
  /** A count button's accessible name: "错误 4，显示" / "errors: 4, shown". */
  filterCount: (label: string, n: number) => string;
  /** The counts' labels (plural in English). */
  severity: { error: string; warning: string; info: string; verified: string };
  /** One finding's badge. */
  badge: { error: string; warning: string; info: string; verified: string };
  byTableTitle: string;
  /** One table's line in the breakdown, e.g. "错误 2 · 警告 1". */
  tableCounts: (errors: number, warnings: number, infos: number) => string;

  findingsTitle: string;
  /** How to move in the list, for screen readers. */
  findingsKeys: string;
  noFindings: string;
  hiddenByFilter: (n: number) => string;
  showMore: (n: number) => string;
  narrativeGroup: string;
  otherFindings: string;
  goToCell: (where: string) => string;
  details: string;
  culpritChecks: (n: number) => string;
  actual: string;
  expected: string;
  difference: string;
  tolerance: string;
  empty: string;
  reviewedBy: (reviewer: string, reason: string) => string;
  /** 「已核实」 on a finding: who, why, confirm; and taking it back. */
  verify: string;
  verifyReviewer: string;
  verifyReason: string;
  verifyReasonHint: string;
  verifyMissing: string;
  verifyConfirm: string;
  verifyCancel: string;
  unverify: string;
  verifiedNotice: (where: string) => string;
  unverifiedNotice: (where: string) => string;

  tablesTitle: (n: number) => string;
  noTables: string;
  rangeLabel: string;
  /** Between sheet names in a list. */
  listSeparator: string;

  progressReading: string;
  progressDetecting: (sheet: string, index: number, total: number) => string;
  progressRules: string;
  progressMarking: string;
  cancel: string;
  cancelled: string;
  cancelledMarking: string;

  marked: (cells: number) => string;
  notesAdded: (notes: number) => string;
  notesKept: (notes: number) => string;
  cleared: (marks: number, notes: number) => string;
  notesUnreachable: string;
  protectedSheets: (sheets: string) => string;
  reportAdded: (sheet: string) => string;
  notInExcel: string;
  readUnsupported: string;
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
