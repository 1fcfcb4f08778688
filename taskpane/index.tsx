import { createRoot } from 'react-dom/client';
import { whenOfficeReady } from '../src/adapters/excel/officeHost';
import { runInThread } from '../src/adapters/excel/checkResult';
import { App } from './components/App';
import { createEngineWorker } from './engine/createEngineWorker';
import { workerEngine } from './engine/workerEngine';

/** Waits for office.js, then renders the pane (also outside Excel, where it says so). */
async function start(): Promise<void> {
  const host = await whenOfficeReady();
  const root = document.getElementById('root');
  // The engine off the pane's thread wherever a Web Worker can run.
  const engine = typeof Worker === 'function' ? workerEngine(createEngineWorker) : runInThread;
  if (root) createRoot(root).render(<App host={host} engine={engine} />);
}

void start();
