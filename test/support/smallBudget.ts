import type { GridSheet, WorkbookSnapshot } from '../../src/core/snapshot';
import { sheet, workbook, type CellInput } from './sheetBuilder';

/**
 * A small budget disclosure of our own (某某局 2024, 万元), every table of the family consistent
 * with the others, so a test changes one figure and names the one rule that must see it:
 *
 *   一般公共预算 1000.00 = 基本支出 800.00 (人员经费 700.00 + 公用经费 100.00) + 项目支出 200.00
 *   by 类: 208 社会保障和就业 120.00, 210 卫生健康 800.00, 221 住房保障 80.00
 *   基本支出 by economic code: 301 650.00 + 303 50.00 (人员经费) and 302 100.00 (公用经费)
 *   “三公” 40.00 = 公务用车运行费 30.00 (= 30231) + 公务接待费 10.00 (= 30217)
 *   项目支出表 200.00; 机关运行经费 100.00 (the 302 items of 基本支出表, none larger)
 *
 * No 政府性基金 or 国有资本经营 money: those tables say 本表无数据.
 */
const UNIT = '单位：万元';

export const summary01 = (): GridSheet =>
  sheet(
    '预算01表',
    [
      ['2024年部门收支预算总表'],
      ['部门：某某局', null, null, UNIT],
      ['收入', null, '支出'],
      ['项目', '金额', '项目', '金额'],
      ['一、一般公共预算', 1000, '一、社会保障和就业支出', 120],
      ['二、政府性基金预算', null, '二、卫生健康支出', 800],
      ['三、事业收入', null, '三、住房保障支出', 80],
      ['本年收入合计', 1000, '本年支出合计', 1000],
      ['上年结转结余', null, '年终结转结余', null],
      ['收入总计', 1000, '支出总计', 1000],
    ],
    { merges: ['A1:D1', 'A3:B3', 'C3:D3'] },
  );

export const income02 = (): GridSheet =>
  sheet(
    '预算02表',
    [
      ['2024年部门收入预算表'],
      ['部门：某某局', null, null, null, null, null, null, UNIT],
      ['单位代码', '单位名称', '总计', '本年收入', null, null, null, '上年结转结余'],
      [null, null, null, '合计', '一般公共预算', '政府性基金', '事业收入'],
      [null, '合计', 1000, 1000, 1000, null, null, null],
      ['001', '某某局', 1000, 1000, 1000, null, null, null],
    ],
    { merges: ['A1:H1', 'A3:A4', 'B3:B4', 'C3:C4', 'D3:G3', 'H3:H4'] },
  );

/** 支出表 and 一般公共预算支出表 (all the money is general budget): 类/款/项 codes in one column. */
const byFunction = (name: string, title: string): GridSheet =>
  sheet(
    name,
    [
      [title],
      ['部门：某某局', null, null, null, null, null, UNIT],
      ['科目编码', '科目名称', '合计', '基本支出', null, null, '项目支出'],
      [null, null, null, '小计', '人员经费', '公用经费'],
      [null, '合计', 1000, 800, 700, 100, 200],
      ['208', '社会保障和就业支出', 120, 120, 120, null, null],
      ['20805', '行政事业单位养老支出', 120, 120, 120, null, null],
      ['2080505', '机关事业单位基本养老保险缴费支出', 120, 120, 120, null, null],
      ['210', '卫生健康支出', 800, 600, 500, 100, 200],
      ['21015', '医疗保障管理事务', 800, 600, 500, 100, 200],
      ['2101501', '行政运行', 600, 600, 500, 100, null],
      ['2101502', '一般行政管理事务', 200, null, null, null, 200],
      ['221', '住房保障支出', 80, 80, 80, null, null],
      ['22102', '住房改革支出', 80, 80, 80, null, null],
      ['2210201', '住房公积金', 80, 80, 80, null, null],
    ],
    { merges: ['A1:G1', 'A3:A4', 'B3:B4', 'C3:C4', 'D3:F3', 'G3:G4'] },
  );

