import { Caption1 } from '@fluentui/react-components';
import { rangeAddress } from '../../src/core/address';
import { kindName, type Language } from '../../src/core/report';
import type { TableInfo } from '../../src/adapters/excel/checkResult';
import type { Messages } from '../../src/i18n';
import { tableName } from '../findingGroups';
import { usePaneStyles } from './paneStyles';

interface Props {
  t: Messages;
  lang: Language;
  tables: TableInfo[];
  onSelect(table: TableInfo): void;
}

/** The detected tables, folded below the findings: name, sheet, kind, range; a click selects the table. */
export function TableList({ t, lang, tables, onSelect }: Props) {
  const styles = usePaneStyles();
  return (
    <details className={styles.folded} data-testid="tables">
      <summary className={styles.foldedSummary}>
        <h2 className={styles.inlineHeading} data-testid="count-tables">
          {t.tablesTitle(tables.length)}
        </h2>
      </summary>
      {tables.length === 0 ? (
        <Caption1 className={styles.muted}>{t.noTables}</Caption1>
      ) : (
        <ul className={styles.breakdown}>
          {tables.map((table) => {
            const { name } = tableName(table, lang);
            return (
              <li key={table.id}>
                <button type="button" className={styles.tableItem} data-testid="table-item" onClick={() => onSelect(table)}>
                  <span>{name}</span>
                  <Caption1 className={styles.muted}>{[table.sheet, kindName(table.kind, lang), `${t.rangeLabel} ${rangeAddress(table.range)}`].join(' · ')}</Caption1>
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </details>
  );
}
