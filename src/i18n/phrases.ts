/**
 * Where a Japanese text may break between lines: only between phrases (文節), so a
 * name in a narrow box reads 「見込みなし」 whole and 「未接触のまま / 離脱」, never
 * 「見込みな / し」 or 「未接触のま / ま離脱」.
 *
 * Chromium's `word-break: auto-phrase` finds phrases for ordinary HTML text, but
 * where a phrase does not fit its line it falls back to breaking anywhere, which is
 * exactly the narrow box of a projector (a workshop bin at 1024 px). There the
 * text is cut at these points instead and the box shrinks its font to fit
 * (`fitText`). The rule is small and needs no dictionary: a phrase is a run of
 * kanji, katakana or Latin (the content word) with the hiragana after it
 * (okurigana, particles, endings), so a line may break only where hiragana (or
 * closing punctuation) is followed by something else. 「見込みなし」 is one phrase,
 * 「過負荷による解約」 is 「過負荷による」「解約」, 「ナーチャリング」 is never split.
 * A run of hiragana after a phrase stays with it: 「未接触のまま」 is one.
 */

const HIRAGANA = /[\u3041-\u309f]/;
/** Punctuation after which a line may break: 、。,.!?)」』】 and the ideographic space. */
const CLOSING = /[\u3000\u3001\u3002\uff0c\uff0e\uff01\uff1f\uff09\u300d\u300f\u3011,.!?)]/;
/** Characters that never start a line (small kana, the long-vowel mark, closing punctuation). */
const NO_START = /[\u3041\u3043\u3045\u3047\u3049\u3063\u3083\u3085\u3087\u30a1\u30a3\u30a5\u30a7\u30a9\u30c3\u30e3\u30e5\u30e7\u30fc\u3001\u3002\uff0c\uff0e\uff01\uff1f\uff09\u300d\u300f\u3011,.!?)\s]/;
/** Characters that count as Japanese (kana, kanji, full-width forms). */
const JAPANESE = /[\u3000-\u30ff\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]/;

/** Whether a line may break between `before` and `after`. */
function breaksBetween(before: string, after: string): boolean {
  if (NO_START.test(after) || HIRAGANA.test(after)) return false;
  // Latin text keeps its own breaks (spaces), handled by the browser.
  if (!JAPANESE.test(before) && !JAPANESE.test(after)) return false;
  return HIRAGANA.test(before) || CLOSING.test(before);
}

/**
 * The text cut into the pieces a line may not break inside, in order; joined they
 * are the text. A text with no Japanese in it is one piece.
 */
export function phrases(text: string): string[] {
  const chars = [...text];
  const out: string[] = [];
  let current = '';
  chars.forEach((ch, i) => {
    if (i > 0 && breaksBetween(chars[i - 1], ch)) {
      out.push(current);
      current = '';
    }
    current += ch;
  });
  if (current) out.push(current);
  return out;
}
