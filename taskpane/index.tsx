import { createRoot } from 'react-dom/client';
import { whenOfficeReady } from '../src/adapters/excel/officeHost';
import { App } from './components/App';

/** Waits for office.js, then renders the pane (also outside Excel, where it says so). */
async function start(): Promise<void> {
  const host = await whenOfficeReady();
  const root = document.getElementById('root');
  if (root) createRoot(root).render(<App host={host} />);
}

void start();
