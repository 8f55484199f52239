import { DomainError } from '../../common/errors/domain-error';
import { anchorSegment, reanchor } from './anchor';

const refused = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    if (e instanceof DomainError) return [e.code, e.message];
  }
  return 'accepted';
};

describe('anchoring a segment to its words', () => {
  const text = 'Vi får planera besöken själva nu. Minutjakten är borta, säger vi.';

  it('places a quote at its first occurrence, or the one asked for, in code points', () => {
    expect(anchorSegment(text, { quote: 'planera besöken' })).toEqual({ start: 7, end: 22 });
    expect(anchorSegment(text, { quote: 'vi', occurrence: 1 })).toEqual({ start: 62, end: 64 });
    expect(anchorSegment(text, { quote: 'Vi' })).toEqual({ start: 0, end: 2 });
  });

  it('refuses a quote that is not there, or not that many times', () => {
    expect(refused(() => anchorSegment(text, { quote: 'detaljstyrning' }))).toEqual(['BAD_USER_INPUT', 'input.quote: does not occur in the text']);
    expect(refused(() => anchorSegment(text, { quote: 'Vi', occurrence: 2 }))).toEqual([
      'BAD_USER_INPUT',
      'input.occurrence: the quote occurs 1 time(s) in the text, so there is no occurrence 2',
    ]);
  });

  it('refuses offsets and a quote that disagree, naming the text actually there', () => {
    expect(refused(() => anchorSegment(text, { start: 0, end: 6, quote: 'Vi får!' }))).toEqual([
      'BAD_USER_INPUT',
      'input.quote: the text at [0, 6) is "Vi får", not the quote',
    ]);
    expect(anchorSegment(text, { start: 0, end: 6, quote: 'Vi får' })).toEqual({ start: 0, end: 6 });
  });

  it('accepts offsets through a word only when the quote says so', () => {
    expect(refused(() => anchorSegment(text, { start: 34, end: 39 }))).toEqual([
      'BAD_USER_INPUT',
      'input.end: cuts through the word "Minutjakten" (the text at [34, 39) is "Minut"): move it, or send the quote to confirm',
    ]);
    expect(anchorSegment(text, { start: 34, end: 39, quote: 'Minut' })).toEqual({ start: 34, end: 39 });
    expect(anchorSegment(text, { start: 34, end: 45 })).toEqual({ start: 34, end: 45 });
  });

  it('counts emoji, combining accents and CRLF as the code points they are', () => {
    const t = 'Bra 😀 möte\r\nCafe\u0301 och café';
    expect(anchorSegment(t, { quote: 'möte' })).toEqual({ start: 6, end: 10 });
    expect(anchorSegment(t, { quote: 'Cafe\u0301' })).toEqual({ start: 12, end: 17 });
    // The precomposed é is another text: only the last word matches it.
    expect(anchorSegment(t, { quote: 'café' })).toEqual({ start: 22, end: 26 });
  });

  it('re-anchors a quote that occurs exactly once, and only then', () => {
    expect(reanchor('Nu: vi får planera besöken själva.', 'planera besöken')).toEqual({ start: 11, end: 26 });
    expect(reanchor('vi och vi', 'vi')).toBeNull();
    expect(reanchor('inget här', 'planera')).toBeNull();
  });
});
