import { packGridRows, type PackedSheet } from '../../src/core/snapshot';
import { PackedCellsBuilder } from '../../src/core/packedCells';
import { auditWithProgress } from '../../src/adapters/excel/checkResult';
import type { FromEngine, SheetMeta, ToEngine } from './workerProtocol';

/**
 * The engine in a Web Worker: the snapshot arrives in bands, then audit() runs here, off the
 * pane's thread, telling its progress by sheet. The pane cancels by terminating the worker.
 */
interface WorkerScope {
  onmessage: ((event: MessageEvent<ToEngine>) => void) | null;
  postMessage(message: FromEngine): void;
}

const scope = self as unknown as WorkerScope;

/** A sheet being received: its cells are packed band by band, so no grid of it is ever kept here. */
interface Incoming {
  meta: SheetMeta;
  cells: PackedCellsBuilder;
  height: number;
}

let incoming: Incoming[] = [];

scope.onmessage = (event) => {
  const m = event.data;
  if (m.type === 'sheet') {
    incoming[m.index] = { meta: m.meta, cells: new PackedCellsBuilder(), height: 0 };
  } else if (m.type === 'rows') {
    const sheet = incoming[m.index];
    packGridRows(sheet.cells, m.top, m.values, m.text, m.numberFormats);
    sheet.height = Math.max(sheet.height, m.top + m.values.length);
  } else {
    try {
      const sheets: PackedSheet[] = incoming.map((s) => ({ ...s.meta, cells: s.cells.finish(s.height) }));
      incoming = [];
      const result = auditWithProgress({ name: m.name, sheets }, m.config, (progress) => scope.postMessage({ type: 'progress', progress }));
      scope.postMessage({ type: 'result', result });
    } catch (e) {
      scope.postMessage({ type: 'error', message: e instanceof Error ? e.message : String(e) });
    } finally {
      incoming = [];
    }
  }
};
