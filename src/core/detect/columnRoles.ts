import type { ColumnRole } from '../table';
import type { SheetGrid } from './sheetGrid';
import { lastOf, type HeaderColumn } from './headerBand';
import { isFigureText } from './rowClass';
import { charSet, isOneOf, trimmed } from './charTests';
import { packedFormat, packedValue } from '../packedCells';
import { packedText } from '../snapshot';
import { codeDigits } from './codes';
import { cleanLabel } from './labels';

interface BodyStats {
  amounts: number;
  codes: number;
  texts: number;
  first: { [digit: string]: number };
  /** How many codes of each length (3 for 类 208, 2 for 款 05). */
  lengths: { [length: number]: number };
}

function bodyStats(grid: SheetGrid, col: number, body: [number, number], skip?: ReadonlySet<number>, limit = 400): BodyStats {
  const s: BodyStats = { amounts: 0, codes: 0, texts: 0, first: {}, lengths: {} };
  const end = Math.min(body[1], body[0] + limit);
  const p = grid.packed;
  for (let r = body[0]; r <= end; r++) {
    if (skip?.has(r)) continue;
    // The cell's parts read where they are packed: no object per cell, asked of every column of a body.
    const i = grid.cellAt(r, col);
    if (i < 0) continue;
    const raw = packedValue(p, i);
    if (typeof raw === 'number') {
      // A number is judged by its value and format (its displayed text is not laid out). A whole
      // number without a money format is a code (codes typed as numbers); any other is an amount.
      if (Number.isInteger(raw) && raw >= 0 && !packedFormat(p, i).includes('0.0')) count(s, String(raw));
      else s.amounts++;
      continue;
    }
    const text = trimmed(packedText(p, i));
    // (A cell holding only spaces, as converters and exports leave blank cells, is blank: no text of the column.)
    if (!text && typeof raw !== 'boolean') continue;
    // Codes are digits as text (no point or separator).
    const code = codeDigits(raw, text);
    if (code !== '' && !/[.,，]/.test(text)) count(s, code);
    else if (typeof raw === 'boolean' || isFigureText(text)) s.amounts++;
    else s.texts++;
  }
  return s;
}

/** Is column `col` mostly written on rows that also carry a name in `names` (an attribute), not on lines of its own? */
function besideNames(grid: SheetGrid, col: number, names: number[], body: [number, number]): boolean {
  let beside = 0;
  let alone = 0;
  for (let r = body[0]; r <= Math.min(body[1], body[0] + 400); r++) {
    if (!trimmed(grid.text(r, col))) continue;
    if (names.some((c) => trimmed(grid.text(r, c)) !== '')) beside++;
    else alone++;
  }
  return beside > alone;
}

/** One more code, and its first digit. */
function count(s: BodyStats, code: string): void {
  s.codes++;
  s.first[code[0]] = (s.first[code[0]] ?? 0) + 1;
  s.lengths[code.length] = (s.lengths[code.length] ?? 0) + 1;
}

/**
 * What each column holds, from its header path first (科目编码 > 类, 行次, 单位代码,
 * 科目名称, 金额 …) and from its body when the header is silent.
 */
export function columnRoles(grid: SheetGrid, cols: HeaderColumn[], body: [number, number], skip?: ReadonlySet<number>): ColumnRole[] {
  const roles = cols.map((h) => roleOf(grid, h, body, skip));
  splitCodeColumns(grid, cols, roles, body, skip);
  // A kind's column (项目类别) written on the projects' own rows, beside their names (项目名称), is an attribute of
  // each row; written only on lines of its own (其他运转类 heading its projects), it names those lines, and alone it
  // names the rows.
  for (let i = 0; i < cols.length; i++) {
    if (roles[i] !== 'label' || !KIND_HEADERS.has(cleanLabel(cols[i].path[cols[i].path.length - 1] ?? ''))) continue;
    const names = cols.filter((_, k) => k !== i && roles[k] === 'label').map((c) => c.col);
    if (names.length && besideNames(grid, cols[i].col, names, body)) roles[i] = 'text';
  }
  return roles;
}

