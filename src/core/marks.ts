import type { Finding, Severity } from './finding';
import type { Language } from './messages/catalogue';
import { renderSentence } from './messages/render';

/**
 * What to mark, per sheet: the cell a finding's sentence is about, plus the other side of a
 * cross-table mismatch (its `cells` marked `other`) where the finding cannot tell which side is wrong (it says
 * what neither should be: no `expected`) or the other cell is in its own sheet, worst severity winning, each with the one sentence of every
 * finding that marks it. Info findings and findings a reviewer marked 已核实 are not marked.
 * One plan for both marking adapters: Excel's conditional formats and the annotated .xlsx copy.
 */
export type MarkSeverity = Exclude<Severity, 'info'>;

export interface CellMark {
  cell: string;
  severity: MarkSeverity;
  messages: string[];
}

export interface SheetMarks {
  sheet: string;
  cells: CellMark[];
}

export function planMarks(findings: Finding[], lang: Language): SheetMarks[] {
  const bySheet = new Map<string, Map<string, CellMark>>();
  for (const f of findings) {
    if (f.severity === 'info' || f.review) continue;
    const severity = f.severity;
    // The other figures a finding lists in its own table are the right ones it was checked
    // against (a total, another column): painted too, they would read as wrong (003 YS04 F7).
    // So is the other side, in another sheet, of a finding that says what its own figure should be: that
    // side is the right one (painted, it read as wrong beside a report calling its table clean). A pair
    // of its own table (two figures swapped, a row pasted one low) is marked whole.
    const others = f.cells.filter((c) => c.other && (f.expected === null || c.sheet === f.sheet));
    for (const ref of [{ sheet: f.sheet, cell: f.cell }, ...others]) {
      let cells = bySheet.get(ref.sheet);
      if (!cells) bySheet.set(ref.sheet, (cells = new Map()));
      const mark = cells.get(ref.cell) ?? { cell: ref.cell, severity, messages: [] };
      if (severity === 'error') mark.severity = 'error';
      const message = renderSentence(f.message, lang);
      if (!mark.messages.includes(message)) mark.messages.push(message);
      cells.set(ref.cell, mark);
    }
  }
  return [...bySheet].map(([sheet, cells]) => ({ sheet, cells: [...cells.values()] }));
}
