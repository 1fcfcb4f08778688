import { audit } from '../src/core/engine';
import type { Finding } from '../src/core/finding';
import { sheet, workbook } from './support/sheetBuilder';
import { countyByUnits } from './support/countyByUnits';
import { BUDGET_TABLES, fundBudget, smallBudget, withCell } from './support/smallBudget';
import type { GridSheet, WorkbookSnapshot } from '../src/core/snapshot';

/**
 * A bigger department than the seed's: money of several funds, several units under one department, a procurement
 * table by columns (hunt b5). Its right sentences drew errors, or its slips none. The narrative's findings only.
 */
const told = (fs: Finding[]) => fs.filter((f) => f.sheet === '情况说明' && f.severity !== 'info').map((f) => `${f.rule} ${f.cell} ${f.actual}→${f.expected}`);
const withNarrative = (wb: WorkbookSnapshot<GridSheet>, line: string) => told(audit(workbook(...wb.sheets, sheet('情况说明', [['某某局2024年部门预算情况说明'], [line]]))).findings);

describe('a subject split by money (项目支出 A，其中：一般公共预算拨款 a，政府性基金预算拨款 b): each item is that money\'s share of the subject', () => {
  test('…up to the clause\'s stop (项目支出中，… ；一般公共预算拨款收入 A is the whole\'s again); “三公”经费 split by money too', () => {
    expect(withNarrative(fundBudget(), '2024年项目支出中，一般公共预算200.00万元；2024年一般公共预算拨款收入1010.00万元。')).toEqual(['narrative-vs-table A2 1010.00→1000.00']);
    expect(withNarrative(workbook(...BUDGET_TABLES.map((t) => t())), '2024年“三公”经费预算40.00万元，其中：一般公共预算拨款40.00万元。')).toEqual([]);
  });

  // (fundBudget: 项目支出 250.00 = 一般公共预算 200.00 + 政府性基金 50.00; 城乡社区支出 50.00, all of the fund.)
  test.each([
    '2024年项目支出250.00万元，其中：一般公共预算拨款200.00万元，政府性基金预算拨款50.00万元。',
    '2024年城乡社区支出50.00万元，其中：政府性基金预算安排50.00万元。',
    '2024年项目支出中，一般公共预算200.00万元，占80%；政府性基金50.00万元，占20%。',
  ])('not held to the whole\'s line of that money: %s', (line) => {
    expect(withNarrative(fundBudget(), line)).toEqual([]);
  });
});

test('a 项 printed once a unit (本级 400.00, 中心 300.00) is the department\'s as their sum', () => {
  const byUnits = countyByUnits();
  const said = (line: string) => withNarrative(workbook(byUnits), line);
  expect(said('社会保障和就业支出（类）行政事业单位养老支出（款）机关事业单位基本养老保险缴费支出（项）700.00万元。')).toEqual([]);
  expect(said('社会保障和就业支出（类）行政事业单位养老支出（款）机关事业单位基本养老保险缴费支出（项）710.00万元。')).toEqual(['narrative-vs-table A2 710.00→700.00']);
  // (A unit's own paragraph states its own row.)
  expect(said('某某中心：社会保障和就业支出（类）行政事业单位养老支出（款）机关事业单位基本养老保险缴费支出（项）300.00万元。')).toEqual([]);
});

test('无…基金预算拨款安排的“三公”经费 / 基本支出 / 人员经费 says none of the fund for that item, never none of the fund', () => {
  for (const line of ['本部门2024年没有使用政府性基金预算拨款安排的“三公”经费支出。', '本部门2024年无政府性基金预算拨款安排的基本支出。', '本部门2024年无政府性基金预算拨款安排的人员经费。'])
    expect(withNarrative(fundBudget(), line)).toEqual([]);
  // (None of the fund's spending at all, where its table prints 50.00, is still told.)
  expect(withNarrative(fundBudget(), '本部门2024年无政府性基金预算拨款安排的支出。')).toEqual(['narrative-none A2 0→50.00']);
  expect(withNarrative(fundBudget(), '本部门2024年无政府性基金预算拨款安排的基本支出和项目支出。')).toEqual(['narrative-none A2 0→50.00']);
});

test('无政府采购工程预算结转 says nothing of this year\'s 工程; 无政府采购工程预算 does', () => {
  const byColumns = sheet('政府采购预算表', [['2024年政府采购预算表'], ['部门：某某局', null, null, null, '单位：万元'], ['项目', '合计', '货物', '工程', '服务'], ['合计', 60, 40, 20, 0], ['办公设备采购', 40, 40, 0, 0], ['办公楼维修', 20, 0, 20, 0]]);
  const wb = workbook(...BUDGET_TABLES.map((t) => t()), byColumns);
  expect(withNarrative(wb, '本部门2024年度无政府采购工程预算结转。')).toEqual([]);
  expect(withNarrative(wb, '本部门2024年度无政府采购工程预算。')).toEqual(['narrative-none A2 0→20.00']);
});

