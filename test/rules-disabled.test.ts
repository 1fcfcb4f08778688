import { audit } from '../src/core/engine';
import { sheet, workbook } from './support/sheetBuilder';

/**
 * A rule a reviewer switched off takes no part in judging, but its checks still say whether a
 * table was read right: a table most of whose checks fail stays set aside as doubtful
 * (layout-doubtful, info) instead of turning into errors of the rules left on.
 */
const misread = () =>
  workbook(
    sheet('表1', [
      ['2024年某表'],
      ['项目', '合计', '基本支出', '项目支出'],
      ['合计', 100, 80, 20],
      ['甲', 100, 80, 20],
      ['乙', 100, 80, 30],
      ['丙', 100, 80, 20],
    ]),
  );

test('all rules on: the misread table is one quiet doubt', () => {
  const rules = audit(misread()).findings.filter((f) => f.severity !== 'info').map((f) => f.rule);
  expect(rules).toEqual([]);
  expect(audit(misread(), { includeInfo: true }).findings.map((f) => f.rule)).toContain('layout-doubtful');
});

test('with column-total switched off, the doubt stands: no row-sum error on the misread table', () => {
  const r = audit(misread(), { disabledRules: ['column-total'], includeInfo: true });
  expect(r.findings.filter((f) => f.severity !== 'info').map((f) => `${f.rule} ${f.cell}`)).toEqual([]);
  expect(r.findings.map((f) => f.rule)).toContain('layout-doubtful');
});
