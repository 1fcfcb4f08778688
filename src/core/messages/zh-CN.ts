import type { Template } from './catalogue';

/**
 * Every sentence of the findings in Chinese, in finance wording. A finding's sentence names the
 * cell, the line and column in the table's own words, the figure, what it should be and against
 * what, in at most 80 characters; the arithmetic is in the details (detail.*), shown on demand.
 * `s` holds the rendered arguments, `a` the typed ones (for wording that depends on them).
 */
const gap = (s: Record<string, string>, a: Record<string, { t: string; v?: unknown }>): string =>
  s.diff ? `（${a.over && a.over.v === 1 ? '多' : '少'} ${s.diff}）` : '';
/** An expected change of nought: said as 持平, with no figure. */
const noChange = (a: Record<string, { t: string; v?: unknown }>): boolean => a.expected?.t === 'amount' && Number(a.expected.v) === 0;
const figure = (s: Record<string, string>): string => (s.actual !== undefined ? `${s.name} ${s.actual}` : `${s.name} 为空`);

export const ZH_CN = {
  // Amounts in and across tables.
  'sum.culprit': (s, a) => `${s.table} ${s.cell} ${figure(s)}，应为 ${s.expected}${gap(s, a)}：与${s.against}不符。`,
  'sum.total': (s) => `${s.table} ${s.cell} ${figure(s)}，不等于${s.parts} ${s.sum}（差 ${s.diff}）。`,
  'sum.cross': (s) => `${s.table} ${s.cell} ${figure(s)}，与 ${s.other} ${s.sum} 不符（差 ${s.diff}）。`,
  'sum.at-most': (s) => `${s.table} ${s.cell} ${figure(s)}，大于 ${s.other} ${s.sum}（多 ${s.diff}）。`,
  'sum.carryover': (s) => `${s.table} ${s.cell} ${figure(s)}，与 ${s.other} 差 ${s.diff}，恰为${s.carry}，请核实结转口径。`,
  'sum.tail': (s) => `${s.table} ${s.cell} ${figure(s)}，与 ${s.sum} 差 ${s.diff}，在尾数容差 ±${s.tolerance} 以内。`,
  'sum.suspect': (s, a) => `${s.table} ${s.cell} ${figure(s)}，疑为 ${s.expected}${gap(s, a)}：与本表其余各行的规律不符。`,
  'sum.swapped': (s) => `${s.table} ${s.cell} ${s.name} ${s.actual} 与 ${s.otherCell} ${s.other} ${s.otherValue} 疑似填反：两数对调后，${s.line} 两列的合计均相符。`,
  'sum.misplaced': (s) => `${s.table} ${s.cell} ${s.name} ${s.actual} 疑应填在 ${s.otherCell} ${s.other}（该格为空）：移过去后，${s.line} 两列的合计均相符。`,
  'sum.repeated-row': (s) => `${s.table} ${s.cell} ${s.name} ${s.amount}：第${s.row}行与第${s.twin}行完全相同，疑为重复录入（去掉后 ${s.line} 的合计相符）。`,
  'sum.copied-column': (s) => `${s.table} ${s.column} 列与 ${s.other} 列逐行相同，疑为整列复制：${s.count} 行的合计因此不符，请核对这两列。`,
  'sum.row-over': (s) => `${s.table} ${s.cell} ${s.name} 一行 ${s.count} 列都比其分项之和多 ${s.amount}，使 ${s.line} 也不符：此行数字疑有误，应为 ${s.expected} 等。`,
  'sum.row-under': (s) => `${s.table} ${s.cell} ${s.name} 一行 ${s.count} 列都比其分项之和少 ${s.amount}，使 ${s.line} 也不符：此行数字疑有误，应为 ${s.expected} 等。`,
  'sum.missing-row': (s) => `${s.table} ${s.cell} ${s.name} 有 ${s.count} 列比分项之和多 ${s.amount} 等，差额恰成一行：其下疑有一行数字有误、漏列或被覆盖${s.blank ?? ''}。`,
  'sum.extra-row': (s) => `${s.table} ${s.cell} ${s.name} 有 ${s.count} 列比分项之和少 ${s.amount} 等，差额恰成一行：其下疑有一行数字有误、多列或重复。`,
  'sum.blank-row': (s) => `${s.table} ${s.cell} ${s.name} 无数字，而 ${s.line} ${s.lineName} 有 ${s.count} 列比分项之和多 ${s.amount} 等，差额恰成一行：此行数字疑被删除、漏填，或错位粘贴到了下一行。`,
  'class.missing': (s) => `${s.table} 类 ${s.code} 合计 ${s.sum}，但 ${s.other} 没有类 ${s.code} 的行。`,
  'class.code': (s) => `${s.table} ${s.cell} 科目类 ${s.actual} 疑为 ${s.expected}：第${s.row}行 ${s.amount} 使两类各差此数。`,
  'class.label': (s) => `${s.table} ${s.cell}「${s.actual}」疑为「${s.expected}」：其金额 ${s.amount} 恰为类 ${s.code} 合计。`,
  'amount.unreadable': (s) => `${s.table} ${s.cell} 金额无法识别：「${s.actual}」，未参与核对。`,
  'amount.error-value': (s) => `${s.table} ${s.cell} 是公式错误值 ${s.actual}，未参与核对。`,
  'amount.uncalculated': (s) => `${s.table} ${s.cell} 等 ${s.count} 个公式单元格未保存计算结果（写出文件的程序未计算公式），未参与核对：请用 Excel 或 WPS 打开、重算并保存后再查。`,
  // Subject codes and names.
  'code.parent-missing': (s) => `${s.table} ${s.cell} 科目 ${s.actual} 的上级 ${s.parent} 不在表中，编码可能有误。`,
  'code.misplaced': (s) => `${s.table} ${s.cell} 科目 ${s.actual} 列在类 ${s.under} 之下，而类 ${s.own} 另有位置，编码可能有误。`,
  'code.placed-under': (s) => `${s.table} ${s.cell} 科目 ${s.actual} 列在 ${s.under} 之下，${s.under} 的金额加上它才相符，${s.own} 不加它才相符：编码可能有误。`,
  'code.parent-typo': (s) => `${s.table} ${s.cell} 科目编码 ${s.actual} 疑为 ${s.expected}：其下各行都以 ${s.expected} 开头。`,
  'code.name-differs': (s) => `${s.table} ${s.cell} 科目 ${s.code} 名为「${s.actual}」，${s.other} 为「${s.expected}」。`,
  'code.by-name': (s) => `${s.table} ${s.cell}「${s.name}」编码为 ${s.actual}，${s.other} 同名科目为 ${s.expected}。`,
  'code.by-name-tie': (s) => `${s.table} ${s.cell}「${s.name}」编码为 ${s.actual}，${s.other} 同名科目为 ${s.expected}：两表不一，无法判断孰误，请核对。`,
  'code.pairing': (s) => `${s.table} ${s.cell} 经济分类 ${s.actual} 与政府经济分类 ${s.gov} 同行，疑为 ${s.expected}。`,
  // The narrative against the tables (the quote is the phrase as printed).
  'narr.amount': (s) => `${s.table} ${s.cell}「${s.quote}」与 ${s.other} ${s.expected} ${s.unit}不符。`,
  'narr.amount-unit': (s) => `${s.table} ${s.cell}「${s.quote}」与 ${s.other} ${s.expected} ${s.unit}不符：按${s.right}计则相符，单位应为${s.right}。`,
  'narr.none': (s) => `${s.table} ${s.cell}「${s.quote}」，而 ${s.other} 为 ${s.expected} 万元。`,
  'rate.change': (s) => `${s.table} ${s.cell} ${s.name} ${s.actual}，应约为 ${s.expected}：（${s.current} − ${s.previous}）÷ ${s.previous}。`,
  'narr.rate': (s) => `${s.table} ${s.cell}「${s.quote}」应约为 ${s.expected}：${s.change} ÷ ${s.baseName} ${s.base}。`,
  'narr.rate-of-slipped-change': (s) => `${s.table} ${s.cell}「${s.quote}」与所写变化额不合（${s.change} ÷ ${s.baseName} ${s.base} 约为 ${s.expected}）；变化额若为 ${s.fixed}，则此比率无误。`,
  'narr.change': (s) => `${s.table} ${s.cell}「${s.quote}」应为 ${s.expected}：${s.current} 与${s.baseName} ${s.previous} 之差。`,
  'narr.change-previous': (s, a) => `${s.table} ${s.cell}「${s.quote}」应为${noChange(a) ? '持平' : `${s.way} ${s.expected}`}：${s.line} ${s.currentName} ${s.current} 减 ${s.previousName} ${s.previous}。`,
  'narr.rate-previous': (s) => `${s.table} ${s.cell}「${s.quote}」应约为 ${s.expected}：${s.line} ${s.currentName} ${s.current} 比 ${s.previousName} ${s.previous}。`,
  'narr.points': (s) => `${s.table} ${s.cell}「${s.quote}」应为 ${s.expected} 个百分点：${s.current} 与上年 ${s.previous} 之差。`,
  'narr.direction': (s) => `${s.table} ${s.cell}「${s.quote}」方向与所述变化相反（${s.expected}）。`,
  'narr.direction-change': (s) => `${s.table} ${s.cell}「${s.quote}」方向有误：按「${s.other}」计，应为${s.way}。`,
  'narr.direction-unclear': (s) => `${s.table} ${s.cell}「${s.quote}」与「${s.other}」方向不一致，请核对哪一处写反。`,
  'narr.direction-words': (s) => `${s.table} ${s.cell}「${s.quote}」与「${s.other}」：所写数字合乎${s.way}（上年应为 ${s.base}），疑方向写反。`,
  'narr.share': (s) => `${s.table} ${s.cell}「${s.quote}」应约为 ${s.expected}：${s.part} ÷ ${s.wholeName} ${s.whole}。`,
  'narr.shares-total': (s) => `${s.table} ${s.cell} 各项占比合计 ${s.actual}，应为 100%。`,
  'narr.completion': (s) => `${s.table} ${s.cell}「${s.quote}」应约为 ${s.expected}：${s.part} ÷ 预算 ${s.whole}。`,
  'narr.internal': (s) => `${s.table} ${s.cell}「${s.quote}」，而所列各项合计 ${s.expected}（差 ${s.diff}）。`,
  'narr.internal-item': (s) => `${s.table} ${s.cell}「${s.quote}」疑为 ${s.expected}：各项变化合计与${s.other}不符，且此项比率亦不符。`,
  'narr.change-sum': (s) => `${s.table} ${s.cell}「${s.quote}」，而其下各项变化合计 ${s.expected}（差 ${s.diff}）。`,
  'text.name': (s) => `${s.table} ${s.cell}「${s.actual}」与表中名称「${s.expected}」不一致。`,
  'text.reason-cutting': (s) => `${s.table} ${s.cell}「${s.actual}」与所述原因「${s.reason}」方向相反：原因说的是减少，请核对增减是否写反。`,
  'text.reason-adding': (s) => `${s.table} ${s.cell}「${s.actual}」与所述原因「${s.reason}」方向相反：原因说的是增加，请核对增减是否写反。`,
  'text.retired-name': (s) => `${s.table} ${s.cell}「${s.actual}」是类 ${s.code} 的旧名称，表中为「${s.expected}」，请按现行科目名称填写。`,
  'text.level': (s) => `${s.table} ${s.cell}「${s.actual}」级次有误：${s.code} 在表中是${s.level}，应为「${s.expected}」。`,
  'text.placeholder': (s) => `${s.table} ${s.cell}「${s.quote}」是模板遗留文字，请按实际情况改写。`,
  'text.year': (s) => `${s.table} ${s.cell}「${s.quote}」年份有误：本文件是 ${s.year} 年的${s.kind}。`,
  'text.department': (s) => `${s.table} ${s.cell}「${s.quote}」与表中单位「${s.expected}」不一致${s.times ? `（全文共 ${s.times} 处）` : ''}。`,
  'table.missing': (s) => `${s.table} 未见${s.kind}：${s.document}应公开此表。`,
  'table.note': (s) => `${s.table} ${s.cell} 空表说明写的是「${s.actual}」，本表是${s.kind}。`,
  'base.last-year': () => '上年',
  'direction.up': () => '增加',
  'direction.down': () => '减少',
  'way.up': () => '增加',
  'way.down': () => '减少',
  'base.budget': () => '预算数',
  'doc.budget': () => '部门预算',
  'doc.final-accounts': () => '部门决算',
  // The reading itself.
  'table.continued': (s) => `${s.table} 接 ${s.first} 续排（一张表分页）：其列合计及与其他表的核对未做，请人工核对。`,
  'table.continuedBeside': (s) => `${s.table} 从 ${s.cell} 起的右半栏接左半栏续排（一张表分两栏印）：其列合计及与其他表的核对未做，请人工核对。`,
  'table.unit': (s) => `${s.table} ${s.cell} 单位写的是「${s.actual}」，但本表数字与其他表按「${s.expected}」相符（${s.count} 项核对）。`,
  'table.unit-from-narrative': (s) => `${s.table} 等 ${s.count} 张表未注明金额单位，其数字与情况说明所述金额按「${s.unit}」相符，已按${s.unit}核对；请补上单位说明。`,
  'table.odd': (s) => `${s.table} 与 ${s.others} 共 ${s.count} 处不符，而 ${s.others} 与其他表相符、本表自身各项合计无误：不符之处应在本表（例如沿用了其他年度的数据），已在本表相应单元格逐一标出。`,
  'layout.doubtful': (s) => `${s.table} 的版式未能可靠识别（${s.checks} 项核对中 ${s.failing} 项不符），未作为错误报告，请人工核对。`,
  'layout.stacked': (s) => `${s.table} 的各行似为 ${s.levels} 级明细叠列（类、款、项或其下项目，未全标编码），各级之和均等于合计：版式未能可靠识别，未作为错误报告，请人工核对。`,
  // Details of a check (shown on demand).
  'rel.sum': (s) => `${s.stated} = ${s.parts}`,
  'rel.at-most': (s) => `${s.stated} ≤ ${s.parts}`,
  'rel.sum-long': (s) => `${s.stated} = ${s.first} … ${s.last}（${s.count} 项）之和`,
  'detail.check': (s) =>
    `${s.relation}：${s.stated} 对 ${s.sum}，差 ${s.diff}，容差 ±${s.tolerance}（区间 ${s.si} 与 ${s.pi} ${s.meet}）`,
  'detail.meet': () => '相交',
  'detail.apart': () => '不相交',
  'detail.empty': () => '（空）',
  'detail.blank-row': (s) => `（${s.cell} ${s.name} 一行无数字）`,
  'detail.parts': () => '各分项之和',
  'detail.and': () => '及',
  'detail.difference-of': (s) => `${s.from}减${s.less}`,
  'detail.balance-of': (s) => `${s.opening}加${s.income}减${s.spent}`,
  'detail.sum-of': (s) => `${s.items}之和`,
  'detail.rows-of-class': (s) => `${s.table} 类 ${s.code} 各行`,
} satisfies Record<string, Template>;
