import type { Finding } from '../../core/finding';
import type { Language } from '../../core/report';
import { planMarks, type CellMark, type MarkSeverity } from '../../core/marks';
import { chunk } from './markPlan';
import { isOurFormula, isOurNote, MARK_COLORS, markFormula, NOTE_TAG } from './markTags';

/**
 * Marks findings in place with tagged conditional formats (never the cell's own fill, borders,
 * values or notes), and clears them again. Constant number of syncs whatever the number of
 * cells or sheets:
 *   mark  = probe (1 sync: our old marks, notes on the target cells) + write (1 sync);
 *   clear = probe + delete (2 syncs), +1 to list the sheets when the caller does not know them.
 * A protected sheet is never unprotected: it is left alone and named in the outcome.
 */
export interface MarkOptions {
  lang: Language;
  /** Reviewer option: also put a note on each marked cell. */
  reviewerNotes: boolean;
  /** ExcelApi 1.18 (notes) is available. */
  notesSupported: boolean;
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
}

interface SheetProbe {
  name: string;
  sheet: Excel.Worksheet;
  formats?: Excel.ConditionalFormatCollection;
  notes?: Excel.NoteCollection;
  targetNotes: Map<string, Excel.Note>;
}

function probeSheets(context: Excel.RequestContext, names: string[], notesSupported: boolean, targets: Map<string, CellMark[]>): SheetProbe[] {
  return names.map((name) => {
    // getItem: the names come from the read just made; a sheet renamed since fails the batch
    // with ItemNotFound, which the pane turns into "check again".
    const sheet = context.workbook.worksheets.getItem(name);
    sheet.protection.load('protected');
    // Navigation properties need no load (the office-addins lint rule cannot tell them apart).
    // eslint-disable-next-line office-addins/load-object-before-read
    const formats = sheet.getRange().conditionalFormats;
    formats.load('items/type,items/customOrNullObject/rule/formula');
    const probe: SheetProbe = { name, sheet, formats, targetNotes: new Map() };
    if (notesSupported) {
      // eslint-disable-next-line office-addins/call-sync-before-read
      probe.notes = sheet.notes;
      probe.notes.load('items/content');
      for (const mark of targets.get(name) ?? []) {
        const note = sheet.notes.getItemOrNullObject(mark.cell);
        note.load('content');
        probe.targetNotes.set(mark.cell, note);
      }
    }
    return probe;
  });
}

/** Deletes our conditional formats and notes on one probed sheet (queued, not synced). */
function queueRemoval(probe: SheetProbe): { marks: number; notes: number } {
  let marks = 0;
  let notes = 0;
  for (const cf of probe.formats?.items ?? []) {
    if (cf.type !== 'Custom' || cf.customOrNullObject.isNullObject) continue;
    if (!isOurFormula(cf.customOrNullObject.rule.formula)) continue;
    cf.delete();
    marks++;
  }
  for (const note of probe.notes?.items ?? []) {
    if (!isOurNote(note.content)) continue;
    note.delete();
    notes++;
  }
  return { marks, notes };
}

function emptyOutcome(): MarkOutcome {
  return { markedCells: 0, protectedSheets: [], notesAdded: 0, notesKeptForUser: 0, removedMarks: 0, removedNotes: 0 };
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
  const probes = probeSheets(context, names, options.notesSupported, useNotes ? targets : new Map());
  await context.sync();

  const outcome = emptyOutcome();
  for (const probe of probes) {
    if (probe.sheet.protection.protected) {
      if (targets.has(probe.name) || hasOurMarks(probe)) outcome.protectedSheets.push(probe.name);
      continue;
    }
    const removed = queueRemoval(probe);
    outcome.removedMarks += removed.marks;
    outcome.removedNotes += removed.notes;
    const cells = targets.get(probe.name) ?? [];
    for (const severity of ['warning', 'error'] as MarkSeverity[]) {
      const addresses = cells.filter((c) => c.severity === severity).map((c) => c.cell);
      // One conditional format per ≤500 areas and colour: a handful of requests, one sync.
      for (const part of chunk(addresses)) {
        const cf = probe.sheet.getRanges(part.join(',')).conditionalFormats.add('Custom');
        cf.custom.rule.formula = markFormula(severity);
        cf.custom.format.fill.color = MARK_COLORS[severity].fill;
        cf.custom.format.font.color = MARK_COLORS[severity].font;
        // Ours on top, so the user's own conditional formats cannot hide a mark.
        cf.priority = 0;
      }
    }
    outcome.markedCells += cells.length;
    if (useNotes) {
      for (const mark of cells) {
        const existing = probe.targetNotes.get(mark.cell);
        if (existing && !existing.isNullObject && !isOurNote(existing.content)) {
          outcome.notesKeptForUser++;
          continue;
        }
        probe.sheet.notes.add(mark.cell, `${NOTE_TAG}\n${mark.messages.join('\n')}`);
        outcome.notesAdded++;
      }
    }
  }
  await context.sync();
  return outcome;
}

function hasOurMarks(probe: SheetProbe): boolean {
  return (probe.formats?.items ?? []).some((cf) => cf.type === 'Custom' && !cf.customOrNullObject.isNullObject && isOurFormula(cf.customOrNullObject.rule.formula));
}

/** Removes every mark and note of ours, and nothing else. */
export async function clearMarks(context: Excel.RequestContext, notesSupported: boolean, sheetNames?: string[]): Promise<MarkOutcome> {
  let names = sheetNames;
  if (!names) {
    const sheets = context.workbook.worksheets;
    sheets.load('items/name');
    await context.sync();
    names = sheets.items.map((s) => s.name);
  }
  const probes = probeSheets(context, names, notesSupported, new Map());
  await context.sync();
  const outcome = emptyOutcome();
  for (const probe of probes) {
    if (probe.sheet.protection.protected) {
      if (hasOurMarks(probe)) outcome.protectedSheets.push(probe.name);
      continue;
    }
    const removed = queueRemoval(probe);
    outcome.removedMarks += removed.marks;
    outcome.removedNotes += removed.notes;
  }
  await context.sync();
  return outcome;
}
