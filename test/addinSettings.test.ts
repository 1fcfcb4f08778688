/**
 * The reviewer's settings and reviews in the add-in, through the fake Excel host: the same content
 * as a budget-audit.json switches a rule off and lowers a severity, 「已核实」 marks one finding —
 * exactly those findings change, the same as the engine gives the command line for that file and
 * review file; all of it kept in the workbook's document settings, so it survives save and reopen;
 * a stored value that cannot be used is named, never a crash; a failed save says so.
 */
import { join } from 'path';
import { audit } from '../src/core/engine';
import type { Finding } from '../src/core/finding';
import { settingsConfig, type ReviewerSettings } from '../src/core/settings';
import { readSnapshotFromFile } from '../src/adapters/xlsx/readSnapshot';
import { isOurFormula } from '../src/adapters/excel/markTags';
import { hostFromGlobals, type HostInfo } from '../src/adapters/excel/officeHost';
import { WorkbookSession } from '../src/adapters/excel/workbookSession';
import { SETTING_NAMES, SettingsNotSavedError, WorkbookSettingsStore } from '../src/adapters/excel/workbookSettings';
import { parseCellAddress } from '../src/core/address';
import { FakeExcelHost, type FakeHostOptions } from './support/fakeExcelHost';
import { reopenModel, saveModel, type FakeWorkbookModel } from './support/fakeExcelModel';
import { modelFromFile } from './support/fakeExcelWorkbook';

const SAMPLE = join(__dirname, 'fixtures', '003-sanmenxia-healthcare-security-service-center-2024-budget.xlsx');

/** What test/cliSettings.test.ts writes as budget-audit.json. */
const SETTINGS: ReviewerSettings = { rules: { 'cross-public-split': 'off', 'cross-fiscal-function': '提示性' }, strict: false, fiscalYear: 2024, unit: '万元' };
const REVIEWED = { rule: 'summary-lines', sheet: 'YS04', cell: 'E39' };

const key = (f: Finding) => `${f.rule} ${f.sheet}!${f.cell} ${f.actual}→${f.expected}`;

function hostInfo(host: FakeExcelHost, withSettings = true): HostInfo {
  return { isExcel: true, language: 'zh-CN', supports: (s, v) => host.supports(s, v), run: host.run as HostInfo['run'], ...(withSettings ? { settings: host.documentSettings } : {}) };
}

/** The pane's check: the workbook's stored settings and reviews, as App passes them. */
async function check(host: FakeExcelHost, store = new WorkbookSettingsStore(host.documentSettings)) {
  const session = new WorkbookSession(hostInfo(host));
  const outcome = await session.check({ strict: false, reviewerNotes: false, lang: 'zh-CN', config: store.config() });
  return { session, store, ...outcome };
}

/** Whether one of our marks covers the cell. */
function isMarked(model: FakeWorkbookModel, sheet: string, cell: string): boolean {
  const at = parseCellAddress(cell);
  return model.sheets
    .find((s) => s.name === sheet)!
    .conditionalFormats.some((cf) => isOurFormula(cf.formula) && cf.areas.some((a) => at.row >= a.top && at.row <= a.bottom && at.col >= a.left && at.col <= a.right));
}

async function freshHost(options?: FakeHostOptions): Promise<FakeExcelHost> {
  return new FakeExcelHost(await modelFromFile(SAMPLE), options);
}

