import { Button, ProgressBar, Text } from '@fluentui/react-components';
import type { Progress } from '../../src/adapters/excel/workbookSession';
import type { Messages } from '../../src/i18n';
import { usePaneStyles } from './paneStyles';

interface Props {
  t: Messages;
  progress: Progress;
  onCancel(): void;
}

export function progressText(t: Messages, p: Progress): string {
  switch (p.stage) {
    case 'reading':
      return t.progressReading;
    case 'detecting':
      return t.progressDetecting(p.sheet, p.index + 1, p.total);
    case 'rules':
      return t.progressRules;
    case 'marking':
      return t.progressMarking;
  }
}

/** Where the check is (by sheet while tables are found), with a way out. */
export function ProgressLine({ t, progress, onCancel }: Props) {
  const styles = usePaneStyles();
  const text = progressText(t, progress);
  const value = progress.stage === 'detecting' ? progress.index / Math.max(1, progress.total) : undefined;
  return (
    <div className={styles.progress} data-testid="progress" data-stage={progress.stage}>
      <div className={styles.progressRow}>
        <Text className={styles.progressText} id="progress-text" data-testid="progress-text">
          {text}
        </Text>
        <Button size="small" data-testid="cancel" onClick={onCancel}>
          {t.cancel}
        </Button>
      </div>
      <ProgressBar value={value} aria-labelledby="progress-text" />
    </div>
  );
}
