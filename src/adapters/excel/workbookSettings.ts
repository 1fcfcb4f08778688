import type { AuditConfig, ReviewEntry } from '../../core/config';
import type { Finding } from '../../core/finding';
import { reviewEntryFor, reviewMatches } from '../../core/reviewPolicy';
import { parseReviews, parseSettings, settingsConfig, SettingsError, type ReviewerSettings } from '../../core/settings';

/**
 * The reviewer's settings and reviews kept in the workbook itself, in Office's document settings
 * (Office.context.document.settings, saved with the file): the same object as budget-audit.json
 * (`budgetAudit.settings`), the findings marked 已核实 (`budgetAudit.reviews`, ReviewEntry[] as in a
 * review file) and the last reviewer's name (`budgetAudit.reviewer`), so whoever opens the workbook
 * next checks it the same way and sees what was already looked at.
 *
 * Office keeps an in-memory copy (get/set) and writes it into the document on saveAsync; each
 * change here is saved at once. A stored value that cannot be used is set aside with its sentence
 * (`problems`) — the pane says so — never a crash and never silently taken as the default.
 */

/** The part of Office.Settings the add-in uses. */
export interface DocumentSettings {
  get(name: string): unknown;
  set(name: string, value: unknown): void;
  remove(name: string): void;
  saveAsync(callback?: (result: { status: string; error?: { message?: string } }) => void): void;
}

export const SETTING_NAMES = { settings: 'budgetAudit.settings', reviews: 'budgetAudit.reviews', reviewer: 'budgetAudit.reviewer' } as const;

export interface WorkbookSettings {
  settings: ReviewerSettings;
  reviews: ReviewEntry[];
  /** The reviewer's name, remembered for the next 「已核实」. */
  reviewer: string;
}

/** Office refused to save the document settings; the message is Office's own. */
export class SettingsNotSavedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SettingsNotSavedError';
  }
}

export class WorkbookSettingsStore {
  private state: WorkbookSettings;
  /** Stored values that could not be used: which one, and why (zh / en). */
  problems: { name: string; error: SettingsError }[] = [];

  constructor(private readonly store?: DocumentSettings) {
    this.state = { settings: {}, reviews: [], reviewer: '' };
    if (!store) return;
    this.state.settings = this.read(SETTING_NAMES.settings, parseSettings) ?? {};
    this.state.reviews = this.read(SETTING_NAMES.reviews, parseReviews) ?? [];
    const reviewer = store.get(SETTING_NAMES.reviewer);
    if (typeof reviewer === 'string') this.state.reviewer = reviewer;
  }

  /** False where the host has no document settings (outside Office): changes then last for this session only. */
  get persistent(): boolean {
    return Boolean(this.store);
  }

  get current(): WorkbookSettings {
    return this.state;
  }

  /** The engine's config for a check: the settings and the reviews. */
  config(): Partial<AuditConfig> {
    return settingsConfig(this.state.settings, this.state.reviews);
  }

  /** Sets the given parts and saves them into the document; the in-memory state changes even when saving fails. */
  async update(patch: Partial<WorkbookSettings>): Promise<void> {
    if (patch.settings) parseSettings(patch.settings);
    this.state = { ...this.state, ...patch };
    if (!this.store) return;
    if (patch.settings) this.store.set(SETTING_NAMES.settings, patch.settings);
    if (patch.reviews) this.store.set(SETTING_NAMES.reviews, patch.reviews);
    if (patch.reviewer !== undefined) this.store.set(SETTING_NAMES.reviewer, patch.reviewer);
    // What was unusable is replaced now: it is no longer a problem.
    this.problems = this.problems.filter((p) => !Object.entries(SETTING_NAMES).some(([key, name]) => key in patch && p.name === name));
    await save(this.store);
  }

  /** 「已核实」: the finding's entry is kept (with who, why and when); the reviewer's name is remembered. */
  async verify(finding: Finding, reviewer: string, reason: string, date: string): Promise<ReviewEntry[]> {
    const reviews = [...this.state.reviews.filter((r) => !reviewMatches(r, finding)), reviewEntryFor(finding, reviewer, reason, date)];
    await this.update({ reviews, reviewer });
    return reviews;
  }

  /** Takes a review back: the finding is open again. */
  async unverify(finding: Finding): Promise<ReviewEntry[]> {
    const reviews = this.state.reviews.filter((r) => !reviewMatches(r, finding));
    await this.update({ reviews });
    return reviews;
  }

  private read<T>(name: string, parse: (v: unknown) => T): T | undefined {
    const value = this.store!.get(name);
    if (value === null || value === undefined) return undefined;
    try {
      return parse(value);
    } catch (e) {
      if (!(e instanceof SettingsError)) throw e;
      this.problems.push({ name, error: e });
      return undefined;
    }
  }
}

function save(store: DocumentSettings): Promise<void> {
  return new Promise((resolve, reject) => {
    try {
      store.saveAsync((result) => (result.status === 'succeeded' ? resolve() : reject(new SettingsNotSavedError(result.error?.message ?? result.status))));
    } catch (e) {
      reject(new SettingsNotSavedError(e instanceof Error ? e.message : String(e)));
    }
  });
}
