import { UnpatchableWorkbookError } from './errors';
import type { OpcPackage } from './opcPackage';
import { TextPatch } from './textPatch';

/**
 * The legacy VML drawing that gives each note its (hidden) box. VML written by Excel is not
 * always well-formed XML, so an existing drawing is not parsed: our shapes go just before its
 * closing `</xml>`, and only its shape-id block list (`o:idmap data`) grows when our shapes need
 * a new block. Excel asks to repair a workbook whose drawings share a block, hence ShapeIdBlocks.
 */
const NAMESPACES = {
  v: 'urn:schemas-microsoft-com:vml',
  o: 'urn:schemas-microsoft-com:office:office',
  x: 'urn:schemas-microsoft-com:office:excel',
};

const BLOCK = 1024;
const MAX_ROW = 1048575;
const MAX_COL = 16383;

const NOTE_SHAPE_TYPE =
  '<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>';

/**
 * Shape ids come in blocks of 1,024, each block owned by one drawing (listed in its
 * `o:idmap data`). New shapes take ids in their drawing's own blocks, then in blocks no drawing
 * of the package uses, so ids never collide across drawings.
 */
export class ShapeIdBlocks {
  private highest = 0;

  constructor(pkg: OpcPackage) {
    for (const part of pkg.partNames) {
      if (!part.toLowerCase().endsWith('.vml')) continue;
      const text = new TextDecoder().decode(pkg.bytesOf(part));
      for (const b of idmapBlocks(text)) this.highest = Math.max(this.highest, b);
      for (const m of text.matchAll(/_x0000_s(\d+)/g)) this.highest = Math.max(this.highest, Math.floor(Number(m[1]) / BLOCK));
    }
  }

  take(): number {
    return ++this.highest;
  }
}

function idmapBlocks(text: string): number[] {
  const data = IDMAP.exec(text)?.[2] ?? '';
  return data.split(',').filter((b) => /^\s*\d+\s*$/.test(b)).map(Number);
}

const IDMAP = /(<o:idmap\b[^>]*?\bdata\s*=\s*["'])([^"']*)/;

export class VmlDrawing {
  private readonly text: string;
  private readonly notes = new Set<string>();
  private readonly shapes: string[] = [];
  /** The drawing's blocks, and those we add to it. */
  private readonly blocks: number[] = [];
  private readonly newBlocks: number[] = [];
  private nextId = 0;
  private readonly hasNoteShapeType: boolean;

  constructor(
    private readonly pkg: OpcPackage,
    readonly name: string,
    private readonly idBlocks: ShapeIdBlocks,
  ) {
    const existing = pkg.has(name);
    this.text = existing ? pkg.text(name) : '';
    if (!existing) {
      this.hasNoteShapeType = false;
      return;
    }
    const root = /<xml\b[^>]*>/.exec(this.text)?.[0];
    const declared = root !== undefined && Object.entries(NAMESPACES).every(([p, uri]) => new RegExp(`xmlns:${p}\\s*=\\s*["']${uri}["']`).test(root));
    if (!declared || this.text.lastIndexOf('</xml>') < 0) {
      throw new UnpatchableWorkbookError(
        `批注图形部件 ${name} 的格式不是 Excel 的写法（根元素 <xml> 与 v/o/x 前缀），无法安全添加批注`,
        `the note drawing ${name} is not laid out as Excel writes it (an <xml> root with the v/o/x prefixes); notes cannot be added safely`,
      );
    }
    this.hasNoteShapeType = /<v:shapetype\b[^>]*?\bid\s*=\s*["']_x0000_t202["']/.test(this.text);
    this.blocks.push(...idmapBlocks(this.text));
    for (const m of this.text.matchAll(/_x0000_s(\d+)/g)) this.nextId = Math.max(this.nextId, Number(m[1]) + 1);
    // Cells that already have a note box (their ClientData gives the zero-based row and column).
    for (const m of this.text.matchAll(/<x:ClientData\b[^>]*?ObjectType\s*=\s*["']Note["'][^>]*>([\s\S]*?)<\/x:ClientData>/g)) {
      const row = /<x:Row>\s*(\d+)\s*<\/x:Row>/.exec(m[1])?.[1];
      const col = /<x:Column>\s*(\d+)\s*<\/x:Column>/.exec(m[1])?.[1];
      if (row !== undefined && col !== undefined) this.notes.add(`${row}:${col}`);
    }
  }

  /** The next shape id: in one of the drawing's blocks, else in a new block of its own. */
  private shapeId(): number {
    let id = this.nextId;
    if (id % BLOCK === 0 || !this.blocks.includes(Math.floor(id / BLOCK))) {
      const block = this.idBlocks.take();
      this.blocks.push(block);
      this.newBlocks.push(block);
      id = block * BLOCK + 1;
    }
    this.nextId = id + 1;
    return id;
  }

  /** A hidden note box for the cell at (1-based) row and column, unless it has one. */
  addNote(row: number, col: number): void {
    const r = row - 1;
    const c = col - 1;
    if (this.notes.has(`${r}:${c}`)) return;
    this.notes.add(`${r}:${c}`);
    const id = this.shapeId();
    // Anchored just right of the cell, a few columns wide and rows tall, as Excel places a new note.
    const anchor = [Math.min(c + 1, MAX_COL), 15, Math.max(r - 1, 0), 10, Math.min(c + 5, MAX_COL), 15, Math.min(r + 8, MAX_ROW), 4].join(', ');
    this.shapes.push(
      `<v:shape id="_x0000_s${id}" type="#_x0000_t202" style="position:absolute;margin-left:59.25pt;margin-top:1.5pt;width:240pt;height:120pt;z-index:${id % BLOCK};visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto">` +
        '<v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/>' +
        '<v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox>' +
        `<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>${anchor}</x:Anchor><x:AutoFill>False</x:AutoFill>` +
        `<x:Row>${r}</x:Row><x:Column>${c}</x:Column></x:ClientData></v:shape>`,
    );
  }

  save(): void {
    if (!this.shapes.length) return;
    const shapes = (this.hasNoteShapeType ? '' : NOTE_SHAPE_TYPE) + this.shapes.join('');
    if (!this.pkg.has(this.name)) {
      const xmlns = Object.entries(NAMESPACES).map(([p, uri]) => ` xmlns:${p}="${uri}"`).join('');
      const layout = `<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="${this.blocks.join(',')}"/></o:shapelayout>`;
      this.pkg.setText(this.name, `<xml${xmlns}>${layout}${shapes}</xml>`);
      return;
    }
    const patch = new TextPatch(this.text);
    patch.insert(this.text.lastIndexOf('</xml>'), shapes);
    const idmap = IDMAP.exec(this.text);
    if (idmap && this.newBlocks.length) patch.insert(idmap.index + idmap[0].length, (idmap[2].trim() ? ',' : '') + this.newBlocks.join(','));
    this.pkg.setText(this.name, patch.apply());
  }
}
