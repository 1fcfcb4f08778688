import { UnpatchableWorkbookError } from './errors';
import { MAIN_NAMESPACES } from './namespaces';
import type { OpcPackage } from './opcPackage';
import { XmlEditor } from './xmlEditor';
import { escapeText } from './xmlText';
import { attribute, childNamed, childrenNamed, parseXml, siblingName, type XmlElement } from './xmlTree';

export const NOTE_AUTHOR = '预算表校验 budget-audit';
export const NOTE_SEPARATOR = '—— 预算表校验 / budget-audit ——';

/**
 * A sheet's legacy notes (`xl/commentsN.xml`). A cell that already has a note keeps every run of
 * its text as it was; ours comes after it, behind a separator line. A cell without one gets a
 * new note by our author. Nothing else in the part changes.
 */
export class CommentsPart {
  private readonly editor: XmlEditor;
  private readonly root: XmlElement;
  private readonly byCell = new Map<string, XmlElement>();
  private readonly commentList?: XmlElement;
  private readonly newComments: string[] = [];
  private authorId?: number;

  constructor(
    private readonly pkg: OpcPackage,
    readonly name: string,
    main: string,
  ) {
    const text = pkg.has(name) ? pkg.text(name) : `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<comments xmlns="${main}"><authors></authors><commentList></commentList></comments>`;
    const xml = parseXml(text, name, { recordChildren: (_, depth) => depth <= 3 });
    this.root = xml.root;
    if (this.root.local !== 'comments' || !MAIN_NAMESPACES.has(this.root.uri)) {
      throw new UnpatchableWorkbookError(`${name} 不是批注部件`, `${name} is not a comments part`);
    }
    this.editor = new XmlEditor(xml);
    this.commentList = childNamed(this.root, 'commentList');
    for (const comment of this.commentList ? childrenNamed(this.commentList, 'comment') : []) {
      const ref = normalRef(attribute(comment, 'ref') ?? '');
      if (!this.byCell.has(ref)) this.byCell.set(ref, comment);
    }
  }

  /** Adds our sentences to the note of `cell` (A1 address), creating the note when there is none. */
  annotate(cell: string, sentences: string[]): void {
    const ours = sentences.join('\n');
    const existing = this.byCell.get(normalRef(cell));
    if (existing) this.extend(existing, ours);
    else this.newComments.push(`<${this.n('comment')} ref="${cell}" authorId="${this.ourAuthorId()}"><${this.n('text')}>${this.run(ours)}</${this.n('text')}></${this.n('comment')}>`);
  }

  private n(local: string): string {
    return siblingName(this.root, local);
  }

  private run(text: string): string {
    const n = (l: string) => this.n(l);
    return (
      `<${n('r')}><${n('rPr')}><${n('sz')} val="9"/><${n('color')} indexed="81"/><${n('rFont')} val="Tahoma"/><${n('family')} val="2"/></${n('rPr')}>` +
      `<${n('t')} xml:space="preserve">${escapeText(text)}</${n('t')}></${n('r')}>`
    );
  }

  /** Rich text: our run after the last run. Plain text: our lines appended inside its one `<t>`. */
  private extend(comment: XmlElement, ours: string): void {
    const text = childNamed(comment, 'text');
    if (!text) throw new UnpatchableWorkbookError(`${this.name} 中单元格 ${attribute(comment, 'ref')} 的批注没有文本`, `the note of cell ${attribute(comment, 'ref')} in ${this.name} has no text`);
    const runs = childrenNamed(text, 'r');
    const plain = childNamed(text, 't');
    if (runs.length) {
      this.editor.insert(runs[runs.length - 1].end, this.run(`\n${NOTE_SEPARATOR}\n${ours}`));
    } else if (plain && !plain.selfClosing && plain.text.length) {
      this.editor.insert(plain.closeStart, escapeText(`\n${NOTE_SEPARATOR}\n${ours}`));
    } else if (plain) {
      // An empty note: our text is all it says.
      this.editor.replace(plain.start, plain.end, `<${siblingName(plain, 't')} xml:space="preserve">${escapeText(ours)}</${siblingName(plain, 't')}>`);
    } else if (text.selfClosing) {
      this.editor.append(text, this.run(ours));
    } else {
      // Runs come before any phonetic runs (rPh) and properties.
      this.editor.insert(text.openEnd, this.run(ours));
    }
  }

  private ourAuthorId(): number {
    if (this.authorId !== undefined) return this.authorId;
    const authors = childNamed(this.root, 'authors');
    const names = authors ? childrenNamed(authors, 'author') : [];
    const i = names.findIndex((a) => a.text === NOTE_AUTHOR);
    if (i >= 0) return (this.authorId = i);
    const author = `<${this.n('author')}>${escapeText(NOTE_AUTHOR)}</${this.n('author')}>`;
    const first = this.root.children[0];
    if (authors) this.editor.append(authors, author);
    else if (first) this.editor.insert(first.start, `<${this.n('authors')}>${author}</${this.n('authors')}>`);
    else this.editor.append(this.root, `<${this.n('authors')}>${author}</${this.n('authors')}>`);
    return (this.authorId = names.length);
  }

  save(): void {
    if (this.newComments.length) {
      const markup = this.newComments.join('');
      if (this.commentList) this.editor.append(this.commentList, markup);
      else {
        // After authors (or where ourAuthorId put them: before the first child), as the schema orders them.
        const authors = childNamed(this.root, 'authors');
        const at = authors ? authors.end : this.root.children[0]?.start;
        const list = `<${this.n('commentList')}>${markup}</${this.n('commentList')}>`;
        if (at !== undefined) this.editor.insert(at, list);
        else this.editor.append(this.root, list);
      }
    }
    if (this.editor.changed || !this.pkg.has(this.name)) this.pkg.setText(this.name, this.editor.text());
  }
}

function normalRef(ref: string): string {
  return ref.replace(/\$/g, '').toUpperCase();
}
