/**
 * Injected errors: one cell of a real disclosure is changed the way people get it wrong
 * (a total retyped, a detail cell with two digits swapped, a 类 code or a name changed in
 * one table) and the checker must name that very cell, with the figure it should hold.
 */
import { cellAddress } from '../src/core/address';
import { audit } from '../src/core/engine';
import type { Finding } from '../src/core/finding';
import { fixture, setCell, transposeDigits, valueOf } from './injected-support';

function findingAt(findings: Finding[], sheet: string, cell: string): Finding | undefined {
  return findings.find((f) => f.sheet === sheet && f.cell === cell && f.severity !== 'info');
}

function errorsOf(findings: Finding[]): Finding[] {
  return findings.filter((f) => f.severity === 'error');
}

describe('a detail cell with two digits swapped', () => {
  test('预算03表 I10 工资福利支出 523.07 typed 532.07: named, expected 523.07, culprit of its row and its column', async () => {
    const s = await fixture('000');
    expect(valueOf(s, '预算03表', 'I10')).toBe(523.07);
    setCell(s, '预算03表', 'I10', transposeDigits(523.07, 1));
    const { findings } = audit(s);
    const f = findingAt(findings, '预算03表', 'I10')!;
    expect(f).toBeDefined();
    expect(f.severity).toBe('error');
    expect(f.rule).toBe('row-sum');
    expect(f.actual).toBe('532.07');
    expect(f.expected).toBe('523.07');
    expect(f.culprit).toBe(true);
    expect(f.cells.map((c) => c.cell)).toEqual(expect.arrayContaining(['I10', 'H10', 'I8']));
    // One finding says it all: no separate error for the row or the column it broke.
    expect(errorsOf(findings)).toHaveLength(1);
  });

  test('公开03表 D13 基本支出 of 2080109 540.37 typed 504.37 (final accounts, 7-digit codes)', async () => {
    const s = await fixture('002');
    setCell(s, '公开03表', 'D13', 504.37);
    const { findings } = audit(s);
    const f = findingAt(findings, '公开03表', 'D13')!;
    expect(f.culprit).toBe(true);
    expect(f.expected).toBe('540.37');
    expect(f.cells.map((c) => c.cell)).toEqual(expect.arrayContaining(['C13', 'D12']));
  });

  test('YS06 E11 津贴补贴 123.00 typed 132.00: the unlabeled first row is the total it breaks', async () => {
    const s = await fixture('003');
    setCell(s, 'YS06', 'E11', 132);
    const { findings } = audit(s);
    const f = findingAt(findings, 'YS06', 'E11')!;
    expect(f).toBeDefined();
    expect(f.expected).toBe('123.00');
  });

  test('a swap small enough to hide in a long column is still named through its row: 预算07表 E11 7.43 → 7.34', async () => {
    const s = await fixture('000');
    setCell(s, '预算07表', 'E11', 7.34);
    const { findings } = audit(s);
    const f = findingAt(findings, '预算07表', 'E11')!;
    expect(f).toBeDefined();
    expect(f.expected).toBe('7.43');
  });
});

describe('a total retyped', () => {
  test('预算03表 F7 合计 总计 131,073.41 → 131,037.41: the total itself is named', async () => {
    const s = await fixture('000');
    setCell(s, '预算03表', 'F7', 131037.41);
    const { findings } = audit(s);
    const f = findingAt(findings, '预算03表', 'F7')!;
    expect(f.culprit).toBe(true);
    expect(f.expected).toBe('131073.41');
    expect(errorsOf(findings)).toHaveLength(1);
  });

  test('收支总表 本年支出合计 D36 changed: named against its lines and the expenditure table', async () => {
    const s = await fixture('000');
    setCell(s, '预算01表', 'D36', 131173.41);
    const { findings } = audit(s);
    const f = findingAt(findings, '预算01表', 'D36')!;
    expect(f.expected).toBe('131073.41');
    expect(f.culprit).toBe(true);
  });

  test('a unit row (309 医疗保障局) changed in 项目支出表: named, not its total', async () => {
    const s = await fixture('000');
    setCell(s, '预算12表', 'D7', 130287.84);
    const { findings } = audit(s);
    const f = findingAt(findings, '预算12表', 'D7')!;
    expect(f.expected).toBe('130277.84');
  });

  test('“三公”经费合计 changed: 3.50 → 3.05', async () => {
    const s = await fixture('000');
    setCell(s, '预算09表', 'A6', 3.05);
    const { findings } = audit(s);
    const f = findingAt(findings, '预算09表', 'A6')!;
    expect(f.rule).toBe('row-sum');
    expect(f.expected).toBe('3.50');
  });
});

