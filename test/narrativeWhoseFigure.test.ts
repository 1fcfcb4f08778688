import { audit } from '../src/core/engine';
import { readClaims } from '../src/core/narrative/claims';
import type { GridSheet } from '../src/core/snapshot';
import { sheet, workbook } from './support/sheetBuilder';
import { BUDGET_TABLES, fundBudget } from './support/smallBudget';

/**
 * Whose figure a sentence of the 情况说明 states, as budget narratives of other provinces write it (found by a hunt on
 * Guangdong-style disclosures): a reason's figure, a project's or a unit's money, a change after two figures. Each was
 * held to the department's figure and called wrong where it was right.
 * Support: test/support/smallBudget.ts (某某局: 收支 1000.00 = 基本 800.00 (人员 700.00 + 公用 100.00) + 项目 200.00;
 * 项目支出表: 医疗保障业务经费 150.00, 信息系统运行维护 50.00; 机关运行经费 100.00).
 */
/** The small budget's tables with the department named otherwise (部门：某某局 → 部门：name). */
const tablesOf = (name: string) =>
  BUDGET_TABLES.map((t) => {
    const s = t();
    const swap = <T>(v: T): T => (typeof v === 'string' ? (v.replace('部门：某某局', `部门：${name}`) as T) : v);
    return { ...s, values: s.values.map((r) => r.map(swap)), text: s.text.map((r) => r.map(swap)) };
  });

const told = (prose: string[], extra: GridSheet[] = []) =>
  audit(workbook(...BUDGET_TABLES.map((t) => t()), ...extra, sheet('情况说明', [['某某局2024年部门预算情况说明'], ...prose.map((p) => [p])])))
    .findings.filter((f) => f.sheet === '情况说明' && f.severity !== 'info')
    .map((f) => `${f.rule} ${f.cell} ${f.actual}→${f.expected}`);

describe('a reason’s figure between a total and its 其中 list opens no list', () => {
  const said = (project: string) =>
    `2024年支出预算1000.00万元，较上年增加50.00万元，增长5.26%，主要原因是新增业务经费256.00万元。其中：基本支出800.00万元，占80.00%；项目支出${project}万元，占20.00%。`;

  test('the shares are of the total: right, nothing said', () => {
    expect(told([said('200.00')])).toEqual([]);
  });

  test('a part that is not the table’s is still told', () => {
    expect(told([said('210.00')])).toEqual(['narrative-vs-table A2 210.00→200.00']);
  });
});

describe('a project’s own money (某某项目 A，其中：一般公共预算拨款 a，事业收入 b) is not the department’s income', () => {
  test('not held to the department’s income lines', () => {
    expect(told(['2024年医疗保障业务经费项目150.00万元，其中：一般公共预算拨款120.00万元，事业收入30.00万元。'])).toEqual([]);
  });

  test('the department’s own split is still held to its income', () => {
    expect(told(['2024年收入预算1000.00万元，其中：一般公共预算拨款900.00万元，事业收入100.00万元。'])).toEqual(['narrative-vs-table A2 900.00→1000.00', 'narrative-vs-table A2 100.00→0.00']);
  });
});

describe('a unit’s figures: the sentence opening on it, through its semicolons, and its part in a list', () => {
  test('收入…；支出…, both of the unit the sentence opens on: not the department’s', () => {
    expect(
      told(['2024年收入预算1000.00万元。某某局所属某某中心2024年收入预算300.00万元，其中：一般公共预算拨款300.00万元；支出预算300.00万元，其中：基本支出250.00万元，项目支出50.00万元。']),
    ).toEqual([]);
  });

  test('本级 A，某某中心 B as parts of the department’s 人员经费: each a unit’s', () => {
    expect(told(['2024年人员经费700.00万元，其中：本级人员经费500.00万元，某某中心人员经费200.00万元。'])).toEqual([]);
    expect(told(['2024年公用经费100.00万元，其中：本级公用经费60.00万元，所属事业单位公用经费40.00万元。'])).toEqual([]);
  });

  test("…the list in a paragraph of its own under the department's 人员经费: each a unit's", () => {
    expect(told(['2024年人员经费700.00万元。', '其中：本级人员经费500.00万元，某某中心人员经费200.00万元。'])).toEqual([]);
  });

  test('本局 is the department: its figure is still held to the table', () => {
    expect(told(['2024年本局人员经费710.00万元。'])).toEqual(['narrative-vs-table A2 710.00→700.00']);
  });
});