/** The same table as many templates print it: split 类 | 款 | 项 columns, 项 rows only, under the 合计. */
const byFunctionSplit = (name: string, title: string): GridSheet =>
  sheet(
    name,
    [
      [title],
      ['部门：某某局', null, null, null, null, null, UNIT],
      ['科目编码', null, null, '科目名称', '合计', '基本支出', '项目支出'],
      ['类', '款', '项'],
      [null, null, null, '合计', 1000, 800, 200],
      ['208', '05', '05', '机关事业单位基本养老保险缴费支出', 120, 120, null],
      ['210', '15', '01', '行政运行', 600, 600, null],
      ['210', '15', '02', '一般行政管理事务', 200, null, 200],
      ['221', '02', '01', '住房公积金', 80, 80, null],
    ],
    { merges: ['A1:G1', 'A3:C3', 'D3:D4', 'E3:E4', 'F3:F4', 'G3:G4'] },
  );

/** 一般公共预算支出表 and 财政拨款支出表 with split code columns (their 类 column is where a code slips). */
export const general05Split = (): GridSheet => byFunctionSplit('预算05表', '2024年一般公共预算支出预算表');
export const fiscalExpenditureSplit = (): GridSheet => byFunctionSplit('财政拨款支出表', '2024年财政拨款支出预算表');
export const expenditure03Split = (): GridSheet => byFunctionSplit('预算03表', '2024年部门支出预算表');

export const expenditure03 = (): GridSheet => byFunction('预算03表', '2024年部门支出预算表');

export const fiscal04 = (): GridSheet =>
  sheet(
    '预算04表',
    [
      ['2024年财政拨款收支预算总表'],
      ['部门：某某局', null, null, null, null, UNIT],
      ['收入', null, '支出'],
      ['项目', '金额', '项目', '合计', '一般公共预算', '政府性基金预算'],
      ['一、本年收入', 1000, '一、本年支出', 1000, 1000, null],
      ['（一）一般公共预算拨款', 1000, '（一）社会保障和就业支出', 120, 120, null],
      ['（二）政府性基金预算拨款', null, '（二）卫生健康支出', 800, 800, null],
      ['二、上年结转', null, '（三）住房保障支出', 80, 80, null],
      [null, null, '二、年终结转结余', null, null, null],
      ['收入合计', 1000, '支出合计', 1000, 1000, null],
    ],
    { merges: ['A1:F1', 'A3:B3', 'C3:F3'] },
  );

export const general05 = (): GridSheet => byFunction('预算05表', '2024年一般公共预算支出预算表');

/** The economic items of 基本支出, with the government code each pairs with. */
const BASIC_ITEMS: Array<[string, string, string, string, number, 'personnel' | 'public']> = [
  ['30101', '基本工资', '50101', '工资奖金津补贴', 400, 'personnel'],
  ['30102', '津贴补贴', '50101', '工资奖金津补贴', 50, 'personnel'],
  ['30108', '机关事业单位基本养老保险缴费', '50102', '社会保障缴费', 120, 'personnel'],
  ['30113', '住房公积金', '50103', '住房公积金', 80, 'personnel'],
  ['30305', '生活补助', '50901', '社会福利和救助', 50, 'personnel'],
  ['30201', '办公费', '50201', '办公经费', 40, 'public'],
  ['30217', '公务接待费', '50206', '公务接待费', 10, 'public'],
  ['30231', '公务用车运行维护费', '50208', '公务用车运行维护费', 30, 'public'],
  ['30299', '其他商品和服务支出', '50299', '其他商品和服务支出', 20, 'public'],
];

