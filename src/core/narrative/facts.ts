import type { DetectedTable, TableCell, TableColumn, TableRow } from '../table';
import { cleanLabel as withoutSpaces, withoutUnitMark } from '../detect/labels';
import { functionClassOfLine, stripOrdinal } from '../rules/toolkit/functionClasses';
import { grandTotalAtTotal, quantityAtTotal, tablesOf, totalRow, unnumberedClass } from '../rules/toolkit/crossTables';
import { grandTotalColumn, quantityColumns } from '../rules/toolkit/headerTree';
import { columnGroups, rowBlocks, rowCode } from '../rules/toolkit/rowStructure';
import { lineColumn, sideView, type Side } from '../rules/toolkit/sideLines';
import { columnMeasure, labelYear, ownFigureColumns, tableYear, thisYearColumns } from '../rules/toolkit/yearColumns';
import Decimal from 'decimal.js';
import { textMemo } from '../textMemo';
import type { CellRef } from '../finding';
import { gather } from '../rules/toolkit/gather';
import { amountColumns, bodyRows, cellRef, figureAt, tableShort, unitFactor, type Figure } from '../rules/toolkit/tableAccess';

/**
 * The figures of a disclosure's tables that its narrative talks about, each under the concept the
 * prose names it by: 收入总计, 基本支出, 人员经费, “三公”经费, 因公出国（境）费, a 类 of the functional
 * classification, a coded row (208 05 05 机关事业单位基本养老保险缴费支出) … A concept may have
 * several figures (基本支出 is in the 收支总表, the 支出表 and the 基本支出表); a claim agrees when it
 * agrees with any of them, since the tables are checked against each other by their own rules.
 */
/**
 * One figure of the tables as the prose sees it: in 万元, with the decimals it was rounded to (in
 * 万元 terms: a 元 table's 0.01 is 0.000001 万元), the cells it comes from (one cell, or the cells a
 * derived figure adds: 人员经费 = 301 + 303 where no column says it) and its name in the table's words.
 */
export interface Fact {
  value: Decimal;
  decimals: number;
  cells: CellRef[];
  table: DetectedTable;
  name: string;
  /** From a column headed 预算数 or 决算数 in a table that prints both (“三公” 预算数 | 决算数). */
  measure?: 'budget' | 'final';
  /** A summary's income line (一、一般公共预算财政拨款 under 收入): what came in, not what was spent. */
  side?: 'income';
  /** Read from a cell holding nothing readable (`#REF!`, a formula stored without its result), or a sum with such a part. */
  readonly unreadable: boolean;
}

export interface CodedRow {
  table: DetectedTable;
  row: number;
  code: string;
  name: string;
  level: '类' | '款' | '项';
  fact: Fact;
  /** Its name as names are compared (comparedName): every subject a narrative gives a path is held against every row. */
  compared: string;
}

export interface Facts {
  /** Figures by concept. */
  byConcept: Map<string, Fact[]>;
  /** Coded rows of the functional classification, every table that lists them. */
  coded: CodedRow[];
}

const LOG_WAN: Record<string, number> = { 元: 4, 千元: 1, 万元: 0, 亿元: -4 };

/**
 * A table figure as a fact: in 万元 (a table without a stated unit is read in 万元). A disclosure's
 * facts are gathered for every line a narrative might name and few are ever compared: the amount in
 * 万元 and the name are worked out when first asked for.
 */
class TableFact implements Fact {
  private wan?: Decimal;
  private named?: string;
  private refs?: CellRef[];

  constructor(
    readonly figure: Figure,
    readonly measure?: 'budget' | 'final',
    readonly side?: 'income',
  ) {}

  get table(): DetectedTable {
    return this.figure.table;
  }

  get value(): Decimal {
    return (this.wan ??= inWan(this.figure));
  }

  get decimals(): number {
    return this.figure.grain + (LOG_WAN[this.figure.table.unit ?? '万元'] ?? 0);
  }

  get cells(): CellRef[] {
    return (this.refs ??= [cellRef(this.figure)]);
  }

  get name(): string {
    return (this.named ??= `${tableShort(this.figure.table)} ${this.figure.name}`.trim());
  }

  /** Its cell holds nothing readable (`#REF!`, a formula stored without its result): no fact to hold the text to. */
  get unreadable(): boolean {
    return this.figure.unreadable;
  }

  /** Of the same cell as another table fact: its sheet, row and column (no address written to tell). */
  sameCellAs(o: TableFact): boolean {
    return this.figure.table.sheet === o.figure.table.sheet && this.figure.row === o.figure.row && this.figure.col === o.figure.col;
  }
}

/** Two facts of the same cells: a figure is gathered once under a concept, whichever way it was reached. */
function sameCells(x: Fact, f: Fact): boolean {
  if (x instanceof TableFact && f instanceof TableFact) return x.sameCellAs(f);
  return x.cells[0].sheet === f.cells[0].sheet && x.cells[0].cell === f.cells[0].cell && x.cells.length === f.cells.length;
}

/**
 * A table figure in 万元: its value × the table's unit in 元 ÷ 10000, as one product. The unit is a power
 * of ten, so the factor's digits are a 1 and multiplying by it only moves the point — rounded to
 * Decimal's 20 digits, where it must be, the same as the product and quotient were (a division
 * was most of what a fact's value cost). A 万元 table's figure is its own value.
 */
function inWan(f: Figure): Decimal {
  const unit = unitFactor(f.table);
  let factor = WAN_FACTORS.get(unit);
  if (!factor) WAN_FACTORS.set(unit, (factor = unit.div(10000)));
  return factor.eq(1) && f.value.precision() <= 20 ? f.value : f.value.times(factor);
}

/** 万元 per displayed unit, by the table's 元 per unit (the toolkit keeps one Decimal of each). */
const WAN_FACTORS = new Map<Decimal, Decimal>();

/** The one table figure a fact is (a sum of rows is none). */
export function figureOfFact(f: Fact): Figure | undefined {
  return f instanceof TableFact ? f.figure : undefined;
}

export function factOf(f: Figure, qualifier: { measure?: Fact['measure']; side?: Fact['side'] } = {}): Fact {
  return new TableFact(f, qualifier.measure, qualifier.side);
}

/** A figure the tables hold only as a sum of rows (人员经费 = 301 + 303 in a table by economic code). */
function sumFact(parts: Figure[], name: string): Fact | undefined {
  return parts.length === 0 ? undefined : new SumFact(parts.map((p) => factOf(p)), name);
}

/**
 * A sum of table figures as one fact. Like a table fact, its amount is added up when first asked for:
 * most sums gathered (人员经费, 公用经费 of every basic-expenditure table) are never compared.
 */
class SumFact implements Fact {
  private total?: Decimal;
  readonly decimals: number;
  readonly cells: CellRef[];
  readonly table: DetectedTable;
  readonly name: string;

  constructor(
    private readonly parts: Fact[],
    name: string,
  ) {
    let decimals = Infinity;
    const cells: CellRef[] = [];
    for (let k = 0; k < parts.length; k++) {
      decimals = Math.min(decimals, parts[k].decimals);
      const own = parts[k].cells;
      for (let n = 0; n < own.length; n++) cells.push(own[n]);
    }
    this.decimals = decimals;
    this.cells = cells;
    this.table = parts[0].table;
    this.name = `${tableShort(this.table)} ${name}`;
  }

  get value(): Decimal {
    return (this.total ??= this.parts.reduce((s, f) => s.plus(f.value), new Decimal(0)));
  }

  get unreadable(): boolean {
    return this.parts.some((p) => p.unreadable);
  }
}

/** Tables listing coded rows, in the order a narrative's subject is best compared with them. */
export const FUNCTION_TABLES = ['general-budget-expenditure', 'fiscal-appropriation-expenditure', 'expenditure', 'gov-fund-expenditure', 'state-capital-expenditure', 'income'] as const;

/** Names compared as people write them: no spaces, brackets of either width, a trailing 支出 optional. */
export function sameName(a: string, b: string): boolean {
  return sameCompared(comparedName(a), comparedName(b));
}