describe('a change and its rate that fit another figure of the paragraph', () => {
  test('after a 其中 item: the rate of the figure it fits, nothing said', () => {
    expect(told(['2024年机关运行经费预算100.00万元，主要用于办公费、水电费等，其中水电费20.00万元，较上年增加5.00万元，增长5.26%。'])).toEqual([]);
  });

  test('a rate that fits no figure of the paragraph is still told', () => {
    expect(told(['2024年机关运行经费预算100.00万元，较上年增加5.00万元，增长6.26%。'])).toEqual(['narrative-growth-rate A2 6.26→5.26']);
  });
});

describe('a procurement table listing each purchase with its kind (采购项目 | 采购类别 | 金额)', () => {
  const purchases = () =>
    sheet(
      '政府采购预算表',
      [
        ['2024年政府采购预算表'],
        ['部门：某某局', null, '单位：万元'],
        ['采购项目', '采购类别', '合计'],
        ['合计', null, 85],
        ['办公设备采购', '货物', 35],
        ['物业管理服务', '服务', 30],
        ['法律援助服务', '服务', 20],
      ],
      { merges: ['A1:C1'] },
    );

  test('a kind’s figure is the sum of its purchases', () => {
    expect(told(['2024年政府采购预算85.00万元，其中：货物35.00万元，服务50.00万元。'], [purchases()])).toEqual([]);
  });

  test('a kind’s figure that is not their sum is told', () => {
    expect(told(['2024年政府采购预算85.00万元，其中：货物35.00万元，服务55.00万元。'], [purchases()])).toEqual(['narrative-vs-table A2 55.00→50.00']);
  });
});

describe('lists within lists: a share is of the item its list is in', () => {
  test('项目支出 B，占 b%，主要用于：A a，占 p% …: the projects’ shares are of 项目支出', () => {
    expect(
      told(['2024年支出预算1000.00万元，其中：基本支出800.00万元，占80.00%；项目支出200.00万元，占20.00%，主要用于：医疗保障业务经费150.00万元，占75.00%；信息系统运行维护50.00万元，占25.00%。']),
    ).toEqual([]);
  });

  test('…and a project’s share that is not its figure’s is told', () => {
    expect(
      told(['2024年支出预算1000.00万元，其中：基本支出800.00万元，占80.00%；项目支出200.00万元，占20.00%，主要用于：医疗保障业务经费150.00万元，占70.00%；信息系统运行维护50.00万元，占25.00%。']),
    ).toEqual(['narrative-percent A2 70.00→75.00']);
  });

  test('基本支出 B，其中：人员经费 a，公用经费 b；项目支出 C，占 c%: after the inner list, a share right on the outer total is right', () => {
    expect(told(['2024年支出预算1000.00万元，其中：基本支出800.00万元，其中：人员经费700.00万元，公用经费100.00万元；项目支出200.00万元，占20.00%。'])).toEqual([]);
  });

  test('…and one right on neither is told', () => {
    expect(told(['2024年支出预算1000.00万元，其中：基本支出800.00万元，其中：人员经费700.00万元，公用经费100.00万元；项目支出200.00万元，占22.00%。'])).toEqual(['narrative-percent A2 22.00→25.00']);
  });
});

describe('a unit named outside its clause', () => {
  const unitSaid = '收入预算300.00万元，其中：一般公共预算拨款300.00万元；支出预算300.00万元，其中：基本支出250.00万元，项目支出50.00万元。';

  test('under a heading naming the unit ((二)某某中心): its figures, down to the next heading of that rank', () => {
    expect(told(['一、部门预算情况', '2024年收入预算1000.00万元。', '二、所属单位预算情况', '（一）某某中心', unitSaid, '三、“三公”经费预算情况', '2024年“三公”经费预算40.00万元。'])).toEqual([]);
  });

  test('…and after that section the department’s figures are judged again', () => {
    expect(told(['（一）某某中心', unitSaid, '（二）“三公”经费预算情况', '2024年“三公”经费预算45.00万元。'])).toEqual(['narrative-vs-table A5 45.00→40.00']);
  });

  test('the unit heading its sentence with a colon (某某中心：收入预算 A …)', () => {
    expect(told([`某某中心：${unitSaid}`])).toEqual([]);
  });

  test('a sentence opening on 本级 is 本级’s through its clauses', () => {
    expect(told(['本级收入预算700.00万元，支出预算700.00万元，其中基本支出600.00万元，项目支出100.00万元。'])).toEqual([]);
  });

  test('a unit’s 一般公共预算拨款 in a list by unit', () => {
    expect(told(['本级一般公共预算拨款700.00万元，某某中心一般公共预算拨款300.00万元。'])).toEqual([]);
  });

  test('所属事业单位某某中心 names one of the department’s own units: no other department’s name', () => {
    const found = audit(workbook(...BUDGET_TABLES.map((t) => t()), sheet('情况说明', [['某某局2024年部门预算情况说明'], ['所属事业单位某某管理委员会收入预算300.00万元。']]))).findings;
    expect(found.filter((f) => f.rule === 'text-department')).toEqual([]);
  });
});