export const basic06 = (): GridSheet =>
  sheet(
    '预算06表',
    [
      ['2024年一般公共预算基本支出预算表'],
      ['部门：某某局', null, null, null, null, null, UNIT],
      ['部门预算支出经济分类科目', null, '政府预算支出经济分类科目', null, '本年一般公共预算基本支出'],
      ['科目编码', '科目名称', '科目编码', '科目名称', '合计', '人员经费', '公用经费'],
      [null, null, null, '合计', 800, 700, 100],
      ...BASIC_ITEMS.map(([code, name, gov, govName, v, side]): CellInput[] => [code, name, gov, govName, v, side === 'personnel' ? v : null, side === 'public' ? v : null]),
    ],
    { merges: ['A1:G1', 'A3:B3', 'C3:D3', 'E3:G3'] },
  );

export const basicDetail07 = (): GridSheet =>
  sheet(
    '预算07表',
    [
      ['2024年一般公共预算基本支出明细表'],
      ['部门：某某局', null, null, UNIT],
      ['项目单位', '类型', '项目名称', '合计'],
      [null, null, '合计', 800],
      ['某某局', '人员类', '在职人员工资', 450],
      [null, null, '养老保险缴费', 120],
      [null, null, '住房公积金', 80],
      [null, null, '退休人员生活补助', 50],
      [null, '公用经费', '公用经费定额', 60],
      [null, null, '公务接待', 10],
      [null, null, '公务用车运行', 30],
    ],
    { merges: ['A1:D1', 'A5:A11', 'B5:B8', 'B9:B11'] },
  );

export const economic08 = (): GridSheet =>
  sheet(
    '预算08表',
    [
      ['2024年支出经济分类汇总表'],
      ['部门：某某局', null, null, null, UNIT],
      ['部门预算经济分类', null, null, '总计', '一般公共预算'],
      ['类', '款', '科目名称'],
      [null, null, '合计', 1000, 1000],
      ['301', null, '工资福利支出', 650, 650],
      ['301', '01', '基本工资', 400, 400],
      ['301', '02', '津贴补贴', 50, 50],
      ['301', '08', '机关事业单位基本养老保险缴费', 120, 120],
      ['301', '13', '住房公积金', 80, 80],
      ['302', null, '商品和服务支出', 300, 300],
      ['302', '01', '办公费', 40, 40],
      ['302', '17', '公务接待费', 10, 10],
      ['302', '27', '委托业务费', 200, 200],
      ['302', '31', '公务用车运行维护费', 30, 30],
      ['302', '99', '其他商品和服务支出', 20, 20],
      ['303', null, '对个人和家庭的补助', 50, 50],
      ['303', '05', '生活补助', 50, 50],
    ],
    { merges: ['A1:E1', 'A3:C3', 'D3:D4', 'E3:E4'] },
  );

export const threePublic09 = (): GridSheet =>
  sheet(
    '预算09表',
    [
      ['2024年一般公共预算“三公”经费支出预算表'],
      ['部门：某某局', null, null, null, null, UNIT],
      ['合计', '因公出国（境）费', '公务用车购置及运行费', null, null, '公务接待费'],
      [null, null, '小计', '公务用车购置费', '公务用车运行费'],
      [40, null, 30, null, 30, 10],
    ],
    { merges: ['A1:F1', 'A3:A4', 'B3:B4', 'C3:E3', 'F3:F4'] },
  );

/** 政府性基金 / 国有资本经营 tables: the columns of 支出表, no rows, 本表无数据. */
const emptyFund = (name: string, title: string): GridSheet =>
  sheet(
    name,
    [
      [title],
      ['部门：某某局', null, null, null, UNIT],
      ['科目编码', '科目名称', '合计', '基本支出', '项目支出'],
      [null, '合计', null, null, null],
      ['注：本单位无政府性基金预算拨款安排的支出，故本表无数据。'],
    ],
    { merges: ['A1:E1', 'A5:E5'] },
  );

export const govFund10 = (): GridSheet => emptyFund('预算10表', '2024年政府性基金预算支出预算表');

export const stateCapital11 = (): GridSheet => {
  const s = emptyFund('预算11表', '2024年国有资本经营预算支出预算表');
  s.values[4][0] = s.text[4][0] = '注：本单位无国有资本经营预算拨款安排的支出，故本表无数据。';
  return s;
};