describe('settings and reviews kept in the workbook change exactly the findings they name', () => {
  let host: FakeExcelHost;
  let plain: Finding[];
  let withSettings: Awaited<ReturnType<typeof check>>;

  beforeAll(async () => {
    host = await freshHost();
    plain = (await check(host)).result.findings;
    const store = new WorkbookSettingsStore(host.documentSettings);
    await store.update({ settings: SETTINGS });
    withSettings = await check(host, store);
  });

  test('a workbook without settings checks as the engine does by default', async () => {
    expect(plain.map(key)).toEqual(audit(await readSnapshotFromFile(SAMPLE)).findings.map(key));
  });

  test('the settings are saved in the document settings, as the settings file has them', () => {
    expect(JSON.parse(host.model.settings![SETTING_NAMES.settings])).toEqual(SETTINGS);
    expect(host.documentSettings.saves).toBe(1);
  });

  test('the rule switched off: its findings and only them are gone; the lowered one: its errors are warnings', () => {
    const after = new Map(withSettings.result.findings.map((f) => [key(f), f]));
    expect(plain.filter((f) => !after.has(key(f))).map(key)).toEqual(plain.filter((f) => f.rule === 'cross-public-split').map(key));
    const changed = plain.filter((f) => after.has(key(f)) && after.get(key(f))!.severity !== f.severity);
    expect(changed.map(key)).toEqual(plain.filter((f) => f.rule === 'cross-fiscal-function' && f.severity === 'error').map(key));
    expect(changed.length).toBeGreaterThan(0);
    expect(changed.every((f) => after.get(key(f))!.severity === 'warning')).toBe(true);
  });

  test('「已核实」: the one finding is verified and not counted, its mark taken away; nothing else changes', async () => {
    const { session, store, result } = withSettings;
    const finding = result.findings.find((f) => f.rule === REVIEWED.rule && f.sheet === REVIEWED.sheet && f.cell === REVIEWED.cell)!;
    expect(isMarked(host.model, REVIEWED.sheet, REVIEWED.cell)).toBe(true);
    const reviews = await store.verify(finding, '王会计', '支出合计含上年结转，已与财政局核对', '2025-03-01');
    const { result: after } = await session.applyReviews(result, reviews, { reviewerNotes: false, lang: 'zh-CN' });
    expect(after.findings.map(key)).toEqual(result.findings.map(key));
    expect(after.findings.filter((f) => f.review).map(key)).toEqual([key(finding)]);
    expect(after.summary).toEqual({ ...result.summary, errors: result.summary.errors - 1, verified: 1 });
    expect(isMarked(host.model, REVIEWED.sheet, REVIEWED.cell)).toBe(false);
    // Kept in the document, with the reviewer's name remembered for next time.
    expect(JSON.parse(host.model.settings![SETTING_NAMES.reviews])).toEqual([expect.objectContaining({ rule: REVIEWED.rule, line: '支出合计 一般公共预算小计', reviewer: '王会计', date: '2025-03-01' })]);
    expect(JSON.parse(host.model.settings![SETTING_NAMES.reviewer])).toBe('王会计');
  });

  test('saved, closed and reopened: the next check applies the same settings and reviews, and equals the engine given the same file content', async () => {
    const reopened = new FakeExcelHost(reopenModel(saveModel(host.model)));
    const store = new WorkbookSettingsStore(reopened.documentSettings);
    expect(store.current.reviewer).toBe('王会计');
    const { result } = await check(reopened, store);
    expect(result.findings.filter((f) => f.review).map((f) => `${f.sheet}!${f.cell}`)).toEqual([`${REVIEWED.sheet}!${REVIEWED.cell}`]);
    const cli = audit(await readSnapshotFromFile(SAMPLE), settingsConfig(SETTINGS, store.current.reviews));
    expect(result.findings.map((f) => [key(f), f.severity, f.review?.reviewer])).toEqual(cli.findings.map((f) => [key(f), f.severity, f.review?.reviewer]));
    expect(result.summary).toEqual(cli.summary);
  });

  test('taking the review back opens the finding again and paints it again', async () => {
    const { session, store, result } = withSettings;
    const verified = (await session.applyReviews(result, store.current.reviews, { reviewerNotes: false, lang: 'zh-CN' })).result;
    const reviews = await store.unverify(verified.findings.find((f) => f.review)!);
    const { result: after } = await session.applyReviews(verified, reviews, { reviewerNotes: false, lang: 'zh-CN' });
    expect(reviews).toEqual([]);
    expect(after.findings.filter((f) => f.review)).toEqual([]);
    expect(after.summary).toEqual(result.summary);
    expect(isMarked(host.model, REVIEWED.sheet, REVIEWED.cell)).toBe(true);
  });
});

describe('document settings as Office keeps them', () => {
  test('set without saveAsync is not in the document: a reopened workbook does not have it', async () => {
    const host = await freshHost();
    host.documentSettings.set(SETTING_NAMES.settings, { strict: true });
    expect(new WorkbookSettingsStore(host.documentSettings).current.settings).toEqual({ strict: true });
    expect(new WorkbookSettingsStore(new FakeExcelHost(reopenModel(saveModel(host.model))).documentSettings).current.settings).toEqual({});
  });

  test('a stored value that cannot be used is set aside with its sentence; the rest still applies', async () => {
    const host = await freshHost();
    host.model.settings = { [SETTING_NAMES.settings]: JSON.stringify({ rules: { 'row-sums': 'off' } }), [SETTING_NAMES.reviews]: JSON.stringify([]), [SETTING_NAMES.reviewer]: JSON.stringify('李') };
    const store = new WorkbookSettingsStore(new FakeExcelHost(host.model).documentSettings);
    expect(store.problems.map((p) => [p.name, p.error.key, p.error.zh])).toEqual([[SETTING_NAMES.settings, 'rules.row-sums', expect.stringContaining('未知的规则编号（是否为 row-sum？）')]]);
    expect(store.current).toEqual({ settings: {}, reviews: [], reviewer: '李' });
    await store.update({ settings: { strict: true } });
    expect(store.problems).toEqual([]);
  });

  test('settings the core refuses are never stored', async () => {
    const host = await freshHost();
    const store = new WorkbookSettingsStore(host.documentSettings);
    await expect(store.update({ settings: { unit: '美元' } as unknown as ReviewerSettings })).rejects.toThrow(/unit：应为 万元、元、千元、亿元 之一/);
    expect(host.documentSettings.get(SETTING_NAMES.settings)).toBeNull();
  });

  test('a document that refuses the save: the change holds for this session and the failure is Office\'s sentence', async () => {
    const host = await freshHost({ settingsSaveFails: true });
    const store = new WorkbookSettingsStore(host.documentSettings);
    await expect(store.update({ settings: { strict: true } })).rejects.toThrow(SettingsNotSavedError);
    expect(store.current.settings).toEqual({ strict: true });
    expect(host.model.settings).toBeUndefined();
  });

  test('outside Office there are no document settings: the store works for the session only', async () => {
    const store = new WorkbookSettingsStore(undefined);
    expect(store.persistent).toBe(false);
    await store.update({ settings: { strict: true } });
    expect(store.config()).toMatchObject({ strict: true });
  });

  test('the host gives the pane Office.context.document.settings', async () => {
    const host = await freshHost();
    const g = globalThis as unknown as Record<string, unknown>;
    Object.assign(g, host.globals());
    try {
      expect(hostFromGlobals().settings).toBe(host.documentSettings);
    } finally {
      delete g.Office;
      delete g.Excel;
    }
    expect(hostFromGlobals().settings).toBeUndefined();
  });
});
