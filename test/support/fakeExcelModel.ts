/**
 * The state of a fake Excel workbook as plain JSON: what a saved file keeps. "Save, close and
 * reopen" in the tests is `reopen(save(model))`: everything in-session (proxies, conditional
 * format ids) is gone, only this survives. Built from a real .xlsx by fakeExcelWorkbook.ts.
 * Dependency-free so the browser test can ship it to the page.
 */
export type FakeValue = string | number | boolean | null;

export interface FakeArea {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface FakeConditionalFormat {
  id: string;
  /** 'Custom' for formula rules; anything else stands for the other kinds (data bars …). */
  type: string;
  /** A1 areas the rule applies to. */
  areas: FakeArea[];
  formula?: string;
  fill?: string;
  fontColor?: string;
}

export interface FakeSheetModel {
  name: string;
  visibility: 'Visible' | 'Hidden' | 'VeryHidden';
  protected: boolean;
  /** Grids from A1, as Excel shows them; merged non-top-left cells are empty (null). */
  values: FakeValue[][];
  text: string[][];
  numberFormats: string[][];
  merges: FakeArea[];
  hiddenRows: number[];
  hiddenColumns: number[];
  /** The cell's own format (fill, borders, font) as an opaque JSON string, by A1 address. */
  formats: Record<string, string>;
  /** Notes by A1 address. */
  notes: Record<string, string>;
  /** In priority order (first wins). */
  conditionalFormats: FakeConditionalFormat[];
  hyperlinks: Record<string, { documentReference?: string; textToDisplay?: string }>;
  boldCells?: string[];
}

export interface FakeWorkbookModel {
  name?: string;
  sheets: FakeSheetModel[];
  activeSheet?: string;
  selection?: { sheet: string; address: string };
}

/** What a saved file keeps (a deep copy through JSON). */
export function saveModel(model: FakeWorkbookModel): string {
  return JSON.stringify(model);
}

export function reopenModel(saved: string): FakeWorkbookModel {
  return JSON.parse(saved) as FakeWorkbookModel;
}

/** A copy of the workbook with its sheets repeated until it has `count` sheets. */
export function widen(model: FakeWorkbookModel, count: number): FakeWorkbookModel {
  const sheets: FakeSheetModel[] = [];
  for (let i = 0; sheets.length < count; i++) {
    const src = model.sheets[i % model.sheets.length];
    const copy = JSON.parse(JSON.stringify(src)) as FakeSheetModel;
    if (i >= model.sheets.length) copy.name = `${src.name} (${Math.floor(i / model.sheets.length) + 1})`;
    sheets.push(copy);
  }
  return { ...model, sheets };
}