export const project12 = (): GridSheet =>
  sheet(
    '预算12表',
    [
      ['2024年项目支出预算表'],
      ['部门：某某局', null, UNIT],
      ['项目单位', '项目名称', '合计'],
      [null, '合计', 200],
      ['某某局', '医疗保障业务经费', 150],
      [null, '信息系统运行维护', 50],
    ],
    { merges: ['A1:C1', 'A5:A6'] },
  );

export const operating13 = (): GridSheet =>
  sheet(
    '预算13表',
    [
      ['2024年机关运行经费预算表'],
      ['部门：某某局', null, UNIT],
      ['经济科目编码', '科目名称', '合计'],
      [null, '合计', 100],
      ['30201', '办公费', 40],
      ['30217', '公务接待费', 10],
      ['30231', '公务用车运行维护费', 30],
      ['30299', '其他商品和服务支出', 20],
    ],
    { merges: ['A1:C1'] },
  );

/**
 * Tables some provinces add (Jiangsu): 财政拨款支出表 by function and 财政拨款基本支出表 by economic
 * code — with no 政府性基金 money the same figures as 一般公共预算支出表 and 基本支出表 — and a
 * 政府采购预算表 whose rows add up as an outline of its name columns (大类 → 专项 → 经济科目 → 品目).
 */
export const fiscalExpenditure = (): GridSheet => byFunction('财政拨款支出表', '2024年财政拨款支出预算表');

export const fiscalBasic = (): GridSheet =>
  sheet(
    '财政拨款基本支出表',
    [
      ['2024年财政拨款基本支出预算表'],
      ['部门：某某局', null, UNIT],
      ['科目编码', '科目名称', '金额'],
      [null, '合计', 800],
      ['301', '工资福利支出', 650],
      ['30101', '基本工资', 400],
      ['30102', '津贴补贴', 50],
      ['30108', '机关事业单位基本养老保险缴费', 120],
      ['30113', '住房公积金', 80],
      ['302', '商品和服务支出', 100],
      ['30201', '办公费', 40],
      ['30217', '公务接待费', 10],
      ['30231', '公务用车运行维护费', 30],
      ['30299', '其他商品和服务支出', 20],
      ['303', '对个人和家庭的补助', 50],
      ['30305', '生活补助', 50],
    ],
    { merges: ['A1:C1'] },
  );

export const procurement = (): GridSheet =>
  sheet(
    '政府采购预算表',
    [
      ['2024年政府采购预算表'],
      ['部门：某某局', null, null, null, UNIT],
      ['采购品目大类', '专项名称', '经济科目', '采购物品名称', '总计'],
      ['合计', null, null, null, 60],
      ['一、货物', null, null, null, 60],
      [null, '信息系统运行维护', '信息网络及软件购置更新', null, 50],
      [null, null, null, '计算机设备', 30],
      [null, null, null, '正版软件', 20],
      [null, '医疗保障业务经费', '办公设备购置', null, 10],
      [null, null, null, '复印机', 10],
    ],
    { merges: ['A1:E1'] },
  );

/**
 * Final accounts print 基本支出 by economic class in three groups side by side (公开06表), with
 * 人员经费合计 (301 + 303) and 公用经费合计 (the other classes) under them; together they are the
 * 基本支出 of 一般公共预算财政拨款支出决算表 (公开05表).
 */
export const finalGeneral05 = (): GridSheet =>
  sheet(
    '公开05表',
    [
      ['一般公共预算财政拨款支出决算表'],
      ['部门：某某局', null, null, null, '2023年度', UNIT],
      ['科目编码', '科目名称', '本年支出', null, null],
      [null, null, '小计', '基本支出', '项目支出'],
      [null, '合计', 1000, 800, 200],
      ['210', '卫生健康支出', 1000, 800, 200],
      ['21015', '医疗保障管理事务', 1000, 800, 200],
      ['2101501', '行政运行', 800, 800, null],
      ['2101502', '一般行政管理事务', 200, null, 200],
    ],
    { merges: ['A1:F1', 'A3:A4', 'B3:B4', 'C3:E3'] },
  );