/**
 * Columns that hold numbers but not money, by their header: shares and rates, quantities and unit
 * prices (a purchase list's 数量 × 单价 = 金额 is not a sum), counts (a “三公” table's 批次（团组、辆） | 人次), a 国有资产 table's
 * quantities by their unit (房屋（平方米）, 土地（亩）, 专用设备（台/套）), scores, phone numbers, dates,
 * ages, identifiers (房间号, 工号, 凭证号) and spans of years (起止年限 2025-2027). Never summed.
 */
const NOT_MONEY = /占比|比重|比例|%|％|增长率|增减率|完成率|率$|数量|单价|价格|人数|件数|台数|个数|次数|批次|人次|团组|组数|辆数|车辆数|^\(?辆\)?$|[（(]辆[)）]|保有量|购置数|[（(](?:平方米|㎡|m²|m2|亩|公顷|台|套|台[/／、]?套|台[（(]套[)）]|个|人|户|家|处|栋|间|次)[)）]|面积|工时|天数|成绩|得分|分数|评分|名次|排名|电话|手机|分机|联系|号码|日期|时间|年月|年份|年龄|工龄|身份证|邮编|编号$|序列号|^单位$|计量单位|号$|年限|期限|起止|周期|房间|楼层/;

/** The last characters of the words below that name things (大类 … 事项): a header ending otherwise is none of them. */
const NAME_ENDINGS = charSet('类目名别式途容格号项');

/** What a line-number header (序号, 编号, 行号, No.) opens with: the short headers that do not (合计, 小计, 类) skip the pattern. */
const LINE_NO_FIRST = charSet('序编行Nn');

/** Headers of columns of words that are no names: 类型, 备注, 说明 … */
const TEXT_HEADERS: ReadonlySet<string> = new Set(['类型', '项目单位', '备注', '说明', '项目类型', '支出类型']);
/** A project's kind (其他运转类 / 特定目标类): an attribute beside its name, never the name — unless no other column names the rows. */
const KIND_HEADERS: ReadonlySet<string> = new Set(['项目类别', '项目分类', '资金性质']);

/** The parts a code's columns hold, left to right, by the role the one merged header gave them all. */
const SPLIT_ROLES: Partial<Record<ColumnRole, ColumnRole[]>> = {
  'function-code': ['function-lei', 'function-kuan', 'function-xiang'],
  'econ-code': ['econ-lei', 'econ-kuan'],
  'gov-econ-code': ['gov-econ-lei', 'gov-econ-kuan'],
};

/**
 * 类 | 款 | 项 in grid columns of their own under one merged 科目编码 header, no 类/款/项 row under it (as a PDF's
 * conversion leaves them): each column read as the whole code, every row took its 类 for its code, and the hierarchy
 * fell apart. Side by side under the same header, a column of 3-digit codes and one or two of 2-digit codes are the
 * code's parts.
 */
function splitCodeColumns(grid: SheetGrid, cols: HeaderColumn[], roles: ColumnRole[], body: [number, number], skip?: ReadonlySet<number>): void {
  for (let i = 0; i + 1 < cols.length; i++) {
    const parts = SPLIT_ROLES[roles[i]];
    if (!parts) continue;
    const header = cols[i].path.join('>');
    let n = 1;
    while (n < parts.length && i + n < cols.length && roles[i + n] === roles[i] && cols[i + n].col === cols[i].col + n && cols[i + n].path.join('>') === header) n++;
    if (n < 2) continue;
    const lengths = Array.from({ length: n }, (_, k) => mostSeenLength(bodyStats(grid, cols[i + k].col, body, skip)));
    // (A 款 typed as a number loses its 0: 05 is 5.)
    if (lengths[0] !== 3 || lengths.slice(1).some((l) => l !== 2 && l !== 1)) continue;
    for (let k = 0; k < n; k++) roles[i + k] = parts[k];
    i += n - 1;
  }
}

function mostSeenLength(s: BodyStats): number | undefined {
  const top = Object.entries(s.lengths).sort((a, b) => b[1] - a[1])[0];
  return top ? Number(top[0]) : undefined;
}

function dominantFirstDigit(s: BodyStats): string | undefined {
  return Object.entries(s.first).sort((a, b) => b[1] - a[1])[0]?.[0];
}

