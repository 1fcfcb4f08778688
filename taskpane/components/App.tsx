import { Caption1, FluentProvider, webLightTheme } from '@fluentui/react-components';
import { useMemo, useRef, useState } from 'react';
import type { Finding } from '../../src/core/finding';
import type { CheckResult, RunEngine, TableInfo } from '../../src/adapters/excel/checkResult';
import { describeError } from '../../src/adapters/excel/excelErrors';
import type { MarkOutcome } from '../../src/adapters/excel/highlights';
import type { HostInfo } from '../../src/adapters/excel/officeHost';
import { WorkbookSession, type Progress } from '../../src/adapters/excel/workbookSession';
import { SETTING_NAMES, SettingsNotSavedError, WorkbookSettingsStore, type WorkbookSettings } from '../../src/adapters/excel/workbookSettings';
import type { Language } from '../../src/core/report';
import { reviewDate, type ReviewerSettings } from '../../src/core/settings';
import { messagesFor, type Messages } from '../../src/i18n';
import { countOf, DEFAULT_FILTER, groupFindings, verdictOf, type FindingFilter } from '../findingGroups';
import { FindingList, groupHeadingId } from './FindingList';
import { Notices } from './Notices';
import { ProgressLine } from './ProgressLine';
import { SettingsPanel } from './SettingsPanel';
import { TableList } from './TableList';
import { Toolbar } from './Toolbar';
import { Verdict } from './Verdict';
import { usePaneStyles } from './paneStyles';

interface Said {
  notices: string[];
  warnings: string[];
}

function markNotices(t: Messages, m: MarkOutcome): Said {
  const notices = [t.marked(m.markedCells)];
  if (m.notesAdded) notices.push(t.notesAdded(m.notesAdded));
  if (m.notesKeptForUser) notices.push(t.notesKept(m.notesKeptForUser));
  return { notices, warnings: m.protectedSheets.length ? [t.protectedSheets(m.protectedSheets.join(t.listSeparator))] : [] };
}

/** A value stored in the workbook that could not be used, in the pane's language. */
function unusable(t: Messages, lang: Language, p: WorkbookSettingsStore['problems'][number]): string {
  const what = p.name === SETTING_NAMES.reviews ? t.storedNames.reviews : p.name === SETTING_NAMES.reviewer ? t.storedNames.reviewer : t.storedNames.settings;
  const why = lang === 'zh-CN' ? p.error.zh : p.error.en;
  return t.settingsUnusable(what, p.error.key ? `${p.error.key}: ${why}` : why);
}

function isCancelled(e: unknown): boolean {
  return (e as { name?: string })?.name === 'CancelledError';
}

/** What the pane shows of the last check: its result and the workbook's sheet order. */
interface View {
  result: CheckResult;
  sheetOrder: string[];
}

