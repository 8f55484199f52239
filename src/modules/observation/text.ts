/**
 * Observation text is counted in Unicode code points (what a person sees as characters, and
 * what REFI-QDA positions count), not UTF-16 units or bytes: "å" is 1, "😀" is 1.
 */
export const codePoints = (text: string): string[] => Array.from(text);

export const codePointLength = (text: string): number => codePoints(text).length;

/** The code points [start, end) of `text`. */
export const sliceCodePoints = (text: string, start: number, end: number): string => codePoints(text).slice(start, end).join('');
