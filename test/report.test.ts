import { reportLines, reviewOrder, shownValue, summaryLine } from '../src/core/report';
import type { Finding } from '../src/core/finding';
import { message, amountArg, cellArg, nameArg, tableArg } from '../src/core/messages/message';

/** The records every output is built from: the pane, the report sheet, the CLI. */
function finding(over: Partial<Finding>): Finding {
  return {
    rule: 'row-sum',
    severity: 'error',
    sheet: 'YS04',
    cell: 'E39',
    subject: 'amount',
    actual: null,
    expected: '912.63',
    difference: '-912.63',
    tolerance: '0.015',
    decimals: 2,
    cells: [],
    parts: [],
    explains: [],
    message: message('sum.total', { table: tableArg('YS04'), cell: cellArg('E39'), name: nameArg('收入合计'), parts: nameArg('各项'), sum: amountArg('912.63', 2), diff: amountArg('912.63', 2) }),
    ...over,
  };
}

describe('the report sheet lines', () => {
  test('name the rule in Chinese, say an empty cell is empty, and keep the link target', () => {
    const { headers, lines } = reportLines([finding({})], 'zh-CN');
    expect(headers).toEqual(['序号', '严重程度', '规则', '工作表', '单元格', '说明', '实际值', '应为', '差额', '处理情况', '复核人', '复核意见']);
    expect(lines[0].cells.slice(0, 5)).toEqual(['1', '错误', '行内合计', 'YS04', 'E39']);
    expect(lines[0].cells[5]).toBe('YS04 E39 收入合计 为空，不等于各项 912.63（差 912.63）。');
    expect(lines[0].cells.slice(6, 9)).toEqual(['（空）', '912.63', '-912.63']);
    expect(lines[0]).toMatchObject({ sheet: 'YS04', cell: 'E39' });
    expect(reportLines([finding({})], 'en').lines[0].cells[6]).toBe('(empty)');
  });

  test('errors come first, then warnings, each in sheet order, whatever order the rules gave', () => {
    const w = finding({ severity: 'warning', sheet: 'YS01', cell: 'B2' });
    const e2 = finding({ sheet: 'YS06', cell: 'A10' });
    const e1 = finding({ sheet: 'YS01', cell: 'C9' });
    const e0 = finding({ sheet: 'YS01', cell: 'C3' });
    const order = reviewOrder([w, e2, e1, e0], ['YS01', 'YS04', 'YS06']).map((f) => `${f.severity} ${f.sheet}!${f.cell}`);
    expect(order).toEqual(['error YS01!C3', 'error YS01!C9', 'error YS06!A10', 'warning YS01!B2']);
  });

  test('a finding a reviewer looked at reads 已核实 with the reason and the reviewer', () => {
    const f = finding({ review: { status: 'verified', reviewer: '王会计', reason: '结转口径不同' } });
    const line = reportLines([f], 'zh-CN').lines[0].cells;
    expect(line[1]).toBe('已核实');
    expect(line[9]).toBe('已核实：结转口径不同');
    expect(line[10]).toBe('王会计');
  });

  test('codes and names are never formatted as money', () => {
    const code = finding({ subject: 'code', actual: '2169999', expected: '2069999' });
    expect(shownValue(code, code.actual, 'zh-CN')).toBe('2169999');
    expect(shownValue(finding({}), '1234567.5', 'zh-CN')).toBe('1,234,567.50');
  });

  test('the summary counts tables, errors, warnings, infos and what was verified', () => {
    expect(summaryLine([], { errors: 4, warnings: 2, infos: 10, verified: 0 }, 'zh-CN')).toBe('识别表格 0 张；错误 4 条，警告 2 条，提示 10 条');
    expect(summaryLine([], { errors: 0, warnings: 1, infos: 0, verified: 2 }, 'zh-CN')).toBe('识别表格 0 张；错误 0 条，警告 1 条，提示 0 条，已核实 2 条');
  });
});
