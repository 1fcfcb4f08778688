/**
 * The 类 of the functional classification (政府收支分类科目, 支出功能分类) as the summary
 * tables name them in their ordinal lines (十、卫生健康 / （十）卫生健康支出). The names
 * vary a little between years and provinces (文化旅游体育与传媒 / 文化体育旅游与传媒,
 * 城乡社区事务 / 城乡社区支出), so each 类 is matched by its distinctive words.
 * 医疗卫生与计划生育 is the pre-2018 name of 210 and still appears in old templates.
 */
const FUNCTION_CLASSES: Array<[string, RegExp]> = [
  ['201', /一般公共服务/],
  ['202', /外交/],
  ['203', /国防/],
  ['204', /公共安全/],
  ['205', /教育/],
  ['206', /科学技术/],
  ['207', /文化|传媒/],
  ['208', /社会保障和就业/],
  ['209', /社会保险基金/],
  ['210', /卫生健康|医疗卫生/],
  ['211', /节能环保/],
  ['212', /城乡社区/],
  ['213', /农林水/],
  ['214', /交通运输/],
  ['215', /资源勘探/],
  ['216', /商业服务业/],
  ['217', /金融/],
  ['219', /援助其他地区/],
  ['220', /自然资源海洋气象/],
  ['221', /住房保障/],
  ['222', /粮油物资储备/],
  ['223', /国有资本经营预算/],
  ['224', /灾害防治/],
  ['227', /预备费/],
  ['229', /其他支出/],
  ['230', /转移性支出/],
  ['231', /债务还本/],
  ['232', /债务付息/],
  ['233', /债务发行费用/],
  ['234', /抗疫特别国债/],
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
  const name = stripOrdinal(label);
  if (!name) return undefined;
  for (const [code, re] of FUNCTION_CLASSES) if (re.test(name)) return code;
  return undefined;
}
