import { columnCount, gridsOf, type WorkbookSnapshot } from '../../src/core/snapshot';
import { runInThread, type CheckResult, type RunEngine } from '../../src/adapters/excel/checkResult';
import { CancelledError } from '../../src/adapters/excel/requestBatch';
import { CELLS_PER_MESSAGE, type FromEngine, type SheetMeta, type ToEngine } from './workerProtocol';

/**
 * The engine behind a Web Worker, as the session's RunEngine: the snapshot is posted in bands
 * with a pause between them (the pane repaints and answers clicks meanwhile), the worker runs
 * audit() and tells its progress, and a cancel terminates it on the spot. One worker per
 * check, so nothing of a cancelled run lingers. Where a worker cannot be made (an old host, a
 * policy that forbids it) the engine runs in the pane's thread: slower to answer, same findings.
 */
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

async function post(worker: Worker, snapshot: WorkbookSnapshot, config: Parameters<RunEngine>[1], stopped: () => boolean): Promise<void> {
  const send = (m: ToEngine) => worker.postMessage(m);
  for (const [index, sheet] of snapshot.sheets.entries()) {
    const { values, text, numberFormats } = gridsOf(sheet);
    const meta: SheetMeta = { name: sheet.name, merges: sheet.merges, hiddenRows: sheet.hiddenRows, hiddenColumns: sheet.hiddenColumns, hidden: sheet.hidden, protected: sheet.protected };
    send({ type: 'sheet', index, meta });
    const rowsPer = Math.max(1, Math.floor(CELLS_PER_MESSAGE / Math.max(1, columnCount(sheet))));
    for (let top = 0; top < values.length; top += rowsPer) {
      if (stopped()) return;
      send({ type: 'rows', index, top, values: values.slice(top, top + rowsPer), text: text.slice(top, top + rowsPer), numberFormats: numberFormats.slice(top, top + rowsPer) });
      await nextTask();
    }
  }
  if (!stopped()) send({ type: 'run', name: snapshot.name, config });
}

export function workerEngine(create: () => Worker): RunEngine {
  return (snapshot, config, hooks) =>
    new Promise<CheckResult>((resolve, reject) => {
      let worker: Worker;
      try {
        worker = create();
      } catch {
        runInThread(snapshot, config, hooks).then(resolve, reject);
        return;
      }
      let settled = false;
      const settle = (finish: () => void) => {
        if (settled) return;
        settled = true;
        worker.terminate();
        hooks.signal?.removeEventListener('abort', onAbort);
        finish();
      };
      const onAbort = () => settle(() => reject(new CancelledError()));
      if (hooks.signal?.aborted) return onAbort();
      hooks.signal?.addEventListener('abort', onAbort);
      worker.onmessage = (event: MessageEvent<FromEngine>) => {
        const m = event.data;
        if (m.type === 'progress') hooks.onProgress?.(m.progress);
        else if (m.type === 'result') settle(() => resolve(m.result));
        else settle(() => reject(new Error(m.message)));
      };
      worker.onerror = (event) => settle(() => reject(new Error(event.message || 'engine worker failed')));
      post(worker, snapshot, config, () => settled).catch((e) => settle(() => reject(e)));
    });
}
