import { Badge, Caption1, Checkbox, Subtitle2, Text } from '@fluentui/react-components';
import Decimal from 'decimal.js';
import { kindName, type Language } from '../../src/core/report';
import { renderCheck, renderSentence } from '../../src/core/messages/render';
import type { Finding, Severity } from '../../src/core/finding';
import type { DetectedTable } from '../../src/core/table';
import type { Messages } from '../../src/i18n';
import { usePaneStyles } from './paneStyles';

export type SeverityFilter = Record<Severity, boolean>;

interface Props {
  t: Messages;
  lang: Language;
  tables: DetectedTable[];
  findings: Finding[];
  filter: SeverityFilter;
  onFilter(next: SeverityFilter): void;
  onSelect(finding: Finding): void;
}

const BADGE: Record<Severity, 'danger' | 'warning' | 'informative'> = { error: 'danger', warning: 'warning', info: 'informative' };
const SEVERITIES: Severity[] = ['error', 'warning', 'info'];

/** actual − expected in exact decimals, when the finding does not carry it. */
function difference(f: Finding): string | null {
  if (f.difference !== undefined) return f.difference;
  if (f.actual === null || f.expected === null) return null;
  try {
    return new Decimal(f.actual).minus(new Decimal(f.expected)).toString();
  } catch {
    return null;
  }
}

interface Group {
  key: string;
  title: string;
  findings: Finding[];
}

function groupByTable(findings: Finding[], tables: DetectedTable[], lang: Language, other: string): Group[] {
  const byId = new Map(tables.map((t) => [t.id, t]));
  const groups = new Map<string, Group>();
  for (const f of findings) {
    const table = f.table ? byId.get(f.table) : undefined;
    const key = table ? table.id : `other:${f.sheet}`;
    if (!groups.has(key)) {
      const title = table ? `${table.sheet} · ${table.title ?? kindName(table.kind, lang)}` : `${f.sheet} · ${other}`;
      groups.set(key, { key, title, findings: [] });
    }
    groups.get(key)!.findings.push(f);
  }
  return [...groups.values()];
}

/** Findings grouped by table, filtered by severity (info hidden by default); a click goes to the cell. */
export function FindingList({ t, lang, tables, findings, filter, onFilter, onSelect }: Props) {
  const styles = usePaneStyles();
  const shown = findings.filter((f) => filter[f.severity]);
  const groups = groupByTable(shown, tables, lang, t.otherFindings);
  const labels: Record<Severity, string> = { error: t.showErrors, warning: t.showWarnings, info: t.showInfos };
  return (
    <section className={styles.section}>
      <Subtitle2>{t.findingsTitle}</Subtitle2>
      <div className={styles.filters}>
        {SEVERITIES.map((s) => (
          <Checkbox key={s} data-testid={`filter-${s}`} checked={filter[s]} label={labels[s]} onChange={(_, d) => onFilter({ ...filter, [s]: Boolean(d.checked) })} />
        ))}
      </div>
      {groups.length === 0 ? <Caption1 className={styles.muted}>{t.noFindings}</Caption1> : null}
      {groups.map((g) => (
        <div key={g.key} className={styles.section} data-testid="finding-group">
          <Text weight="semibold">{g.title}</Text>
          <ul className={styles.list}>
            {g.findings.map((f, i) => {
              const diff = difference(f);
              const head = renderSentence(f.message, lang);
              const details = f.explains.map((c) => renderCheck(c, lang, f.decimals ?? 2));
              return (
                <li key={`${f.rule}-${f.sheet}-${f.cell}-${i}`}>
                  <button type="button" className={styles.item} data-testid="finding-item" data-cell={`${f.sheet}!${f.cell}`} onClick={() => onSelect(f)}>
                    <span className={styles.itemHead}>
                      <Badge appearance="filled" color={BADGE[f.severity]}>
                        {t.severity[f.severity]}
                      </Badge>
                      <Caption1>{`${f.sheet}!${f.cell}`}</Caption1>
                    </span>
                    <Text>{head}</Text>
                    <span className={styles.amounts}>
                      <Caption1>{`${t.actual} ${f.actual ?? t.empty}`}</Caption1>
                      <Caption1>{`${t.expected} ${f.expected ?? t.empty}`}</Caption1>
                      {diff === null ? null : <Caption1>{`${t.difference} ${diff}`}</Caption1>}
                      <Caption1>{`${t.tolerance} ${f.tolerance}`}</Caption1>
                    </span>
                  </button>
                  {details.length ? (
                    <details className={styles.details} data-testid="finding-details">
                      <summary>{t.culpritChecks(details.length)}</summary>
                      <ol>
                        {details.map((d, k) => (
                          <li key={k}>
                            <Caption1>{d}</Caption1>
                          </li>
                        ))}
                      </ol>
                    </details>
                  ) : null}
                </li>
              );
            })}
          </ul>
        </div>
      ))}
    </section>
  );
}
