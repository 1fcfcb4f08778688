import { Caption1, Subtitle2, Text } from '@fluentui/react-components';
import { rangeAddress } from '../../src/core/address';
import { kindName, type Language } from '../../src/core/report';
import type { DetectedTable } from '../../src/core/table';
import type { Messages } from '../../src/i18n';
import { usePaneStyles } from './paneStyles';

interface Props {
  t: Messages;
  lang: Language;
  tables: DetectedTable[];
  onSelect(table: DetectedTable): void;
}

/** The detected tables: sheet, kind (in the pane's language), range; a click selects the table. */
export function TableList({ t, lang, tables, onSelect }: Props) {
  const styles = usePaneStyles();
  return (
    <section className={styles.section}>
      <Subtitle2>{t.tablesTitle}</Subtitle2>
      {tables.length === 0 ? (
        <Caption1 className={styles.muted}>{t.noTables}</Caption1>
      ) : (
        <ul className={styles.list}>
          {tables.map((table) => (
            <li key={table.id}>
              <button type="button" className={styles.item} data-testid="table-item" onClick={() => onSelect(table)}>
                <Text weight="semibold">{table.title ?? kindName(table.kind, lang)}</Text>
                <Caption1 className={styles.muted}>
                  {[table.sheet, kindName(table.kind, lang), `${t.rangeLabel} ${rangeAddress(table.range)}`].join(' · ')}
                </Caption1>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