describe('an item told wrong is told against the table whose 合计 its list’s total is', () => {
  // fundBudget: 支出 1050.00 of all the money (支出表: 基本 800.00 + 项目 250.00); 一般公共预算支出表's 项目支出 200.00.
  const said = (project: string) =>
    audit(
      workbook(...fundBudget().sheets, sheet('情况说明', [['某某局2024年部门预算情况说明'], [`2024年支出预算1050.00万元，其中：基本支出800.00万元，占76.19%；项目支出${project}万元，占23.81%。`]])),
    )
      .findings.filter((f) => f.sheet === '情况说明' && f.severity !== 'info')
      .map((f) => `${f.rule} ${f.cell} ${f.actual}→${f.expected}`);

  test('right: nothing said', () => {
    expect(said('250.00')).toEqual([]);
  });

  test('项目支出 220.00: against the 支出表’s 250.00 (nearer, the general budget’s 200.00 is not of this list), and its right share not blamed', () => {
    expect(said('220.00')).toEqual(['narrative-vs-table A2 220.00→250.00']);
  });
});

describe('a reason told over its semicolons', () => {
  test('主要原因是：A；B — both clauses are the reason’s, their figures not judged', () => {
    expect(told(['2024年支出预算1000.00万元，比上年增加50.00万元，增长5.26%，主要原因是：新增业务经费30.00万元；调整工资标准，增加人员经费20.00万元。'])).toEqual([]);
  });

  test('一是…；二是…, the same', () => {
    expect(told(['2024年支出预算1000.00万元，比上年增加50.00万元，增长5.26%，主要原因是一是新增业务经费30.00万元；二是增加人员经费20.00万元。'])).toEqual([]);
  });

  test('a reason with neither, followed by ；and another total: that total’s list is judged', () => {
    expect(told(['2024年收入预算1000.00万元，比上年增加50.00万元，主要原因是人员增加；支出预算1000.00万元，其中基本支出810.00万元。'])).toEqual(['narrative-vs-table A2 810.00→800.00']);
  });
});

describe('lists opened in other words', () => {
  test('主要为：its items’ shares are of the figure before it', () => {
    expect(told(['2024年支出预算1000.00万元，主要为：基本支出800.00万元，占80.00%；项目支出200.00万元，占20.00%。'])).toEqual([]);
    expect(told(['2024年支出预算1000.00万元，主要为：基本支出800.00万元，占70.00%；项目支出200.00万元，占20.00%。'])).toEqual(['narrative-percent A2 70.00→80.00']);
  });

  test('本年收入合计 A 万元中：its items are its own, not the 收入总计 listed before', () => {
    const text = '2024年收入总计1050.00万元，其中：本年收入合计1000.00万元，上年结转50.00万元。本年收入合计1000.00万元中：一般公共预算拨款收入1000.00万元，占100.00%。';
    const claims = readClaims([{ text, row: 2, col: 1 }], () => false, 2024);
    const listOf = (value: string) => {
      const c = claims.find((x) => x.kind === 'amount' && x.value.toFixed(2) === value && x.start > text.indexOf('。'));
      return c && c.kind === 'amount' ? c.listOf : undefined;
    };
    const opener = claims.findIndex((x) => x.kind === 'amount' && x.start > text.indexOf('。') && x.value.toFixed(2) === '1000.00');
    expect(listOf('1000.00')).not.toBe(opener);
    const item = claims.filter((x) => x.kind === 'amount' && x.start > text.lastIndexOf('中：'));
    expect(item[0].kind === 'amount' && item[0].listOf).toBe(opener);
  });

  test('an item’s own list in brackets: the next item’s share is of the whole the sentence heads', () => {
    expect(told(['2024年“三公”经费预算中，公务用车购置及运行费30.00万元（其中：公务用车购置费0.00万元，公务用车运行费30.00万元），占75.00%；公务接待费10.00万元，占25.00%。'])).toEqual([]);
  });
});

