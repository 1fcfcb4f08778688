/**
 * An .xls file's document properties (title, author, company …), which the snapshot never uses,
 * left out of what SheetJS reads: SheetJS parses them with a loop that trusts their stored
 * counts, and one flipped byte there made it allocate until the process died of memory (found by
 * the fuzz test). The workbook stream is untouched; the copy lives in memory only.
 */
interface OleContainer {
  FileIndex: unknown[];
}

/** SheetJS's OLE library (`XLSX.CFB`), the part used here; passed in, so that this module loads no SheetJS build of its own. */
export interface OleLibrary {
  find(container: OleContainer, name: string): unknown;
  write(container: OleContainer, options: { type: 'buffer' }): Uint8Array;
  utils: { cfb_del(container: OleContainer, name: string): boolean };
}

/** The property-set streams, as the OLE library names them (`\u0005` shown as `!`). */
const PROPERTY_STREAMS = ['!SummaryInformation', '!DocumentSummaryInformation'];

export function withoutDocumentProperties(bytes: Uint8Array, ole: unknown, cfb: OleLibrary): Uint8Array {
  const container = ole as OleContainer;
  let removed = false;
  for (const name of PROPERTY_STREAMS) if (cfb.find(container, name) && cfb.utils.cfb_del(container, name)) removed = true;
  return removed ? cfb.write(container, { type: 'buffer' }) : bytes;
}
