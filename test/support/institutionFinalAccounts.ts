import type { GridSheet, WorkbookSnapshot } from '../../src/core/snapshot';
import { sheet, workbook, type CellInput } from './sheetBuilder';

/**
 * The final accounts of a 事业单位 with money of every fund, in the national 公开01–09 set (built by a hunt for layouts
 * the Henan seed never shows; every sum right): 焦作市社会福利院 2023, 万元.
 *
 *   01 本年收入合计 849.30 = 财政拨款 511.80 + 70.00 + 12.00, 上级补助 10.00, 事业 200.00, 经营 32.00, 附属单位上缴 8.00,
 *      其他 5.50; 使用非财政拨款结余 3.00; 年初结转和结余 67.30; 总计 919.60. 本年支出合计 857.50; 结余分配 4.00; 年末 58.10.
 *   03 本年支出 857.50 = 基本 588.70 + 项目 212.80 + 上缴上级 6.00 + 经营 30.00 + 对附属单位补助 20.00.
 *   04 本年收入合计 593.80 (一般公共预算 511.80, 政府性基金 70.00, 国有资本经营 12.00); 本年支出合计 588.00 = 516.00 + 60.00 +
 *      12.00; 年初财政拨款结转和结余 27.30 = 12.30 + 15.00 + 0 (its sub-lines by fund), 年末 33.10 = 8.10 + 25.00 + 0; 总计 621.10.
 *   07 政府性基金: 年初 15.00 | 本年收入 70.00 | 本年支出 60.00 | 年末 25.00, its one 项 用于社会福利的彩票公益金支出.
 */
interface Whole {
  int: number;
}
type Cell = CellInput | Whole;

const I = (n: number): Whole => ({ int: n });
const DEPT = '焦作市社会福利院';
const COLUMNS = 'ABCDEFGHIJKLMNOP';

/** A sheet whose whole numbers marked I(n) (行次, 栏次) are shown as typed, the figures to 0.00. */
function table(name: string, rows: Cell[][], merges: string[]): GridSheet {
  const formats: Record<string, string> = {};
  const plain = rows.map((row, r) =>
    row.map((v, c): CellInput => {
      if (v !== null && typeof v === 'object' && 'int' in v) {
        formats[`${COLUMNS[c]}${r + 1}`] = '0';
        return v.int;
      }
      return v as CellInput;
    }),
  );
  return sheet(name, plain, { merges, format: '0.00', formats });
}

/** Form number, title and the caption row (部门, year, unit) of a table `width` columns wide. */
function head(title: string, form: string, width: number, yearCol = 2): Cell[][] {
  const formRow: Cell[] = [];
  formRow[width - 1] = form;
  const caption: Cell[] = [];
  caption[0] = `部门：${DEPT}`;
  caption[yearCol] = '2023年度';
  caption[width - 1] = '单位：万元';
  return [formRow, Array(width).fill(title), caption];
}

const EXPENDITURE_LINES = ['一、一般公共服务支出', '二、外交支出', '三、国防支出', '四、公共安全支出', '五、教育支出', '六、科学技术支出', '七、文化旅游体育与传媒支出', '八、社会保障和就业支出', '九、卫生健康支出', '十、节能环保支出', '十一、城乡社区支出', '十二、农林水支出', '十三、交通运输支出', '十四、资源勘探工业信息等支出', '十五、商业服务业等支出', '十六、金融支出', '十七、援助其他地区支出', '十八、自然资源海洋气象等支出', '十九、住房保障支出', '二十、粮油物资储备支出', '二十一、国有资本经营预算支出', '二十二、灾害防治及应急管理支出', '二十三、其他支出', '二十四、债务还本支出', '二十五、债务付息支出', '二十六、抗疫特别国债安排的支出'];

