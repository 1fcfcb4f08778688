import type { GridSheet } from '../../src/core/snapshot';
import { sheet } from './sheetBuilder';

/**
 * A county 支出表 of two units, each 项 row carrying its unit's code (309101 | 2080505 …): 某某局 1000.00 = 本级 600.00
 * (2080505 400.00, 2101101 200.00) + 某某中心 400.00 (2080505 300.00, 2101102 100.00). The 项 2080505 is printed once a
 * unit: the department's is 700.00.
 */
export const countyByUnits = (): GridSheet =>
  sheet('部门支出总体情况表', [
    ['部门支出总体情况表'],
    ['单位：万元'],
    ['类', '款', '项', '单位代码', '单位（科目名称）', '合计'],
    [null, null, null, null, '合计', 1000],
    [null, null, null, '309', '某某局', 1000],
    [null, null, null, '309101', '某某局本级', 600],
    ['208', '05', '05', '309101', '机关事业单位基本养老保险缴费支出', 400],
    ['210', '11', '01', '309101', '行政单位医疗', 200],
    [null, null, null, '309201', '某某中心', 400],
    ['208', '05', '05', '309201', '机关事业单位基本养老保险缴费支出', 300],
    ['210', '11', '02', '309201', '事业单位医疗', 100],
  ]);
