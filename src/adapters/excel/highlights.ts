import type { Finding } from '../../core/finding';
import type { Language } from '../../core/report';
import { planMarks, type CellMark, type MarkSeverity } from '../../core/marks';
import { chunk } from './markPlan';
import { MARK_COLORS, markFormula, noteBlock, withOurBlock, withoutOurBlock } from './markTags';
import { probeSheets, type SheetState } from './markProbe';
import { PAYLOAD_SAFETY } from './payloadBudget';
import { RequestBatch, requestBytes } from './requestBatch';

/**
 * Marks findings in place with tagged conditional formats (never the cell's own fill, borders
 * or values), and clears them again. A constant number of syncs whatever the number of cells or
 * sheets — probe (1 sync: our old marks, the notes) + write (1 sync) — and one more per ~4 MB
 * of request when there is that much to say (requestBatch.ts). Reviewer notes are a block of
 * ours inside the cell's note: a note the user wrote alone is left as it is; words the user typed
 * before or after our block survive both re-marking and clearing.
 * A protected sheet is never unprotected: it is left alone and named in the outcome.
 */
export interface MarkOptions {
  lang: Language;
  /** Reviewer option: also put a note on each marked cell. */
  reviewerNotes: boolean;
  /** ExcelApi 1.18 (notes) is available. */
  notesSupported: boolean;
  /** Stops the writes between two syncs (what was sent stays; 清除标记 takes it away). */
  signal?: AbortSignal;
  /** Excel's request limit (5 MB on the web); tests use a small one. */
  payloadLimitBytes?: number;
}

export interface MarkOutcome {
  markedCells: number;
  /** Sheets that could not be marked (or cleared) because they are protected. */
  protectedSheets: string[];
  notesAdded: number;
  /** Cells that already had the user's own note: left untouched, no note of ours added. */
  notesKeptForUser: number;
  removedMarks: number;
  removedNotes: number;
  /** Without the notes API the add-in cannot see notes: any it wrote before are still there. */
  notesUnreachable: boolean;
  /** Syncs the whole operation took. */
  syncs: number;
}

function budgetFor(limit: number | undefined): number | undefined {
  return limit === undefined ? undefined : Math.floor(limit * PAYLOAD_SAFETY);
}

function emptyOutcome(notesSupported: boolean): MarkOutcome {
  return { markedCells: 0, protectedSheets: [], notesAdded: 0, notesKeptForUser: 0, removedMarks: 0, removedNotes: 0, notesUnreachable: !notesSupported, syncs: 0 };
}

/** Deletes our conditional formats, and our block from every note not about to be rewritten (queued). */
async function queueRemoval(state: SheetState, batch: RequestBatch, keepCells: Set<string>): Promise<{ marks: number; notes: number }> {
  let notes = 0;
  for (const cf of state.ourFormats) {
    await batch.reserve(requestBytes(1));
    cf.delete();
  }
  for (const n of state.notes) {
    // A note on a cell being marked again is rewritten below from what it said before.
    if (n.cell && keepCells.has(n.cell)) continue;
    const rest = withoutOurBlock(n.content);
    if (rest === null) continue;
    await batch.reserve(requestBytes(1, rest));
    if (rest === '') n.note.delete();
    else n.note.content = rest;
    notes++;
  }
  return { marks: state.ourFormats.length, notes };
}

/** One conditional format per ≤500 areas and colour: a handful of requests. */
async function queueMarks(state: SheetState, cells: CellMark[], batch: RequestBatch): Promise<void> {
  for (const severity of ['warning', 'error'] as MarkSeverity[]) {
    const addresses = cells.filter((c) => c.severity === severity).map((c) => c.cell);
    for (const part of chunk(addresses)) {
      const address = part.join(',');
      await batch.reserve(requestBytes(6, address, markFormula(severity)));
      const cf = state.sheet.getRanges(address).conditionalFormats.add('Custom');
      cf.custom.rule.formula = markFormula(severity);
      cf.custom.format.fill.color = MARK_COLORS[severity].fill;
      cf.custom.format.font.color = MARK_COLORS[severity].font;
      // Ours on top, so the user's own conditional formats cannot hide a mark.
      cf.priority = 0;
    }
  }
}