describe('a 类 code or a name changed in one table', () => {
  test('预算03表 A9 类 205 typed 206: the code cell is named, 205 expected', async () => {
    const s = await fixture('000');
    setCell(s, '预算03表', 'A9', '206');
    const { findings } = audit(s);
    const f = findingAt(findings, '预算03表', 'A9')!;
    expect(f).toBeDefined();
    expect(f.rule).toBe('cross-summary-function-code');
    expect(f.actual).toBe('206');
    expect(f.expected).toBe('205');
  });

  test('公开05表 A21 2101101 typed 2101201: its parent 21012 is missing', async () => {
    const s = await fixture('002');
    setCell(s, '公开05表', 'A21', '2101201');
    const { findings } = audit(s);
    const f = findingAt(findings, '公开05表', 'A21')!;
    expect(f).toBeDefined();
    expect(f.rule).toBe('code-parent-missing');
  });

  test('预算05表 E10 社会保险经办机构 renamed in one table only: a warning at that name', async () => {
    const s = await fixture('000');
    setCell(s, '预算05表', 'E10', '社会保险经办中心');
    const { findings } = audit(s);
    const f = findingAt(findings, '预算05表', 'E10')!;
    expect(f.severity).toBe('warning');
    expect(f.rule).toBe('cross-code-names');
    expect(f.expected).toBe('社会保险经办机构');
    expect(errorsOf(findings)).toHaveLength(0);
  });

  test('the same rename in 预算03表 instead: still the renamed cell is named', async () => {
    const s = await fixture('000');
    setCell(s, '预算03表', 'E10', '社会保险经办中心');
    const { findings } = audit(s);
    const f = findingAt(findings, '预算03表', 'E10')!;
    expect(f).toBeDefined();
    expect(f.expected).toBe('社会保险经办机构');
  });
});

describe('an economic code changed in one table', () => {
  test('支出经济分类汇总表 A18 302 08 取暖费 typed 301: its 502 01 partner goes with 302 everywhere else', async () => {
    const s = await fixture('000');
    setCell(s, '预算08表', 'A18', '301');
    const { findings } = audit(s);
    const f = findingAt(findings, '预算08表', 'A18')!;
    expect(f).toBeDefined();
    expect(f.rule).toBe('econ-code-pairing');
    expect(f.actual).toBe('30108');
    expect(f.expected).toBe('30208');
  });

  test('公开06表 A5 类 301 typed 302: the 类 row is named (its 款 rows all start with 301), not each 款', async () => {
    const s = await fixture('002');
    setCell(s, '公开06表', 'A5', '302');
    const { findings } = audit(s);
    const f = findingAt(findings, '公开06表', 'A5')!;
    expect(f).toBeDefined();
    expect(f.expected).toBe('301');
    expect(findings.filter((x) => x.rule === 'code-parent-missing')).toHaveLength(1);
  });
});

describe('a summary line relabelled', () => {
  test('收支总表 C15 十、卫生健康 typed 十、节能环保: the label cell is named, 卫生健康支出 expected', async () => {
    const s = await fixture('000');
    setCell(s, '预算01表', 'C15', '十、节能环保');
    const { findings } = audit(s);
    const f = findingAt(findings, '预算01表', 'C15')!;
    expect(f).toBeDefined();
    expect(f.rule).toBe('cross-summary-function-label');
    expect(f.expected).toBe('卫生健康支出');
  });

  test('财政拨款收支表 C28 （二十一）住房保障支出 typed （二十二）粮油物资储备支出: named against 一般公共预算支出表', async () => {
    const s = await fixture('000');
    setCell(s, '预算04表', 'C28', '（二十二）粮油物资储备支出');
    const { findings } = audit(s);
    const f = findingAt(findings, '预算04表', 'C28')!;
    expect(f).toBeDefined();
    expect(f.expected).toBe('住房保障支出');
  });
});

