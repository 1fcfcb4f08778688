import type { GridSheet } from '../../src/core/snapshot';
import { auditWithProgress } from '../../src/adapters/excel/checkResult';
import type { FromEngine, ToEngine } from './workerProtocol';

/**
 * The engine in a Web Worker: the snapshot arrives in bands, then audit() runs here, off the
 * pane's thread, telling its progress by sheet. The pane cancels by terminating the worker.
 */
interface WorkerScope {
  onmessage: ((event: MessageEvent<ToEngine>) => void) | null;
  postMessage(message: FromEngine): void;
}

const scope = self as unknown as WorkerScope;
let sheets: GridSheet[] = [];

function place<T>(into: T[], rows: T[], top: number): void {
  // forEach skips holes, so an empty row stays a hole (never materialised).
  rows.forEach((row, i) => {
    into[top + i] = row;
  });
}

scope.onmessage = (event) => {
  const m = event.data;
  if (m.type === 'sheet') {
    sheets[m.index] = { ...m.meta, values: [], text: [], numberFormats: [] };
  } else if (m.type === 'rows') {
    const sheet = sheets[m.index];
    place(sheet.values, m.values, m.top);
    place(sheet.text, m.text, m.top);
    place(sheet.numberFormats, m.numberFormats, m.top);
  } else {
    try {
      const result = auditWithProgress({ name: m.name, sheets }, m.config, (progress) => scope.postMessage({ type: 'progress', progress }));
      scope.postMessage({ type: 'result', result });
    } catch (e) {
      scope.postMessage({ type: 'error', message: e instanceof Error ? e.message : String(e) });
    } finally {
      sheets = [];
    }
  }
};
