import { badInput } from '../../common/errors/domain-error';
import { codePoints } from './text';

/** Where a segment is asked to be: offsets, a quote (and which occurrence of it), or both. */
export interface Anchor {
  start?: number | null;
  end?: number | null;
  quote?: string | null;
  /** Which occurrence of the quote, from 1 (default 1). */
  occurrence?: number | null;
}

const WORD = /[\p{L}\p{N}\p{M}]/u;

/** Start positions (in code points) of every occurrence of `quote` in `text`. */
function occurrences(text: string[], quote: string[]): number[] {
  const found: number[] = [];
  if (!quote.length) return found;
  for (let i = 0; i + quote.length <= text.length; i++) {
    let j = 0;
    while (j < quote.length && text[i + j] === quote[j]) j++;
    if (j === quote.length) found.push(i);
  }
  return found;
}

/** The whole word around position `at` (where an offset cuts through it). */
function wordAround(text: string[], at: number): string {
  let a = at;
  let b = at;
  while (a > 0 && WORD.test(text[a - 1])) a--;
  while (b < text.length && WORD.test(text[b])) b++;
  return text.slice(a, b).join('');
}

/**
 * A segment's [start, end) in code points. A quote alone is found in the text (its occurrence-th
 * time); offsets and a quote together must agree; offsets alone may not cut through a word, unless
 * a quote confirms them. Refusals say which field and what the text holds.
 */
export function anchorSegment(text: string, a: Anchor): { start: number; end: number } {
  const chars = codePoints(text);
  const quote = a.quote ? codePoints(a.quote) : null;
  const hasOffsets = a.start !== undefined && a.start !== null && a.end !== undefined && a.end !== null;
  if (!hasOffsets) {
    if (!quote) throw badInput('input.quote', 'give the quote, or both start and end');
    const found = occurrences(chars, quote);
    const n = a.occurrence ?? 1;
    if (!found.length) throw badInput('input.quote', 'does not occur in the text');
    if (n > found.length) throw badInput('input.occurrence', `the quote occurs ${found.length} time(s) in the text, so there is no occurrence ${n}`);
    return { start: found[n - 1], end: found[n - 1] + quote.length };
  }
  const start = a.start!;
  const end = a.end!;
  if (!(start >= 0 && start < end && end <= chars.length)) {
    throw badInput('input.end', `must satisfy 0 ≤ start < end ≤ ${chars.length} (the text’s length in characters)`);
  }
  const there = chars.slice(start, end).join('');
  if (quote) {
    if (there !== a.quote) throw badInput('input.quote', `the text at [${start}, ${end}) is "${there}", not the quote`);
    return { start, end };
  }
  const cuts = (at: number) => at > 0 && at < chars.length && WORD.test(chars[at - 1]) && WORD.test(chars[at]);
  for (const [field, at] of [
    ['input.start', start],
    ['input.end', end],
  ] as const) {
    if (cuts(at)) {
      throw badInput(
        field,
        `cuts through the word "${wordAround(chars, at)}" (the text at [${start}, ${end}) is "${there}"): move it, or send the quote to confirm`,
      );
    }
  }
  return { start, end };
}

/** Where a quote now is, when it occurs exactly once in the text; otherwise null (the segment goes stale). */
export function reanchor(text: string, quote: string): { start: number; end: number } | null {
  const q = codePoints(quote);
  const found = occurrences(codePoints(text), q);
  return found.length === 1 ? { start: found[0], end: found[0] + q.length } : null;
}
