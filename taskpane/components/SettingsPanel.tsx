import { Caption1, Field, Input, Select, Switch } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { ruleName } from '../../src/core/messages/ruleNames';
import type { Language } from '../../src/core/report';
import { ruleChoice, ruleDefaults, UNITS, withRuleChoice, type ReviewerSettings } from '../../src/core/settings';
import type { Unit } from '../../src/core/table';
import type { Messages } from '../../src/i18n';
import { usePaneStyles } from './paneStyles';

interface Props {
  t: Messages;
  lang: Language;
  /** The settings kept in the workbook: budget-audit.json's content. */
  settings: ReviewerSettings;
  /** Where they go: the workbook's document settings, or this session only. */
  persistent: boolean;
  /** The reviewer option (notes need ExcelApi 1.18): the pane's own, not the workbook's. */
  reviewerNotes: boolean;
  notesSupported: boolean;
  onChange(next: ReviewerSettings): void;
  onReviewerNotes(on: boolean): void;
}

/** A year as typed: a whole number in the years the engine accepts, or nothing (the tables' own). */
function yearOf(text: string): number | null | undefined {
  if (text.trim() === '') return null;
  const y = Number(text.trim());
  return Number.isInteger(y) && y >= 2000 && y <= 2100 ? y : undefined;
}

/** One rule: on/off by its name, and its level (强制性 / 提示性) where it has one. */
function RuleRow({ t, lang, id, settings, onChange }: { t: Messages; lang: Language; id: string; settings: ReviewerSettings; onChange(next: ReviewerSettings): void }) {
  const styles = usePaneStyles();
  const name = ruleName(id, lang);
  const choice = ruleChoice(settings, id);
  return (
    <li className={styles.ruleRow} data-testid="rule-setting" data-rule={id}>
      <Switch className={styles.ruleSwitch} checked={choice.on} label={name} onChange={(_, d) => onChange(withRuleChoice(settings, id, { on: d.checked, severity: choice.severity }))} />
      {choice.severity === 'info' ? (
        <Caption1 className={styles.muted}>{t.ruleInfoOnly}</Caption1>
      ) : (
        <Select
          className={styles.ruleLevel}
          aria-label={t.ruleSeverity(name)}
          value={choice.severity}
          disabled={!choice.on}
          onChange={(_, d) => onChange(withRuleChoice(settings, id, { on: true, severity: d.value as 'error' | 'warning' }))}
        >
          <option value="error">{t.ruleLevels.error}</option>
          <option value="warning">{t.ruleLevels.warning}</option>
        </Select>
      )}
    </li>
  );
}

/**
 * The reviewer's settings, opened from the toolbar: strict rounding, the fiscal year and unit for
 * tables that do not state them, each rule on/off with its level — the content of a budget-audit.json,
 * kept in the workbook (its document settings) and applied from the next check on.
 */
export function SettingsPanel({ t, lang, settings, persistent, reviewerNotes, notesSupported, onChange, onReviewerNotes }: Props) {
  const styles = usePaneStyles();
  const [yearText, setYearText] = useState(settings.fiscalYear ? String(settings.fiscalYear) : '');
  useEffect(() => setYearText(settings.fiscalYear ? String(settings.fiscalYear) : ''), [settings.fiscalYear]);
  const year = yearOf(yearText);
  const commitYear = () => {
    if (year === undefined || (year ?? undefined) === settings.fiscalYear) return;
    const next = { ...settings, fiscalYear: year ?? undefined };
    if (year === null) delete next.fiscalYear;
    onChange(next);
  };
  const rules = [...ruleDefaults().keys()];
  return (
    <section id="settings" className={styles.section} aria-labelledby="settings-title" data-testid="settings">
      <h2 id="settings-title" className={styles.groupHeading}>
        {t.settings}
      </h2>
      <Switch data-testid="strict" checked={Boolean(settings.strict)} label={t.strictRounding} onChange={(_, d) => onChange({ ...settings, strict: d.checked })} />
      <Caption1 className={styles.muted}>{t.strictRoundingHint}</Caption1>
      <Switch data-testid="reviewer" checked={reviewerNotes && notesSupported} disabled={!notesSupported} label={t.reviewerNotes} onChange={(_, d) => onReviewerNotes(d.checked)} />
      {notesSupported ? null : <Caption1 className={styles.muted}>{t.reviewerNotesUnsupported}</Caption1>}
      <div className={styles.settingsFields}>
        <Field label={t.fiscalYear} hint={t.fiscalYearHint} validationState={year === undefined ? 'error' : 'none'} validationMessage={year === undefined ? t.fiscalYearInvalid : undefined}>
          <Input data-testid="fiscal-year" inputMode="numeric" value={yearText} onChange={(_, d) => setYearText(d.value)} onBlur={commitYear} onKeyDown={(e) => e.key === 'Enter' && commitYear()} />
        </Field>
        <Field label={t.unit}>
          <Select
            data-testid="unit"
            value={settings.unit ?? ''}
            onChange={(_, d) => {
              const next: ReviewerSettings = { ...settings, unit: d.value as Unit };
              if (!d.value) delete next.unit;
              onChange(next);
            }}
          >
            <option value="">{t.unitFromTables}</option>
            {UNITS.map((u) => (
              <option key={u} value={u}>
                {u}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <details className={styles.folded} data-testid="rules">
        <summary className={styles.summary}>{t.rulesTitle(rules.length)}</summary>
        <ul className={styles.ruleList}>
          {rules.map((id) => (
            <RuleRow key={id} t={t} lang={lang} id={id} settings={settings} onChange={onChange} />
          ))}
        </ul>
      </details>
      <Caption1 className={styles.muted} data-testid="settings-kept">
        {persistent ? t.settingsKept : t.settingsSessionOnly}
      </Caption1>
    </section>
  );
}
