/**
 * A fake of the Excel JavaScript API subset the add-in uses, backed by a FakeWorkbookModel
 * (built from a real .xlsx). It behaves like Excel where the add-in depends on it:
 * - proxies queue work; nothing reaches the workbook before `context.sync()`, which is COUNTED;
 * - reading a property that was not loaded and synced throws PropertyNotLoaded;
 * - *OrNullObject methods give null objects (isNullObject) instead of failing the batch;
 * - merged non-top-left cells read as empty; used ranges start at the first used cell;
 * - protected sheets reject every write (AccessDenied), and the batch fails there;
 * - a request or response over the payload limit (5 MB, as Excel on the web) fails the sync;
 *   both are measured in UTF-8 bytes (a Chinese character is 3), each queued action costing what
 *   office.js sends for it (an object path and an action record) plus its strings;
 * - a sync is a round trip: it resolves in a later task, so the page can paint in between.
 * Dependency-free apart from src/core/address, so the browser test can ship it to the page.
 */
import { cellAddress, parseRangeAddress } from '../../src/core/address';
import type { FakeArea, FakeConditionalFormat as CfModel, FakeSheetModel, FakeValue, FakeWorkbookModel } from './fakeExcelModel';

export const FAKE_PAYLOAD_LIMIT = 5 * 1024 * 1024;

/** What office.js sends for one queued action besides its strings: an object path and an action record. */
export const FAKE_ACTION_BYTES = 120;

