import { Badge, Button, Caption1 } from '@fluentui/react-components';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { renderCheck, renderSentence } from '../../src/core/messages/render';
import { ruleName } from '../../src/core/messages/ruleNames';
import { shownValue, type Language } from '../../src/core/report';
import type { Finding } from '../../src/core/finding';
import type { Messages } from '../../src/i18n';
import { filterKey, PAGE, type FilterKey, type FindingFilter, type FindingGroup } from '../findingGroups';
import { usePaneStyles } from './paneStyles';
import { VerifyAction } from './VerifyAction';

/** 「已核实」 and taking it back, with the reviewer's name last used. */
export interface ReviewActions {
  reviewer: string;
  busy: boolean;
  onVerify(finding: Finding, reviewer: string, reason: string): void;
  onUnverify(finding: Finding): void;
}

interface Props {
  t: Messages;
  lang: Language;
  groups: FindingGroup[];
  filter: FindingFilter;
  onSelect(finding: Finding): void;
  review: ReviewActions;
}

const BADGE: Record<FilterKey, 'danger' | 'warning' | 'informative' | 'success'> = { error: 'danger', warning: 'warning', info: 'informative', verified: 'success' };

function itemKey(f: Finding, seen: Map<string, number>): string {
  const base = `${f.rule}|${f.sheet}|${f.cell}|${f.actual}|${f.expected}`;
  const n = seen.get(base) ?? 0;
  seen.set(base, n + 1);
  return `${base}|${n}`;
}

export function groupHeadingId(key: string): string {
  return `group-${key.replace(/[^A-Za-z0-9_-]/g, (ch) => ch.charCodeAt(0).toString(36))}`;
}

/** One finding: its sentence first and readable, the rule and the cell beside it; its details folded. */
function FindingItem({ t, lang, f, index, active, onSelect, onFocus, review }: { t: Messages; lang: Language; f: Finding; index: number; active: boolean; onSelect(): void; onFocus(): void; review: ReviewActions }) {
  const styles = usePaneStyles();
  const key = filterKey(f);
  const where = `${f.sheet}!${f.cell}`;
  const checks = f.explains.map((c) => renderCheck(c, lang, f.decimals ?? 2));
  const figures = [
    `${t.actual} ${shownValue(f, f.actual, lang)}`,
    f.expected === null ? '' : `${t.expected} ${shownValue(f, f.expected, lang)}`,
    f.difference !== undefined && f.subject === 'amount' ? `${t.difference} ${shownValue(f, f.difference, lang)}` : '',
    f.tolerance !== '0' ? `${t.tolerance} ${f.tolerance}` : '',
  ].filter(Boolean);
  return (
    <li>
      <button
        type="button"
        className={styles.finding}
        data-testid="finding-item"
        data-finding-index={index}
        data-cell={where}
        tabIndex={active ? 0 : -1}
        title={t.goToCell(where)}
        onClick={onSelect}
        onFocus={onFocus}
      >
        <span className={styles.findingHead}>
          <Badge className={styles.badge} appearance="filled" color={BADGE[key]}>
            {t.badge[key]}
          </Badge>
          <span className={styles.rule}>{ruleName(f.rule, lang)}</span>
          <span className={styles.cell}>{where}</span>
        </span>
        <span className={styles.sentence} data-testid="finding-sentence">
          {renderSentence(f.message, lang, { bare: true })}
        </span>
      </button>
      <details className={styles.details} data-testid="finding-details">
        <summary className={styles.summary}>{checks.length ? t.culpritChecks(checks.length) : t.details}</summary>
        <ul className={styles.detailsList}>
          <li>{figures.join(t.listSeparator)}</li>
          {f.review ? <li>{t.reviewedBy(f.review.reviewer, f.review.reason)}</li> : null}
          {checks.map((d, k) => (
            <li key={k}>{d}</li>
          ))}
        </ul>
        {f.review ? (
          <Button size="small" data-testid="unverify" disabled={review.busy} onClick={() => review.onUnverify(f)}>
            {t.unverify}
          </Button>
        ) : (
          <VerifyAction t={t} reviewer={review.reviewer} disabled={review.busy} onVerify={(who, why) => review.onVerify(f, who, why)} />
        )}
      </details>
    </li>
  );
}

/**
 * The findings grouped by table, errors first; the counts above filter them. One tab stop for
 * the list: the arrow keys move between findings (across tables), Home/End to the ends, Enter
 * goes to the cell.
 */
export function FindingList({ t, lang, groups, filter, onSelect, review }: Props) {
  const styles = usePaneStyles();
  const [limit, setLimit] = useState(PAGE);
  const [active, setActive] = useState(0);
  const listRef = useRef<HTMLDivElement>(null);
  const shownGroups = groups.map((g) => ({ ...g, shown: g.findings.filter((f) => filter[filterKey(f)]) })).filter((g) => g.shown.length > 0);
  const total = shownGroups.reduce((n, g) => n + g.shown.length, 0);
  const hidden = groups.reduce((n, g) => n + g.findings.length, 0) - total;
  const more = Math.min(PAGE, total - limit);
  useEffect(() => setActive((a) => Math.min(a, Math.max(0, Math.min(total, limit) - 1))), [total, limit]);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const items = [...(listRef.current?.querySelectorAll<HTMLButtonElement>('[data-finding-index]') ?? [])];
    const at = items.indexOf(document.activeElement as HTMLButtonElement);
    if (at < 0) return;
    const next = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: items.length - 1 }[e.key];
    if (next === undefined) return;
    e.preventDefault();
    items[Math.max(0, Math.min(items.length - 1, next))]?.focus();
  };

  let index = 0;
  // Keys by what a finding says (not its place): 「已核实」 moves a finding, its neighbours keep their open details.
  const seen = new Map<string, number>();
  return (
    <section className={styles.section} aria-labelledby="findings-title" data-testid="findings">
      <h2 id="findings-title" className={styles.groupHeading}>
        {t.findingsTitle}
      </h2>
      <p className={styles.visuallyHidden} id="findings-keys">
        {t.findingsKeys}
      </p>
      {total === 0 ? <Caption1 className={styles.muted}>{t.noFindings}</Caption1> : null}
      <div ref={listRef} onKeyDown={onKeyDown} className={styles.section} aria-describedby="findings-keys">
        {shownGroups.map((g) => {
          if (index >= limit) return null;
          const items = g.shown.slice(0, limit - index);
          const first = index;
          index += items.length;
          return (
            <section key={g.key} className={styles.group} aria-labelledby={groupHeadingId(g.key)} data-testid="finding-group">
              <h3 id={groupHeadingId(g.key)} className={styles.groupHeading} tabIndex={-1}>
                {g.name}
                {g.sheet ? <span className={styles.groupSheet}>{` · ${g.sheet}`}</span> : null}
              </h3>
              <ul className={styles.list}>
                {items.map((f, k) => (
                  <FindingItem
                    key={itemKey(f, seen)}
                    t={t}
                    lang={lang}
                    f={f}
                    index={first + k}
                    active={first + k === active}
                    onSelect={() => onSelect(f)}
                    onFocus={() => setActive(first + k)}
                    review={review}
                  />
                ))}
              </ul>
            </section>
          );
        })}
      </div>
      {more > 0 ? (
        <button type="button" className={styles.breakdownItem} data-testid="show-more" onClick={() => setLimit(limit + PAGE)}>
          {t.showMore(more)}
        </button>
      ) : null}
      {hidden > 0 ? <Caption1 className={styles.muted}>{t.hiddenByFilter(hidden)}</Caption1> : null}
    </section>
  );
}
