import { textMemo } from '../../textMemo';

/**
 * The 类 of the functional classification (政府收支分类科目, 支出功能分类) as the summary
 * tables name them in their ordinal lines (十、卫生健康 / （十）卫生健康支出). The names
 * vary a little between years and provinces (文化旅游体育与传媒 / 文化体育旅游与传媒,
 * 城乡社区事务 / 城乡社区支出), so each 类 is matched by its distinctive words.
 * 医疗卫生与计划生育 is the pre-2018 name of 210 and still appears in old templates.
 */
const FUNCTION_CLASSES: Array<[string, RegExp, string]> = [
  ['201', /一般公共服务/, '一般公共服务支出'],
  ['202', /外交/, '外交支出'],
  ['203', /国防/, '国防支出'],
  ['204', /公共安全/, '公共安全支出'],
  ['205', /教育/, '教育支出'],
  ['206', /科学技术/, '科学技术支出'],
  ['207', /文化|传媒/, '文化旅游体育与传媒支出'],
  ['208', /社会保障和就业/, '社会保障和就业支出'],
  ['209', /社会保险基金/, '社会保险基金支出'],
  ['210', /卫生健康|医疗卫生/, '卫生健康支出'],
  ['211', /节能环保/, '节能环保支出'],
  ['212', /城乡社区/, '城乡社区支出'],
  ['213', /农林水/, '农林水支出'],
  ['214', /交通运输/, '交通运输支出'],
  ['215', /资源勘探/, '资源勘探工业信息等支出'],
  ['216', /商业服务业/, '商业服务业等支出'],
  ['217', /金融/, '金融支出'],
  ['219', /援助其他地区/, '援助其他地区支出'],
  // 国土海洋气象等支出 / 国土资源气象等支出: the names before the 2019 renaming.
  ['220', /自然资源海洋气象|国土海洋气象|国土资源气象/, '自然资源海洋气象等支出'],
  ['221', /住房保障/, '住房保障支出'],
  ['222', /粮油物资储备/, '粮油物资储备支出'],
  ['223', /国有资本经营预算/, '国有资本经营预算支出'],
  ['224', /灾害防治/, '灾害防治及应急管理支出'],
  ['227', /预备费/, '预备费'],
  ['229', /其他支出/, '其他支出'],
  ['230', /转移性支出/, '转移性支出'],
  ['231', /债务还本/, '债务还本支出'],
  ['232', /债务付息/, '债务付息支出'],
  ['233', /债务发行费用/, '债务发行费用支出'],
  ['234', /抗疫特别国债/, '抗疫特别国债安排的支出'],
];

const ORDINAL = /^[\s\u3000]*([一二三四五六七八九十百]+[、.．]|[（(][一二三四五六七八九十百]+[）)])/;

export function hasOrdinal(label: string): boolean {
  return ORDINAL.test(label);
}

/** Ordinal depth: 一、 → 1, （一） → 2, none → 0. */
export function ordinalLevel(label: string): 0 | 1 | 2 {
  const m = ORDINAL.exec(label);
  if (!m) return 0;
  return /^[（(]/.test(m[1]) ? 2 : 1;
}

export function stripOrdinal(label: string): string {
  return label.replace(ORDINAL, '').trim();
}

/** The 类 code an ordinal expenditure line names: 十、卫生健康 → 210; undefined when none. */
export function functionClassOfLine(label: string): string | undefined {
  // The summaries' lines are asked by the cross-table rules and the narrative's facts alike, up to
  // 33 patterns each: a line is read once.
  return classesOfLines(label);
}

const classesOfLines = textMemo(readFunctionClass, 20_000);

function readFunctionClass(label: string): string | undefined {
  const name = stripOrdinal(label);
  if (!name) return undefined;
  for (const [code, re] of FUNCTION_CLASSES) if (re.test(name)) return code;
  return undefined;
}

/** The standard name of a 类 (210 → 卫生健康支出), for messages. */
export function functionClassName(code: string): string | undefined {
  return FUNCTION_CLASSES.find(([c]) => c === code)?.[2];
}
