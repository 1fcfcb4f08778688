/**
 * The production build of the task pane in Debian's Chromium, with the fake Excel host where
 * office.js would be: click 检查工作簿 on a fixture workbook, compare the findings listed with
 * audit() on the ExcelJS snapshot (what the CLI reports), click a finding and check Excel
 * selected its cell, and keep a screenshot in test/artifacts/. Also: nothing is fetched from
 * anywhere but the pane's own origin, and the strict CSP reports no violation.
 */
import { execFileSync } from 'child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'fs';
import { createServer, type Server } from 'http';
import type { AddressInfo } from 'net';
import { tmpdir } from 'os';
import { extname, join, resolve } from 'path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { audit } from '../src/core/engine';
import { readSnapshotFromFile } from '../src/adapters/xlsx/readSnapshot';
import { isOurFormula } from '../src/adapters/excel/markTags';
import { zhCN } from '../src/i18n/zh-CN';
import { en } from '../src/i18n/en';
import { fakeOfficeScript } from './support/fakeExcelBrowser';
import { modelFromFile } from './support/fakeExcelWorkbook';
import type { FakeWorkbookModel } from './support/fakeExcelModel';

const ROOT = resolve(__dirname, '..');
const DIST = join(ROOT, 'dist', 'addin');
const ARTIFACTS = join(ROOT, 'test', 'artifacts');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const FIXTURES = join(ROOT, 'test', 'fixtures');
const FILES = readdirSync(FIXTURES).filter((f) => f.endsWith('.xlsx')).sort();
/** The workbook of the screenshot: one with errors, warnings and rounding tails. */
const FIXTURE = join(FIXTURES, '003-sanmenxia-healthcare-security-service-center-2024-budget.xlsx');
const PUBLIC_URL = 'https://budget-audit.test/addin/';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.png': 'image/png',
  '.xml': 'application/xml',
  '.map': 'application/json',
};

function newestMtime(dir: string): number {
  let newest = 0;
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    const st = statSync(p);
    newest = Math.max(newest, st.isDirectory() ? newestMtime(p) : st.mtimeMs);
  }
  return newest;
}

/** One production build (reused locally when nothing changed since; always rebuilt in CI). */
function productionBuild(): void {
  const built = join(DIST, 'taskpane.html');
  const sources = Math.max(newestMtime(join(ROOT, 'taskpane')), newestMtime(join(ROOT, 'src')), statSync(join(ROOT, 'manifest.xml')).mtimeMs, statSync(join(ROOT, 'webpack.config.js')).mtimeMs);
  const fresh = existsSync(built) && statSync(built).mtimeMs > sources && readFileSync(join(DIST, 'manifest.xml'), 'utf8').includes(PUBLIC_URL);
  if (fresh && !process.env.CI) return;
  execFileSync(process.execPath, [join(ROOT, 'node_modules', 'webpack', 'bin', 'webpack.js'), '--mode', 'production'], {
    cwd: ROOT,
    env: { ...process.env, ADDIN_PUBLIC_URL: PUBLIC_URL },
    stdio: 'pipe',
  });
}

/** Polls until `done` holds (or 10 s), returning the last value. */
async function poll<T>(read: () => Promise<T>, done: (v: T) => boolean): Promise<T> {
  let v = await read();
  for (let i = 0; i < 100 && !done(v); i++) {
    await new Promise((ok) => setTimeout(ok, 100));
    v = await read();
  }
  return v;
}