describe('a unit before a colon', () => {
  test('本级：… is 本级’s', () => {
    expect(told(['本级：2024年支出预算700.00万元，其中基本支出600.00万元，项目支出100.00万元。'])).toEqual([]);
  });
});

describe('what the readings above leave judged (a second reviewer’s cases)', () => {
  test('a part given the total’s change and rate (copied): its rate is told', () => {
    expect(told(['2024年支出预算1000.00万元，比上年增加50.00万元，增长5.26%。其中：项目支出200.00万元，较上年增加50.00万元，增长5.26%。'])).toEqual(['narrative-growth-rate A2 5.26→33.33']);
  });

  test('本部门经费总额 A，其中：… is the department’s: its split is judged', () => {
    expect(told(['2024年本部门经费总额1000.00万元，其中：一般公共预算拨款收入990.00万元。'])).toEqual(['narrative-vs-table A2 990.00→1000.00']);
  });

  test('a unit’s sentence whose clause after ；opens on the department: that clause is judged', () => {
    expect(told(['某某局所属某某中心2024年收入预算300.00万元；部门支出预算1000.00万元，其中基本支出810.00万元。'])).toEqual(['narrative-vs-table A2 810.00→800.00']);
  });

  test('the department named short (某某局 for 某某市某某局) is the department', () => {
    const found = audit(workbook(...tablesOf('某某市某某局'), sheet('情况说明', [['某某市某某局2024年部门预算情况说明'], ['某某局2024年基本支出810.00万元。']])))
      .findings.filter((f) => f.sheet === '情况说明' && f.severity !== 'info')
      .map((f) => `${f.rule} ${f.cell} ${f.actual}→${f.expected}`);
    expect(found).toEqual(['narrative-vs-table A2 810.00→800.00']);
  });

  test('a procurement table’s kind line over items named after it (一、货物 over 货物—办公设备): the kind’s figure is the line’s, not twice it', () => {
    const kindLines = () =>
      sheet(
        '政府采购预算表',
        [['2024年政府采购预算表'], ['部门：某某局', '单位：万元'], ['项目', '金额'], ['合计', 60], ['一、货物', 35], ['货物—办公设备', 35], ['二、服务', 25], ['服务—物业管理', 25]],
        { merges: ['A1:B1'] },
      );
    expect(told(['2024年政府采购预算60.00万元，其中：货物35.00万元，服务25.00万元。'], [kindLines()])).toEqual([]);
  });
});

describe('增加 … 增长 r% where the figures are exactly a fall', () => {
  test('the direction, written twice, is the slip: told at the change, not the right rate', () => {
    expect(told(['2024年“三公”经费预算40.00万元，比上年增加5.00万元，增长11.11%。'])).toEqual(['narrative-change A2 比上年增加5.00万元→null']);
  });

  test('a rate fitting neither way is the rate’s slip, as before', () => {
    expect(told(['2024年“三公”经费预算40.00万元，比上年增加5.00万元，增长15.00%。'])).toEqual(['narrative-growth-rate A2 15.00→14.29']);
  });
});

describe('an item’s words of what it covers (主要包括：…) open no list of figures', () => {
  test('the next item after ；is still the outer list’s, and judged', () => {
    expect(told(['2024年基本支出800.00万元，其中：人员经费700.00万元，主要包括：基本工资、津贴补贴等；公用经费90.00万元，主要包括：办公费、印刷费等。'])).toEqual([
      'narrative-vs-table A2 90.00→100.00',
    ]);
  });
});

test('an item’s direction written twice is told at the item, and its parent’s change, right once the item is turned, is not blamed', () => {
  expect(
    told([
      '2024年一般公共预算支出1000.00万元，比上年增加50.00万元。',
      '1.机关事业单位基本养老保险缴费支出（项）120.00万元，与上年持平。',
      '2.行政运行（项）600.00万元，比上年增加60.00万元，增长11.11%。',
      '3.一般行政管理事务（项）200.00万元，比上年增加10.00万元，增长4.76%。',
      '4.住房公积金（项）80.00万元，与上年持平。',
    ]),
  ).toEqual(['narrative-change A5 比上年增加10.00万元→null']);
});