export const institutionSummary01 = (): GridSheet => {
  const income: Array<[string, number]> = [['一、一般公共预算财政拨款收入', 511.8], ['二、政府性基金预算财政拨款收入', 70], ['三、国有资本经营预算财政拨款收入', 12], ['四、上级补助收入', 10], ['五、事业收入', 200], ['六、经营收入', 32], ['七、附属单位上缴收入', 8], ['八、其他收入', 5.5]];
  const spent: Record<string, number> = { '八、社会保障和就业支出': 720.9, '九、卫生健康支出': 28.4, '十九、住房保障支出': 36.2, '二十一、国有资本经营预算支出': 12, '二十三、其他支出': 60 };
  const rows: Cell[][] = [...head('收入支出决算总表', '公开01表', 6), ['收入', '收入', '收入', '支出', '支出', '支出'], ['项目', '行次', '决算数', '项目', '行次', '决算数'], ['栏次', null, I(1), '栏次', null, I(2)]];
  for (let i = 0; i < 26; i++) rows.push([income[i]?.[0] ?? null, I(i + 1), income[i]?.[1] ?? null, EXPENDITURE_LINES[i], I(i + 32), spent[EXPENDITURE_LINES[i]] ?? 0]);
  rows.push(['本年收入合计', I(27), 849.3, '本年支出合计', I(58), 857.5]);
  rows.push(['使用非财政拨款结余（含专用结余）', I(28), 3, '结余分配', I(59), 4]);
  rows.push(['年初结转和结余', I(29), 67.3, '年末结转和结余', I(60), 58.1]);
  rows.push([null, I(30), null, null, I(61), null]);
  rows.push(['总计', I(31), 919.6, '总计', I(62), 919.6]);
  rows.push(['注：本表反映部门本年度的总收支和年末结转结余情况。']);
  return table('公开01表', rows, ['A2:F2', 'A4:C4', 'D4:F4']);
};

/** The 类 / 款 / 项 of 03: [code, name, 基本, 项目, 上缴上级, 经营, 对附属单位补助]. */
const SPENDING: Array<[string, string, number, number, number, number, number]> = [
  ['208', '社会保障和就业支出', 524.1, 140.8, 6, 30, 20],
  ['20805', '行政事业单位养老支出', 45.6, 0, 0, 0, 0],
  ['2080505', '机关事业单位基本养老保险缴费支出', 45.6, 0, 0, 0, 0],
  ['20810', '社会福利', 478.5, 140.8, 6, 30, 20],
  ['2081002', '老年福利', 470.5, 140.8, 0, 0, 20],
  ['2081099', '其他社会福利支出', 8, 0, 6, 30, 0],
  ['210', '卫生健康支出', 28.4, 0, 0, 0, 0],
  ['21011', '行政事业单位医疗', 28.4, 0, 0, 0, 0],
  ['2101102', '事业单位医疗', 28.4, 0, 0, 0, 0],
  ['221', '住房保障支出', 36.2, 0, 0, 0, 0],
  ['22102', '住房改革支出', 36.2, 0, 0, 0, 0],
  ['2210201', '住房公积金', 36.2, 0, 0, 0, 0],
  ['223', '国有资本经营预算支出', 0, 12, 0, 0, 0],
  ['22301', '解决历史遗留问题及改革成本支出', 0, 12, 0, 0, 0],
  ['2230105', '国有企业退休人员社会化管理补助支出', 0, 12, 0, 0, 0],
  ['229', '其他支出', 0, 60, 0, 0, 0],
  ['22960', '彩票公益金安排的支出', 0, 60, 0, 0, 0],
  ['2296002', '用于社会福利的彩票公益金支出', 0, 60, 0, 0, 0],
];

const cents = (x: number) => Math.round(x * 100) / 100;

export const institutionExpenditure03 = (): GridSheet => {
  const kinds = ['本年支出合计', '基本支出', '项目支出', '上缴上级支出', '经营支出', '对附属单位补助支出'];
  const rows: Cell[][] = [...head('支出决算表', '公开03表', 8, 3), ['项目', '项目', ...kinds], ['功能分类科目编码', '科目名称', ...kinds], ['栏次', '栏次', ...[1, 2, 3, 4, 5, 6].map(I)]];
  const classes = SPENDING.filter(([code]) => code.length === 3);
  const totals = [2, 3, 4, 5, 6].map((k) => cents(classes.reduce((s, r) => s + (r[k] as number), 0)));
  rows.push(['合计', '合计', cents(totals.reduce((a, b) => a + b, 0)), ...totals]);
  for (const [code, name, ...v] of SPENDING) rows.push([code, name, cents(v.reduce((a, b) => a + b, 0)), ...v]);
  rows.push(['注：本表反映部门本年度各项支出情况。']);
  return table('公开03表', rows, ['A2:H2', 'A4:B4', 'A6:B6', 'A7:B7', ...'CDEFGH'.split('').map((c) => `${c}4:${c}5`)]);
};

