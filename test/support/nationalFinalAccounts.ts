import type { GridSheet } from '../../src/core/snapshot';
import { sheet } from './sheetBuilder';

/**
 * Two tables of the national final-accounts template (公开05表, 公开06表) for 某某局, 2023年度, in
 * 万元, consistent with each other: 一般公共预算财政拨款支出 700.00 = 基本 610.00 + 项目 90.00, and
 * 基本支出 610.00 = 人员经费 520.00 + 公用经费 90.00.
 */

/** 公开06表: 人员经费 | 公用经费 side by side, each block with split 类 | 款 code columns; a cell may be changed. */
export function nationalBasic06(wageCell = 200, officeCell = 30): GridSheet {
  return sheet(
    '公开06表',
    [
      ['一般公共预算财政拨款基本支出决算表'],
      ['部门：某某局', null, null, null, '2023年度', null, null, '单位：万元'],
      ['人员经费', null, null, null, '公用经费'],
      ['科目编码', null, '科目名称', '决算数', '科目编码', null, '科目名称', '决算数'],
      ['类', '款', null, null, '类', '款'],
      ['301', null, '工资福利支出', 500, '302', null, '商品和服务支出', 80],
      ['301', '01', '基本工资', wageCell, '302', '01', '办公费', officeCell],
      ['301', '02', '津贴补贴', 300, '302', '11', '差旅费', 50],
      ['303', null, '对个人和家庭的补助', 20, '310', null, '资本性支出', 10],
      ['303', '02', '退休费', 20, '310', '02', '办公设备购置', 10],
      ['人员经费合计', null, null, 520, '公用经费合计', null, null, 90],
    ],
    { merges: ['A1:H1', 'A3:D3', 'E3:H3', 'A4:B4', 'C4:C5', 'D4:D5', 'E4:F4', 'G4:G5', 'H4:H5', 'A11:C11', 'E11:G11'] },
  );
}

/** 公开05表: 一般公共预算财政拨款支出决算表 by function, 本年支出 合计 | 基本支出 | 项目支出. */
export function nationalGeneral05(): GridSheet {
  return sheet(
    '公开05表',
    [
      ['一般公共预算财政拨款支出决算表'],
      ['部门：某某局', null, null, '2023年度', '单位：万元'],
      ['科目编码', '科目名称', '本年支出'],
      [null, null, '合计', '基本支出', '项目支出'],
      [null, '合计', 700, 610, 90],
      ['201', '一般公共服务支出', 700, 610, 90],
      ['20101', '人大事务', 700, 610, 90],
      ['2010101', '行政运行', 610, 610],
      ['2010102', '一般行政管理事务', 90, null, 90],
    ],
    { merges: ['A1:E1', 'A3:A4', 'B3:B4', 'C3:E3'] },
  );
}