test('the final accounts’ 政府采购情况表 (政府采购支出总额 | 政府采购货物支出 | 政府采购工程支出 | 政府采购服务支出): a kind told wrong is named against its column', () => {
  const table = () =>
    sheet(
      '政府采购',
      [
        ['政府采购情况表'],
        ['编制单位：某某局', null, null, null, '金额单位：万元'],
        ['项目', '政府采购支出总额', '政府采购货物支出', '政府采购工程支出', '政府采购服务支出'],
        ['合计', 43.1, 18.5, 0, 24.6],
      ],
      { merges: ['A1:E1'] },
    );
  expect(told(['2024年度政府采购支出总额43.10万元，其中：政府采购货物支出18.50万元，政府采购服务支出26.40万元。'], [table()])).toEqual(['narrative-vs-table A2 26.40→24.60']);
});

describe('template text and a zero written', () => {
  const placeholders = (line: string) =>
    audit(workbook(...BUDGET_TABLES.map((t) => t()), sheet('情况说明', [['某某局2024年部门预算情况说明'], [line]])))
      .findings.filter((f) => f.rule === 'text-placeholder')
      .map((f) => f.actual);

  test('【】 and one X where a figure goes are template text left in', () => {
    expect(placeholders('截至2023年底，共有车辆【】辆。')).toHaveLength(1);
    expect(placeholders('2024年接待国内来访团组X个。')).toHaveLength(1);
    expect(placeholders('2024年支出预算X万元。')).toHaveLength(1);
  });

  test('an X of a name or a code is not (X光机, 型号X5)', () => {
    expect(placeholders('2024年购置X光机1台，型号AX5。')).toEqual([]);
  });

  test('0 万元 where the table has money is told with the table’s figure, not a unit', () => {
    const found = audit(workbook(...BUDGET_TABLES.map((t) => t()), sheet('情况说明', [['某某局2024年部门预算情况说明'], ['2024年“三公”经费预算0.00万元。']]))).findings.filter(
      (f) => f.sheet === '情况说明' && f.severity === 'error',
    );
    expect(found.map((f) => [f.rule, f.expected, f.message.key])).toEqual([['narrative-vs-table', '40.00', 'narr.amount']]);
  });
});

test('another district’s unit of the same city (杭州市上城区司法局 in 杭州市西湖区司法局’s prose) is another unit’s name', () => {
  const named = (line: string) =>
    audit(workbook(...tablesOf('杭州市西湖区司法局'), sheet('情况说明', [['杭州市西湖区司法局2024年部门预算情况说明'], [line]])))
      .findings.filter((f) => f.rule === 'text-department')
      .map((f) => f.actual);
  expect(named('杭州市上城区司法局2024年收入预算1000.00万元。')).toEqual(['杭州市上城区司法局']);
  expect(named('西湖区司法局2024年收入预算1000.00万元。')).toEqual([]);
  expect(named('杭州市西湖区法律援助中心2024年收入预算300.00万元。')).toEqual([]);
});

describe('the second review of these readings', () => {
  test('a one-decimal rate cut short (增加 … 增长 1.4 % for 1.46 %) is the rate’s own slip, not the direction', () => {
    expect(told(['2024年机关运行经费预算100.00万元，比上年增加1.45万元，增长1.4%。'])).toEqual(['narrative-growth-rate A2 1.4→1.47']);
  });

  test('a reason’s ；followed by the next numbered item: that item is judged', () => {
    expect(told(['2024年支出预算1000.00万元，比上年增加50.00万元，增长5.26%，主要原因是业务增加；2.基本支出810.00万元，比上年增加30.00万元。'])).toContain('narrative-vs-table A2 810.00→800.00');
  });

  test('a reason opened on a colon, then ；and a figure of its own: judged', () => {
    expect(told(['2024年支出预算1000.00万元，比上年增加50.00万元，增长5.26%。主要原因是：业务经费增加；基本支出810.00万元。'])).toEqual(['narrative-vs-table A2 810.00→800.00']);
  });

  test('a sentence naming the department again under a unit’s heading is the department’s', () => {
    expect(told(['（一）某某中心', '收入预算300.00万元。', '综上，本部门2024年基本支出810.00万元。'])).toEqual(['narrative-vs-table A4 810.00→800.00']);
  });
});