export const finalBasic06 = (): GridSheet =>
  sheet(
    '公开06表',
    [
      ['一般公共预算财政拨款基本支出决算明细表'],
      ['部门：某某局', null, null, null, '2023年度', null, null, null, UNIT],
      ['经济分类科目编码', '科目名称', '决算数', '经济分类科目编码', '科目名称', '决算数', '经济分类科目编码', '科目名称', '决算数'],
      ['301', '工资福利支出', 650, '302', '商品和服务支出', 90, '310', '资本性支出', 10],
      ['30101', '基本工资', 400, '30201', '办公费', 40, '31002', '办公设备购置', 10],
      ['30102', '津贴补贴', 250, '30217', '公务接待费', 20],
      ['303', '对个人和家庭的补助', 50, '30231', '公务用车运行维护费', 30],
      ['30302', '退休费', 50],
      ['人员经费合计', null, 700, '公用经费合计', null, null, null, null, 100],
    ],
    { merges: ['A1:I1', 'A9:B9', 'D9:H9'] },
  );

export const BUDGET_TABLES = [summary01, income02, expenditure03, fiscal04, general05, basic06, basicDetail07, economic08, threePublic09, govFund10, stateCapital11, project12, operating13];

/** The whole disclosure, or the tables named (by their sheet) left out. */
export function smallBudget(...without: string[]): WorkbookSnapshot<GridSheet> {
  return workbook(...BUDGET_TABLES.map((t) => t()).filter((s) => !without.includes(s.name)));
}

/** A copy of the workbook with one cell changed (A1 notation), shown the way the sheet shows numbers. */
export function withCell(wb: WorkbookSnapshot<GridSheet>, sheetName: string, a1: string, v: CellInput): WorkbookSnapshot<GridSheet> {
  const copy = structuredClone(wb);
  const s = copy.sheets.find((x) => x.name === sheetName);
  if (!s) throw new Error(`no sheet ${sheetName}`);
  const m = /^([A-Z])(\d+)$/.exec(a1);
  if (!m) throw new Error(`not a cell: ${a1}`);
  const col = m[1].charCodeAt(0) - 65;
  const row = Number(m[2]) - 1;
  while (s.values.length <= row) {
    s.values.push([]);
    s.text.push([]);
    s.numberFormats.push([]);
  }
  const value = v === undefined || v === '' ? null : v;
  s.values[row][col] = value;
  s.text[row][col] = value === null ? '' : typeof value === 'number' ? value.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 }) : String(value);
  s.numberFormats[row][col] = typeof value === 'number' ? '#,##0.00' : 'General';
  return copy;
}

/**
 * The same 某某局 with 政府性基金 money as well: 50.00 of 国有土地使用权出让收入 spent on one project
 * (类 212 城乡社区支出 → 21208 → 2120801 征地和拆迁补偿支出), so the 政府性基金 table has rows and
 * every table that counts all the money says 1050.00:
 *
 *   收支总表 and 收入表: 一般公共预算 1000.00 + 政府性基金 50.00 = 1050.00; 四、城乡社区支出 50.00
 *   支出表: 合计 1050.00 = 基本 800.00 + 项目 250.00; 项目支出表 250.00
 *   财政拨款收支表: （二）政府性基金预算拨款 50.00, （四）城乡社区支出 50.00 in its 政府性基金 column
 *   支出经济分类汇总表: 30227 委托业务费 250.00 (50.00 of it 政府性基金)
 *
 * 一般公共预算支出表, 基本支出表 and the others hold only general-budget money and are unchanged.
 */