function roleOf(grid: SheetGrid, h: HeaderColumn, body: [number, number], skip?: ReadonlySet<number>): ColumnRole {
  const path = h.path;
  const last = lastOf(path);
  // (Told by a word or a length first: asked of every column of every table.)
  if (last.includes('行次') || (last.length <= 3 && isOneOf(last.charCodeAt(0), LINE_NO_FIRST) && /^(序号|编号|行号|No\.?)$/i.test(last))) return 'line-no';
  // Only a code column's role reads the words over it (经济分类, 功能分类): no other header's path is joined.
  if (last === '类' || last === '款' || last === '项' || last.endsWith('码')) {
    const role = codeRole(grid, h, last, body, skip);
    if (role) return role;
  }
  return wordsOrAmountRole(grid, h, last, body, skip);
}

/** A code column's role (类 | 款 | 项, …代码 / …编码) by its whole path and perhaps its codes; undefined for a header ending in 码 that names no code. */
function codeRole(grid: SheetGrid, h: HeaderColumn, last: string, body: [number, number], skip?: ReadonlySet<number>): ColumnRole | undefined {
  const joined = h.path.join('>');
  const econ = /经济分类/.test(joined);
  // (Its words hold 经济分类: asked only where that is found.)
  const gov = econ && /政府(预算)?(支出)?经济分类/.test(joined);
  if (last === '类' || last === '款' || last === '项') {
    // 科目编码 > 类 | 款 with no 经济/功能 word: the codes say (3xx economic, 5xx government economic).
    if (!econ && !/功能/.test(joined) && last === '类') {
      const top = dominantFirstDigit(bodyStats(grid, h.col, body, skip));
      if (top === '3') return 'econ-lei';
      if (top === '5') return 'gov-econ-lei';
    }
    if (!econ && !/功能/.test(joined) && last === '款') {
      // A 款 column goes with the 类 column left of it: judged by the codes of that column.
      const top = dominantFirstDigit(bodyStats(grid, h.col - 1, body, skip));
      if (top === '3') return 'econ-kuan';
      if (top === '5') return 'gov-econ-kuan';
    }
    if (econ) {
      if (last === '项') return gov ? 'gov-econ-kuan' : 'econ-kuan';
      return gov ? (last === '类' ? 'gov-econ-lei' : 'gov-econ-kuan') : last === '类' ? 'econ-lei' : 'econ-kuan';
    }
    return last === '类' ? 'function-lei' : last === '款' ? 'function-kuan' : 'function-xiang';
  }
  // Code columns' headers end in 代码 / 编码 (the tests of this block are asked of no other header).
  if (last.endsWith('码')) {
    if (/(单位|部门)(\(单位\)|（单位）)?(代码|编码)$/.test(last) || /^(单位|部门)(\(单位\)|（单位）)?代码$/.test(last)) return 'unit-code';
    // A project's own code (项目代码) is an identifier, not a subject code.
    if (/^项目(编码|代码)$/.test(last)) return 'text';
    if (/(编码|代码)$/.test(last)) {
      if (econ) return gov ? 'gov-econ-code' : 'econ-code';
      if (/功能分类/.test(joined)) return 'function-code';
      const top = dominantFirstDigit(bodyStats(grid, h.col, body, skip));
      if (top === '3') return 'econ-code';
      if (top === '5') return 'gov-econ-code';
      return 'function-code';
    }
  }
  return undefined;
}

/** Any other column: words by its header (名称, 类型, 数量 …), else words or amounts by its body. */
function wordsOrAmountRole(grid: SheetGrid, h: HeaderColumn, last: string, body: [number, number], skip?: ReadonlySet<number>): ColumnRole {
  // (科目名称, 单位科目名称, （科目名称） … hold 名称 too.)
  if (last.includes('名称') || last === '项目' || last === '科目') return 'label';
  if (TEXT_HEADERS.has(last)) return 'text';
  // Names of things by another word (采购品目大类, 采购物品名称, 经济科目, 采购组织形式): words, never money.
  if (isOneOf(last.charCodeAt(last.length - 1), NAME_ENDINGS) && /(大类|品目|品名|科目|类别|形式|方式|用途|内容|规格|型号|事项)$/.test(last)) return 'label';
  if (NOT_MONEY.test(last)) return 'text';
  const s = bodyStats(grid, h.col, body, skip);
  const filled = s.amounts + s.codes + s.texts;
  if (filled === 0) return 'amount';
  if (s.texts > (s.amounts + s.codes)) return cleanLabel(last) ? 'text' : 'label';
  return 'amount';
}