function PaneBody({ host, engine }: { host: HostInfo; engine?: RunEngine }) {
  const styles = usePaneStyles();
  const lang = host.language;
  const t = messagesFor(lang);
  const session = useMemo(() => new WorkbookSession(host, engine), [host, engine]);
  // The workbook's own settings and reviews (its document settings), read once when the pane starts.
  const store = useMemo(() => new WorkbookSettingsStore(host.settings), [host]);
  const [stored, setStored] = useState<WorkbookSettings>(store.current);
  const [reviewerNotes, setReviewerNotes] = useState(false);
  const [settingsOpen, setSettingsOpen] = useState(false);
  const [filter, setFilter] = useState<FindingFilter>(DEFAULT_FILTER);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [busy, setBusy] = useState(false);
  const [view, setView] = useState<View | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [said, setSaid] = useState<Said>({ notices: [], warnings: [] });
  const running = useRef<{ controller: AbortController; stage: Progress['stage'] } | null>(null);

  /** Every Excel action goes through here: busy state, and Excel's errors become a sentence. */
  async function act(work: () => Promise<Said>): Promise<void> {
    setBusy(true);
    setError(null);
    setSaid({ notices: [], warnings: [] });
    try {
      setSaid(await work());
    } catch (e) {
      setError(describeError(e, t));
    } finally {
      setBusy(false);
      setProgress(null);
      running.current = null;
    }
  }

  const onCheck = () => {
    const controller = new AbortController();
    running.current = { controller, stage: 'reading' };
    setView(null);
    return act(async () => {
      try {
        const outcome = await session.check({
          strict: Boolean(stored.settings.strict),
          config: store.config(),
          reviewerNotes: reviewerNotes && session.notesSupported,
          lang,
          signal: controller.signal,
          onProgress: (p) => {
            if (running.current) running.current.stage = p.stage;
            setProgress(p);
          },
          // The findings show as soon as the engine has them; the marks follow.
          onResult: (result, sheetOrder) => setView({ result, sheetOrder }),
        });
        return markNotices(t, outcome.marks);
      } catch (e) {
        if (!isCancelled(e)) throw e;
        return { notices: [running.current?.stage === 'marking' ? t.cancelledMarking : t.cancelled], warnings: [] };
      }
    });
  };
  const onCancel = () => running.current?.controller.abort();
  const onClear = () =>
    act(async () => {
      const m = await session.clear();
      setView(null);
      const warnings = m.protectedSheets.length ? [t.protectedSheets(m.protectedSheets.join(t.listSeparator))] : [];
      if (m.notesUnreachable) warnings.push(t.notesUnreachable);
      return { notices: [t.cleared(m.removedMarks, m.removedNotes)], warnings };
    });
  const onExport = () =>
    act(async () => {
      if (!view) return { notices: [], warnings: [] };
      return { notices: [t.reportAdded(await session.exportReport(view.result, { lang, includeInfo: filter.info }))], warnings: [] };
    });
  /** A settings change: shown at once, saved into the workbook; a refused save is said, the change holds for this session. */
  const onSettings = (next: ReviewerSettings) => {
    const saving = store.update({ settings: next });
    setStored(store.current);
    saving.catch((e: unknown) => setError(e instanceof SettingsNotSavedError ? t.settingsNotSaved(e.message) : describeError(e, t)));
  };
  /** 「已核实」 or its undo: kept in the workbook, applied to the findings shown, the marks rewritten. */
  const review = (change: () => Promise<unknown>, notice: string) =>
    act(async () => {
      if (!view) return { notices: [], warnings: [] };
      const warnings: string[] = [];
      try {
        await change();
      } catch (e) {
        if (!(e instanceof SettingsNotSavedError)) throw e;
        warnings.push(t.settingsNotSaved(e.message));
      }
      setStored(store.current);
      const applied = await session.applyReviews(view.result, store.current.reviews, { reviewerNotes: reviewerNotes && session.notesSupported, lang });
      setView({ result: applied.result, sheetOrder: view.sheetOrder });
      return { notices: [notice], warnings };
    });
  const onVerify = (f: Finding, reviewer: string, reason: string) => review(() => store.verify(f, reviewer, reason, reviewDate()), t.verifiedNotice(`${f.sheet}!${f.cell}`));
  const onUnverify = (f: Finding) => review(() => store.unverify(f), t.unverifiedNotice(`${f.sheet}!${f.cell}`));
  /** Going to a cell or a table never clears what the last action said. */
  const select = (sheet: string, target: TableInfo['range'] | string) => session.select(sheet, target).catch((e) => setError(describeError(e, t)));
  const selectFinding = (f: Finding) => select(f.sheet, f.cell);
  const focusGroup = (key: string) => {
    const heading = document.getElementById(groupHeadingId(key));
    heading?.scrollIntoView({ block: 'start' });
    heading?.focus();
  };

  const groups = useMemo(() => (view ? groupFindings(view.result, view.sheetOrder, t, lang) : []), [view, t, lang]);
  const verdict = busy && !view ? { tone: 'idle' as const, text: t.checking, aside: '' } : verdictOf(view?.result ?? null, t);
  const canRead = session.readSupported;

  return (
    <main className={styles.root} lang={lang}>
      <h1 className={styles.visuallyHidden}>{t.appTitle}</h1>
      <Toolbar
        t={t}
        busy={busy}
        canCheck={host.isExcel && canRead}
        hasResult={Boolean(view)}
        settingsOpen={settingsOpen}
        onCheck={onCheck}
        onClear={onClear}
        onExport={onExport}
        onSettings={() => setSettingsOpen(!settingsOpen)}
      />
      {settingsOpen ? (
        <SettingsPanel
          t={t}
          lang={lang}
          settings={stored.settings}
          persistent={store.persistent}
          reviewerNotes={reviewerNotes}
          notesSupported={session.notesSupported}
          onChange={onSettings}
          onReviewerNotes={setReviewerNotes}
        />
      ) : null}
      {progress ? <ProgressLine t={t} progress={progress} onCancel={onCancel} /> : null}
      <Verdict t={t} verdict={verdict} counts={view ? countOf(view.result.findings) : null} groups={groups} filter={filter} onFilter={setFilter} onGroup={focusGroup} />
      {!host.isExcel ? <Notices t={t} error={t.notInExcel} notices={[]} /> : null}
      {host.isExcel && !canRead ? <Notices t={t} error={t.readUnsupported} notices={[]} /> : null}
      <Notices t={t} error={error} notices={said.notices} warnings={[...store.problems.map((p) => unusable(t, lang, p)), ...said.warnings]} />
      {view ? (
        <FindingList t={t} lang={lang} groups={groups} filter={filter} onSelect={selectFinding} review={{ reviewer: stored.reviewer, busy, onVerify, onUnverify }} />
      ) : null}
      {view ? <TableList t={t} lang={lang} tables={view.result.tables.filter((x) => x.kind !== 'narrative')} onSelect={(table) => select(table.sheet, table.range)} /> : null}
      <Caption1 className={styles.muted}>{t.readOnlyHint}</Caption1>
    </main>
  );
}

/** The task pane: Fluent UI v9, language from Office.context.displayLanguage (zh-CN first). */
export function App({ host, engine }: { host: HostInfo; engine?: RunEngine }) {
  return (
    <FluentProvider theme={webLightTheme}>
      <PaneBody host={host} engine={engine} />
    </FluentProvider>
  );
}