export const fundSummary01 = (): GridSheet =>
  sheet(
    '预算01表',
    [
      ['2024年部门收支预算总表'],
      ['部门：某某局', null, null, UNIT],
      ['收入', null, '支出'],
      ['项目', '金额', '项目', '金额'],
      ['一、一般公共预算', 1000, '一、社会保障和就业支出', 120],
      ['二、政府性基金预算', 50, '二、卫生健康支出', 800],
      ['三、事业收入', null, '三、住房保障支出', 80],
      [null, null, '四、城乡社区支出', 50],
      ['本年收入合计', 1050, '本年支出合计', 1050],
      ['上年结转结余', null, '年终结转结余', null],
      ['收入总计', 1050, '支出总计', 1050],
    ],
    { merges: ['A1:D1', 'A3:B3', 'C3:D3'] },
  );

export const fundIncome02 = (): GridSheet =>
  sheet(
    '预算02表',
    [
      ['2024年部门收入预算表'],
      ['部门：某某局', null, null, null, null, null, null, UNIT],
      ['单位代码', '单位名称', '总计', '本年收入', null, null, null, '上年结转结余'],
      [null, null, null, '合计', '一般公共预算', '政府性基金', '事业收入'],
      [null, '合计', 1050, 1050, 1000, 50, null, null],
      ['001', '某某局', 1050, 1050, 1000, 50, null, null],
    ],
    { merges: ['A1:H1', 'A3:A4', 'B3:B4', 'C3:C4', 'D3:G3', 'H3:H4'] },
  );

export const fundExpenditure03 = (): GridSheet =>
  sheet(
    '预算03表',
    [
      ['2024年部门支出预算表'],
      ['部门：某某局', null, null, null, null, null, UNIT],
      ['科目编码', '科目名称', '合计', '基本支出', null, null, '项目支出'],
      [null, null, null, '小计', '人员经费', '公用经费'],
      [null, '合计', 1050, 800, 700, 100, 250],
      ['208', '社会保障和就业支出', 120, 120, 120, null, null],
      ['20805', '行政事业单位养老支出', 120, 120, 120, null, null],
      ['2080505', '机关事业单位基本养老保险缴费支出', 120, 120, 120, null, null],
      ['210', '卫生健康支出', 800, 600, 500, 100, 200],
      ['21015', '医疗保障管理事务', 800, 600, 500, 100, 200],
      ['2101501', '行政运行', 600, 600, 500, 100, null],
      ['2101502', '一般行政管理事务', 200, null, null, null, 200],
      ['212', '城乡社区支出', 50, null, null, null, 50],
      ['21208', '国有土地使用权出让收入安排的支出', 50, null, null, null, 50],
      ['2120801', '征地和拆迁补偿支出', 50, null, null, null, 50],
      ['221', '住房保障支出', 80, 80, 80, null, null],
      ['22102', '住房改革支出', 80, 80, 80, null, null],
      ['2210201', '住房公积金', 80, 80, 80, null, null],
    ],
    { merges: ['A1:G1', 'A3:A4', 'B3:B4', 'C3:C4', 'D3:F3', 'G3:G4'] },
  );

export const fundFiscal04 = (): GridSheet =>
  sheet(
    '预算04表',
    [
      ['2024年财政拨款收支预算总表'],
      ['部门：某某局', null, null, null, null, UNIT],
      ['收入', null, '支出'],
      ['项目', '金额', '项目', '合计', '一般公共预算', '政府性基金预算'],
      ['一、本年收入', 1050, '一、本年支出', 1050, 1000, 50],
      ['（一）一般公共预算拨款', 1000, '（一）社会保障和就业支出', 120, 120, null],
      ['（二）政府性基金预算拨款', 50, '（二）卫生健康支出', 800, 800, null],
      ['二、上年结转', null, '（三）住房保障支出', 80, 80, null],
      [null, null, '（四）城乡社区支出', 50, null, 50],
      [null, null, '二、年终结转结余', null, null, null],
      ['收入合计', 1050, '支出合计', 1050, 1000, 50],
    ],
    { merges: ['A1:F1', 'A3:B3', 'C3:F3'] },
  );

