/** An undefined answer, as kept. */
const NOTHING: unique symbol = Symbol('nothing');

/**
 * A function of a text, worked out once per text. Labels, names and subjects are asked about again
 * and again — by several detection passes, by the rules, by every claim of the narrative — and the
 * answer depends on the text alone. At most `kept` answers are kept, then all are let go (a
 * workbook's few thousand texts fit many times over); a text longer than `longest` is worked out
 * afresh, never kept (a paragraph is rarely asked twice, and would hold its memory).
 *
 * The answers outlive one audit: the add-in checking a workbook again, or a batch's worker checking
 * the next, meets the same labels.
 */
export function textMemo<T>(compute: (text: string) => T, kept: number, longest = Infinity): (text: string) => T {
  // An undefined answer is kept as NOTHING: a lookup that finds nothing is then a text not yet asked,
  // told by one lookup, not two (most texts asked of conceptOf and functionClassOfLine name nothing).
  const answers = new Map<string, T | typeof NOTHING>();
  return (text) => {
    if (text.length > longest) return compute(text);
    const known = answers.get(text);
    if (known !== undefined) return (known === NOTHING ? undefined : known) as T;
    const answer = compute(text);
    if (answers.size >= kept) answers.clear();
    answers.set(text, answer === undefined ? NOTHING : answer);
    return answer;
  };
}
