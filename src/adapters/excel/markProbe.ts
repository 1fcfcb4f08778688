import type { CellMark } from '../../core/marks';
import { isOurFormula } from './markTags';
import { isPayloadTooLarge } from './payloadBudget';
import { requestBytes, wireBytes, type RequestBatch } from './requestBatch';

/**
 * What marking and clearing must know of each sheet before writing: is it protected, which
 * conditional formats are ours, what every note says (ours may be inside one the user extended),
 * and which note is on each cell about to be marked. One sync normally. A sheet holding so many
 * long notes that Excel refuses to send them all at once is read again note by note, in pages
 * sized from what the notes really cost (as readWorkbook.ts reads cells in bands).
 */
export interface NoteState {
  note: Excel.Note;
  content: string;
  /** The note's cell, when the probe learnt it. */
  cell?: string;
}

export interface SheetState {
  name: string;
  sheet: Excel.Worksheet;
  protected: boolean;
  ourFormats: Excel.ConditionalFormat[];
  /** Every note of the sheet (empty without the notes API). */
  notes: NoteState[];
  /** The note on each cell to be marked, null for none. */
  targets: Map<string, NoteState | null>;
}

export interface ProbeOptions {
  /** ExcelApi 1.18: notes can be read. */
  notes: boolean;
  /** Per sheet, the cells whose notes will be written. */
  targets: Map<string, CellMark[]>;
  /** More to load in the probe's first request (again when a refused request is retried). */
  alsoLoad?: () => void;
}

export async function probeSheets(context: Excel.RequestContext, batch: RequestBatch, names: string[], options: ProbeOptions): Promise<SheetState[]> {
  if (!options.notes) return probeAtOnce(context, batch, names, options);
  try {
    return await probeAtOnce(context, batch, names, options);
  } catch (e) {
    if (!isPayloadTooLarge(e)) throw e;
    return probeNotesInPages(context, batch, names, options);
  }
}

interface QueuedSheet {
  name: string;
  sheet: Excel.Worksheet;
  formats: Excel.ConditionalFormatCollection;
}

function queueSheet(context: Excel.RequestContext, name: string): QueuedSheet {
  // getItem: the names come from the read just made; a sheet renamed since fails the batch
  // with ItemNotFound, which the pane turns into "check again".
  const sheet = context.workbook.worksheets.getItem(name);
  sheet.protection.load('protected');
  // Navigation properties need no load (the office-addins lint rule cannot tell them apart).
  // eslint-disable-next-line office-addins/load-object-before-read
  const formats = sheet.getRange().conditionalFormats;
  formats.load('items/type,items/customOrNullObject/rule/formula');
  return { name, sheet, formats };
}

function sheetState(q: QueuedSheet): SheetState {
  return {
    name: q.name,
    sheet: q.sheet,
    protected: Boolean(q.sheet.protection.protected),
    ourFormats: q.formats.items.filter((cf) => cf.type === 'Custom' && !cf.customOrNullObject.isNullObject && isOurFormula(cf.customOrNullObject.rule.formula)),
    notes: [],
    targets: new Map(),
  };
}

async function probeAtOnce(context: Excel.RequestContext, batch: RequestBatch, names: string[], options: ProbeOptions): Promise<SheetState[]> {
  const queued: (QueuedSheet & { items?: Excel.NoteCollection; targets: Map<string, Excel.Note> })[] = [];
  options.alsoLoad?.();
  for (const name of names) {
    await batch.reserve(requestBytes(6, name));
    const q = queueSheet(context, name);
    let items: Excel.NoteCollection | undefined;
    const targets = new Map<string, Excel.Note>();
    if (options.notes) {
      items = q.sheet.notes;
      items.load('items/content');
      for (const mark of options.targets.get(name) ?? []) {
        await batch.reserve(requestBytes(3, mark.cell));
        const note = q.sheet.notes.getItemOrNullObject(mark.cell);
        note.load('content');
        targets.set(mark.cell, note);
      }
    }
    queued.push({ ...q, items, targets });
  }
  await batch.send();
  return queued.map((q) => {
    const state = sheetState(q);
    state.notes = (q.items?.items ?? []).map((note) => ({ note, content: note.content ?? '' }));
    for (const [cell, note] of q.targets) state.targets.set(cell, note.isNullObject ? null : { note, content: note.content ?? '', cell });
    return state;
  });
}

/** The cell of an address Excel gives back: 'Sheet 1'!$B$7 → B7. */
function localCell(address: string): string {
  return address.slice(address.lastIndexOf('!') + 1).replace(/\$/g, '');
}

async function probeNotesInPages(context: Excel.RequestContext, batch: RequestBatch, names: string[], options: ProbeOptions): Promise<SheetState[]> {
  const queued: (QueuedSheet & { count: OfficeExtension.ClientResult<number> })[] = [];
  options.alsoLoad?.();
  for (const name of names) {
    await batch.reserve(requestBytes(7, name));
    const q = queueSheet(context, name);
    queued.push({ ...q, count: q.sheet.notes.getCount() });
  }
  await batch.send();
  const states = queued.map(sheetState);
  const wanted = states.flatMap((state, k) => Array.from({ length: queued[k].count.value }, (_, index) => ({ state, index })));
  // A guess of one note in the answer (its text and its cell), re-measured after every page.
  let perNote = 1024;
  for (let from = 0; from < wanted.length; ) {
    const size = Math.max(1, Math.min(Math.floor(batch.budget / perNote), Math.floor(batch.budget / requestBytes(4))));
    const page = wanted.slice(from, from + size).map(({ state, index }) => {
      const note = state.sheet.notes.getItemAt(index);
      note.load('content');
      const where = note.getLocation();
      where.load('address');
      return { state, note, where };
    });
    try {
      await batch.send();
    } catch (e) {
      if (!isPayloadTooLarge(e) || page.length === 1) throw e;
      perNote *= 2;
      continue;
    }
    let bytes = 0;
    for (const { state, note, where } of page) {
      state.notes.push({ note, content: note.content ?? '', cell: localCell(where.address) });
      bytes += wireBytes(note.content ?? '') + wireBytes(where.address);
    }
    perNote = Math.max(64, (bytes / page.length) * 1.5);
    from += page.length;
  }
  for (const state of states) {
    const byCell = new Map(state.notes.map((n) => [n.cell, n]));
    for (const mark of options.targets.get(state.name) ?? []) state.targets.set(mark.cell, byCell.get(mark.cell) ?? null);
  }
  return states;
}