export const institutionFiscal04 = (): GridSheet => {
  const spent: Record<string, [number, number, number]> = { '八、社会保障和就业支出': [451.4, 0, 0], '九、卫生健康支出': [28.4, 0, 0], '十九、住房保障支出': [36.2, 0, 0], '二十一、国有资本经营预算支出': [0, 0, 12], '二十三、其他支出': [0, 60, 0] };
  const income: Array<[string, number]> = [['一、一般公共预算财政拨款', 511.8], ['二、政府性基金预算财政拨款', 70], ['三、国有资本经营预算财政拨款', 12]];
  const rows: Cell[][] = [
    ...head('财政拨款收入支出决算总表', '公开04表', 9, 4),
    ['收入', '收入', '收入', '支出', '支出', '支出', '支出', '支出', '支出'],
    ['项目', '行次', '金额', '项目', '行次', '合计', '一般公共预算财政拨款', '政府性基金预算财政拨款', '国有资本经营预算财政拨款'],
    ['栏次', null, I(1), '栏次', null, I(2), I(3), I(4), I(5)],
  ];
  for (let i = 0; i < 26; i++) {
    const v = spent[EXPENDITURE_LINES[i]] ?? [0, 0, 0];
    rows.push([income[i]?.[0] ?? null, I(i + 1), income[i]?.[1] ?? null, EXPENDITURE_LINES[i], I(i + 33), cents(v[0] + v[1] + v[2]), ...v]);
  }
  rows.push(['本年收入合计', I(27), 593.8, '本年支出合计', I(59), 588, 516, 60, 12]);
  rows.push(['年初财政拨款结转和结余', I(28), 27.3, '年末财政拨款结转和结余', I(60), 33.1, 8.1, 25, 0]);
  rows.push(['　　一般公共预算财政拨款', I(29), 12.3, null, I(61)]);
  rows.push(['　　政府性基金预算财政拨款', I(30), 15, null, I(62)]);
  rows.push(['　　国有资本经营预算财政拨款', I(31), 0, null, I(63)]);
  rows.push(['总计', I(32), 621.1, '总计', I(64), 621.1, 524.1, 85, 12]);
  rows.push(['注：本表反映部门本年度一般公共预算财政拨款、政府性基金预算财政拨款和国有资本经营预算财政拨款的总收支和年末结转结余情况。']);
  return table('公开04表', rows, ['A2:I2', 'A4:C4', 'D4:I4']);
};

export const institutionGovFund07 = (): GridSheet => {
  const line = (code: string, name: string): Cell[] => [code, name, 15, 70, 60, 0, 60, 25];
  const rows: Cell[][] = [
    ...head('政府性基金预算财政拨款收入支出决算表', '公开07表', 8, 3),
    ['项目', '项目', '年初结转和结余', '本年收入', '本年支出', '本年支出', '本年支出', '年末结转和结余'],
    ['功能分类科目编码', '科目名称', '年初结转和结余', '本年收入', '小计', '基本支出', '项目支出', '年末结转和结余'],
    ['栏次', '栏次', I(1), I(2), I(3), I(4), I(5), I(6)],
    ['合计', '合计', 15, 70, 60, 0, 60, 25],
    line('229', '其他支出'),
    line('22960', '彩票公益金安排的支出'),
    line('2296002', '用于社会福利的彩票公益金支出'),
    ['注：本表反映部门本年度政府性基金预算财政拨款收入、支出及结转和结余情况。'],
  ];
  return table('公开07表', rows, ['A2:H2', 'A4:B4', 'E4:G4', 'C4:C5', 'D4:D5', 'H4:H5', 'A6:B6', 'A7:B7']);
};

/** The four tables, and a 情况说明 of the paragraphs given under its title. */
export function institutionFinalAccounts(paragraphs: string[]): WorkbookSnapshot<GridSheet> {
  return workbook(institutionSummary01(), institutionExpenditure03(), institutionFiscal04(), institutionGovFund07(), sheet('情况说明', [['焦作市社会福利院2023年度部门决算情况说明'], ...paragraphs.map((p) => [p])]));
}
