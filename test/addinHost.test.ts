/**
 * Host detection (src/adapters/excel/officeHost.ts, the one module that touches the office.js
 * globals), with plain objects standing in for `Office` and `Excel` (office-addin-mock pulls
 * ESM-only modules jest's CommonJS runtime cannot load): language, requirement sets, Excel.run
 * with and without run options, and a pane that still starts outside Excel.
 */
import { hostFromGlobals, whenOfficeReady } from '../src/adapters/excel/officeHost';

type Globals = { Office?: unknown; Excel?: unknown };
const g = globalThis as unknown as Globals;

function install(displayLanguage: string, supported: string[], onRun?: (options: unknown) => void) {
  const office = {
    context: {
      displayLanguage,
      requirements: { isSetSupported: (set: string, v: string) => supported.includes(`${set} ${v}`) },
    },
    onReady: (cb: (info: { host: string }) => void) => setTimeout(() => cb({ host: 'Excel' }), 0),
  };
  g.Office = office;
  g.Excel = {
    run: (a: unknown, b?: unknown) => {
      const batch = (typeof a === 'function' ? a : b) as (ctx: unknown) => Promise<unknown>;
      onRun?.(typeof a === 'function' ? undefined : a);
      return batch({ sync: async () => undefined });
    },
  };
}

afterEach(() => {
  delete g.Office;
  delete g.Excel;
});

describe('the Office host', () => {
  test('Chinese Office → Chinese pane; requirement sets asked through Office.context.requirements', async () => {
    install('zh-CN', ['ExcelApi 1.9', 'ExcelApi 1.18']);
    const host = await whenOfficeReady(1000);
    expect(host.isExcel).toBe(true);
    expect(host.language).toBe('zh-CN');
    expect(host.supports('ExcelApi', '1.18')).toBe(true);
    expect(host.supports('ExcelApi', '1.20')).toBe(false);
  });

  test('English Office → English pane', () => {
    install('en-US', ['ExcelApi 1.9']);
    expect(hostFromGlobals({ host: 'Excel' as unknown as Office.HostType }).language).toBe('en');
  });

  test('Excel.run gets the run options (mergeUndoGroup) only when given', async () => {
    const seen: unknown[] = [];
    install('zh-CN', [], (o) => seen.push(o));
    const host = hostFromGlobals();
    await host.run(async () => 1);
    await host.run(async () => 2, { mergeUndoGroup: true });
    expect(seen).toEqual([undefined, { mergeUndoGroup: true }]);
  });

  test('outside Office the pane still starts, knowing it is not in Excel', async () => {
    const host = await whenOfficeReady(50);
    expect(host.isExcel).toBe(false);
    expect(host.supports('ExcelApi', '1.1')).toBe(false);
    await expect(host.run(async () => 1)).rejects.toThrow(/Excel API not available/);
  });

  test('a PowerPoint host is not Excel', () => {
    install('zh-CN', ['ExcelApi 1.9']);
    expect(hostFromGlobals({ host: 'PowerPoint' as unknown as Office.HostType }).isExcel).toBe(false);
  });
});