/** Our note on each marked cell: a new note, or our block rewritten inside the note already there. */
async function queueNotes(state: SheetState, cells: CellMark[], batch: RequestBatch, outcome: MarkOutcome): Promise<void> {
  for (const mark of cells) {
    const existing = state.targets.get(mark.cell) ?? null;
    const rest = existing ? withoutOurBlock(existing.content) : '';
    if (existing && rest === null) {
      // The user's own note, with nothing of ours in it: theirs alone.
      outcome.notesKeptForUser++;
      continue;
    }
    if (existing && rest !== '') {
      const content = withOurBlock(existing.content, mark.messages);
      await batch.reserve(requestBytes(1, content));
      existing.note.content = content;
    } else {
      // No note, or a note that was all ours: queueRemoval deleted it through the sheet's list,
      // unless the probe knew its cell (then it is this very entry, kept for us to delete here).
      if (existing && state.notes.includes(existing)) {
        await batch.reserve(requestBytes(1));
        existing.note.delete();
      }
      const content = noteBlock(mark.messages);
      await batch.reserve(requestBytes(2, mark.cell, content));
      state.sheet.notes.add(mark.cell, content);
    }
    outcome.notesAdded++;
  }
}

/**
 * Replaces the add-in's marks with marks for `findings`. `sheetNames` are the workbook's sheets
 * as just read (old marks on sheets without findings are removed too).
 */
export async function markFindings(context: Excel.RequestContext, sheetNames: string[], findings: Finding[], options: MarkOptions): Promise<MarkOutcome> {
  const plan = planMarks(findings, options.lang);
  const targets = new Map(plan.map((p) => [p.sheet, p.cells]));
  const names = [...new Set([...sheetNames, ...plan.map((p) => p.sheet)])];
  const useNotes = options.reviewerNotes && options.notesSupported;
  const batch = new RequestBatch(context, budgetFor(options.payloadLimitBytes), options.signal);
  const states = await probeSheets(context, batch, names, { notes: options.notesSupported, targets: useNotes ? targets : new Map() });

  const outcome = emptyOutcome(options.notesSupported);
  for (const state of states) {
    const cells = targets.get(state.name) ?? [];
    if (state.protected) {
      if (cells.length || state.ourFormats.length) outcome.protectedSheets.push(state.name);
      continue;
    }
    const removed = await queueRemoval(state, batch, useNotes ? new Set(cells.map((c) => c.cell)) : new Set());
    outcome.removedMarks += removed.marks;
    outcome.removedNotes += removed.notes;
    await queueMarks(state, cells, batch);
    outcome.markedCells += cells.length;
    if (useNotes) await queueNotes(state, cells, batch, outcome);
  }
  await batch.send();
  outcome.syncs = batch.syncs;
  return outcome;
}

/**
 * Removes every mark of ours and our block from every note, and nothing else. With the sheet
 * names of the last read it takes 2 syncs (probe, delete); it lists the sheets itself when it
 * has none, when one of them was renamed or deleted since, and probes sheets added since
 * (a copy of a marked sheet carries our marks).
 */
export async function clearMarks(context: Excel.RequestContext, notesSupported: boolean, sheetNames?: string[], options: { payloadLimitBytes?: number } = {}): Promise<MarkOutcome> {
  const batch = new RequestBatch(context, budgetFor(options.payloadLimitBytes));
  const listed = context.workbook.worksheets;
  const list = () => listed.load('items/name');
  if (!sheetNames) {
    list();
    await batch.send();
  }
  const names = sheetNames ?? listed.items.map((s) => s.name);
  let states: SheetState[];
  try {
    // The list comes with the probe: the sheets added since the last check are probed too.
    states = await probeSheets(context, batch, names, { notes: notesSupported, targets: new Map(), alsoLoad: sheetNames ? list : undefined });
  } catch (e) {
    if (!sheetNames || !/ItemNotFound/i.test(String((e as { code?: string })?.code))) throw e;
    const listed = await clearMarks(context, notesSupported, undefined, options);
    listed.syncs += batch.syncs;
    return listed;
  }
  const added = listed.items.map((s) => s.name).filter((n) => !names.includes(n));
  if (added.length) states = states.concat(await probeSheets(context, batch, added, { notes: notesSupported, targets: new Map() }));

  const outcome = emptyOutcome(notesSupported);
  for (const state of states) {
    if (state.protected) {
      if (state.ourFormats.length || state.notes.some((n) => withoutOurBlock(n.content) !== null)) outcome.protectedSheets.push(state.name);
      continue;
    }
    const removed = await queueRemoval(state, batch, new Set());
    outcome.removedMarks += removed.marks;
    outcome.removedNotes += removed.notes;
  }
  await batch.send();
  outcome.syncs = batch.syncs;
  return outcome;
}
