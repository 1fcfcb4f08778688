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
  // The text asked last, and its answer: a row's label is often asked again at once (detection's
  // caption, title, form-number and note tests fold the same text in turn, some one call in four),
  // and comparing two texts costs a fraction of hashing one for the Map.
  let lastText: string | undefined;
  let lastAnswer: T | undefined;
  return (text) => {
    if (text === lastText) return lastAnswer as T;
    if (text.length > longest) return compute(text);
    const known = answers.get(text);
    const answer = known !== undefined ? ((known === NOTHING ? undefined : known) as T) : compute(text);
    if (known === undefined) {
      if (answers.size >= kept) answers.clear();
      answers.set(text, answer === undefined ? NOTHING : answer);
    }
    lastText = text;
    lastAnswer = answer;
    return answer;
  };
}
