import type { Finding } from '../finding';
import { codeArg, message, nameArg } from '../messages/message';
import { narrativeContext } from '../narrative/context';
import { narrativeFinding, paragraphHead } from '../narrative/findingOf';
import type { RuleSpec } from './toolkit/ruleSpec';

/**
 * A 类 named in the 情况说明 by the name it had before the classification was renamed, while the tables
 * print the new one: 医疗卫生与计划生育支出 for 卫生健康支出 (renamed for 2019), 国土海洋气象等支出 for
 * 自然资源海洋气象等支出. The figures are matched all the same (the old name is the same 类); the words were
 * left from an older document. The old name is the same 类 and no error (a decision kept since the narrative
 * was first read): a hint (info), shown when everything is asked for, where the tables of the disclosure
 * name that 类 by its new name only; an old document printing the old name everywhere says nothing.
 */
const RETIRED: Array<{ code: string; old: RegExp; current: RegExp }> = [
  { code: '210', old: /医疗卫生[与和]计划生育(?:支出)?/, current: /卫生健康/ },
  { code: '220', old: /国土(?:海洋|资源)气象等?(?:支出)?/, current: /自然资源海洋气象/ },
];

const ANY_RETIRED = /计划生育|国土/;

export const narrativeClassNames: RuleSpec = {
  id: 'text-retired-name',
  emits: { 'text-retired-name': 'info' },
  collect: ({ tables, config }) => {
    const ctx = narrativeContext(tables, config);
    if (!ctx) return {};
    const findings: Finding[] = [];
    // Most narratives name no retired 类 at all: their paragraphs are searched once, not each claim twice.
    if (!ctx.paragraphs.some((p) => ANY_RETIRED.test(p.text))) return {};
    const told = new Set<string>();
    for (const c of ctx.claims) {
      if (c.kind !== 'amount' || c.reason || c.otherYear || ctx.paragraphs[c.paragraph].aside) continue;
      for (const r of RETIRED) {
        const written = r.old.exec(c.subject);
        if (!written || told.has(`${c.paragraph}|${r.code}`)) continue;
        const rows = ctx.facts.coded.filter((x) => x.code === r.code);
        // The tables name the 类, each time by its new name.
        if (rows.length === 0 || !rows.every((x) => r.current.test(x.name))) continue;
        told.add(`${c.paragraph}|${r.code}`);
        const row = rows[0];
        findings.push(
          narrativeFinding(ctx, {
            rule: 'text-retired-name',
            severity: 'info',
            paragraph: c.paragraph,
            subject: 'label',
            actual: written[0],
            expected: row.name,
            against: [{ sheet: row.table.sheet, cell: row.fact.cells[0].cell }],
            message: message('text.retired-name', {
              ...paragraphHead(ctx, c.paragraph),
              actual: nameArg(written[0]),
              code: codeArg(r.code),
              expected: nameArg(row.name),
            }),
          }),
        );
      }
    }
    return { findings };
  },
};