/** sameName of two names already in their compared form (comparedName). */
export function sameCompared(x: string, y: string): boolean {
  return !!x && !!y && (x === y || (x.length >= 4 && y.length >= 4 && (x.startsWith(y) || y.startsWith(x))));
}

/**
 * A name as sameName compares it. Every claim's subject is compared with every coded row's name:
 * each name is folded once (the few thousand names of a disclosure are kept, then let go).
 */
export function comparedName(s: string): string {
  return comparedNames(s);
}

const NAMES_KEPT = 20_000;

const comparedNames = textMemo((s) => exactName(s).replace(/(支出|经费)$/, ''), NAMES_KEPT);

/** A name as written, only its spaces, quotes, brackets' width and 其它 evened out: no suffix taken off (comparedName takes 支出 / 经费 off). */
export function exactName(s: string): string {
  return withoutSpaces(s).replace(/其它/g, '其他').replace(/[（(]/g, '(').replace(/[）)]/g, ')').replace(/["“”]/g, '');
}

/** The figure of a table's one line with figures, in its grand-total column (none where it has more lines, or a 合计). */
function lonelyLine(t: DetectedTable): Figure | undefined {
  const col = grandTotalColumn(t);
  const lines = bodyRows(t).filter((r) => Object.values(r.cells).some((c) => c?.amount.kind === 'amount'));
  return col && lines.length === 1 && lines[0].role === 'detail' ? figureAt(t, lines[0].row, col.col) : undefined;
}

/** A 事业单位's kinds of spending beside 基本支出 and 项目支出: their concept, the words of a line or column, their name. */
const INSTITUTION_SPENDING = [
  ['remit-expenditure', /^上缴上级支出/, '上缴上级支出'],
  ['operating-expenditure', /^经营支出/, '经营支出'],
  ['subsidiary-expenditure', /^对附属单位补助支出/, '对附属单位补助支出'],
] as const;

/** The quantities of an expenditure table's 合计 row, with the words naming them (made once: a literal in the loop was a new list and patterns per table). */
const TOTAL_QUANTITIES = [
  ['basic', /基本支出/, '基本支出'],
  ['project', /项目支出/, '项目支出'],
  ['personnel', /人员经费/, '人员经费'],
  ['public', /公用经费/, '公用经费'],
  ['reserve', /预留机动/, '预留机动经费'],
  // A 事业单位's other kinds of spending, beside 基本支出 and 项目支出 (公开03表: 上缴上级支出 | 经营支出 | 对附属单位补助支出).
  ...INSTITUTION_SPENDING,
] as const;

/** …and of a basic-expenditure table's. */
const BASIC_QUANTITIES = [
  ['personnel', /人员经费/, '人员经费'],
  ['public', /公用经费/, '公用经费'],
] as const;

export function buildFacts(tables: DetectedTable[]): Facts {
  const byConcept = new Map<string, Fact[]>();
  const addFact = (concept: string, f: Fact | undefined) => {
    // (Read as 0, such a figure would contradict any text.)
    if (!f || f.unreadable) return;
    const list = byConcept.get(concept) ?? [];
    if (!list.some((x) => sameCells(x, f))) list.push(f);
    byConcept.set(concept, list);
  };
  const add = (concept: string, f: Figure | undefined, side?: 'income') => addFact(concept, f ? factOf(f, { side }) : undefined);
  const coded: CodedRow[] = [];

  for (const t of tables) if (t.kind === 'income-expenditure-summary' || t.kind === 'fiscal-appropriation-summary') summaryFacts(t, add);
  for (const kind of FUNCTION_TABLES) for (const t of tablesOf(tables, kind)) codedFacts(t, coded, addFact);
  // Quantities of the expenditure tables' 合计 rows (基本支出, 项目支出, 人员经费 …).
  for (const t of [...tablesOf(tables, 'expenditure'), ...tablesOf(tables, 'general-budget-expenditure'), ...tablesOf(tables, 'fiscal-appropriation-expenditure')]) {
    const total = grandTotalAtTotal(t);
    add(t.kind === 'expenditure' ? 'total-expenditure-year' : t.kind === 'general-budget-expenditure' ? 'general-budget-expenditure' : 'fiscal-expenditure', total);
    for (const [concept, re, name] of TOTAL_QUANTITIES) {
      // Named in the table's words: the message reads 「公开05表 项目支出」, never the concept's id.
      const figs = quantityAtTotal(t, re, name);
      // A quantity printed as its columns only (人员经费 = 工资福利支出 + 对个人和家庭的补助) is their sum.
      if (figs && figs.length === 1) add(concept, figs[0]);
      else if (figs && figs.length > 1) addFact(concept, sumFact(figs, name));
    }
  }
  for (const t of [...tablesOf(tables, 'basic-expenditure'), ...tablesOf(tables, 'fiscal-appropriation-basic-expenditure')]) {
    // A table of side-by-side groups (公开06表) has no grand total: its 基本支出 is 人员经费合计 + 公用经费合计.
    if (columnGroups(t).length <= 1) add('basic', grandTotalAtTotal(t));
    for (const [concept, re, name] of BASIC_QUANTITIES) {
      const figs = quantityAtTotal(t, re, name);
      if (figs && figs.length === 1) add(concept, figs[0]);
    }
    groupTotals(t, add, addFact);
    econClassFacts(t, addFact);
  }
  // 财政拨款(收入) as an income table's column (公开02表: 财政拨款收入 | 事业收入 | …): all the appropriations, of every fund.
  for (const t of tablesOf(tables, 'income')) {
    const figs = quantityAtTotal(t, /^财政拨款(收入)?(小计|合计)?$/, '财政拨款收入');
    if (figs && figs.length === 1) add('fiscal-income', figs[0]);
  }
  for (const t of tablesOf(tables, 'three-public')) {
    threePublicFacts(t, addFact);
    threePublicRows(t, addFact);
  }
  // (A table of one line, 机关运行经费 | 本年 | 上年 | 增减额 | 增减率, has no 合计 row: its one line is the figure.)
  for (const t of tablesOf(tables, 'operating-cost')) add('operating-cost', grandTotalAtTotal(t) ?? lonelyLine(t));
  for (const t of tablesOf(tables, 'government-procurement')) procurementFacts(t, add, addFact);
  for (const t of tablesOf(tables, 'project-expenditure')) add('project', grandTotalAtTotal(t));
  // A fund's table of final accounts (年初结转和结余 | 本年收入 | 本年支出 | 年末): its 本年支出, never the carry-over first.
  const fundSpending = (t: DetectedTable): Figure | undefined => {
    const row = totalRow(t);
    const spent = amountColumns(t).filter((c) => /^本年支出/.test(withoutSpaces(c.headerPath[0] ?? '')));
    const col = spent.find((c) => c.headerPath.length === 1 || /^(小计|合计)$/.test(withoutSpaces(c.headerPath[c.headerPath.length - 1] ?? ''))) ?? (spent.length === 1 ? spent[0] : undefined);
    if (row && col) return figureAt(t, row.row, col.col);
    return amountColumns(t).some((c) => /结转|结余/.test(c.headerPath.join(''))) ? undefined : grandTotalAtTotal(t);
  };
  for (const t of tablesOf(tables, 'gov-fund-expenditure')) add('gov-fund', fundSpending(t));
  for (const t of tablesOf(tables, 'state-capital-expenditure')) add('state-capital', fundSpending(t));
  const facts = { byConcept, coded };
  otherMoneyTables.set(facts, tables);
  return facts;
}

/**
 * The tables a disclosure's facts were gathered from, for the quantities of another money: gathered
 * when a claim first names one (其他资金项目支出), as few narratives do. Only otherMoneyFacts makes those
 * concepts (project@其他资金), so gathered apart they are the same figures in the same order.
 */
const otherMoneyTables = new WeakMap<Facts, DetectedTable[]>();
const otherMoneyKept = new WeakMap<Facts, Map<string, Fact[]>>();

function otherMoneyFactsOf(facts: Facts): Map<string, Fact[]> {
  let byConcept = otherMoneyKept.get(facts);
  if (byConcept) return byConcept;
  byConcept = new Map<string, Fact[]>();
  const found = byConcept;
  const add: Add = (concept, f) => {
    if (!f) return;
    const fact = factOf(f);
    const list = found.get(concept) ?? [];
    if (!list.some((x) => sameCells(x, fact))) list.push(fact);
    found.set(concept, list);
  };
  const tables = otherMoneyTables.get(facts) ?? [];
  // A quantity of money other than the appropriations' (其他资金项目支出): a column of that money only.
  for (const t of [...tablesOf(tables, 'project-expenditure'), ...tablesOf(tables, 'expenditure')]) otherMoneyFacts(t, add);
  otherMoneyKept.set(facts, byConcept);
  return byConcept;
}

type Add = (concept: string, f: Figure | undefined, side?: 'income') => void;

/**
 * Money other than the appropriations' the words name, as the tables and the prose name it (none,
 * one, or several). Each name is its own money: 其他资金 and 单位资金 are not told to be one (a table
 * may group them otherwise).
 */
export function otherMoneysOf(words: string): string[] {
  const w = withoutSpaces(words).replace(/其它/g, '其他');
  // (A loop: asked for every claim of a quantity, a filter and a map of destructured pairs cost more than the tests.)
  const out: string[] = [];
  for (let k = 0; k < OTHER_MONEY.length; k++) if (OTHER_MONEY[k][1].test(w)) out.push(OTHER_MONEY[k][0]);
  return out;
}

const OTHER_MONEY: Array<[string, RegExp]> = [
  ['非财政拨款', /非财政拨款/],
  ['其他资金', /其他资金/],
  ['单位资金', /单位资金/],
  ['自有资金', /自有资金/],
  ['经营收入', /经营收入/],
  ['事业收入', /事业收入/],
  ['其他收入', /其他收入/],
  ['上级补助收入', /上级补助收入/],
  ['附属单位上缴收入', /附属单位上缴收入/],
  ['财政专户管理资金', /财政专户/],
];

/** The quantities a column of one money's spending may be (项目支出 of 其他资金 …), by the words above it. */
const QUANTITY_WORDS: Array<[string, RegExp]> = [
  ['basic', /基本支出/],
  ['project', /项目支出/],
  ['personnel', /人员经费/],
  ['public', /公用经费/],
];

/**
 * The figures of another money's quantities (`project@其他资金`): a column of the 合计 row headed by
 * that money, in a 项目支出表 (all its columns are 项目支出) or a 支出表 whose column also names the
 * quantity (项目支出 > 其他资金). Where several columns are that money's (其他资金 > 事业收入 | 其他收入),
 * its own 小计/合计 column, else none: a figure the table does not print is not made up.
 */
function otherMoneyFacts(t: DetectedTable, add: Add): void {
  const row = totalRow(t);
  if (!row) return;
  const found = new Map<string, TableColumn[]>();
  for (const c of thisYearColumns(t, amountColumns(t))) {
    const path = c.headerPath.map((h) => withoutSpaces(h));
    const named = QUANTITY_WORDS.filter(([, re]) => path.some((h) => re.test(h))).map(([q]) => q);
    const quantities = named.length > 0 ? named : t.kind === 'project-expenditure' ? ['project'] : [];
    // A 项目支出表's 基本支出 column is no project figure; a column naming two quantities is neither.
    if (quantities.length !== 1 || (t.kind === 'project-expenditure' && quantities[0] !== 'project')) continue;
    // Each heading naming one money (其他资金 > 事业收入: the column is of both).
    const moneys = new Set<string>();
    for (let k = 0; k < path.length; k++) {
      const named = otherMoneysOf(path[k]);
      if (named.length === 1) moneys.add(named[0]);
    }
    for (const m of moneys) {
      const key = `${quantities[0]}@${m}`;
      found.set(key, [...(found.get(key) ?? []), c]);
    }
  }
  for (const [key, cols] of found) {
    const col = cols.length === 1 ? cols[0] : cols.find((c) => /^(小计|合计)$/.test(withoutSpaces(c.headerPath[c.headerPath.length - 1] ?? '')));
    if (col) add(key, figureAt(t, row.row, col.col));
  }
}

/**
 * A table by economic code with no 人员经费 / 公用经费 column: 人员经费 is 301 + 303, 公用经费 the
 * other classes (302, 307, 310, 399 …), as the classification defines them.
 */
function econClassFacts(t: DetectedTable, add: (concept: string, f: Fact | undefined) => void): void {
  const groups = columnGroups(t);
  // Side by side (公开06表: 人员经费 | 公用经费 blocks, each its codes and its one figure column): each block's classes.
  if (groups.length > 1) {
    for (const g of groups) if (g.codeColumn && g.amountColumns.length === 1) classFacts(t, g, g.amountColumns[0].col, add);
    return;
  }
  const col = grandTotalColumn(t);
  if (!col) return;
  classFacts(t, undefined, col.col, add);
  const classes = bodyRows(t).filter((r) => r.econCode && r.econCode.length === 3);
  if (classes.length === 0) return;
  const fig = (r: (typeof classes)[number]) => figureAt(t, r.row, col.col);
  add('personnel', sumFact(classes.filter((r) => r.econCode === '301' || r.econCode === '303').map(fig), '人员经费（301+303）'));
  add('public', sumFact(classes.filter((r) => r.econCode !== '301' && r.econCode !== '303').map(fig), '公用经费'));
}

/**
 * Each economic class's own figure (工资福利支出 301, 商品和服务支出 302 …) in column `col`: what 基本支出's
 * economic breakdown lists. A table printing only the 款 (30101 基本工资 …) gives each class as the sum of its 款.
 */
function classFacts(t: DetectedTable, group: ReturnType<typeof columnGroups>[number] | undefined, col: number, add: (concept: string, f: Fact | undefined) => void): void {
  const coded = bodyRows(t)
    .map((r) => ({ row: r.row, code: rowCode(t, r, group) ?? '' }))
    .filter((r) => /^3\d{2}(\d{2})?$/.test(r.code));
  const classes = coded.filter((r) => r.code.length === 3);
  if (classes.length > 0) {
    for (const r of classes) add(`econ:${r.code}`, factOf(figureAt(t, r.row, col)));
    return;
  }
  const byClass = new Map<string, Figure[]>();
  for (const r of coded) {
    const lei = r.code.slice(0, 3);
    const list = byClass.get(lei);
    if (list) list.push(figureAt(t, r.row, col));
    else byClass.set(lei, [figureAt(t, r.row, col)]);
  }
  for (const [lei, parts] of byClass) add(`econ:${lei}`, sumFact(parts, `${CLASS_NAMES[lei] ?? lei}（${lei} 各款之和）`));
}

/**
 * An income line's concept by its words, the first that matches (in this order: 一般公共预算 before
 * 财政拨款). Made once: as literals in lineConcepts, each line of every summary made a dozen patterns.
 */
const INCOME_LINES: Array<[RegExp, string]> = [
  [/一般公共预算/, 'general-budget'],
  [/政府性基金/, 'gov-fund'],
  [/国有资本/, 'state-capital'],
  [/财政专户/, 'special-account'],
  [/^事业收入/, 'business-income'],
  [/经营收入/, 'operating-income'],
  [/^其他收入/, 'other-income'],
  [/^其他资金/, 'other-funds'],
  [/附属单位上缴/, 'subsidiary-income'],
  [/上级补助/, 'grant-income'],
  [/^财政拨款/, 'fiscal-income'],
  // (一般公共预算 / 其中：财政拨款 — the own level's appropriations beside 上级转移支付: a 财政拨款收入 of the text may be it.)
  [/^其中[:：]?财政拨款(?:收入)?$/, 'fiscal-income'],
];
function incomeLine(l: string): string | undefined {
  for (let k = 0; k < INCOME_LINES.length; k++) if (INCOME_LINES[k][0].test(l)) return INCOME_LINES[k][1];
  return undefined;
}

const CARRY_IN_LINE = /上年(财政拨款)?结转|年初(财政拨款)?结转/;
/** 一、本年支出 (its number taken off): the year's spending line. */
const YEAR_EXPENDITURE_LINE = /^(本年|当年)支出(合计|小计)?$/;
/** 一、本年收入 (its number taken off): the year's line, numbered as the first of the side's lines. */
const YEAR_INCOME_LINE = /^(本年|当年)收入(合计|小计)?$/;
const CARRY_OUT_LINE = /结转下年|年[末终](财政拨款)?结转/;
const APPROPRIATIONS = /财政拨款/;
const BASIC_LINE = /^基本支出/;
const PROJECT_LINE = /^项目支出/;
const RESERVE_LINE = /预留机动/;
/** A line opening on a 事业单位's kind of spending (INSTITUTION_SPENDING's words, any of them). */
const INSTITUTION_LINE = /^(?:上缴上级支出|经营支出|对附属单位补助支出)/;
/** The concept of a 事业单位's kind of spending its words open on (经营支出 …), if they do. */
function institutionSpending(words: string): string | undefined {
  return INSTITUTION_SPENDING.find(([, re]) => re.test(words))?.[0];
}

/** What a summary line is called in concepts: its kind of line and its words. */
function lineConcepts(label: string, side: Side, kind: string, fiscal: boolean, finalAccounts: boolean): string[] {
  const l = withoutSpaces(stripOrdinal(label));
  const out: string[] = [];
  // (The appropriations' 收入总计 is theirs, not the department's: a department with other money or a carry-over prints a
  // larger one in its 收支总表. Where it has no 收支总表, the department's totals fall back to it: CONCEPT_FALLBACK.)
  if (kind === 'grand' && !fiscal) out.push(side === 'income' ? 'total-income' : 'total-expenditure');
  if (kind === 'year') out.push(side === 'income' ? 'total-income-year' : 'total-expenditure-year');
  if (fiscal && kind === 'grand') out.push('fiscal-total');
  // 财政拨款收入 is said of the year's (本年财政拨款收入 = 一、本年收入) and of the whole with the carry-over (收入合计):
  // a claim agrees with either line of the appropriations' summary.
  // (Not in final accounts: there the 总计 holds the 年初结转和结余 the year's income does not — NOT_IN_FINAL_ACCOUNTS.)
  if (fiscal && side === 'income' && ((kind === 'grand' && !finalAccounts) || kind === 'year' || YEAR_INCOME_LINE.test(l))) out.push('fiscal-income');
  // …and 财政拨款支出 of its spending lines the same way (本年支出合计; in a budget, 支出合计 with the carry-over too).
  if (fiscal && side === 'expenditure' && ((kind === 'grand' && !finalAccounts) || kind === 'year' || YEAR_EXPENDITURE_LINE.test(l))) out.push('fiscal-expenditure');
  if (side === 'income') {
    const named = incomeLine(l);
    if (named) out.push(named);
    else if (CARRY_IN_LINE.test(l)) out.push(fiscal || APPROPRIATIONS.test(l) ? 'fiscal-carry-in' : 'carry-in');
  } else {
    if (BASIC_LINE.test(l)) out.push('basic');
    else if (PROJECT_LINE.test(l)) out.push('project');
    else if (INSTITUTION_LINE.test(l)) out.push(institutionSpending(l)!);
    else if (RESERVE_LINE.test(l)) out.push('reserve');
    else if (CARRY_OUT_LINE.test(l)) out.push(fiscal || APPROPRIATIONS.test(l) ? 'fiscal-carry-out' : 'carry-out');
    // (Of the 类 lines only: every other line's label was looked up for nothing.)
    const lei = kind === 'level1' || kind === 'level2' ? functionClassOfLine(label) : kind === 'other' ? unnumberedClass(label) : undefined;
    if (lei) out.push(`class:${lei}`);
  }
  return out;
}

/** A fiscal summary's fund columns of spending, in the order their lines are read. */
const FUND_COLUMNS = [
  ['general-budget', /一般公共预算/],
  ['gov-fund', /政府性基金/],
  ['state-capital', /国有资本/],
] as const;
/** A fund column's concept as a fund's carry-over names it (fiscal-carry-out:gov-fund). */
const FUND_SUFFIX: Record<string, string> = { 'general-budget': 'general', 'gov-fund': 'gov-fund', 'state-capital': 'state-capital' };

function summaryFacts(t: DetectedTable, add: Add): void {
  const fiscal = t.kind === 'fiscal-appropriation-summary';
  const finalAccounts = /决算/.test(t.title ?? '');
  for (const side of ['income', 'expenditure'] as const) {
    const view = sideView(t, side);
    if (!view) continue;
    // The line's 合计 (first) column of this year: a fiscal summary's fund columns are other concepts.
    const first = ownFigureColumns(t, view.amountColumns)[0]?.col;
    // A fund's spending is its 本年支出合计 where the table prints one: its 总计 then also holds the
    // 年末结转和结余 (final accounts), which is no spending of the fund.
    const yearLine = view.lines.some((l) => l.kind === 'year');
    // Each fund's column, found once for the side's lines (a keyed view per line and fund was most of a line's cost).
    const fundColumns = fiscal && side === 'expenditure' ? FUND_COLUMNS.map(([concept, re]) => [concept, quantityColumns(t, re, 'expenditure')[0]] as const) : [];
    // The lines breaking a carry-over down by fund (年初财政拨款结转和结余 / 一般公共预算财政拨款 / 政府性基金预算财政拨款):
    // parts of the carry-over, no fund's income or spending.
    // (Each is that fund's carry-over: fiscal-carry-in:gov-fund, the figure a fund's own 上年结转 is held to.)
    let underCarry: string | undefined;
    for (const l of view.lines) {
      if (underCarry && l.kind !== 'grand' && l.kind !== 'year' && l.kind !== 'carry' && FUND_WORDS.test(l.label)) {
        add(`${underCarry}:${fundOf(l.label)}`, figureAt(t, l.row, lineColumn(l, first)));
        continue;
      }
      const concepts = lineConcepts(l.label, side, l.kind, fiscal, finalAccounts);
      underCarry = concepts.find((c) => c.includes('carry-'));
      // (…or in the fund columns of the carry-over's own line: 年末财政拨款结转和结余 | 8.10 | 25.00 | 0.)
      if (underCarry) for (const [concept, col] of fundColumns) if (col && col.col !== first) add(`${underCarry}:${FUND_SUFFIX[concept]}`, figureAt(t, l.row, lineColumn(l, col.col)));
      // 一、本年支出 heading its 类 lines: the year's 一般公共预算 spending, as its 本年支出合计 would be.
      if (fiscal && side === 'expenditure' && l.kind === 'level1' && /^本年支出(合计)?$/.test(withoutSpaces(stripOrdinal(l.label)))) {
        const col = fundColumns[0][1];
        if (col && col.col !== first) add('general-budget-expenditure', figureAt(t, l.row, lineColumn(l, col.col)));
      }
      if (concepts.length === 0) continue;
      const f = figureAt(t, l.row, lineColumn(l, first));
      for (const c of concepts) add(c, f, side === 'income' ? 'income' : undefined);
      if (fiscal && side === 'expenditure') {
        for (const [concept, col] of fundColumns) {
          if (col && (l.kind === 'year' || (l.kind === 'grand' && !yearLine)) && col.col !== first) {
            add(concept, figureAt(t, l.row, lineColumn(l, col.col)));
            // The year's 一般公共预算 spending is also 一般公共预算支出表's 合计: a claim agreeing with either
            // agrees (the two tables are compared by their own rule), so a pasted-in 05 does not blame the prose.
            if (concept === 'general-budget' && l.kind === 'year') add('general-budget-expenditure', figureAt(t, l.row, lineColumn(l, col.col)));
          }
          // (The 类 of the general budget's column only: looked up for every fund's, it was thrown away twice.)
          if (col && concept === 'general-budget' && l.kind !== 'grand' && l.kind !== 'year') {
            const lei = functionClassOfLine(l.label);
            if (lei) add(`class:${lei}`, figureAt(t, l.row, lineColumn(l, col.col)));
          }
        }
      }
    }
  }
}

const FUND_WORDS = /一般公共预算|政府性基金|国有资本/;

/** The fund a label names (一般公共预算 / 政府性基金 / 国有资本经营), as a carry-over's concept ends in it. */
function fundOf(label: string): string {
  return FUND_SUFFIX[FUND_COLUMNS.find(([concept, re]) => concept !== 'general-budget' && re.test(label))?.[0] ?? 'general-budget'];
}

/** The level a functional code stands at: 201 类, 20101 款, 2010101 项. */
function levelOf(code: string): CodedRow['level'] {
  return code.length === 3 ? '类' : code.length === 5 ? '款' : '项';
}

/** A functional code of a 类, 款 or 项 (201, 20101, 2010101). */
const FUNCTION_CODE = /^2\d{2}(\d{2}){0,2}$/;

function codedFacts(t: DetectedTable, coded: CodedRow[], addFact: (concept: string, f: Fact | undefined) => void): void {
  const col = grandTotalColumn(t);
  if (!col) return;
  const b = rowBlocks(t, columnGroups(t)[0]);
  // (Each unit's members one after another: gathered, not flatMapped element by element.)
  const rows = b.units.length > 0 ? gather(b.units, (u) => u.members) : b.details;
  // Under several units' lines a subject is printed once a unit: the department's figure is their sum (141.48 = 61.23 of
  // 本级 + 45.68 + 34.57), one coded row at its first line — never the first unit's alone.
  // (Each unit's own row stays too: a unit's paragraph — 某某中心：…（项）45.68 — states its own.)
  const byCode = new Map<string, { row: number; name: string; figures: Figure[] }>();
  for (const r of rows) {
    const code = r.row.functionCode;
    if (!code || !FUNCTION_CODE.test(code)) continue;
    const figure = figureAt(t, r.row.row, col.col);
    const name = withoutSpaces(r.row.label);
    const level = levelOf(code);
    coded.push({ table: t, row: r.row.row, code, name, level, fact: factOf(figure), compared: comparedName(name) });
    if (level === '类') addFact(`class:${code}`, factOf(figure));
    if (b.units.length < 2) continue;
    const seen = byCode.get(code);
    if (seen) seen.figures.push(figure);
    else byCode.set(code, { row: r.row.row, name, figures: [figure] });
  }
  for (const [code, { row, name, figures }] of byCode) {
    if (figures.length < 2) continue;
    const level = levelOf(code);
    const fact = sumFact(figures, `${name}（各单位合计）`)!;
    coded.push({ table: t, row, code, name, level, fact, compared: comparedName(name) });
    if (level === '类') addFact(`class:${code}`, fact);
  }
}

/** A basic-expenditure table in groups or blocks: 人员经费合计 and 公用经费合计 wherever their lines sit, and together 基本支出. */
function groupTotals(t: DetectedTable, add: Add, addFact: (concept: string, f: Fact | undefined) => void): void {
  let personnel: Figure | undefined;
  let pub: Figure | undefined;
  const ofLine = (cell: TableCell) => {
    // Asked of every cell of the table: both lines hold a 费, which no space can split. A figure is no
    // line's name, and its text is worked out (through its number format) only when read: not read here.
    if (cell.amount.kind === 'amount' || !cell.text.includes('费')) return undefined;
    const l = withoutSpaces(cell.text);
    return /^人员经费(合计)?$/.test(l) ? 'personnel' : /^公用经费(合计)?$/.test(l) ? 'public' : undefined;
  };
  for (const r of bodyRows(t)) {
    // (Put in column order only where the row has such a line: most rows have none.)
    const unsorted = Object.values(r.cells);
    if (!unsorted.some(ofLine)) continue;
    const cells = unsorted.sort((a, b) => a.col - b.col);
    for (const cell of cells) {
      const which = ofLine(cell);
      if (!which) continue;
      // Its figure: the first amount right of the label, before the next label.
      const next = cells.find((c) => c.col > cell.col && c.amount.kind === 'amount');
      if (!next) continue;
      const f = figureAt(t, r.row, next.col);
      if (which === 'personnel') personnel = f;
      else pub = f;
      add(which, f);
    }
  }
  if (personnel && pub && columnGroups(t).length > 1) addFact('basic', sumFact([personnel, pub], '人员经费合计 + 公用经费合计'));
}

/**
 * The row of a “三公” table holding this year's figures: its 合计 row, else its only or first row; a
 * table setting the years as rows (2024年预算数 | 2025年预算数 | 增减额) holds them in its own year's row,
 * and in none when that row cannot be told (the year before's or the change is never this year's).
 */
function thisYearRow(t: DetectedTable): TableRow | undefined {
  const total = totalRow(t);
  if (total) return total;
  // (A blank row left between the header and the figures is no row of them.)
  const rows = bodyRows(t).filter((r) => Object.values(r.cells).some((c) => c?.text));
  const year = tableYear(t, rows.map((r) => r.label));
  const years = rows.map((r) => labelYear(r.label, year));
  if (years.every((y) => y === undefined)) return rows[0];
  const own = rows.filter((_, i) => years[i] === 'current');
  return own.length === 1 ? own[0] : undefined;
}

function threePublicFacts(t: DetectedTable, addFact: (concept: string, f: Fact | undefined) => void): void {
  const row = thisYearRow(t);
  if (!row) return;
  // 预算数 | 决算数 blocks side by side: each figure is of its block's measure.
  // (Its unit may be written in it: 预算数（万元）.)
  const blockOf = (c: TableColumn) => withoutUnitMark(withoutSpaces(c.headerPath[0] ?? ''));
  const both = amountColumns(t).some((c) => BUDGET_BLOCK.test(blockOf(c))) && amountColumns(t).some((c) => FINAL_BLOCK.test(blockOf(c)));
  const measureOf = (c: TableColumn): Fact['measure'] => (!both ? undefined : BUDGET_BLOCK.test(blockOf(c)) ? 'budget' : FINAL_BLOCK.test(blockOf(c)) ? 'final' : undefined);
  const add = (concept: string, f: Figure | undefined, c?: TableColumn) => {
    if (!f) return;
    const m = c && measureOf(c);
    addFact(concept, factOf(f, { measure: m || undefined }));
  };
  // Items as columns of this year (the year before's 合计 | 因公出国（境）费 … are not this year's).
  for (const c of thisYearColumns(t, amountColumns(t))) {
    const path = c.headerPath.map(withoutSpaces).join('>');
    const last = withoutUnitMark(withoutSpaces(c.headerPath[c.headerPath.length - 1] ?? ''));
    const f = figureAt(t, row.row, c.col);
    if (SUBTOTAL.test(last) && THREE_PUBLIC.test(c.headerPath[c.headerPath.length - 2] ?? '')) add('three-public', f, c);
    else if (TOTAL.test(last) && c.headerPath.length === 1 && !OPERATING.test(path)) add('three-public-and-more', f, c);
    if (ABROAD.test(last)) add('abroad', f, c);
    if (RECEPTION.test(last)) add('reception', f, c);
    if (VEHICLES.test(path) && SUBTOTAL_ONLY.test(last)) add('vehicles', f, c);
    if (VEHICLES_BOTH.test(last)) add('vehicles', f, c);
    if (PURCHASE.test(last) && VEHICLE_WORDS.test(path)) add('vehicle-purchase', f, c);
    if (RUNNING.test(last) && VEHICLE_WORDS.test(path) && !PURCHASE_AND_RUNNING.test(last)) add('vehicle-running', f, c);
    if (MEETINGS.test(last)) add('meetings', f, c);
    if (TRAINING.test(last)) add('training', f, c);
    if (OPERATING_COST.test(path)) add('operating-cost', f, c);
  }
  // A table of only the three items and their total (no 合计 over 会议费/培训费): the 合计 is the “三公” total.
  const threeOnly = !amountColumns(t).some((c) => MORE_THAN_THREE.test(c.headerPath.join('')));
  if (threeOnly) {
    const total = grandTotalColumn(t);
    if (total) add('three-public', figureAt(t, row.row, total.col), total);
    // 预算数 | 决算数 blocks, each with its own 合计: the 决算数 block's is the “三公” total too.
    for (const c of thisYearColumns(t, amountColumns(t))) {
      // (Items as rows under 预算数 | 决算数 columns: the 合计 row's 决算数.)
      const rowsLayout = t.columns.some((x) => x.role === 'label') && totalRow(t) !== undefined;
      if (measureOf(c) === 'final' && (rowsLayout || TOTAL.test(withoutUnitMark(withoutSpaces(c.headerPath[c.headerPath.length - 1] ?? ''))))) add('three-public', figureAt(t, row.row, c.col), c);
    }
  }
}

/**
 * The words of a “三公” table's columns, made once (as literals in the loop over its columns, each was
 * a new RegExp for every column).
 */
// (全年预算数 / 年初预算数 / 2023年预算数 | 决算数 / 实际支出数: the budget and what was spent, however named.)
const BUDGET_BLOCK = /^(?:(?:19|20)\d{2}年度?)?(?:本年|全年|年初|调整后?的?)?预算(?:数|金额)?$/;
const FINAL_BLOCK = /^(?:(?:19|20)\d{2}年度?)?(?:本年)?(?:决算|实际支出|支出决算)(?:数|金额)?$/;

const SUBTOTAL = /^(合计|小计)$/;
const SUBTOTAL_ONLY = /^小计$/;
const TOTAL = /^合计$/;
const THREE_PUBLIC = /三公/;
const OPERATING = /机关运行/;
const ABROAD = /因公出国/;
const RECEPTION = /公务接待/;
const VEHICLES = /公务用车/;
const VEHICLES_BOTH = /公务用车购置及运行/;
const PURCHASE = /购置费$/;
const VEHICLE_WORDS = /公务用车|车/;
const RUNNING = /运行(维护)?费$/;
const PURCHASE_AND_RUNNING = /购置及运行/;
const MEETINGS = /^会议费$/;
const TRAINING = /^培训费$/;
const OPERATING_COST = /运行经费/;
const MORE_THAN_THREE = /会议|培训|运行经费/;

/** A “三公” table with the items as rows (项目 | 本年预算数 | 上年预算数 | 增减): each item's line, in the first amount column. */
function threePublicRows(t: DetectedTable, addFact: (concept: string, f: Fact | undefined) => void): void {
  if (!t.columns.some((c) => c.role === 'label')) return;
  const cols = amountColumns(t);
  const head = (c: TableColumn) => withoutSpaces(c.headerPath.join(''));
  // Columns named by year (2025年预算数 | 2024年预算数): the table's own year's, else none.
  const dated = cols.filter((c) => /(19|20)\d{2}年/.test(head(c)));
  const year = tableYear(t, cols.flatMap((c) => c.headerPath));
  const first = dated.length > 0 ? dated.find((c) => year !== undefined && head(c).includes(`${year}年`)) : thisYearColumns(t, cols)[0];
  const ofAnotherYear = (c: TableColumn) => /上年|增减|比较/.test(head(c));
  if (!first || ofAnotherYear(first)) return;
  // 预算数 | 决算数 columns of this year: each item's figure in both, each of its measure (上年决算数 | 本年预算数 | 本年决算数:
  // the year before's 决算 is neither).
  const current = dated.length > 0 ? [first] : thisYearColumns(t, cols).filter((c) => !ofAnotherYear(c));
  const budget = current.find((c) => columnMeasure(head(c)) === '预算');
  const final = current.find((c) => columnMeasure(head(c)) === '决算');
  const measured: Array<[TableColumn, Fact['measure']]> = budget && final ? [[budget, 'budget'], [final, 'final']] : [[first, undefined]];
  for (const r of bodyRows(t)) {
    const l = withoutSpaces(r.label)
      .replace(OF_WHICH, '')
      .replace(ITEM_NUMBER, '')
      .replace(OF_WHICH, '');
    const concept = ROW_ABROAD.test(l)
      ? 'abroad'
      : ROW_RECEPTION.test(l)
        ? 'reception'
        : ROW_VEHICLES.test(l)
          ? 'vehicles'
          : ROW_PURCHASE.test(l)
            ? 'vehicle-purchase'
            : ROW_RUNNING.test(l)
              ? 'vehicle-running'
              : undefined;
    if (!concept) continue;
    for (const [c, measure] of measured) addFact(concept, factOf(figureAt(t, r.row, c.col), { measure }));
  }
}

// A “三公” table's item rows (其中：1．因公出国（境）费 …), made once: literals in the loop were new patterns per row.
const OF_WHICH = /^其中[:：]?/;
const ITEM_NUMBER = /^(\d{1,2}[、.．]|[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[）)])/;
const ROW_ABROAD = /^因公出国/;
const ROW_RECEPTION = /^公务接待/;
const ROW_VEHICLES = /^公务用车购置及运行/;
const ROW_PURCHASE = /^公务用车购置费?$/;
const ROW_RUNNING = /^公务用车运行(维护)?费?$/;

function procurementFacts(t: DetectedTable, add: Add, addFact: (concept: string, f: Fact | undefined) => void): void {
  add('procurement', grandTotalAtTotal(t));
  // Its kinds as columns of the 合计 row (项目 | 合计 | 货物 | 工程 | 服务: Jiangsu, Guangdong, a final accounts' 公开表).
  for (const [concept, re, name] of PROCUREMENT_COLUMNS) {
    const figs = quantityAtTotal(t, re, name);
    if (figs && figs.length === 1) add(concept, figs[0]);
  }
  const col = grandTotalColumn(t);
  if (!col) return;
  // Its kinds as lines (一、货物 …), or as the 采购类别 of each purchase listed (办公设备采购 | 货物; 物业管理服务 | 服务; 法律援助服务 |
  // 服务): a kind's figure is the sum of its lines.
  const byKind = new Map<string, Array<{ figure: Figure; alone: boolean }>>();
  for (const r of bodyRows(t)) {
    const l = withoutSpaces(r.label);
    for (const [concept, re] of PROCUREMENT_LINES) if (re.test(l)) byKind.set(concept, [...(byKind.get(concept) ?? []), { figure: figureAt(t, r.row, col.col), alone: KIND_ALONE.test(l) }]);
  }
  for (const [concept, lines] of byKind) {
    // (Summed only where each line is the kind's word alone, a 采购类别: a kind's line and its items named after it, 一、货物
    // over 货物—办公设备, are each a figure of the kind, as before.)
    if (lines.length > 1 && lines.every((x) => x.alone)) addFact(concept, sumFact(lines.map((x) => x.figure), lines.map((x) => x.figure.name).join(' + ')));
    else for (const x of lines) add(concept, x.figure);
  }
}

// (The national final accounts' 政府采购情况表 heads them 政府采购货物支出 | 政府采购工程支出 | 政府采购服务支出.)
const PROCUREMENT_COLUMNS = [
  ['procurement-goods', /^(?:政府采购)?货物(?:类|采购)?(?:预算|支出)?(?:金额)?$/, '货物'],
  ['procurement-works', /^(?:政府采购)?工程(?:类|采购)?(?:预算|支出)?(?:金额)?$/, '工程'],
  ['procurement-services', /^(?:政府采购)?服务(?:类|采购)?(?:预算|支出)?(?:金额)?$/, '服务'],
] as const;

// A procurement table's lines (一、货物, 工程 …), made once: literals in the loop were new patterns per row.
const GOODS = /^[一二三四五六七八九十]+、?货物|^货物/;
const WORKS = /^[一二三四五六七八九十]+、?工程|^工程/;
const SERVICES = /^[一二三四五六七八九十]+、?服务|^服务/;
/** A 采购类别 as written in its own column (货物, 服务类, 工程采购). */
const KIND_ALONE = /^(?:货物|工程|服务)(?:类|采购)?$/;
const PROCUREMENT_LINES: Array<[string, RegExp]> = [
  ['procurement-goods', GOODS],
  ['procurement-works', WORKS],
  ['procurement-services', SERVICES],
];

/** Quantities a subject may name (a 类 aside): two of them joined name no one figure. */
const QUANTITY_NAMES = [/人员经费/, /公用经费/, /基本支出/, /项目支出/, /因公出国/, /公务接待/, /公务用车/, /会议费/, /培训费/, /机关运行经费/];

/**
 * The concept a subject of the prose names, from its words (the documents' own vocabulary), or
 * undefined when it names none we can tie to a figure. Order matters: the most specific first.
 */
const PART_INSIDE = /^.{2,20}?(?:经费|支出|收入|资金|预算)中的?(.{2,})$/;

export function conceptOf(subjectRaw: string, context: { finalAccounts: boolean }): string | undefined {
  // A subject is read once per reading of it (budget or final accounts): the rules ask again and again.
  return (context.finalAccounts ? conceptsOfFinal : conceptsOfBudget)(subjectRaw);
}

const conceptsOfBudget = textMemo((s) => readConcept(s, { finalAccounts: false }), NAMES_KEPT);
const conceptsOfFinal = textMemo((s) => readConcept(s, { finalAccounts: true }), NAMES_KEPT);

function readConcept(subjectRaw: string, context: { finalAccounts: boolean }): string | undefined {
  const s = withoutSpaces(subjectRaw).replace(/["“”]/g, '').replace(/（/g, '(').replace(/）/g, ')');
  if (!s) return undefined;
  // Two quantities joined (人员经费和公用经费合计, 基本支出及项目支出): the figure is neither's.
  if (QUANTITY_NAMES.filter((re) => re.test(s)).length >= 2 && /[和及与、加]/.test(s.replace(/购置及运行/g, ''))) return undefined;
  // Two subjects' sum (社会保障和就业支出和卫生健康支出合计, …与…共计): neither's figure.
  if (/(?:支出|收入|经费)[和与及、].{2,}(?:支出|收入|经费)(?:合计|共计|小计|总计|之和)?$/.test(s)) return undefined;
  // A part named inside its whole (公用经费中办公费, 项目支出中的公务员医疗补助): the part's, not the whole's.
  const inner = PART_INSIDE.exec(s);
  if (inner) return readConcept(inner[1], context);
  if (/因公出国/.test(s)) return 'abroad';
  if (/公务接待/.test(s)) return /外宾|国内/.test(s) ? undefined : 'reception';
  if (/公务(用)?车(辆)?购置及运行/.test(s)) return 'vehicles';
  if (/公务(用)?车(辆)?购置/.test(s)) return 'vehicle-purchase';
  if (/公务(用)?车(辆)?运行/.test(s)) return 'vehicle-running';
  if (/三公经费/.test(s)) return 'three-public';
  if (/^会议费|会议费(预算)?(支出)?$/.test(s)) return 'meetings';
  if (/^培训费|培训费(预算)?(支出)?$/.test(s)) return 'training';
  if (/(机关|机构)(\(机构\))?运行经费/.test(s)) return 'operating-cost';
  if (/政府采购/.test(s)) {
    if (/货物/.test(s)) return 'procurement-goods';
    if (/工程/.test(s)) return 'procurement-works';
    if (/服务/.test(s)) return 'procurement-services';
    if (/中小企业|小微企业|合同/.test(s)) return undefined;
    return 'procurement';
  }
  if (/^拟(采购|购买)?货物/.test(s)) return 'procurement-goods';
  if (/^拟(采购|购买)?工程/.test(s)) return 'procurement-works';
  if (/^拟(采购|购买)?服务/.test(s)) return 'procurement-services';
  if (/绩效|资产|车辆|设备|转移支付|项目共|合同|授予|涉及/.test(s)) return undefined;
  // A kind within a part (在职人员经费, 离退休人员经费, 定额公用经费, 特定目标类项目支出): not the part's figure.
  if (KIND_WITHIN_PART.test(s)) return undefined;
  const econ = ECONOMIC_CLASSES.find(([re]) => re.test(s));
  if (econ) return `econ:${econ[1]}`;
  if (/人员经费/.test(s)) return 'personnel';
  if (/公用经费/.test(s)) return 'public';
  if (/预留机动/.test(s)) return 'reserve';
  // One fund's carry-over or total with it (政府性基金预算财政拨款年初结转和结余, 一般公共预算财政拨款收支总计): the tables print
  // it in that fund's column or sub-line only, which no concept holds — not the whole's.
  if (/结转|结余|总计/.test(s) && FUND_WORDS.test(s)) {
    // …but for its carry-over where the appropriations' summary breaks that down by fund (上年结转 / （一）一般公共预算拨款).
    if (/总计|收支|收、支/.test(s) || !/结转|结余/.test(s)) return undefined;
    const out = /结转下年|年[末终]/.test(s);
    return `${out ? 'fiscal-carry-out' : 'fiscal-carry-in'}:${fundOf(s)}`;
  }
  // The appropriations' carry-over (年初财政拨款结转和结余) is a part of all the money's (年初结转和结余), never it.
  if (/结转下年|年[末终](财政拨款)?结转/.test(s)) return /财政拨款/.test(s) ? 'fiscal-carry-out' : 'carry-out';
  if (/上年(财政拨款)?结转|年初(财政拨款)?结转/.test(s)) return /财政拨款/.test(s) ? 'fiscal-carry-in' : 'carry-in';
  // A part of a carry-over (基本支出结转, 项目支出结转和结余) is no spending of the year: no figure the tables print.
  if (/结转|结余/.test(s)) return undefined;
  // A 事业单位's other kinds of spending (事业单位经营支出 too; not the income side, 经营收入).
  const institution = institutionSpending(s.replace(/^事业单位(?=经营支出)/, ''));
  if (institution) return institution;
  if (/基本支出/.test(s)) return 'basic';
  if (/项目支出/.test(s) && !/项目支出(绩效|总额的)/.test(s)) return 'project';
  if (/政府性基金/.test(s)) return 'gov-fund';
  if (/国有资本经营/.test(s)) return 'state-capital';
  if (/财政专户/.test(s)) return 'special-account';
  if (/^(事业收入)/.test(s) || /[^经营]事业收入/.test(s)) return 'business-income';
  if (/经营收入/.test(s)) return 'operating-income';
  if (/^其他收入/.test(s)) return 'other-income';
  if (/^其他资金/.test(s)) return 'other-funds';
  if (/附属单位上缴/.test(s)) return 'subsidiary-income';
  if (/上级补助/.test(s)) return 'grant-income';
  // Totals of the whole disclosure: 收入总计, 收、支总计, 支出合计 …
  const income = /收入|收、?支|收支/.test(s);
  const spending = /支出|收、?支|收支/.test(s);
  // 非财政拨款收入 (what came in besides the appropriations): no line the tables print.
  if (/非财政拨款/.test(s)) return undefined;
  if (/财政拨款/.test(s) && /(总计|总预算|收、?支|收支)/.test(s) && !/一般公共预算/.test(s)) return 'fiscal-total';
  if (/一般公共预算/.test(s)) return /支出/.test(s) && !/收支|收、支|收入/.test(s) ? 'general-budget-expenditure' : 'general-budget';
  if (/财政拨款/.test(s)) return /收入/.test(s) ? 'fiscal-income' : /支出/.test(s) ? 'fiscal-expenditure' : undefined;
  if (/(总计|合计|总预算|总额|总收入|总支出)/.test(s) && !/其中/.test(s)) {
    // (本年度 is the document's year, 本年度部门收入总计 its whole total: not the year's own 本年收入.)
    if (/本年(?!度)|当年(?!度)/.test(s)) return income && !spending ? 'total-income-year' : 'total-expenditure-year';
    if (income && spending) return 'total-income';
    if (income) return 'total-income';
    if (spending) return 'total-expenditure';
  }
  // The year's own side named without 合计 (其中本年收入 X, 本年支出 Y): the 本年收入合计 / 本年支出合计 line.
  const yearSide = /^(?:其中)?(?:本?(?:部门|单位))?本年(收入|支出)(?:决算|预算)?数?$/.exec(s);
  if (yearSide) return yearSide[1] === '收入' ? 'total-income-year' : 'total-expenditure-year';
  // A budget's 收入预算, 部门预算收入, 单位收入预算: its whole side.
  const side = /^(?:(?:部门|单位)(?:预算)?|预算)?(收入|支出)(?:预算)?$/.exec(s);
  if (!context.finalAccounts && side && /部门|单位|预算/.test(s)) return side[1] === '收入' ? 'total-income' : 'total-expenditure';
  // A 类 named by its words: 社会保障和就业（类）支出, 卫生健康支出 — not a 款 or 项 named under it
  // (卫生健康（类）事业单位医疗（项）, 卫生健康支出中事业单位医疗, 一般公共服务支出-财政事务-行政运行).
  if (/[（(](?:款|项)[）)]|支出中.|[-—/／]./.test(s)) return undefined;
  const lei = functionClassOfLine(`一、${s.replace(/[（(]类[）)]/, '')}`);
  if (lei && /支出|\(类\)|（类）/.test(s) && s.length <= 20) return `class:${lei}`;
  return undefined;
}

/** The names of the economic classes (部门预算支出经济分类 类), for a class the tables print only as its 款. */
const CLASS_NAMES: Record<string, string> = { '301': '工资福利支出', '302': '商品和服务支出', '303': '对个人和家庭的补助', '310': '资本性支出' };

/** The economic classes 基本支出 is broken down by (部门预算支出经济分类 类): their names as written. */
const ECONOMIC_CLASSES: Array<[RegExp, string]> = [
  [/^工资福利(?:支出)?$/, '301'],
  [/^商品和服务(?:支出)?$/, '302'],
  [/^对个人和家庭(?:的)?补助(?:支出)?$/, '303'],
  [/^资本性支出(?:[（(]基本建设[）)])?$/, '310'],
];

// (…and the money of the year within a part, 当年安排 / 本年拨款 / 新安排 项目支出: the part less its carry-over.)
const KIND_WITHIN_PART = /(?:在职|离退休|退休|离休)人员经费|(?:定额|非定额)公用经费|(?:(?:其他)?运转类|特定目标类|人员类|新增|专项业务费?|一次性|当年安排的?|当年拨款(?:安排)?的?|本年拨款(?:安排)?的?|新安排的?)项目(?:支出)?/;

/**
 * A part of government procurement named short, as an item of its total's list (…政府采购预算总额 A，其中：货物类 a，
 * 工程采购 b，服务 c): outside such a list 服务 or 工程 alone names nothing of the tables.
 */
export function procurementPartOf(subject: string): string | undefined {
  const m = PROCUREMENT_PART.exec(withoutSpaces(subject));
  return m ? (m[1] === '货物' ? 'procurement-goods' : m[1] === '工程' ? 'procurement-works' : 'procurement-services') : undefined;
}

const PROCUREMENT_PART = /^(?:其中)?(货物|工程|服务)(?:类|采购)?(?:预算|支出)?数?$/;

/** The concepts whose figures may stand for one another when the tables hold nothing else. */
export const CONCEPT_FALLBACK: Record<string, string[]> = {
  'total-income': ['total-income-year', 'total-expenditure', 'fiscal-total'],
  'total-expenditure': ['total-expenditure-year', 'total-income', 'fiscal-total'],
  'total-income-year': ['total-income', 'total-expenditure-year'],
  'total-expenditure-year': ['total-expenditure', 'total-income-year'],
  'fiscal-total': ['fiscal-income', 'fiscal-expenditure', 'general-budget'],
  'fiscal-income': ['fiscal-total', 'general-budget'],
  'fiscal-expenditure': ['fiscal-total', 'general-budget-expenditure'],
  'general-budget': ['general-budget-expenditure'],
  'general-budget-expenditure': ['general-budget'],
  'three-public': ['three-public-and-more'],
  // Where only the appropriations' summary shows a carry-over, a plain 上年结转 is its.
  'carry-in': ['fiscal-carry-in'],
  'carry-out': ['fiscal-carry-out'],
};

/** Appropriations stand for 一般公共预算 money only where the tables show no other fund's. */
const FUND_CONCEPTS = ['gov-fund', 'state-capital'];
const ONLY_WITHOUT_OTHER_FUNDS: Record<string, string[]> = {
  'fiscal-total': ['general-budget'],
  'fiscal-income': ['general-budget'],
  'fiscal-expenditure': ['general-budget-expenditure'],
};

/**
 * Final accounts do not balance within a year: what came in is not what went out (结转和结余
 * stand between), and an appropriations' 收支总计 holds the carry-over its 本年收入 does not. There a
 * figure of one side, or of the year alone, never stands for another.
 */
const NOT_IN_FINAL_ACCOUNTS: Record<string, string[]> = {
  'total-income-year': ['total-expenditure-year'],
  'total-expenditure-year': ['total-income-year'],
  'fiscal-total': ['fiscal-income', 'fiscal-expenditure', 'general-budget'],
  'fiscal-income': ['fiscal-total'],
  'fiscal-expenditure': ['fiscal-total', 'general-budget-expenditure'],
  'general-budget': ['general-budget-expenditure'],
  'general-budget-expenditure': ['general-budget'],
};

/** Do the tables show money of a fund other than the general budget's (政府性基金, 国有资本经营)? */
function otherFundsShown(facts: Facts): boolean {
  // Asked for every claim of a quantity or a total: the answer of a disclosure's facts, kept with them.
  let shown = fundsShown.get(facts);
  if (shown === undefined) fundsShown.set(facts, (shown = FUND_CONCEPTS.some((c) => (facts.byConcept.get(c) ?? []).some((f) => !f.value.isZero()))));
  return shown;
}

const fundsShown = new WeakMap<Facts, boolean>();

/** Quantities every money has, printed in the tables of all the money and of each fund alike. */
const OF_ANY_MONEY = new Set(['basic', 'project', 'personnel', 'public', 'reserve']);

/**
 * The figures of a quantity named with its money (一般公共预算项目支出, 财政拨款基本支出, 政府性基金项目支出):
 * those of the tables of that money only — never the 支出表 of all the money, which holds what other
 * income paid for. The appropriations' tables stand for the general budget's, and its tables for
 * theirs, only where no other fund has money. Undefined when the words name no money (or the
 * quantity is one money's already): the caller reads the figures as usual. Empty when no table of
 * that money holds it.
 */
export function factsOfMoney(facts: Facts, concept: string, words: string): Fact[] | undefined {
  if (!OF_ANY_MONEY.has(concept)) return undefined;
  const w = withoutSpaces(words);
  // Another money's quantity (其他资金项目支出): only a column of that money holds it, never the
  // appropriations' tables nor all the money's; words naming both moneys are not judged.
  const other = otherMoneysOf(w);
  if (other.length > 0) return other.length > 1 || /一般公共预算|政府性基金|国有资本|(^|[^非])财政拨款/.test(w) ? [] : (otherMoneyFactsOf(facts).get(`${concept}@${other[0]}`) ?? []);
  const general = ['general-budget-expenditure', 'basic-expenditure'];
  const appropriations = ['fiscal-appropriation-summary', 'fiscal-appropriation-expenditure', 'fiscal-appropriation-basic-expenditure'];
  const alone = !otherFundsShown(facts);
  const kinds = /一般公共预算/.test(w)
    ? [...general, ...(alone ? appropriations : [])]
    : /政府性基金/.test(w)
      ? ['gov-fund-expenditure']
      : /国有资本/.test(w)
        ? ['state-capital-expenditure']
        : /财政拨款/.test(w)
          ? [...appropriations, ...(alone ? general : [])]
          : undefined;
  if (!kinds) return undefined;
  return (facts.byConcept.get(concept) ?? []).filter((f) => kinds.includes(f.table.kind));
}

export function factsFor(facts: Facts, concept: string, context: { finalAccounts: boolean } = { finalAccounts: false }): Fact[] {
  const own = facts.byConcept.get(concept) ?? [];
  if (own.length > 0) return own;
  const otherFunds = otherFundsShown(facts);
  for (const c of CONCEPT_FALLBACK[concept] ?? []) {
    if (otherFunds && ONLY_WITHOUT_OTHER_FUNDS[concept]?.includes(c)) continue;
    if (context.finalAccounts && NOT_IN_FINAL_ACCOUNTS[concept]?.includes(c)) continue;
    const f = facts.byConcept.get(c) ?? [];
    if (f.length > 0) return f;
  }
  return [];
}
