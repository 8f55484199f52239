/**
 * Agreement between two coders on one code, from the 2×2 table of units (here: code points of
 * an observation's text) each coded or not (NVivo's coding comparison does the same per source
 * and code). Percentage agreement counts the units both coded and both left uncoded; Cohen's
 * kappa corrects it for the agreement expected by chance from each coder's share.
 */
export interface CodingTable {
  /** Units both coders coded. */
  both: number;
  /** Units only the first coder coded. */
  onlyA: number;
  /** Units only the second coder coded. */
  onlyB: number;
  /** All units compared (coded or not). */
  total: number;
}

export interface Agreement {
  /** Percentage of units on which the two agree (0–100). */
  percent: number;
  /** Cohen's kappa (1: complete agreement, 0: as by chance, below 0: worse than chance). */
  kappa: number;
}

export function agreement({ both, onlyA, onlyB, total }: CodingTable): Agreement {
  if (total <= 0) return { percent: 100, kappa: 1 };
  const neither = total - both - onlyA - onlyB;
  const observed = (both + neither) / total;
  const a = (both + onlyA) / total;
  const b = (both + onlyB) / total;
  const expected = a * b + (1 - a) * (1 - b);
  // Both coded everything or nothing alike: agreement is complete, and kappa is 1 by convention (as NVivo reports it).
  const kappa = expected === 1 ? 1 : (observed - expected) / (1 - expected);
  return { percent: observed * 100, kappa };
}
