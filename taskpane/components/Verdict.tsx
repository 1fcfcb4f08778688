import { mergeClasses, Text, ToggleButton } from '@fluentui/react-components';
import type { Messages } from '../../src/i18n';
import { FILTER_KEYS, type Counts, type FindingFilter, type FindingGroup, type Verdict as VerdictLine } from '../findingGroups';
import { usePaneStyles } from './paneStyles';

interface Props {
  t: Messages;
  verdict: VerdictLine;
  /** Null before a check: no counts, no breakdown. */
  counts: Counts | null;
  groups: FindingGroup[];
  filter: FindingFilter;
  onFilter(next: FindingFilter): void;
  onGroup(key: string): void;
}

/**
 * The top of the pane: the verdict in words (announced when it changes), the counts that
 * filter the list, and each table's counts (a click goes to its findings).
 */
export function Verdict({ t, verdict, counts, groups, filter, onFilter, onGroup }: Props) {
  const styles = usePaneStyles();
  const tone = { idle: undefined, error: styles.verdictError, warning: styles.verdictWarning, clean: styles.verdictClean }[verdict.tone];
  return (
    <section className={styles.section} aria-labelledby="verdict-text">
      <div className={mergeClasses(styles.verdict, tone)} role="status" aria-live="polite" aria-atomic="true" data-testid="verdict" data-tone={verdict.tone}>
        <h2 id="verdict-text" className={styles.verdictText}>
          {verdict.text}
        </h2>
        {verdict.aside ? <Text className={styles.aside}>{verdict.aside}</Text> : null}
      </div>
      {counts ? (
        <div className={styles.counts} role="group" aria-label={t.filterLabel}>
          {FILTER_KEYS.map((key) => (
            <ToggleButton
              key={key}
              size="small"
              className={styles.countButton}
              data-testid={`filter-${key}`}
              checked={filter[key]}
              onClick={() => onFilter({ ...filter, [key]: !filter[key] })}
            >
              {t.severity[key]}
              <span className={styles.countNumber} data-testid={`count-${key}`}>
                {counts[key]}
              </span>
            </ToggleButton>
          ))}
        </div>
      ) : null}
      {groups.length > 0 ? (
        <nav aria-label={t.byTableTitle}>
          <ul className={styles.breakdown} data-testid="breakdown">
            {groups.map((g) => (
              <li key={g.key}>
                <button type="button" className={styles.breakdownItem} onClick={() => onGroup(g.key)}>
                  <span>{g.name}</span>
                  <span className={styles.breakdownCounts}>{t.tableCounts(g.counts.error, g.counts.warning, g.counts.info)}</span>
                </button>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
    </section>
  );
}