/** Bytes of a string in UTF-8, as Excel on the web measures a payload (not UTF-16 code units). */
export function utf8Length(s: string): number {
  // Node's own count where there is one (the bench's 200,000 rows are 27 MB of JSON); the same numbers.
  if (typeof Buffer !== 'undefined') return Buffer.byteLength(s, 'utf8');
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** The UTF-8 size of a value as JSON on the wire. */
export function jsonBytes(value: unknown): number {
  return utf8Length(JSON.stringify(value ?? null));
}

export class FakeOfficeError extends Error {
  constructor(
    public code: string,
    message: string,
  ) {
    super(message);
    this.name = 'RichApi.Error';
  }
}

export interface FakeHostOptions {
  /** ExcelApi version the fake claims (requirement sets up to it are "supported"). */
  apiVersion?: string;
  displayLanguage?: string;
  payloadLimit?: number;
  /** Every sync fails as when the user is typing in a cell. */
  cellEditMode?: boolean;
  /** How long a round trip takes (0: the next task), to watch the pane while Excel works. */
  syncDelayMs?: number;
  /** Office.Settings.saveAsync answers 'failed' (a read-only or locked document). */
  settingsSaveFails?: boolean;
}

export interface SyncRecord {
  requestBytes: number;
  responseBytes: number;
}

export interface RunRecord {
  syncs: number;
  options?: { mergeUndoGroup?: boolean; delayForCellEdit?: boolean };
}

type Action = () => void;

// ---------------------------------------------------------------- geometry helpers

function area(a1: string): FakeArea {
  return parseRangeAddress(a1.replace(/\$/g, ''));
}

function areaAddress(a: FakeArea): string {
  const p = cellAddress(a.top, a.left);
  const q = cellAddress(a.bottom, a.right);
  return p === q ? p : `${p}:${q}`;
}

function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

function intersects(a: FakeArea, b: FakeArea): boolean {
  return a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
}

function bounding(a: FakeArea, b: FakeArea): FakeArea {
  return { top: Math.min(a.top, b.top), left: Math.min(a.left, b.left), bottom: Math.max(a.bottom, b.bottom), right: Math.max(a.right, b.right) };
}

function parseLocal(address: string): FakeArea {
  const bang = address.lastIndexOf('!');
  return area(bang >= 0 ? address.slice(bang + 1) : address);
}

const MAX_ROWS = 1048576;
const MAX_COLS = 16384;

// ---------------------------------------------------------------- targets (what a proxy resolves to)

interface RangeTarget {
  sheet: FakeSheetModel;
  area: FakeArea;
}
interface AreasTarget {
  sheet: FakeSheetModel;
  areas: FakeArea[];
}
interface CfTarget {
  sheet: FakeSheetModel;
  cf: CfModel;
}
interface NoteTarget {
  sheet: FakeSheetModel;
  address: string;
}

// ---------------------------------------------------------------- context and proxy base

export class FakeRequestContext {
  syncCount = 0;
  /** True while a batch runs (proxies made then are resolved by their loads, not queued). */
  executing = false;
  private queue: Action[] = [];
  private requestBytes = 0;
  private responseBytes = 0;
  private nextId = 1;
  readonly workbook: FakeWorkbook;

  constructor(
    readonly host: FakeExcelHost,
  ) {
    this.workbook = new FakeWorkbook(this);
  }

  get model(): FakeWorkbookModel {
    return this.host.model;
  }

  /** Queues an action; `payload` is what it carries (an address, a note, a grid), counted in UTF-8. */
  enqueue(action: Action, payload?: unknown): void {
    this.queue.push(action);
    this.requestBytes += FAKE_ACTION_BYTES + (payload === undefined ? 0 : jsonBytes(payload));
  }

  chargeResponse(value: unknown): void {
    this.responseBytes += jsonBytes(value);
  }

  newId(): string {
    return `cf-${Date.now().toString(36)}-${this.nextId++}`;
  }

  async sync(): Promise<void> {
    // A round trip to Excel: the answer comes in a later task, never in the same one.
    await new Promise((resolve) => setTimeout(resolve, this.host.options.syncDelayMs ?? 0));
    this.syncCount++;
    this.host.syncCount++;
    const queue = this.queue;
    const record: SyncRecord = { requestBytes: this.requestBytes, responseBytes: 0 };
    this.queue = [];
    this.requestBytes = 0;
    this.responseBytes = 0;
    this.host.syncLog.push(record);
    if (this.host.options.cellEditMode) throw new FakeOfficeError('InvalidOperationInCellEditMode', 'Excel is in cell-editing mode.');
    if (record.requestBytes > this.host.payloadLimit) throw new FakeOfficeError('RequestPayloadSizeLimitExceeded', 'The request payload size has exceeded the limit.');
    this.executing = true;
    try {
      for (const action of queue) action();
    } catch (e) {
      this.host.discardPending();
      throw e;
    } finally {
      this.executing = false;
    }
    record.responseBytes = this.responseBytes;
    if (record.responseBytes > this.host.payloadLimit) {
      this.host.discardPending();
      throw new FakeOfficeError('ResponsePayloadSizeLimitExceeded', 'The response payload size has exceeded the limit.');
    }
    // Loaded values become readable only when the whole batch came back.
    this.host.publish();
  }
}

type LoadTree = Map<string, LoadTree>;

function parseLoad(spec: string | string[] | undefined): LoadTree {
  const tree: LoadTree = new Map();
  const parts = Array.isArray(spec) ? spec : (spec ?? '').split(',');
  for (const raw of parts) {
    const path = raw.trim();
    if (!path) continue;
    let node = tree;
    for (const seg of path.split('/')) {
      if (!node.has(seg)) node.set(seg, new Map());
      node = node.get(seg)!;
    }
  }
  return tree;
}

abstract class FakeProxy<T> {
  private resolved = false;
  private target: T | null = null;
  /** Values that came back from a sync, readable from then on. */
  private loadedValues = new Map<string, unknown>();
  private pending = new Map<string, unknown>();
  private nullKnown = false;
  private nullPending = false;
  protected children = new Map<string, FakeProxy<unknown>>();

  constructor(
    readonly context: FakeRequestContext,
    private readonly resolver: () => T | null,
    protected readonly orNull = false,
  ) {
    if (orNull && !context.executing) {
      // Excel resolves a null object in the batch that created it.
      context.enqueue(() => {
        this.nullPending = this.resolve() === null;
        context.host.toPublish(this);
      });
    }
  }

  /** The workbook object behind this proxy, resolved once (in the batch that first needs it). */
  resolve(): T | null {
    if (!this.resolved) {
      this.target = this.resolver();
      this.resolved = true;
    }
    return this.target;
  }

  /** Resolves, failing the batch like Excel when the object does not exist. */
  protected must(): T {
    const t = this.resolve();
    if (t === null) throw new FakeOfficeError('ItemNotFound', `The requested resource doesn't exist (${this.constructor.name}).`);
    return t;
  }

  get isNullObject(): boolean {
    if (!this.nullKnown) throw new FakeOfficeError('PropertyNotLoaded', 'isNullObject is not available before context.sync().');
    return this.nullValue;
  }
  private nullValue = false;

  /** Called by the host when the batch came back. */
  publish(): void {
    for (const [k, v] of this.pending) this.loadedValues.set(k, v);
    this.pending.clear();
    this.nullKnown = true;
    this.nullValue = this.nullPending;
  }

  protected readValue<V>(name: string): V {
    if (this.nullKnown && this.nullValue) {
      throw new FakeOfficeError('InvalidObjectPath', `The object is a null object; '${name}' cannot be read.`);
    }
    if (!this.loadedValues.has(name)) {
      throw new FakeOfficeError(
        'PropertyNotLoaded',
        `The property '${name}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
      );
    }
    return this.loadedValues.get(name) as V;
  }

  protected child<C extends FakeProxy<unknown>>(name: string, make: () => C): C {
    let c = this.children.get(name) as C | undefined;
    if (!c) {
      c = make();
      this.children.set(name, c);
    }
    return c;
  }

  /** Scalar property value from the target (for load). */
  protected abstract scalar(name: string, target: T): unknown;
  /** Navigation property proxy (for nested load paths). */
  protected nav(name: string): FakeProxy<unknown> | undefined {
    void name;
    return undefined;
  }

  load(spec?: string | string[]): this {
    const tree = parseLoad(spec);
    this.context.enqueue(() => this.applyLoad(tree));
    return this;
  }

  /** Runs at sync time. */
  applyLoad(tree: LoadTree): void {
    const target = this.resolve();
    this.context.host.toPublish(this);
    if (target === null) {
      if (this.orNull || this.isNullable()) {
        this.nullPending = true;
        return;
      }
      this.must();
    }
    for (const [name, sub] of tree) {
      const nav = this.nav(name);
      if (nav) {
        nav.applyLoad(sub);
        continue;
      }
      const value = this.scalar(name, target as T);
      this.context.chargeResponse(value);
      this.pending.set(name, value);
    }
  }

  /** Children of a null object are null objects too (customOrNullObject/rule/formula). */
  protected isNullable(): boolean {
    return false;
  }

  protected write(action: (t: T) => void, payload?: unknown): void {
    this.context.enqueue(() => action(this.must()), payload);
  }
}

function checkWritable(sheet: FakeSheetModel): void {
  if (sheet.protected) throw new FakeOfficeError('AccessDenied', `The sheet '${sheet.name}' is protected.`);
}

// ---------------------------------------------------------------- workbook and sheets

export class FakeWorkbook {
  readonly worksheets: FakeWorksheetCollection;
  constructor(readonly context: FakeRequestContext) {
    this.worksheets = new FakeWorksheetCollection(context);
  }
}

/**
 * A collection proxy: `load('items/…')` snapshots its items when the queue runs, and `items`
 * becomes readable only after the sync that carried the load, as in office.js.
 */
abstract class FakeItemCollection<T, I extends FakeProxy<unknown>> extends FakeProxy<T> {
  private itemProxies: I[] | null = null;
  private pendingItems: I[] | null = null;
  /** The item proxies as the workbook holds them now (run inside the queue). */
  protected abstract currentItems(): I[];
  applyLoad(tree: LoadTree): void {
    const items = this.currentItems();
    const sub = tree.get('items') ?? new Map();
    for (const item of items) item.applyLoad(sub);
    this.pendingItems = items;
    this.context.host.toPublish(this);
  }
  publish(): void {
    super.publish();
    if (this.pendingItems) this.itemProxies = this.pendingItems;
    this.pendingItems = null;
  }
  get items(): I[] {
    if (!this.itemProxies) throw new FakeOfficeError('PropertyNotLoaded', "The property 'items' is not available before load and sync.");
    return this.itemProxies;
  }
}

export class FakeWorksheetCollection extends FakeItemCollection<FakeSheetModel[], FakeWorksheet> {
  constructor(context: FakeRequestContext) {
    super(context, () => context.model.sheets);
  }
  protected scalar(name: string): unknown {
    throw new FakeOfficeError('InvalidArgument', `WorksheetCollection has no property '${name}'.`);
  }
  protected currentItems(): FakeWorksheet[] {
    return this.must().map((s) => new FakeWorksheet(this.context, () => s));
  }
  getItem(name: string): FakeWorksheet {
    return new FakeWorksheet(this.context, () => this.context.model.sheets.find((s) => s.name === name) ?? null);
  }
  getItemOrNullObject(name: string): FakeWorksheet {
    return new FakeWorksheet(this.context, () => this.context.model.sheets.find((s) => s.name === name) ?? null, true);
  }
  add(name: string): FakeWorksheet {
    let created: FakeSheetModel | null = null;
    this.context.enqueue(() => {
      if (this.context.model.sheets.some((s) => s.name === name)) throw new FakeOfficeError('ItemAlreadyExists', `A sheet named '${name}' already exists.`);
      created = { name, visibility: 'Visible', protected: false, values: [], text: [], numberFormats: [], merges: [], hiddenRows: [], hiddenColumns: [], formats: {}, notes: {}, conditionalFormats: [], hyperlinks: {} };
      this.context.model.sheets.push(created);
    });
    return new FakeWorksheet(this.context, () => created);
  }
}

export class FakeWorksheet extends FakeProxy<FakeSheetModel> {
  get name(): string {
    return this.readValue('name');
  }
  get visibility(): string {
    return this.readValue('visibility');
  }
  get protection(): FakeProtection {
    return this.child('protection', () => new FakeProtection(this.context, () => this.resolve(), this.orNull));
  }
  get notes(): FakeNoteCollection {
    return this.child('notes', () => new FakeNoteCollection(this.context, () => this.resolve()));
  }
  protected scalar(name: string, t: FakeSheetModel): unknown {
    if (name === 'name') return t.name;
    if (name === 'visibility') return t.visibility;
    throw new FakeOfficeError('InvalidArgument', `Worksheet property '${name}' is not faked.`);
  }
  protected nav(name: string): FakeProxy<unknown> | undefined {
    if (name === 'protection') return this.protection;
    if (name === 'notes') return this.notes;
    return undefined;
  }
  protected isNullable(): boolean {
    return this.orNull;
  }
  getRange(address?: string): FakeRange {
    return new FakeRange(this.context, () => {
      const sheet = this.must();
      return { sheet, area: address ? parseLocal(address) : { top: 1, left: 1, bottom: MAX_ROWS, right: MAX_COLS } };
    });
  }
  getRanges(address: string): FakeRangeAreas {
    this.context.enqueue(() => undefined, address);
    return new FakeRangeAreas(this.context, () => ({ sheet: this.must(), areas: address.split(',').map((a) => parseLocal(a.trim())) }));
  }
  getUsedRange(valuesOnly = false): FakeRange {
    return new FakeRange(this.context, () => {
      const sheet = this.must();
      return { sheet, area: usedArea(sheet, valuesOnly) };
    });
  }
  activate(): void {
    this.write((t) => {
      this.context.model.activeSheet = t.name;
    });
  }
}

export class FakeProtection extends FakeProxy<FakeSheetModel> {
  get protected(): boolean {
    return this.readValue('protected');
  }
  protected scalar(name: string, t: FakeSheetModel): unknown {
    if (name === 'protected') return t.protected;
    throw new FakeOfficeError('InvalidArgument', `Protection property '${name}' is not faked.`);
  }
  protected isNullable(): boolean {
    return this.orNull;
  }
  unprotect(): void {
    throw new Error('the add-in must never unprotect a sheet');
  }
}

/** Used range: first to last cell holding a value (or, unless valuesOnly, a format/merge/note). */
function usedArea(sheet: FakeSheetModel, valuesOnly: boolean): FakeArea {
  let box: FakeArea | null = null;
  const add = (a: FakeArea) => {
    box = box ? bounding(box, a) : a;
  };
  // The cells' box in four numbers (an object per cell cost the bench's 200,000 rows half a GB).
  let top = Infinity;
  let left = Infinity;
  let bottom = -Infinity;
  let right = -Infinity;
  sheet.values.forEach((row, r) =>
    row.forEach((v, c) => {
      if (v === null || v === '') return;
      if (r + 1 < top) top = r + 1;
      if (r + 1 > bottom) bottom = r + 1;
      if (c + 1 < left) left = c + 1;
      if (c + 1 > right) right = c + 1;
    }),
  );
  if (bottom >= top) add({ top, left, bottom, right });
  if (!valuesOnly) {
    for (const m of sheet.merges) add(m);
    for (const a of [...Object.keys(sheet.formats), ...Object.keys(sheet.notes)]) add(area(a));
  }
  // A blank sheet's used range is A1 (Excel does not throw).
  return box ?? { top: 1, left: 1, bottom: 1, right: 1 };
}

// ---------------------------------------------------------------- ranges

function cellOf<T>(grid: T[][], r: number, c: number): T | undefined {
  const row = grid[r - 1];
  return row ? row[c - 1] : undefined;
}

function grid<T>(a: FakeArea, f: (r: number, c: number) => T): T[][] {
  const out: T[][] = [];
  const width = a.right - a.left + 1;
  for (let r = a.top; r <= a.bottom; r++) {
    const row = new Array<T>(width);
    for (let c = a.left; c <= a.right; c++) row[c - a.left] = f(r, c);
    out.push(row);
  }
  return out;
}

export class FakeRange extends FakeProxy<RangeTarget> {
  get address(): string {
    return this.readValue('address');
  }
  get rowCount(): number {
    return this.readValue('rowCount');
  }
  get columnCount(): number {
    return this.readValue('columnCount');
  }
  get values(): unknown[][] {
    return this.readValue('values');
  }
  set values(v: unknown[][]) {
    this.write((t) => {
      checkWritable(t.sheet);
      this.context.host.valueWrites.push({ sheet: t.sheet.name, address: areaAddress(t.area) });
      setGrid(t.sheet, t.area, v);
    }, v);
  }
  get text(): string[][] {
    return this.readValue('text');
  }
  get numberFormat(): unknown[][] {
    return this.readValue('numberFormat');
  }
  set numberFormat(f: unknown[][]) {
    this.write((t) => {
      checkWritable(t.sheet);
      for (let r = t.area.top; r <= t.area.bottom; r++) {
        for (const g of [t.sheet.values, t.sheet.text, t.sheet.numberFormats] as unknown[][][]) while (g.length < r) g.push([]);
        for (let c = t.area.left; c <= t.area.right; c++) t.sheet.numberFormats[r - 1][c - 1] = String(f[r - t.area.top]?.[c - t.area.left] ?? 'General');
      }
    }, f);
  }
  set hyperlink(link: { documentReference?: string; textToDisplay?: string }) {
    this.write((t) => {
      checkWritable(t.sheet);
      t.sheet.hyperlinks[cellAddress(t.area.top, t.area.left)] = { ...link };
    });
  }
  get format(): { font: { bold: boolean }; columnWidth: number } {
    const self = this;
    return {
      set columnWidth(points: number) {
        self.write((t) => {
          checkWritable(t.sheet);
          for (let c = t.area.left; c <= t.area.right; c++) (t.sheet.columnWidths ??= {})[c] = points;
        });
      },
      get columnWidth(): number {
        throw new FakeOfficeError('PropertyNotLoaded', 'format.columnWidth is not faked for reading.');
      },
      font: {
        set bold(b: boolean) {
          self.write((t) => {
            checkWritable(t.sheet);
            if (b) (t.sheet.boldCells ??= []).push(areaAddress(t.area));
          });
        },
        get bold(): boolean {
          throw new FakeOfficeError('PropertyNotLoaded', 'format.font.bold is not faked for reading.');
        },
      },
    };
  }
  get conditionalFormats(): FakeConditionalFormatCollection {
    return this.child('conditionalFormats', () => new FakeConditionalFormatCollection(this.context, () => {
      const t = this.must();
      return { sheet: t.sheet, areas: [t.area] };
    }));
  }
  protected scalar(name: string, t: RangeTarget): unknown {
    const { sheet, area: a } = t;
    switch (name) {
      case 'address':
        return `${quoteSheet(sheet.name)}!${areaAddress(a)}`;
      case 'rowCount':
        return a.bottom - a.top + 1;
      case 'columnCount':
        return a.right - a.left + 1;
      case 'values':
        return grid(a, (r, c) => {
          const v = cellOf(sheet.values, r, c);
          return v === null || v === undefined ? '' : v;
        });
      case 'text':
        return grid(a, (r, c) => cellOf(sheet.text, r, c) ?? '');
      case 'numberFormat':
        return grid(a, (r, c) => cellOf(sheet.numberFormats, r, c) || 'General');
      default:
        throw new FakeOfficeError('InvalidArgument', `Range property '${name}' is not faked.`);
    }
  }
  protected nav(name: string): FakeProxy<unknown> | undefined {
    return name === 'conditionalFormats' ? this.conditionalFormats : undefined;
  }
  getBoundingRect(other: string | FakeRange): FakeRange {
    return new FakeRange(this.context, () => {
      const t = this.must();
      const b = typeof other === 'string' ? parseLocal(other) : other.must().area;
      return { sheet: t.sheet, area: bounding(t.area, b) };
    });
  }
  /** Whole merged areas that intersect the range (only their top-left cell holds the value). */
  getMergedAreasOrNullObject(): FakeRangeAreas {
    return new FakeRangeAreas(this.context, () => {
      if (!this.context.host.supports('ExcelApi', '1.13')) throw new FakeOfficeError('ApiNotFound', 'getMergedAreasOrNullObject needs ExcelApi 1.13.');
      const t = this.must();
      const areas = t.sheet.merges.filter((m) => intersects(m, t.area));
      return areas.length ? { sheet: t.sheet, areas } : null;
    }, true);
  }
  /** Only 'Visible' is faked: the visible cells as row-band × column-band rectangles. */
  getSpecialCellsOrNullObject(type: string): FakeRangeAreas {
    return new FakeRangeAreas(this.context, () => {
      if (type !== 'Visible') throw new FakeOfficeError('InvalidArgument', `special cells '${type}' not faked`);
      const t = this.must();
      const rows = runs(t.area.top, t.area.bottom, new Set(t.sheet.hiddenRows));
      const cols = runs(t.area.left, t.area.right, new Set(t.sheet.hiddenColumns));
      const areas: FakeArea[] = [];
      for (const [top, bottom] of rows) for (const [left, right] of cols) areas.push({ top, bottom, left, right });
      return areas.length ? { sheet: t.sheet, areas } : null;
    }, true);
  }
  select(): void {
    this.write((t) => {
      this.context.model.activeSheet = t.sheet.name;
      this.context.model.selection = { sheet: t.sheet.name, address: areaAddress(t.area) };
    });
  }
}

function runs(from: number, to: number, hidden: Set<number>): [number, number][] {
  const out: [number, number][] = [];
  let start = -1;
  for (let i = from; i <= to + 1; i++) {
    const visible = i <= to && !hidden.has(i);
    if (visible && start < 0) start = i;
    if (!visible && start >= 0) {
      out.push([start, i - 1]);
      start = -1;
    }
  }
  return out;
}

/**
 * Writes values as Excel does: a string starting with = (or + / - followed by more) becomes a
 * formula unless the cell is formatted as text ('@'); the formula is kept in `formulas` and the
 * cell shows what Excel would (#NAME? for a sheet name taken as a formula).
 */
function setGrid(sheet: FakeSheetModel, a: FakeArea, v: unknown[][]): void {
  for (let r = a.top; r <= a.bottom; r++) {
    for (let c = a.left; c <= a.right; c++) {
      let value = (v[r - a.top]?.[c - a.left] ?? null) as FakeValue;
      for (const g of [sheet.values, sheet.text, sheet.numberFormats] as unknown[][][]) while (g.length < r) g.push([]);
      const format = sheet.numberFormats[r - 1][c - 1] || 'General';
      const address = cellAddress(r, c);
      if (sheet.formulas) delete sheet.formulas[address];
      if (typeof value === 'string' && format !== '@' && /^(=|[+-].)/.test(value)) {
        (sheet.formulas ??= {})[address] = value;
        value = '#NAME?';
      }
      sheet.values[r - 1][c - 1] = value === '' ? null : value;
      sheet.text[r - 1][c - 1] = value === null ? '' : String(value);
      sheet.numberFormats[r - 1][c - 1] = format;
    }
  }
}

export class FakeRangeAreas extends FakeProxy<AreasTarget> {
  get address(): string {
    return this.readValue('address');
  }
  get conditionalFormats(): FakeConditionalFormatCollection {
    return this.child('conditionalFormats', () => new FakeConditionalFormatCollection(this.context, () => this.must()));
  }
  protected scalar(name: string, t: AreasTarget): unknown {
    if (name === 'address') return t.areas.map((a) => `${quoteSheet(t.sheet.name)}!${areaAddress(a)}`).join(', ');
    if (name === 'areaCount') return t.areas.length;
    throw new FakeOfficeError('InvalidArgument', `RangeAreas property '${name}' is not faked.`);
  }
  protected isNullable(): boolean {
    return this.orNull;
  }
}

// ---------------------------------------------------------------- conditional formats

export class FakeConditionalFormatCollection extends FakeItemCollection<AreasTarget, FakeConditionalFormat> {
  protected scalar(name: string): unknown {
    throw new FakeOfficeError('InvalidArgument', `ConditionalFormatCollection property '${name}' is not faked.`);
  }
  protected currentItems(): FakeConditionalFormat[] {
    const t = this.must();
    const cfs = t.sheet.conditionalFormats.filter((cf) => cf.areas.some((a) => t.areas.some((b) => intersects(a, b))));
    return cfs.map((cf) => new FakeConditionalFormat(this.context, () => ({ sheet: t.sheet, cf })));
  }
  add(type: string): FakeConditionalFormat {
    let created: CfTarget | null = null;
    this.context.enqueue(() => {
      const t = this.must();
      checkWritable(t.sheet);
      if (t.areas.length > 1000) throw new FakeOfficeError('InvalidArgument', 'too many areas');
      const cf: CfModel = { id: this.context.newId(), type, areas: t.areas.map((a) => ({ ...a })) };
      t.sheet.conditionalFormats.push(cf);
      created = { sheet: t.sheet, cf };
    });
    return new FakeConditionalFormat(this.context, () => created);
  }
}

export class FakeConditionalFormat extends FakeProxy<CfTarget> {
  get type(): string {
    return this.readValue('type');
  }
  set priority(p: number) {
    this.write((t) => {
      const list = t.sheet.conditionalFormats;
      list.splice(list.indexOf(t.cf), 1);
      list.splice(Math.max(0, Math.min(p, list.length)), 0, t.cf);
    });
  }
  get custom(): FakeCustomConditionalFormat {
    return this.child('custom', () => new FakeCustomConditionalFormat(this.context, () => {
      const t = this.must();
      if (t.cf.type !== 'Custom') throw new FakeOfficeError('InvalidOperation', 'not a custom conditional format');
      return t;
    }));
  }
  get customOrNullObject(): FakeCustomConditionalFormat {
    return this.child('customOrNullObject', () => new FakeCustomConditionalFormat(this.context, () => {
      const t = this.must();
      return t.cf.type === 'Custom' ? t : null;
    }, true));
  }
  protected scalar(name: string, t: CfTarget): unknown {
    if (name === 'type') return t.cf.type;
    if (name === 'id') return t.cf.id;
    throw new FakeOfficeError('InvalidArgument', `ConditionalFormat property '${name}' is not faked.`);
  }
  protected nav(name: string): FakeProxy<unknown> | undefined {
    if (name === 'customOrNullObject') return this.customOrNullObject;
    if (name === 'custom') return this.custom;
    return undefined;
  }
  delete(): void {
    this.write((t) => {
      checkWritable(t.sheet);
      const list = t.sheet.conditionalFormats;
      const i = list.indexOf(t.cf);
      if (i >= 0) list.splice(i, 1);
    });
  }
}

export class FakeCustomConditionalFormat extends FakeProxy<CfTarget> {
  readonly rule: FakeRule;
  readonly format: { fill: { color: string }; font: { color: string } };
  constructor(context: FakeRequestContext, resolver: () => CfTarget | null, orNull = false) {
    super(context, resolver, orNull);
    this.rule = new FakeRule(context, () => this.resolve(), orNull);
    const self = this;
    this.format = {
      fill: {
        set color(c: string) {
          self.write((t) => {
            checkWritable(t.sheet);
            t.cf.fill = c;
          });
        },
        get color(): string {
          throw new FakeOfficeError('PropertyNotLoaded', 'fill.color is not faked for reading.');
        },
      },
      font: {
        set color(c: string) {
          self.write((t) => {
            checkWritable(t.sheet);
            t.cf.fontColor = c;
          });
        },
        get color(): string {
          throw new FakeOfficeError('PropertyNotLoaded', 'font.color is not faked for reading.');
        },
      },
    };
  }
  protected scalar(name: string): unknown {
    throw new FakeOfficeError('InvalidArgument', `CustomConditionalFormat property '${name}' is not faked.`);
  }
  protected nav(name: string): FakeProxy<unknown> | undefined {
    return name === 'rule' ? this.rule : undefined;
  }
  protected isNullable(): boolean {
    return this.orNull;
  }
}

export class FakeRule extends FakeProxy<CfTarget> {
  get formula(): string {
    return this.readValue('formula');
  }
  set formula(f: string) {
    this.write((t) => {
      checkWritable(t.sheet);
      t.cf.formula = f;
    });
  }
  protected scalar(name: string, t: CfTarget): unknown {
    if (name === 'formula') return t.cf.formula ?? '';
    throw new FakeOfficeError('InvalidArgument', `ConditionalFormatRule property '${name}' is not faked.`);
  }
  protected isNullable(): boolean {
    return this.orNull;
  }
}

// ---------------------------------------------------------------- notes

export class FakeNoteCollection extends FakeItemCollection<FakeSheetModel, FakeNote> {
  protected scalar(name: string): unknown {
    throw new FakeOfficeError('InvalidArgument', `NoteCollection property '${name}' is not faked.`);
  }
  private requireApi(): void {
    if (!this.context.host.supports('ExcelApi', '1.18')) throw new FakeOfficeError('ApiNotFound', 'The notes API is not supported.');
  }
  protected currentItems(): FakeNote[] {
    this.requireApi();
    const sheet = this.must();
    return Object.keys(sheet.notes).map((address) => new FakeNote(this.context, () => (sheet.notes[address] === undefined ? null : { sheet, address })));
  }
  getItemOrNullObject(address: string): FakeNote {
    this.context.enqueue(() => undefined, address);
    return new FakeNote(this.context, () => {
      this.requireApi();
      const sheet = this.must();
      const key = areaAddress(parseLocal(address));
      return sheet.notes[key] === undefined ? null : { sheet, address: key };
    }, true);
  }
  /** The note at `index` in the order Excel lists them (row by row). */
  getItemAt(index: number): FakeNote {
    return new FakeNote(this.context, () => {
      this.requireApi();
      const sheet = this.must();
      const address = Object.keys(sheet.notes)[index];
      if (address === undefined) throw new FakeOfficeError('ItemNotFound', `No note at index ${index}.`);
      return { sheet, address };
    });
  }
  getCount(): FakeClientResult<number> {
    const result = new FakeClientResult<number>();
    this.context.enqueue(() => {
      this.requireApi();
      result.pending = Object.keys(this.must().notes).length;
      this.context.chargeResponse(result.pending);
      this.context.host.toPublish(result);
    });
    return result;
  }
  add(address: string, content: string): void {
    this.write((sheet) => {
      this.requireApi();
      checkWritable(sheet);
      const key = areaAddress(parseLocal(address));
      if (sheet.notes[key] !== undefined) throw new FakeOfficeError('InvalidArgument', `Cell ${key} already has a note.`);
      sheet.notes[key] = content;
    }, [address, content]);
  }
}

/** A ClientResult: `value` readable after the sync that carried it. */
export class FakeClientResult<T> {
  pending: T | undefined;
  private known = false;
  private result: T | undefined;
  get value(): T {
    if (!this.known) throw new FakeOfficeError('PropertyNotLoaded', 'The value of a ClientResult is not available before context.sync().');
    return this.result as T;
  }
  publish(): void {
    this.result = this.pending;
    this.known = true;
  }
}

export class FakeNote extends FakeProxy<NoteTarget> {
  get content(): string {
    return this.readValue('content');
  }
  set content(text: string) {
    this.write((t) => {
      checkWritable(t.sheet);
      if (t.sheet.notes[t.address] === undefined) throw new FakeOfficeError('ItemNotFound', `The note of ${t.address} was deleted.`);
      t.sheet.notes[t.address] = text;
    }, text);
  }
  protected scalar(name: string, t: NoteTarget): unknown {
    if (name === 'content') return t.sheet.notes[t.address];
    throw new FakeOfficeError('InvalidArgument', `Note property '${name}' is not faked.`);
  }
  protected isNullable(): boolean {
    return this.orNull;
  }
  delete(): void {
    this.write((t) => {
      checkWritable(t.sheet);
      delete t.sheet.notes[t.address];
    });
  }
  /** The cell the note is on. */
  getLocation(): FakeRange {
    return new FakeRange(this.context, () => {
      const t = this.must();
      return { sheet: t.sheet, area: parseLocal(t.address) };
    });
  }
}

// ---------------------------------------------------------------- the host (Excel.run + Office)

function versionAtLeast(have: string, want: string): boolean {
  const a = have.split('.').map(Number);
  const b = want.split('.').map(Number);
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    if (x !== y) return x > y;
  }
  return true;
}

/**
 * Office.context.document.settings as Office behaves: a name/value bag loaded from the document
 * when the add-in starts; get/set/remove touch only that in-memory copy (values kept as JSON, as
 * Office serializes them, so a later change to the object set does not leak in); saveAsync writes
 * the copy into the document (the model: what a saved file keeps) and answers in a later task with
 * an AsyncResult; refreshAsync reloads the copy from the document. get of a missing name is null.
 */
export class FakeDocumentSettings {
  /** saveAsync calls that wrote the document. */
  saves = 0;
  private memory: Record<string, string>;

  constructor(private readonly host: FakeExcelHost) {
    this.memory = { ...(host.model.settings ?? {}) };
  }

  get(name: string): unknown {
    return Object.prototype.hasOwnProperty.call(this.memory, name) ? JSON.parse(this.memory[name]) : null;
  }

  set(name: string, value: unknown): void {
    if (value === undefined || typeof value === 'function') throw new FakeOfficeError('InvalidArgument', `A setting's value must be JSON: ${name}`);
    this.memory[name] = JSON.stringify(value);
  }

  remove(name: string): void {
    delete this.memory[name];
  }

  saveAsync(a?: unknown, b?: unknown): void {
    const callback = (typeof a === 'function' ? a : b) as ((r: { status: string; error?: { code: string; message: string } }) => void) | undefined;
    setTimeout(() => {
      if (this.host.options.settingsSaveFails) {
        callback?.({ status: 'failed', error: { code: '5009', message: 'The settings could not be saved: the document is read-only.' } });
        return;
      }
      this.host.model.settings = { ...this.memory };
      this.saves++;
      callback?.({ status: 'succeeded' });
    }, 0);
  }

  refreshAsync(callback?: (r: { status: string; value: FakeDocumentSettings }) => void): void {
    setTimeout(() => {
      this.memory = { ...(this.host.model.settings ?? {}) };
      callback?.({ status: 'succeeded', value: this });
    }, 0);
  }
}

export class FakeExcelHost {
  syncCount = 0;
  syncLog: SyncRecord[] = [];
  runs: RunRecord[] = [];
  valueWrites: { sheet: string; address: string }[] = [];
  private toPublishList: { publish(): void }[] = [];

  /** Office.context.document.settings, loaded from the model when the add-in starts. */
  readonly documentSettings: FakeDocumentSettings;

  constructor(
    public model: FakeWorkbookModel,
    readonly options: FakeHostOptions = {},
  ) {
    this.documentSettings = new FakeDocumentSettings(this);
  }

  get payloadLimit(): number {
    return this.options.payloadLimit ?? FAKE_PAYLOAD_LIMIT;
  }

  supports(set: string, version: string): boolean {
    return set === 'ExcelApi' && versionAtLeast(this.options.apiVersion ?? '1.20', version);
  }

  toPublish(p: { publish(): void }): void {
    this.toPublishList.push(p);
  }

  discardPending(): void {
    this.toPublishList = [];
  }

  publish(): void {
    const list = this.toPublishList;
    this.toPublishList = [];
    for (const p of list) p.publish();
  }

  /** The add-in's HostInfo.run: a fresh context per batch; counts its syncs and keeps the run options. */
  run = async <T>(batch: (context: Excel.RequestContext) => Promise<T>, options?: RunRecord['options']): Promise<T> => {
    const context = new FakeRequestContext(this);
    const record: RunRecord = { syncs: 0, options };
    this.runs.push(record);
    try {
      return await batch(context as unknown as Excel.RequestContext);
    } finally {
      this.toPublishList = [];
      record.syncs = context.syncCount;
    }
  };

  /** The globals office.js would install: `Office` and `Excel`. */
  globals(): { Office: unknown; Excel: unknown } {
    const host = this;
    return {
      Office: {
        HostType: { Excel: 'Excel' },
        onReady(cb?: (info: { host: string; platform: string }) => void) {
          const info = { host: 'Excel', platform: 'OfficeOnline' };
          if (cb) setTimeout(() => cb(info), 0);
          return Promise.resolve(info);
        },
        AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
        context: {
          displayLanguage: host.options.displayLanguage ?? 'zh-CN',
          requirements: { isSetSupported: (set: string, v?: string) => host.supports(set, v ?? '1.1') },
          document: { settings: host.documentSettings },
        },
      },
      // Excel.run(batch) or Excel.run(options, batch), as office.js takes them.
      Excel: {
        run: (a: unknown, b?: unknown) =>
          typeof a === 'function'
            ? host.run(a as (c: Excel.RequestContext) => Promise<unknown>)
            : host.run(b as (c: Excel.RequestContext) => Promise<unknown>, a as RunRecord['options']),
      },
    };
  }
}