test('…with 授予中小企业合同金额 beside the kinds: a part of the 合计, never a fourth kind — the table read, its slips told', () => {
  const table = (goods: number, sme: number) =>
    sheet('政府采购预算表', [['2024年政府采购预算表'], ['部门：某某局', null, null, null, null, '单位：万元'], ['项目', '合计', '货物', '工程', '服务', '授予中小企业合同金额'], ['合计', 60, 40, 0, 20, sme], ['办公设备采购', 40, goods, 0, 0, 30], ['物业服务', 20, 0, 0, 20, 20]]);
  const loudOf = (t: GridSheet) => audit(workbook(...BUDGET_TABLES.map((x) => x()), t), { includeInfo: true }).findings.filter((f) => f.sheet === '政府采购预算表').map((f) => `${f.rule} ${f.severity} ${f.cell}`);
  expect(loudOf(table(40, 50))).toEqual([]);
  expect(loudOf(table(45, 50)).filter((f) => f.includes('error')).length).toBeGreaterThan(0);
  expect(loudOf(table(40, 65))).toContainEqual(expect.stringMatching(/error F4$/));
});

test('a procurement table printing its kinds as columns (项目 | 合计 | 货物 | 工程 | 服务): a kind slipped is told at its words, against its column', () => {
  const byColumns = sheet('政府采购预算表', [['2024年政府采购预算表'], ['部门：某某局', null, null, null, '单位：万元'], ['项目', '合计', '货物', '工程', '服务'], ['合计', 60, 40, 0, 20], ['办公设备采购', 40, 40, 0, 0], ['物业服务', 20, 0, 0, 20]]);
  const wb = workbook(...BUDGET_TABLES.map((t) => t()), byColumns);
  expect(withNarrative(wb, '2024年政府采购预算60.00万元，其中：政府采购货物预算40.00万元，政府采购服务预算20.00万元。')).toEqual([]);
  expect(withNarrative(wb, '2024年政府采购预算60.00万元，其中：政府采购货物预算45.00万元，政府采购服务预算15.00万元。')).toEqual(['narrative-vs-table A2 45.00→40.00', 'narrative-vs-table A2 15.00→20.00']);
});

describe('a budget with a carry-over: the department\'s totals in its 收支总表, not the appropriations\' 收支总表', () => {
  // (预算01表 with 上年结转结余 50.00: 本年收入合计 1000.00, 收入总计 1050.00; 预算04表's own 收入总计 stays the appropriations' 1000.00.)
  const carried = () => [['B9', 50], ['B10', 1050], ['D9', 50], ['D10', 1050]].reduce((wb, [a1, v]) => withCell(wb, '预算01表', a1 as string, v as number), smallBudget());
  test('收入预算 may be either total of the 收支总表; a slip is held to the nearer', () => {
    expect(withNarrative(carried(), '2024年收入预算1000.00万元。')).toEqual([]);
    expect(withNarrative(carried(), '2024年收入预算1050.00万元。')).toEqual([]);
    expect(withNarrative(carried(), '2024年部门收入预算1010.00万元。')).toEqual(['narrative-vs-table A2 1010.00→1000.00']);
  });

  test('收入总计 is the department\'s 1050.00: the appropriations\' 收入总计 1000.00 is no ground to let 1000.00 pass', () => {
    expect(withNarrative(carried(), '2024年收入总计1000.00万元。')).toEqual(['narrative-vs-table A2 1000.00→1050.00']);
  });
});

describe('a sentence opening on a unit under the department (所属某某检验所2024年收入预算 A，支出预算 B) states that unit\'s figures', () => {
  const composed = (line: string) =>
    told(
      audit(
        workbook(
          ...BUDGET_TABLES.map((t) => t()),
          sheet('情况说明', [['某某局2024年部门预算情况说明'], ['纳入本部门预算编制范围的单位包括：某某局本级、某某检验所、某某服务中心。'], [line]]),
        ),
      ).findings,
    );
  test.each([
    '某某检验所2024年收入预算300.00万元，支出预算300.00万元。',
    '所属某某检验所一般公共预算拨款支出205.60万元。',
    '其中，某某服务中心本年收入合计60.00万元，本年支出合计60.00万元。',
    '某某服务中心2024年基本支出171.80万元。',
  ])('not held to the department\'s tables: %s', (line) => {
    expect(composed(line)).toEqual([]);
  });
  test('the department\'s own sentence is still held to them', () => {
    expect(composed('某某局2024年收入预算1100.00万元。')).toEqual(['narrative-vs-table A3 1100.00→1000.00']);
  });
  test('…and a clause naming the department again after a unit\'s (…，某某局收入预算 A) is the department\'s', () => {
    expect(composed('某某检验所2024年收入预算300.00万元，某某局2024年收入预算1100.00万元。')).toEqual(['narrative-vs-table A3 1100.00→1000.00']);
  });
  test('so is one naming another department of its kind (a neighbour\'s narrative copied in): the name and the figure told', () => {
    expect(composed('邻县卫生健康局2024年收入预算1100.00万元。')).toEqual(['narrative-vs-table A3 1100.00→1000.00', 'text-department A3 邻县卫生健康局→某某局']);
  });
});
