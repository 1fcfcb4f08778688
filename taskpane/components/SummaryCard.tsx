import { Caption1, Card, Subtitle2, Title3 } from '@fluentui/react-components';
import type { FindingSummary } from '../../src/core/finding';
import type { Messages } from '../../src/i18n';
import { usePaneStyles } from './paneStyles';

interface Props {
  t: Messages;
  tablesFound: number;
  summary: FindingSummary;
}

/** Tables found, errors, warnings, infos. */
export function SummaryCard({ t, tablesFound, summary }: Props) {
  const styles = usePaneStyles();
  const counts: [string, number, string][] = [
    [t.tablesFound, tablesFound, 'tables'],
    [t.errors, summary.errors, 'errors'],
    [t.warnings, summary.warnings, 'warnings'],
    [t.infos, summary.infos, 'infos'],
  ];
  return (
    <Card data-testid="summary">
      <Subtitle2>{t.summaryTitle}</Subtitle2>
      <div className={styles.counts}>
        {counts.map(([label, n, id]) => (
          <div key={id} className={styles.count} data-testid={`count-${id}`}>
            <Title3>{n}</Title3>
            <Caption1>{label}</Caption1>
          </div>
        ))}
      </div>
    </Card>
  );
}
