import { codedByTable } from '../src/core/narrative/codedByTable';
import { rowsNamed } from '../src/core/narrative/codedByName';
import { comparedName, sameCompared, type CodedRow } from '../src/core/narrative/facts';

/**
 * The narrowing of a subject's name to the coded rows it may match (src/core/narrative/codedByName.ts):
 * it must give exactly what testing every coded row gives, in the same order.
 */
describe('rowsNamed: the coded rows a name may match, found without testing every row', () => {
  const row = (code: string, name: string): CodedRow => {
    const level = code.length === 3 ? '类' : code.length === 5 ? '款' : '项';
    return { table: {} as CodedRow['table'], row: 0, code, name, level, fact: {} as CodedRow['fact'], compared: comparedName(name) };
  };
  const coded = [
    row('201', '一般公共服务支出'),
    row('20101', '人大事务'),
    row('2010101', '行政运行'),
    row('2010102', '一般行政管理事务'),
    row('20103', '政府办公厅（室）及相关机构事务'),
    row('2010301', '行政运行'),
    row('208', '社会保障和就业支出'),
    row('20805', '行政事业单位养老支出'),
    row('2080505', '机关事业单位基本养老保险缴费支出'),
    row('2080506', '机关事业单位职业年金缴费支出'),
    row('210', '卫生健康支出'),
    row('21011', '行政事业单位医疗'),
    row('2101101', '行政单位医疗'),
    row('213', '农林水'),
    row('2130101', '其它'),
  ];
  // The name test as context.ts makes it: by the compared names, and a 类 by a rule of its own (here: its code in the name).
  const matcher = (name: string) => (r: CodedRow) => sameCompared(r.compared, comparedName(name)) || (r.level === '类' && name.includes(r.code));
  const everyRow = (name: string) => coded.filter(matcher(name));

  it.each([
    ['行政运行'],
    ['一般行政管理事务'],
    ['一般行政事务管理'],
    ['机关事业单位基本养老保险缴费'],
    ['机关事业单位'],
    ['行政事业单位医疗'],
    ['行政'],
    ['农林水'],
    ['其他'],
    ['卫生健康'],
    ['210类的另一个名字'],
    ['人大事务（款）'],
    [''],
  ])('gives what testing every row gives for %j', (name) => {
    expect(rowsNamed(coded, comparedName(name), matcher(name))).toEqual(everyRow(name));
  });

  // Where the caller tells the one 类 a name names (context.ts: by its class words), only that 类's rows are tested by class.
  const byClass = (name: string, code: string | null) => (r: CodedRow) => sameCompared(r.compared, comparedName(name)) || (r.level === '类' && r.code === code);
  it.each([
    ['卫生健康', '210'],
    ['210类的另一个名字', '210'],
    ['农林水', '213'],
    ['一般公共服务', '201'],
    ['社会保障', '208'],
    ['行政运行', null],
    ['其他', null],
    ['', null],
  ])('gives what testing every row gives for %j when its 类 is told (%j)', (name, code) => {
    expect(rowsNamed(coded, comparedName(name), byClass(name, code), () => code)).toEqual(coded.filter(byClass(name, code)));
  });

  it('tests no 类 row but the one told, and every 类 row where none is told', () => {
    const tested: string[] = [];
    const spy = (r: CodedRow) => (tested.push(r.code), false);
    rowsNamed(coded, comparedName('不像任何行的名字'), spy, () => '210');
    expect(tested).toEqual(['210']);
    tested.length = 0;
    rowsNamed(coded, comparedName('不像任何行的名字'), spy);
    expect(tested).toEqual(['201', '208', '210', '213']);
  });

  it('finds the rows of a shared name in their order, and a 类 by its own rule only where it is one', () => {
    expect(rowsNamed(coded, comparedName('行政运行'), matcher('行政运行')).map((r) => r.code)).toEqual(['2010101', '2010301']);
    expect(rowsNamed(coded, comparedName('机关事业单位'), matcher('机关事业单位')).map((r) => r.code)).toEqual(['2080505', '2080506']);
    expect(rowsNamed(coded, comparedName('210类的另一个名字'), matcher('210类的另一个名字')).map((r) => r.code)).toEqual(['210']);
    expect(rowsNamed(coded, comparedName('其他'), matcher('其他')).map((r) => r.code)).toEqual(['2130101']);
  });
});

describe('codedByTable: a table’s leaves are its rows no other row of it lies under', () => {
  const table = {} as CodedRow['table'];
  const row = (code: string): CodedRow => ({ table, row: 0, code, name: code, level: code.length === 3 ? '类' : code.length === 5 ? '款' : '项', fact: {} as CodedRow['fact'], compared: code });

  test('项 rows, a 款 listed without its 项, a 类 alone; what holding each row against every other gives', () => {
    const rows = ['208', '20805', '2080505', '2080506', '20899', '210', '21011', '2101101', '221'].map(row);
    const leaves = codedByTable(rows).of(table)!.leaves();
    expect(leaves.map((r) => r.code)).toEqual(['2080505', '2080506', '20899', '2101101', '221']);
    const brute = rows.filter((r) => !rows.some((x) => x !== r && x.code.startsWith(r.code) && x.code.length > r.code.length));
    expect(leaves).toEqual(brute);
  });
});
