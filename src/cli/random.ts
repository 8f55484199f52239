/** Seeded randomness for synthetic data (demo and benchmark), the same on every machine. */

/** mulberry32: a small seeded PRNG, so the demo looks the same on every machine. */
export function rng(seed: number) {
  let a = seed;
  const next = () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)];
  const some = <T>(xs: readonly T[], max = 2): T[] => [...new Set(Array.from({ length: int(0, max) }, () => pick(xs)))];
  return { next, int, pick, some };
}

export type Rng = ReturnType<typeof rng>;

/** Skewed draws for realistic sizes: a log-normal around `median` (sigma ≈ 0.6 is a typical spread). */
export function lognormal(r: Rng, median: number, sigma: number): number {
  const u = 1 - r.next();
  const v = r.next();
  const z = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  return median * Math.exp(sigma * z);
}
