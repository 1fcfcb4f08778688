import { resolve, relative, isAbsolute } from 'path';
import type { AuditConfig, ReviewEntry } from '../core/config';
import type { CliArgs } from './args';
import { parseReviews, parseSettings, settingsConfig, SettingsError, type ReviewerSettings } from '../core/settings';
import { readJsonFile, reasonFor, REVIEW_FILE, reviewFileFor, ReviewerFileError, SETTINGS_FILE, SettingsFileFinder, type FileKind } from '../adapters/fs/settingsFiles';

/**
 * The settings each workbook is checked with: `--config FILE` for all, else the budget-audit.json
 * found for it (its folder, then parents up to the folder named); its reviews from `--reviews FILE`
 * or `<workbook>.review.json`; `--strict` over both. Plain data, so it crosses to a worker thread
 * with the job. A file that cannot be used stops that workbook only, with its sentence (exit 2).
 */
export interface JobSettings {
  /** The engine's config for this workbook. */
  config: Partial<AuditConfig>;
  /** The settings file applied, if any. */
  settingsFile?: string;
  /** The review file read, when it exists. */
  reviewFile?: string;
  /** What the settings change, for the report's first lines. */
  settings: ReviewerSettings;
}

export interface SettingsOptions {
  /** --config FILE: one settings file for every workbook. */
  config?: string;
  /** --reviews FILE: the review file (one workbook only). */
  reviews?: string;
  /** --strict: zero tolerance whatever the settings say. */
  strict: boolean;
}

export class SettingsResolver {
  private readonly finder = new SettingsFileFinder();
  private readonly parsed = new Map<string, Promise<ReviewerSettings>>();

  constructor(private readonly options: SettingsOptions) {}

  /**
   * `root` is the folder named on the command line the workbook was found in; for a workbook named
   * itself, the current folder when the workbook lies below it (so `check a/b/x.xlsx` finds a/budget-audit.json
   * as `check a` does), else its own folder.
   */
  async forWorkbook(workbook: string, root?: string): Promise<JobSettings> {
    const settingsFile = this.options.config ?? (await this.finder.find(workbook, root ?? currentFolderAbove(workbook)));
    const settings = settingsFile ? await this.settingsIn(settingsFile) : {};
    const reviewPath = this.options.reviews ?? reviewFileFor(workbook);
    const reviews = await readReviews(reviewPath);
    const config = settingsConfig(settings, reviews ?? []);
    if (this.options.strict) config.strict = true;
    return { config, settings, ...(settingsFile ? { settingsFile } : {}), ...(reviews ? { reviewFile: reviewPath } : {}) };
  }

  private settingsIn(file: string): Promise<ReviewerSettings> {
    let p = this.parsed.get(file);
    if (!p) {
      p = readJsonFile(file, SETTINGS_FILE).then((value) => within(file, SETTINGS_FILE, () => parseSettings(value)));
      this.parsed.set(file, p);
    }
    return p;
  }
}

/** The reviews of a review file, or undefined when there is none yet. */
export async function readReviews(path: string): Promise<ReviewEntry[] | undefined> {
  const value = await readJsonFile(path, REVIEW_FILE, true);
  return value === undefined ? undefined : within(path, REVIEW_FILE, () => parseReviews(value));
}

/** A setting refused by the core, said with the file it is in: 设置文件 X 中 rules.foo：… / settings file X, rules.foo: …. */
function within<T>(file: string, kind: FileKind, parse: () => T): T {
  try {
    return parse();
  } catch (e) {
    if (!(e instanceof SettingsError)) throw e;
    const message = e.key
      ? `${kind.zh} ${file} 中 ${e.key}：${e.zh} / ${kind.en} ${file}, ${e.key}: ${e.en}`
      : `${kind.zh} ${file} 有误：${e.zh} / ${kind.en} ${file}: ${e.en}`;
    throw new ReviewerFileError(reasonFor(kind), message);
  }
}

function currentFolderAbove(workbook: string): string | undefined {
  const below = relative(process.cwd(), resolve(workbook));
  return below && !below.startsWith('..') && !isAbsolute(below) ? process.cwd() : undefined;
}

/** The settings and reviews of one workbook named on its own; undefined (after saying why) when a file cannot be used. */
export async function settingsOf(args: Pick<CliArgs, 'config' | 'reviews' | 'strict'>, file: string, stderr: (line: string) => void): Promise<JobSettings | undefined> {
  try {
    return await new SettingsResolver({ config: args.config, reviews: args.reviews, strict: args.strict }).forWorkbook(file);
  } catch (e) {
    if (!(e instanceof ReviewerFileError)) throw e;
    stderr(e.message);
    return undefined;
  }
}