describe('empty tables and totals without parts', () => {
  test('政府性基金支出表 says 本表无数据 and the summaries show none: nothing to report', async () => {
    const s = await fixture('000');
    const { findings } = audit(s);
    expect(findings.filter((f) => f.sheet === '预算10表')).toEqual([]);
  });

  test('an amount appears in the empty 政府性基金支出表 合计: reported against 财政拨款收支表', async () => {
    const s = await fixture('000');
    setCell(s, '预算10表', 'F7', 5);
    const { findings } = audit(s);
    const f = findings.find((x) => x.sheet === '预算10表' && x.severity === 'error' && x.cells.some((c) => c.cell === 'F7'));
    expect(f).toBeDefined();
  });

  test('a 合计 whose detail rows were cleared is an error (a total without parts)', async () => {
    const s = await fixture('000');
    for (let r = 7; r <= 13; r++) setCell(s, '预算13表', `C${r}`, null);
    const { findings } = audit(s);
    const f = findingAt(findings, '预算13表', 'C6')!;
    expect(f.severity).toBe('error');
    expect(f.expected).toBe('0.00');
  });
});

describe('every cell, not only the chosen ones', () => {
  test('000: each amount of 支出表 and 一般公共预算支出表 changed by 10.00 is named with its own value expected', async () => {
    const s0 = await fixture('000');
    const { tables } = audit(s0);
    const missed: string[] = [];
    let n = 0;
    for (const t of tables.filter((x) => x.kind === 'expenditure' || x.kind === 'general-budget-expenditure')) {
      for (const r of t.rows) {
        for (const cell of Object.values(r.cells)) {
          if (cell.amount.kind !== 'amount' || cell.amount.value.isZero()) continue;
          const s = structuredClone(s0);
          const a1 = cellAddress(cell.row, cell.col);
          const was = cell.amount.value;
          setCell(s, t.sheet, a1, was.plus(10).toNumber());
          const f = findingAt(audit(s).findings, t.sheet, a1);
          n++;
          if (!f || f.expected !== was.toFixed(2)) missed.push(`${t.sheet}!${a1}`);
        }
      }
    }
    expect(n).toBeGreaterThan(100);
    expect(missed).toEqual([]);
  });

  test('002 (7-digit codes): each function code with its 类 changed is named at the code cell', async () => {
    const s0 = await fixture('002');
    const { tables } = audit(s0);
    const missed: string[] = [];
    for (const t of tables.filter((x) => x.kind === 'expenditure' || x.kind === 'income' || x.kind === 'general-budget-expenditure')) {
      const codeCol = t.columns.find((c) => c.role === 'function-code')!;
      for (const r of t.rows.filter((x) => x.role === 'detail' && x.functionCode)) {
        const s = structuredClone(s0);
        const a1 = cellAddress(r.row, codeCol.col);
        const code = r.functionCode!;
        setCell(s, t.sheet, a1, (code.startsWith('210') ? '208' : '210') + code.slice(3));
        if (!findingAt(audit(s).findings, t.sheet, a1)) missed.push(`${t.sheet}!${a1}`);
      }
    }
    expect(missed).toEqual([]);
  });
});

describe('a 小计 row inside the body', () => {
  test('a 小计 under the items of 机关运行经费 adds them up; retyped, it is named', async () => {
    const s = await fixture('000');
    setCell(s, '预算13表', 'A14', null);
    setCell(s, '预算13表', 'B14', '小计');
    setCell(s, '预算13表', 'C14', 26.02);
    expect(audit(s).findings.filter((f) => f.sheet === '预算13表' && f.severity !== 'info')).toEqual([]);
    setCell(s, '预算13表', 'C14', 26.2);
    const f = findingAt(audit(s).findings, '预算13表', 'C14')!;
    expect(f).toBeDefined();
    expect(f.rule).toBe('column-total');
    expect(f.expected).toBe('26.02');
  });
});
