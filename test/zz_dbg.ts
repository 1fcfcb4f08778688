import { audit } from '../src/core/engine';
import { sheet, workbook } from '../test/support/sheetBuilder';
import { BUDGET_TABLES } from '../test/support/smallBudget';
for (const line of process.argv.slice(2)) {
  const r = audit(workbook(...BUDGET_TABLES.map((t) => t()), sheet('情况说明', [['某某局2024年部门预算情况说明'], ['一、部门预算总体情况'], [line]])));
  console.log(line, r.findings.filter((f) => f.sheet === '情况说明').map((f) => `${f.rule} ${f.severity} ${f.cell} ${f.actual}→${f.expected}`));
}
