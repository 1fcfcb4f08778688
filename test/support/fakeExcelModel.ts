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
  /** Cells Excel took as formulas when written, by A1 address (a value starting with = + -). */
  formulas?: Record<string, string>;
  /** Column widths set by the add-in, in points, by 1-based column. */
  columnWidths?: Record<number, number>;
}

export interface FakeWorkbookModel {
  name?: string;
  sheets: FakeSheetModel[];
  activeSheet?: string;
  selection?: { sheet: string; address: string };
  /** The add-in's document settings as saved in the file (Office.Settings.saveAsync), each value as JSON text. */
  settings?: Record<string, string>;
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

function blankSheet(name: string): FakeSheetModel {
  return { name, visibility: 'Visible', protected: false, values: [], text: [], numberFormats: [], merges: [], hiddenRows: [], hiddenColumns: [], formats: {}, notes: {}, conditionalFormats: [], hyperlinks: {} };
}

/** A sheet of `rows` × `cols` numbers (row r, column c holds r + c / 100), for size tests. */
export function numberSheet(name: string, rows: number, cols: number): FakeSheetModel {
  const sheet = blankSheet(name);
  for (let r = 1; r <= rows; r++) {
    const row = Array.from({ length: cols }, (_, c) => r + (c + 1) / 100);
    sheet.values.push(row);
    sheet.text.push(row.map((v) => v.toFixed(2)));
    sheet.numberFormats.push(row.map(() => '0.00'));
  }
  return sheet;
}

/**
 * The large sheet of `npm run bench` (bench/bench.js writes the same one as .xlsx): a title, a
 * unit line, a header and `rows` expenditure lines whose 合计 is 基本支出 + 项目支出 (but on every
 * `wrongEvery`-th line, when given). Built in
 * the page by the browser test, so 200,000 rows need not travel as a 30 MB script.
 */
export function largeBudgetModel(rows: number, wrongEvery = 0): FakeWorkbookModel {
  const sheet = blankSheet('大表');
  const add = (values: FakeValue[]) => {
    sheet.values.push(values);
    sheet.text.push(values.map((v) => (v === null ? '' : String(v))));
    sheet.numberFormats.push(values.map(() => 'General'));
  };
  add(['2024年部门支出预算表']);
  add(['单位：万元']);
  add(['科目编码', '科目名称', '合计', '基本支出', '项目支出']);
  for (let i = 0; i < rows; i++) {
    const a = (i % 9973) / 100;
    const b = (i % 101) / 100;
    // Every `wrongEvery`-th line's 合计 is 1.00 too high: a row-sum error there.
    const wrong = wrongEvery > 0 && i % wrongEvery === 0 ? 1 : 0;
    add([String(2080100 + (i % 99)), `项目${i}`, Number((a + b + wrong).toFixed(2)), a, b]);
  }
  return { name: 'large.xlsx', sheets: [sheet], activeSheet: sheet.name };
}
