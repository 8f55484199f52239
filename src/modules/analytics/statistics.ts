/**
 * The pure statistics of the discretion results (docs/analysis.md): intervals of published
 * means. The aggregation runs in SQL (discretion.sql.ts) over the scores stored with each
 * response (survey/scoring.ts); what may be published is decided by disclosure.ts.
 */

/** Two-sided 97.5 % quantile of Student's t with `df` degrees of freedom. */
export function t975(df: number): number {
  const table = [
    0, 12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131, 2.12, 2.11, 2.101, 2.093, 2.086, 2.08, 2.074,
    2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042,
  ];
  if (df < 1) return NaN;
  if (df < table.length) return table[df];
  // Cornish–Fisher expansion around the normal quantile: within 0.001 for df > 30.
  const z = 1.959964;
  return z + (z ** 3 + z) / (4 * df) + (5 * z ** 5 + 16 * z ** 3 + 3 * z) / (96 * df ** 2);
}

/**
 * 95 % confidence interval of a mean from n, mean and sample SD (null when n < 2).
 * `extraVariance`: a known variance added to the mean's (the published noise, disclosure.ts).
 */
export function confidenceInterval(n: number, mean: number, sd: number | null, extraVariance = 0): [number, number] | null {
  if (n < 2 || sd === null) return null;
  const half = t975(n - 1) * Math.sqrt((sd * sd) / n + extraVariance);
  return [mean - half, mean + half];
}

/**
 * 95 % interval of a difference of two independent means (Welch–Satterthwaite degrees of
 * freedom from the sampling variances; `extraVariance` added to the difference's, as above).
 */
export function welchInterval(n1: number, sd1: number | null, n2: number, sd2: number | null, diff: number, extraVariance = 0): [number, number] | null {
  if (n1 < 2 || n2 < 2 || sd1 === null || sd2 === null) return null;
  const v1 = (sd1 * sd1) / n1;
  const v2 = (sd2 * sd2) / n2;
  const se = Math.sqrt(v1 + v2 + extraVariance);
  if (se === 0) return [diff, diff];
  const df = v1 + v2 === 0 ? Math.min(n1, n2) - 1 : (v1 + v2) ** 2 / (v1 ** 2 / (n1 - 1) + v2 ** 2 / (n2 - 1));
  const half = t975(Math.floor(df)) * se;
  return [diff - half, diff + half];
}
