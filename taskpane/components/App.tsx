import { Caption1, FluentProvider, ProgressBar, Title2, webLightTheme } from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import type { Finding } from '../../src/core/finding';
import type { DetectedTable } from '../../src/core/table';
import { describeError } from '../../src/adapters/excel/excelErrors';
import type { MarkOutcome } from '../../src/adapters/excel/highlights';
import { REQUIREMENTS, type HostInfo } from '../../src/adapters/excel/officeHost';
import { WorkbookSession, type CheckOutcome, type Progress } from '../../src/adapters/excel/workbookSession';
import { messagesFor, type Messages } from '../../src/i18n';
import { FindingList, type SeverityFilter } from './FindingList';
import { Notices } from './Notices';
import { SettingsPanel, type PaneSettings } from './SettingsPanel';
import { SummaryCard } from './SummaryCard';
import { TableList } from './TableList';
import { Toolbar } from './Toolbar';
import { usePaneStyles } from './paneStyles';

function markNotices(t: Messages, m: MarkOutcome): string[] {
  const out = [t.marked(m.markedCells)];
  if (m.notesAdded) out.push(t.notesAdded(m.notesAdded));
  if (m.notesKeptForUser) out.push(t.notesKept(m.notesKeptForUser));
  if (m.protectedSheets.length) out.push(t.protectedSheets(m.protectedSheets.join(t.listSeparator)));
  return out;
}

function PaneBody({ host }: { host: HostInfo }) {
  const styles = usePaneStyles();
  const lang = host.language;
  const t = messagesFor(lang);
  const session = useMemo(() => new WorkbookSession(host), [host]);
  const [settings, setSettings] = useState<PaneSettings>({ strict: false, reviewerNotes: false });
  const [filter, setFilter] = useState<SeverityFilter>({ error: true, warning: true, info: false });
  const [progress, setProgress] = useState<Progress | null>(null);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<CheckOutcome | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notices, setNotices] = useState<string[]>([]);

  /** Every action goes through here: busy state, and Excel's errors become a message. */
  async function act(work: () => Promise<string[]>): Promise<void> {
    setBusy(true);
    setError(null);
    setNotices([]);
    try {
      setNotices(await work());
    } catch (e) {
      setError(describeError(e, t));
    } finally {
      setBusy(false);
      setProgress(null);
    }
  }

  const onCheck = () =>
    act(async () => {
      const result = await session.check({ strict: settings.strict, reviewerNotes: settings.reviewerNotes && session.notesSupported, lang, onProgress: setProgress });
      setOutcome(result);
      return markNotices(t, result.marks);
    });
  const onClear = () =>
    act(async () => {
      const m = await session.clear();
      const out = [t.cleared(m.removedMarks, m.removedNotes)];
      if (m.protectedSheets.length) out.push(t.protectedSheets(m.protectedSheets.join(t.listSeparator)));
      return out;
    });
  const onExport = () =>
    act(async () => {
      if (!outcome) return [];
      return [t.reportAdded(await session.exportReport(outcome.result, lang))];
    });
  const selectTable = (table: DetectedTable) => act(async () => (await session.select(table.sheet, table.range), []));
  const selectFinding = (f: Finding) => act(async () => (await session.select(f.sheet, f.cell), []));

  const progressLabel: Record<Progress, string> = { reading: t.progressReading, checking: t.progressChecking, marking: t.progressMarking };
  const tables = outcome ? outcome.result.tables.filter((x) => x.kind !== 'narrative') : [];
  const recognised = tables.filter((x) => x.kind !== 'unknown').length;

  return (
    <main className={styles.root} lang={lang}>
      <header className={styles.section}>
        <Title2>{t.appTitle}</Title2>
        <Caption1 className={styles.muted}>{t.appSubtitle}</Caption1>
      </header>
      {host.isExcel ? null : <Notices t={t} error={t.notInExcel} notices={[]} />}
      {host.isExcel && !host.supports('ExcelApi', REQUIREMENTS.read) ? <Notices t={t} error={t.excelErrors.apiNotSupported} notices={[]} /> : null}
      <Toolbar t={t} busy={busy} hasResult={Boolean(outcome)} onCheck={onCheck} onClear={onClear} onExport={onExport} />
      {progress ? <ProgressBar data-testid="progress" aria-label={progressLabel[progress]} /> : null}
      {progress ? <Caption1>{progressLabel[progress]}</Caption1> : null}
      <Notices t={t} error={error} notices={notices} />
      {outcome ? <SummaryCard t={t} tablesFound={recognised} summary={outcome.result.summary} /> : null}
      {outcome ? <TableList t={t} lang={lang} tables={tables} onSelect={selectTable} /> : null}
      {outcome ? (
        <FindingList t={t} lang={lang} tables={outcome.result.tables} findings={outcome.result.findings} filter={filter} onFilter={setFilter} onSelect={selectFinding} />
      ) : null}
      <SettingsPanel t={t} settings={settings} notesSupported={session.notesSupported} onChange={setSettings} />
      <Caption1 className={styles.muted}>{t.readOnlyHint}</Caption1>
    </main>
  );
}

/** The task pane: Fluent UI v9, language from Office.context.displayLanguage (zh-CN first). */
export function App({ host }: { host: HostInfo }) {
  return (
    <FluentProvider theme={webLightTheme}>
      <PaneBody host={host} />
    </FluentProvider>
  );
}
