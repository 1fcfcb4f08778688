import { Button, Spinner } from '@fluentui/react-components';
import type { Messages } from '../../src/i18n';
import { usePaneStyles } from './paneStyles';

interface Props {
  t: Messages;
  busy: boolean;
  hasResult: boolean;
  onCheck(): void;
  onClear(): void;
  onExport(): void;
}

/** One primary action (检查工作簿), then 清除标记 and 导出报告. */
export function Toolbar({ t, busy, hasResult, onCheck, onClear, onExport }: Props) {
  const styles = usePaneStyles();
  return (
    <div className={styles.toolbar}>
      <Button appearance="primary" data-testid="check" disabled={busy} onClick={onCheck} icon={busy ? <Spinner size="tiny" /> : undefined}>
        {busy ? t.checking : t.check}
      </Button>
      <Button data-testid="clear" disabled={busy} onClick={onClear}>
        {t.clear}
      </Button>
      <Button data-testid="export" disabled={busy || !hasResult} onClick={onExport}>
        {t.exportReport}
      </Button>
    </div>
  );
}
