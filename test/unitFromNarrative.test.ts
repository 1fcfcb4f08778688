import { audit } from '../src/core/engine';
import { render } from '../src/core/messages/render';
import type { GridSheet } from '../src/core/snapshot';
import { sheet, workbook } from './support/sheetBuilder';
import { BUDGET_TABLES } from './support/smallBudget';

/**
 * Tables in 元 whose 单位 caption was lost (a PDF converted keeping the ruled grid only), a 情况说明 in 万元: read in
 * 万元, every right amount of the prose was 10,000 times too small and told its unit should be 亿元. The prose's
 * amounts settle the unit: the tables are read in 元, said once, quietly; a real slip of the prose is still named.
 * Support: test/support/smallBudget.ts (totals 1,000.00 万元).
 */
function inYuanWithoutUnit(s: GridSheet): GridSheet {
  const rows = s.values.map((row) => row.map((v) => (typeof v === 'number' ? v * 10000 : typeof v === 'string' && /^单位[:：]/.test(v) ? null : v)));
  return sheet(s.name, rows, { merges: s.merges.map((m) => `${col(m.left)}${m.top}:${col(m.right)}${m.bottom}`) });
}
const col = (c: number) => String.fromCharCode(64 + c);

const narrative = (...lines: string[]) => sheet('情况说明', [['某某局2024年部门预算情况说明'], ...lines.map((l) => [l])]);
const RIGHT = ['2024年收入预算1000.00万元，支出预算1000.00万元。', '其中：基本支出800.00万元，项目支出200.00万元。'];
const file = (lines: string[]) => workbook(...BUDGET_TABLES.map((t) => inYuanWithoutUnit(t())), narrative(...lines));
const loud = (lines: string[]) =>
  audit(file(lines))
    .findings.filter((f) => f.severity !== 'info')
    .map((f) => `${f.severity} ${f.rule} ${f.sheet}!${f.cell} ${f.actual} → ${f.expected}`);

test('right amounts in 万元 against tables in 元 stating no unit: nothing above info, the unit read said once', () => {
  expect(loud(RIGHT)).toEqual([]);
  const notes = audit(file(RIGHT), { includeInfo: true }).findings.filter((f) => f.rule === 'table-unit');
  expect(notes.map((f) => render(f.message, 'zh-CN'))).toEqual([`预算01表 等 13 张表未注明金额单位，其数字与情况说明所述金额按「元」相符，已按元核对；请补上单位说明。`]);
  expect(audit(file(RIGHT)).tables.filter((t) => t.kind !== 'narrative').every((t) => t.unit === '元')).toBe(true);
});

test('a slip of the prose is still named against the tables read in 元', () => {
  expect(loud(['2024年收入预算1000.00万元，支出预算1000.00万元。', '其中：基本支出810.00万元，项目支出200.00万元。'])).toContain('error narrative-vs-table 情况说明!A3 810.00 → 800.00');
});

test('a single amount agreeing in 元 decides nothing: the tables stay in 万元', () => {
  const one = ['2024年收入预算1000.00万元。'];
  expect(audit(file(one)).tables.some((t) => t.unit === '元')).toBe(false);
});
