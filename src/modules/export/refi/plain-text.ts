/**
 * The plain text a REFI-QDA source carries: `\n` line endings and no byte-order mark (tools have
 * differed on both), positions counted in code points. Observation text is stored exactly as
 * given, so a text with `\r\n` or a leading BOM is normalised here and every stored position is
 * moved with it.
 */
export interface PlainText {
  text: string;
  /** The position in `text` of a code-point position in the stored text. */
  position: (stored: number) => number;
}

const BOM = '\uFEFF';

export function plainText(stored: string): PlainText {
  if (!stored.includes('\r') && !stored.startsWith(BOM)) return { text: stored, position: (p) => p };
  const cps = Array.from(stored);
  const out: string[] = [];
  const moved = new Int32Array(cps.length + 1);
  for (let i = 0; i < cps.length; i++) {
    moved[i] = out.length;
    const c = cps[i];
    if (i === 0 && c === BOM) continue;
    if (c === '\r') {
      if (cps[i + 1] !== '\n') out.push('\n'); // a lone \r (old Mac) becomes \n; \r\n becomes the \n alone
      continue;
    }
    out.push(c);
  }
  moved[cps.length] = out.length;
  return { text: out.join(''), position: (p) => moved[Math.max(0, Math.min(p, cps.length))] };
}

/**
 * The other way, for an import: the code-point position in the stored text of a position in its
 * plain text (the first stored position that maps there: a position at a `\n` that was `\r\n`
 * lands before the `\r`).
 */
export function storedPosition(stored: string): (plain: number) => number {
  const forward = plainText(stored);
  const n = Array.from(stored).length;
  if (forward.text === stored) return (p) => p;
  const back = new Map<number, number>();
  for (let i = n; i >= 0; i--) back.set(forward.position(i), i);
  return (p) => back.get(p) ?? n;
}
