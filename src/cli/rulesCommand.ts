import { RULE_NAMES } from '../core/messages/ruleNames';
import { ruleDefaults, SEVERITY_LABELS } from '../core/settings';
import type { CliArgs } from './args';
import { EXIT, type ExitStatus } from './exitStatus';
import type { StandardOutput } from './standardOutput';

/**
 * `budget-audit rules`: every rule id a settings file may name, with its name and its own
 * severity (强制性 error, 提示性 warning, 提示 for the ones that only inform and can only be switched off).
 */
export function listRules(args: CliArgs, out: StandardOutput): ExitStatus {
  const rules = [...ruleDefaults()].map(([id, severity]) => ({ id, name: RULE_NAMES[id] ?? { 'zh-CN': id, en: id }, severity }));
  if (args.json) {
    out.write(JSON.stringify(rules, null, 2));
    return EXIT.clean;
  }
  const zh = args.lang === 'zh-CN';
  const width = Math.max(...rules.map((r) => r.id.length));
  const level = (s: string) => (s === 'info' ? (zh ? '提示（只能 off/on）' : 'info (off/on only)') : zh ? SEVERITY_LABELS[s as 'error' | 'warning'] : s);
  out.write(rules.map((r) => `${r.id.padEnd(width)}  ${level(r.severity)}  ${r.name[args.lang]}`).join('\n'));
  return EXIT.clean;
}
