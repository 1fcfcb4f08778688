/**
 * Edits to a part's text as a list of splices applied in one pass: every byte outside the
 * spliced ranges is carried over as it was, and the cost is linear in the text however many
 * edits there are. Insertions at one offset keep the order they were made in.
 */
interface Splice {
  start: number;
  end: number;
  text: string;
  order: number;
}

export class TextPatch {
  private readonly splices: Splice[] = [];

  constructor(readonly source: string) {}

  insert(at: number, text: string): void {
    this.replace(at, at, text);
  }

  replace(start: number, end: number, text: string): void {
    this.splices.push({ start, end, text, order: this.splices.length });
  }

  get changed(): boolean {
    return this.splices.length > 0;
  }

  apply(): string {
    const splices = [...this.splices].sort((a, b) => a.start - b.start || a.end - b.end || a.order - b.order);
    const out: string[] = [];
    let at = 0;
    for (const s of splices) {
      if (s.start < at) throw new Error(`overlapping edits at ${s.start}`);
      out.push(this.source.slice(at, s.start), s.text);
      at = s.end;
    }
    out.push(this.source.slice(at));
    return out.join('');
  }
}
