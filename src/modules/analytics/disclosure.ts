import { createHash } from 'node:crypto';
import { confidenceInterval } from './statistics';

/**
 * Disclosure control for every survey-derived number (docs/analysis.md, "Disclosure control").
 * Groups are published only as cells of a fixed lattice (one wave × one unit of the tree or the
 * whole population in view × respondent category or all × tenure band or all) whose contents never
 * depend on a filter; within a cell:
 *
 * 1. **Threshold**: fewer than MIN_GROUP_SIZE respondents → `suppressed`, no statistic at all.
 * 2. **Cell-key perturbation** (after the Australian Bureau of Statistics' TableBuilder): every
 *    response carries a random record key; a cell's noise is a fixed function of the sum of its
 *    records' keys (hashed with the measure and the statistic). The same group of respondents
 *    always gets the same noise — asking again, or the same cell through another filter, teaches
 *    nothing — while any two different groups get independent noise, so the difference of two
 *    published cells carries the noise of both.
 *
 * What is perturbed is the cell's sufficient statistics: its count n, and the sum Σx and sum of
 * squares Σx² of its scores, each with Laplace noise scaled to what one respondent can change
 * (one for a count, the scale's width D for a sum, D² for a sum of squares). Every published
 * number is computed from those, so none is exact: the mean is (Σx + noise) / n, the count n plus
 * rounded noise. Standard deviations are published only for the population in view per wave (the
 * `pooled` cell), never per group: a group's spread would give a single respondent away through
 * the squares, and one pooled value per wave offers nothing to subtract.
 */

/** Laplace scale of each statistic's noise, in units of what one respondent can change it by. */
export const NOISE = {
  /** Counts: ±1 per respondent. */
  count: 1.5,
  /** Sums: ± the scale's width D per respondent. */
  sum: 0.5,
  /** Sums of squares (the pooled spread): ± D². */
  sumOfSquares: 0.5,
} as const;

/**
 * The range of a measure's scores: 0–100 for dimensions, the item's own for single items; the
 * noise is scaled to `noiseWidth` (default max − min), what one respondent can change a sum by.
 */
export interface Scale {
  min: number;
  max: number;
  noiseWidth?: number;
}

/** What SQL returns for a cell: its respondents with a score, their sums, and the sum of their record keys. */
export interface CellTotals {
  n: number;
  sum: number;
  sumOfSquares: number;
  /** Σ record_key, as a decimal string (a bigint). */
  keySum: string;
}

/** A uniform number in (0, 1), fixed for a set of records, a measure and a statistic. */
export function cellUniform(keySum: string, n: number, label: string): number {
  const digest = createHash('sha256').update(`${keySum}|${n}|${label}`).digest();
  return (digest.readUIntBE(0, 6) + 0.5) / 2 ** 48;
}

/** Laplace(0, b) by inversion of a uniform u in (0, 1). */
export function laplace(u: number, b: number): number {
  return u < 0.5 ? b * Math.log(2 * u) : -b * Math.log(2 * (1 - u));
}

const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));

export interface PerturbedCell {
  suppressed: boolean;
  /** The perturbed count (never below the threshold); null when suppressed. */
  n: number | null;
  /** The perturbed mean, within the scale; null when suppressed. */
  mean: number | null;
}

/**
 * One published cell of `measure` (a dimension or item code; `label` tells the cell's kind apart,
 * e.g. "pairs"). Suppressed below `minGroupSize` true respondents.
 */
export function perturbCell(cell: CellTotals, measure: string, scale: Scale, minGroupSize: number, label = 'group'): PerturbedCell {
  if (cell.n < minGroupSize) return { suppressed: true, n: null, mean: null };
  const width = scale.noiseWidth ?? scale.max - scale.min;
  const noise = (stat: string, b: number) => laplace(cellUniform(cell.keySum, cell.n, `${measure}|${label}|${stat}`), b);
  const n = Math.max(minGroupSize, cell.n + Math.round(noise('n', NOISE.count)));
  const sum = cell.sum + width * noise('sum', NOISE.sum);
  return { suppressed: false, n, mean: clamp(sum / cell.n, scale.min, scale.max) };
}

/**
 * The spread of the population in view, for the intervals of every cell of one wave and
 * measure: from its sum and sum of squares, both perturbed. Null below the threshold.
 */
export function perturbedSpread(cell: CellTotals, measure: string, scale: Scale, minGroupSize: number, label = 'group'): number | null {
  if (cell.n < minGroupSize) return null;
  const width = scale.noiseWidth ?? scale.max - scale.min;
  const noise = (stat: string, b: number) => laplace(cellUniform(cell.keySum, cell.n, `${measure}|${label}|pooled|${stat}`), b);
  const sum = cell.sum + width * noise('sum', NOISE.sum);
  const squares = cell.sumOfSquares + width * width * noise('sumsq', NOISE.sumOfSquares);
  const variance = (squares - (sum * sum) / cell.n) / (cell.n - 1);
  return clamp(Math.sqrt(Math.max(0, variance)), 0, scale.max - scale.min);
}

/**
 * The variance the noise adds to a published mean of n respondents (Laplace(b) has variance 2b²,
 * times the width, over n): public knowledge, so intervals include it and keep their coverage.
 */
export const noiseVariance = (n: number, scale: Scale) => 2 * ((NOISE.sum * (scale.noiseWidth ?? scale.max - scale.min)) / n) ** 2;

/** The 95 % interval of a published cell's mean: sampling (pooled spread) and noise (null without a spread). */
export function publishedInterval(cell: PerturbedCell, spread: number | null, scale: Scale): [number, number] | null {
  if (cell.suppressed || cell.n === null || cell.mean === null || spread === null) return null;
  return confidenceInterval(cell.n, cell.mean, spread, noiseVariance(cell.n, scale));
}