/** 财政拨款收支表 as some templates print it: one amount per line, no column per fund. */
export const fundFiscal04TotalOnly = (): GridSheet =>
  sheet(
    '预算04表',
    [
      ['2024年财政拨款收支预算总表'],
      ['部门：某某局', null, null, UNIT],
      ['收入', null, '支出'],
      ['项目', '金额', '项目', '金额'],
      ['一、本年收入', 1050, '一、本年支出', 1050],
      ['（一）一般公共预算拨款', 1000, '（一）社会保障和就业支出', 120],
      ['（二）政府性基金预算拨款', 50, '（二）卫生健康支出', 800],
      ['二、上年结转', null, '（三）住房保障支出', 80],
      [null, null, '（四）城乡社区支出', 50],
      [null, null, '二、年终结转结余', null],
      ['收入合计', 1050, '支出合计', 1050],
    ],
    { merges: ['A1:D1', 'A3:B3', 'C3:D3'] },
  );

export const fundEconomic08 = (): GridSheet =>
  sheet(
    '预算08表',
    [
      ['2024年支出经济分类汇总表'],
      ['部门：某某局', null, null, null, null, UNIT],
      ['部门预算经济分类', null, null, '总计', '一般公共预算', '政府性基金'],
      ['类', '款', '科目名称'],
      [null, null, '合计', 1050, 1000, 50],
      ['301', null, '工资福利支出', 650, 650, null],
      ['301', '01', '基本工资', 400, 400, null],
      ['301', '02', '津贴补贴', 50, 50, null],
      ['301', '08', '机关事业单位基本养老保险缴费', 120, 120, null],
      ['301', '13', '住房公积金', 80, 80, null],
      ['302', null, '商品和服务支出', 350, 300, 50],
      ['302', '01', '办公费', 40, 40, null],
      ['302', '17', '公务接待费', 10, 10, null],
      ['302', '27', '委托业务费', 250, 200, 50],
      ['302', '31', '公务用车运行维护费', 30, 30, null],
      ['302', '99', '其他商品和服务支出', 20, 20, null],
      ['303', null, '对个人和家庭的补助', 50, 50, null],
      ['303', '05', '生活补助', 50, 50, null],
    ],
    { merges: ['A1:F1', 'A3:C3', 'D3:D4', 'E3:E4', 'F3:F4'] },
  );

export const fundGovFund10 = (): GridSheet =>
  sheet(
    '预算10表',
    [
      ['2024年政府性基金预算支出预算表'],
      ['部门：某某局', null, null, null, UNIT],
      ['科目编码', '科目名称', '合计', '基本支出', '项目支出'],
      [null, '合计', 50, null, 50],
      ['212', '城乡社区支出', 50, null, 50],
      ['21208', '国有土地使用权出让收入安排的支出', 50, null, 50],
      ['2120801', '征地和拆迁补偿支出', 50, null, 50],
    ],
    { merges: ['A1:E1'] },
  );

export const fundProject12 = (): GridSheet =>
  sheet(
    '预算12表',
    [
      ['2024年项目支出预算表'],
      ['部门：某某局', null, UNIT],
      ['项目单位', '项目名称', '合计'],
      [null, '合计', 250],
      ['某某局', '医疗保障业务经费', 150],
      [null, '信息系统运行维护', 50],
      [null, '征地拆迁补偿', 50],
    ],
    { merges: ['A1:C1', 'A5:A7'] },
  );

/** The disclosure with 50.00 of 政府性基金 money: the tables it changes, the others as smallBudget has them. */
export function fundBudget(): WorkbookSnapshot<GridSheet> {
  const fund: Record<string, () => GridSheet> = {
    预算01表: fundSummary01,
    预算02表: fundIncome02,
    预算03表: fundExpenditure03,
    预算04表: fundFiscal04,
    预算08表: fundEconomic08,
    预算10表: fundGovFund10,
    预算12表: fundProject12,
  };
  return workbook(...BUDGET_TABLES.map((t) => t()).map((s) => fund[s.name]?.() ?? s));
}
