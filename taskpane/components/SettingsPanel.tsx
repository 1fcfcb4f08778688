import { Caption1, Switch } from '@fluentui/react-components';
import type { Messages } from '../../src/i18n';
import { usePaneStyles } from './paneStyles';

export interface PaneSettings {
  strict: boolean;
  reviewerNotes: boolean;
}

interface Props {
  t: Messages;
  settings: PaneSettings;
  notesSupported: boolean;
  onChange(next: PaneSettings): void;
}

/** Strict rounding and the reviewer option (notes need ExcelApi 1.18); opened from the toolbar. */
export function SettingsPanel({ t, settings, notesSupported, onChange }: Props) {
  const styles = usePaneStyles();
  return (
    <section id="settings" className={styles.section} aria-labelledby="settings-title" data-testid="settings">
      <h2 id="settings-title" className={styles.groupHeading}>
        {t.settings}
      </h2>
      <Switch data-testid="strict" checked={settings.strict} label={t.strictRounding} onChange={(_, d) => onChange({ ...settings, strict: d.checked })} />
      <Caption1 className={styles.muted}>{t.strictRoundingHint}</Caption1>
      <Switch
        data-testid="reviewer"
        checked={settings.reviewerNotes && notesSupported}
        disabled={!notesSupported}
        label={t.reviewerNotes}
        onChange={(_, d) => onChange({ ...settings, reviewerNotes: d.checked })}
      />
      {notesSupported ? null : <Caption1 className={styles.muted}>{t.reviewerNotesUnsupported}</Caption1>}
    </section>
  );
}