function serve(dir: string): Promise<Server> {
  const server = createServer((req, res) => {
    const path = decodeURIComponent((req.url ?? '/').split('?')[0]);
    const file = resolve(dir, `.${path}`);
    if (!file.startsWith(dir) || !existsSync(file) || statSync(file).isDirectory()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' });
    res.end(readFileSync(file));
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok(server)));
}

describe('task pane in Chromium against the fake Excel host', () => {
  let server: Server;
  let context: BrowserContext;
  let page: Page;
  let origin: string;
  let profile: string;
  let model: FakeWorkbookModel;
  /** What the page gets instead of office.js: the fake host over the current workbook. */
  let script = '';
  const foreignRequests: string[] = [];
  const pageErrors: string[] = [];

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium (never a downloaded browser), or set CHROMIUM_PATH`);
    productionBuild();
    server = await serve(DIST);
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    profile = mkdtempSync(join(tmpdir(), 'budget-audit-chromium-'));
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
      viewport: { width: 360, height: 900 },
      locale: 'zh-CN',
    });
    model = await modelFromFile(FIXTURE);
    script = fakeOfficeScript(model, { displayLanguage: 'zh-CN', apiVersion: '1.20' });
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith(`${origin}/office-js/office.js`)) return route.fulfill({ status: 200, contentType: 'text/javascript', body: script });
      if (url.startsWith(origin)) return route.continue();
      foreignRequests.push(url);
      return route.abort();
    });
    page = context.pages()[0] ?? (await context.newPage());
    await page.addInitScript(() => {
      const w = window as unknown as { __csp: string[] };
      w.__csp = [];
      document.addEventListener('securitypolicyviolation', (e) => w.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
    page.on('pageerror', (e) => pageErrors.push(String(e)));
    await page.goto(`${origin}/taskpane.html`);
  }, 300000);

  afterAll(async () => {
    await context?.close();
    await new Promise((ok) => (server ? server.close(() => ok(null)) : ok(null)));
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  test('the built manifest points at the production task pane', () => {
    const manifest = readFileSync(join(DIST, 'manifest.xml'), 'utf8');
    expect(manifest).toContain(`<SourceLocation DefaultValue="${PUBLIC_URL}taskpane.html"/>`);
    expect(manifest).not.toContain('localhost');
    expect(existsSync(join(DIST, 'taskpane.html'))).toBe(true);
    expect(existsSync(join(DIST, 'assets', 'icon-80.png'))).toBe(true);
    expect(existsSync(join(DIST, 'office-js', 'office.js'))).toBe(true);
  });

  test('strict CSP: no inline script, no eval in the bundle, source maps not eval-based', () => {
    const html = readFileSync(join(DIST, 'taskpane.html'), 'utf8');
    const csp = /http-equiv="?Content-Security-Policy"?\s+content="([^"]+)"/.exec(html)?.[1] ?? '';
    const scriptSrc = /script-src ([^;]+)/.exec(csp)?.[1] ?? '';
    expect(scriptSrc.trim()).toBe("'self'");
    expect(csp).toMatch(/default-src 'self'/);
    expect(csp).toMatch(/object-src 'none'/);
    // Every <script> has a src on this origin: nothing inline for a strict CSP to block.
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBeGreaterThanOrEqual(2);
    for (const [, attrs, body] of scripts) {
      expect(body.trim()).toBe('');
      expect(attrs).toMatch(/src="?(?!https?:|\/\/)[\w./-]+/);
    }
    for (const file of readdirSync(DIST).filter((f) => f.endsWith('.js'))) {
      const js = readFileSync(join(DIST, file), 'utf8');
      expect(js).not.toMatch(/\beval\(/);
      // webpack's globalThis fallback is the only Function constructor, and never runs where globalThis exists.
      expect(js.match(/new Function\(/g)?.length ?? 0).toBeLessThanOrEqual(1);
      expect(js).not.toMatch(/sourceURL=webpack/);
    }
  });

  test('检查工作簿 lists the findings audit() finds in the same workbook, and marks them', async () => {
    await page.getByRole('button', { name: zhCN.check }).click();
    await page.getByTestId('summary').waitFor({ timeout: 60000 });
    const expected = audit(await readSnapshotFromFile(FIXTURE));
    const shownByDefault = expected.findings.filter((f) => f.severity !== 'info');
    const listed = await page.getByTestId('finding-item').evaluateAll((items) => items.map((i) => i.getAttribute('data-cell')));
    expect(listed.sort()).toEqual(shownByDefault.map((f) => `${f.sheet}!${f.cell}`).sort());
    expect(await page.getByTestId('count-errors').innerText()).toContain(String(expected.summary.errors));
    expect(await page.getByTestId('count-warnings').innerText()).toContain(String(expected.summary.warnings));
    const tables = await page.getByTestId('table-item').count();
    expect(tables).toBe(expected.tables.filter((t) => t.kind !== 'narrative').length);

    // Marks landed in the (fake) workbook as tagged conditional formats.
    const host = await page.evaluate(() => {
      const h = (window as unknown as { __fakeExcelHost: { model: FakeWorkbookModel; runs: { syncs: number }[] } }).__fakeExcelHost;
      return { model: h.model, syncs: h.runs.map((r) => r.syncs) };
    });
    const marked = host.model.sheets.flatMap((s) => s.conditionalFormats.filter((cf) => isOurFormula(cf.formula)));
    expect(marked.length > 0).toBe(shownByDefault.length > 0);
    // read (2 syncs) then mark (2 syncs)
    expect(host.syncs).toEqual([2, 2]);
  });

  test('info findings are hidden by default and shown by the filter', async () => {
    const expected = audit(await readSnapshotFromFile(FIXTURE));
    await page.getByTestId('filter-info').click();
    expect(await page.getByTestId('finding-item').count()).toBe(expected.findings.length);
    await page.getByTestId('filter-info').click();
  });

  test('a click on a finding (or, before the rules land, a table) selects it in Excel', async () => {
    const selection = () => page.evaluate(() => (window as unknown as { __fakeExcelHost: { model: FakeWorkbookModel } }).__fakeExcelHost.model.selection ?? null);
    const first = page.getByTestId('finding-item').first();
    if ((await page.getByTestId('finding-item').count()) > 0) {
      const [sheet, cell] = (await first.getAttribute('data-cell'))!.split('!');
      await first.click();
      expect(await poll(selection, (v) => v?.address === cell)).toEqual({ sheet, address: cell });
    } else {
      const expected = audit(await readSnapshotFromFile(FIXTURE)).tables.filter((t) => t.kind !== 'narrative');
      if (expected.length === 0) return;
      await page.getByTestId('table-item').first().click();
      expect((await poll(selection, (v) => v?.sheet === expected[0].sheet))?.sheet).toBe(expected[0].sheet);
    }
  });

  test('the pane is in Chinese, fetched nothing from elsewhere, broke no CSP rule; screenshot kept', async () => {
    await page.getByRole('button', { name: zhCN.clear }).waitFor({ state: 'visible' });
    await page.getByRole('button', { name: zhCN.exportReport }).waitFor({ state: 'visible' });
    expect(await page.locator('main').getAttribute('lang')).toBe('zh-CN');
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, 'taskpane-zh-CN.png'), fullPage: true });
    expect(foreignRequests).toEqual([]);
    expect(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp)).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  test('an Excel error becomes a readable message, never a blank pane', async () => {
    await page.evaluate(() => {
      (window as unknown as { __fakeExcelHost: { options: { cellEditMode: boolean } } }).__fakeExcelHost.options.cellEditMode = true;
    });
    await page.getByRole('button', { name: zhCN.check }).click();
    await page.getByTestId('error').waitFor({ timeout: 10000 });
    expect(await page.getByTestId('error').innerText()).toContain(zhCN.excelErrors.cellEditMode);
    await page.evaluate(() => {
      (window as unknown as { __fakeExcelHost: { options: { cellEditMode: boolean } } }).__fakeExcelHost.options.cellEditMode = false;
    });
  });

  test('on every fixture the pane lists exactly the findings audit() gives the CLI', async () => {
    for (const file of FILES) {
      const path = join(FIXTURES, file);
      script = fakeOfficeScript(await modelFromFile(path), { displayLanguage: 'zh-CN', apiVersion: '1.20' });
      await page.goto(`${origin}/taskpane.html`);
      await page.getByRole('button', { name: zhCN.check }).click();
      await page.getByTestId('summary').waitFor({ timeout: 60000 });
      await page.getByTestId('filter-info').click();
      const expected = audit(await readSnapshotFromFile(path));
      const listed = await page.getByTestId('finding-item').evaluateAll((items) => items.map((i) => i.getAttribute('data-cell')));
      expect([file, listed.sort()]).toEqual([file, expected.findings.map((f) => `${f.sheet}!${f.cell}`).sort()]);
      expect([file, await page.getByTestId('count-tables').innerText()]).toEqual([file, expect.stringContaining(String(expected.tables.filter((t) => t.kind !== 'unknown' && t.kind !== 'narrative').length))]);
    }
    expect(pageErrors).toEqual([]);
    expect(foreignRequests).toEqual([]);
  });

  test('in an English Office the pane is in English', async () => {
    script = fakeOfficeScript(await modelFromFile(FIXTURE), { displayLanguage: 'en-US', apiVersion: '1.20' });
    await page.goto(`${origin}/taskpane.html`);
    await page.getByRole('button', { name: en.check }).click();
    await page.getByTestId('summary').waitFor({ timeout: 60000 });
    expect(await page.locator('main').getAttribute('lang')).toBe('en');
    expect(await page.getByTestId('summary').innerText()).toContain(en.summaryTitle);
    await page.screenshot({ path: join(ARTIFACTS, 'taskpane-en.png') });
  });
});
