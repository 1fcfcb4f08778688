import { Button, Spinner, ToggleButton } from '@fluentui/react-components';
import type { Messages } from '../../src/i18n';
import { usePaneStyles } from './paneStyles';

interface Props {
  t: Messages;
  busy: boolean;
  canCheck: boolean;
  hasResult: boolean;
  settingsOpen: boolean;
  onCheck(): void;
  onClear(): void;
  onExport(): void;
  onSettings(): void;
}

/** One primary action (检查工作簿), then 清除标记, 导出报告 and the settings toggle. */
export function Toolbar({ t, busy, canCheck, hasResult, settingsOpen, onCheck, onClear, onExport, onSettings }: Props) {
  const styles = usePaneStyles();
  return (
    <div className={styles.toolbar}>
      <Button appearance="primary" data-testid="check" disabled={busy || !canCheck} onClick={onCheck} icon={busy ? <Spinner size="tiny" /> : undefined}>
        {busy ? t.checking : t.check}
      </Button>
      <Button data-testid="clear" disabled={busy} onClick={onClear}>
        {t.clear}
      </Button>
      <Button data-testid="export" disabled={busy || !hasResult} onClick={onExport}>
        {t.exportReport}
      </Button>
      <ToggleButton data-testid="settings-toggle" appearance="subtle" checked={settingsOpen} aria-expanded={settingsOpen} aria-controls="settings" onClick={onSettings}>
        {t.settings}
      </ToggleButton>
    </div>
  );
}
