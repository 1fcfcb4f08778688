import type { CodedRow } from './facts';

/**
 * The coded rows a subject's name may match, without holding the name against every coded row of
 * the disclosure (every path of the narrative was, once per element: most of reading the paths).
 *
 * Names match (sameCompared) when equal, or when both have four characters or more and one starts
 * with the other: either way they share their first four characters, or are equal when shorter. A
 * 类 row may also match by its class words, whatever its name. So the rows sharing the name's first
 * four characters (or its whole, when shorter) and the 类 rows are all that can match: the test is
 * run on those only, in the order of the coded rows, and gives what it gave on all of them.
 */
interface NameIndex {
  /** Row positions by the first four characters of the compared name (names of four or more). */
  byOpening: Map<string, number[]>;
  /** Row positions by the whole compared name (names shorter than four). */
  byShort: Map<string, number[]>;
  /** Positions of the 类 rows. */
  classes: number[];
  /** …and by their code. */
  classesByCode: Map<string, number[]>;
}

const OPENING = 4;

const NONE: number[] = [];

const kept = new WeakMap<CodedRow[], NameIndex>();

/**
 * `classOf`, where given, tells the code of the one 类 the name names by its class words (null: none):
 * then only that 类's rows may match by class, and no other 类 row is tested (a name was held against
 * every 类 row of the disclosure, each test making its class key again). Without it, every 类 row is.
 */
export function rowsNamed(coded: CodedRow[], compared: string, matches: (r: CodedRow) => boolean, classOf?: () => string | null): CodedRow[] {
  let index = kept.get(coded);
  if (!index) kept.set(coded, (index = indexNames(coded)));
  const byName = (compared.length >= OPENING ? index.byOpening.get(compared.slice(0, OPENING)) : index.byShort.get(compared)) ?? [];
  const classes = !classOf || index.classes.length === 0 ? index.classes : (index.classesByCode.get(classOf() ?? '') ?? NONE);
  const out: CodedRow[] = [];
  // The two lists of positions merged in order (each is ascending), each row tested once.
  for (let a = 0, b = 0; a < byName.length || b < classes.length; ) {
    let next: number;
    if (b >= classes.length || (a < byName.length && byName[a] < classes[b])) next = byName[a++];
    else if (a >= byName.length || classes[b] < byName[a]) next = classes[b++];
    else {
      // (A 类 row whose name shares the opening: in both lists, one row.)
      next = byName[a++];
      b++;
    }
    if (matches(coded[next])) out.push(coded[next]);
  }
  return out;
}

function indexNames(coded: CodedRow[]): NameIndex {
  const index: NameIndex = { byOpening: new Map(), byShort: new Map(), classes: [], classesByCode: new Map() };
  for (let k = 0; k < coded.length; k++) {
    const name = coded[k].compared;
    const map = name.length >= OPENING ? index.byOpening : index.byShort;
    const key = name.length >= OPENING ? name.slice(0, OPENING) : name;
    const list = map.get(key);
    if (list) list.push(k);
    else map.set(key, [k]);
    if (coded[k].level === '类') {
      index.classes.push(k);
      const same = index.classesByCode.get(coded[k].code);
      if (same) same.push(k);
      else index.classesByCode.set(coded[k].code, [k]);
    }
  }
  return index;
}
