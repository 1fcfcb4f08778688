import { reviewEntryFor } from '../core/reviewPolicy';
import { reviewDate, ruleDefaults } from '../core/settings';
import { ruleName } from '../core/messages/ruleNames';
import type { Finding } from '../core/finding';
import { reviewFileFor, writeReviewFile } from '../adapters/fs/settingsFiles';
import { OutputNotWrittenError } from '../adapters/fs/writeError';
import { UsageError, type CliArgs } from './args';
import { EXIT, type ExitStatus } from './exitStatus';
import { settingsOf } from './jobSettings';
import type { StandardOutput } from './standardOutput';

/**
 * `budget-audit review FILE --rule ID --cell SHEET!A1 --by 王会计 --reason "…"`: checks the workbook
 * as `check` would (its settings, its reviews), finds the finding of that rule at that cell today,
 * and appends its review entry — rule, sheet, the line's name, the figures — to the review file
 * (`FILE.review.json`, or `--reviews`). From then on every output shows it as 已核实 and does not
 * count it, until its figures change. Nothing found there is refused with a sentence (exit 2):
 * a review of a finding that does not exist would never match anything.
 */
export async function reviewFinding(args: CliArgs, out: StandardOutput, stderr: (line: string) => void): Promise<ExitStatus> {
  const file = args.paths[0];
  const place = parsePlace(args.cell!);
  if (args.rule && !ruleDefaults().has(args.rule)) throw new UsageError(`未知的规则编号 / unknown rule id: ${args.rule}（budget-audit rules 列出全部规则 / budget-audit rules lists them）`);
  const settings = await settingsOf(args, file, stderr);
  if (!settings) return EXIT.unreadable;
  const [{ readSnapshotFromFile, UnreadableWorkbookError }, { audit }] = await Promise.all([import('../adapters/xlsx/readSnapshot'), import('../core/engine')]);
  let snapshot;
  try {
    snapshot = await readSnapshotFromFile(file);
  } catch (e) {
    if (!(e instanceof UnreadableWorkbookError)) throw e;
    stderr(e.message);
    return EXIT.unreadable;
  }
  // Sheet names are case-insensitive in Excel: YS03 and ys03 are one sheet.
  const sheet = snapshot.sheets.find((s) => s.name === place.sheet) ?? snapshot.sheets.find((s) => s.name.toLowerCase() === place.sheet.toLowerCase());
  if (!sheet) {
    stderr(`工作簿中没有工作表「${place.sheet}」（有：${snapshot.sheets.map((s) => s.name).join('、')}）/ the workbook has no sheet "${place.sheet}" (it has: ${snapshot.sheets.map((s) => s.name).join(', ')})`);
    return EXIT.unreadable;
  }
  const where = `${sheet.name}!${place.cell}`;
  const result = audit(snapshot, settings.config);
  // The finding whose sentence is about the cell first, then one that marks it (the other side of a cross-table mismatch).
  const here = result.findings
    .filter((f) => f.sheet === sheet.name && (f.cell === place.cell || f.cells.some((c) => c.sheet === sheet.name && c.cell === place.cell)))
    .sort((a, b) => Number(a.cell !== place.cell) - Number(b.cell !== place.cell));
  const matching = args.rule ? here.filter((f) => f.rule === args.rule) : here;
  if (matching.length === 0) {
    const others = rulesOf(here);
    stderr(
      `${where} 处没有${args.rule ? `规则 ${args.rule} 的` : ''}发现，无从核实${others ? `（此处的发现：${others}）` : ''} / ` +
        `no finding${args.rule ? ` of rule ${args.rule}` : ''} at ${where} to verify${others ? ` (findings there: ${others})` : ''}`,
    );
    return EXIT.unreadable;
  }
  if (!args.rule && new Set(matching.map((f) => f.rule)).size > 1) {
    stderr(`${where} 处有多条发现，请用 --rule 指明：${rulesOf(matching)} / several findings at ${where}: choose one with --rule: ${rulesOf(matching)}`);
    return EXIT.unreadable;
  }
  const finding = matching[0];
  const label = `${where} ${ruleName(finding.rule, args.lang)}`;
  if (finding.review) {
    out.write(args.lang === 'zh-CN' ? `${label} 已核实过（${finding.review.reviewer}：${finding.review.reason}），未重复记录。` : `${label} is already verified (${finding.review.reviewer}: ${finding.review.reason}); nothing recorded.`);
    return EXIT.clean;
  }
  const reviewFile = args.reviews ?? reviewFileFor(file);
  const entry = reviewEntryFor(finding, args.by!, args.reason!, reviewDate());
  try {
    await writeReviewFile(reviewFile, [...(settings.config.reviews ?? []), entry], file);
  } catch (e) {
    if (!(e instanceof OutputNotWrittenError)) throw e;
    stderr(e.message);
    return EXIT.unreadable;
  }
  out.write(args.json ? JSON.stringify(entry, null, 2) : args.lang === 'zh-CN' ? `已核实：${label}，已记入 ${reviewFile}` : `Verified: ${label}, recorded in ${reviewFile}`);
  return EXIT.clean;
}

/** `SHEET!A1`, `'Sheet 1'!$F$7`, `ys03!f7` → the sheet as written and the cell in capitals. */
export function parsePlace(text: string): { sheet: string; cell: string } {
  const bang = text.lastIndexOf('!');
  const cell = /^\$?([A-Za-z]{1,3})\$?([1-9]\d{0,6})$/.exec(text.slice(bang + 1).trim());
  let sheet = bang > 0 ? text.slice(0, bang).trim() : '';
  if (/^'.*'$/.test(sheet)) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  if (!sheet || !cell) throw new UsageError(`--cell 应为 工作表!单元格（如 YS03!F7）/ --cell must be SHEET!CELL (such as YS03!F7): ${text}`);
  return { sheet, cell: `${cell[1].toUpperCase()}${cell[2]}` };
}

function rulesOf(findings: Finding[]): string {
  return [...new Set(findings.map((f) => f.rule))].map((id) => `${id} ${ruleName(id, 'zh-CN')}`).join('、');
}
