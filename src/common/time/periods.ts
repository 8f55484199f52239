/**
 * Bounds on the periods analytics queries accept (docs/analysis.md, "Limits"): a period lies
 * within DATE_MIN–DATE_MAX, spans at most MAX_PERIOD_YEARS, and is cut into at most MAX_BUCKETS
 * buckets. Checked before execution (common/graphql/complexity.plugin.ts), where the number of
 * buckets also multiplies the query's estimated cost.
 */
export const DATE_MIN = '1900-01-01';
export const DATE_MAX = '2100-12-31';
export const MAX_PERIOD_YEARS = 30;
export const MAX_BUCKETS = 120;

export type BucketUnit = 'MONTH' | 'QUARTER' | 'YEAR';
const MONTHS: Record<BucketUnit, number> = { MONTH: 1, QUARTER: 3, YEAR: 12 };

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const monthIndex = (date: string) => Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1;

/** Calendar buckets from the one holding `from` to the one holding `to` (clipped ones count). */
export function bucketCount(from: string, to: string, bucket: BucketUnit): number {
  const size = MONTHS[bucket];
  return Math.floor(monthIndex(to) / size) - Math.floor(monthIndex(from) / size) + 1;
}

/** Why the period is refused, or undefined. `field` prefixes the message (e.g. "input"). */
export function periodProblem(from: string, to: string, bucket: BucketUnit | undefined): string | undefined {
  if (!ISO_DATE.test(from) || !ISO_DATE.test(to)) return undefined; // the scalar rejects these
  if (from < DATE_MIN || to > DATE_MAX) return `the period must lie between ${DATE_MIN} and ${DATE_MAX}`;
  if (to < from) return 'to must not be before from';
  if (monthIndex(to) - monthIndex(from) >= MAX_PERIOD_YEARS * 12) return `the period may span at most ${MAX_PERIOD_YEARS} years`;
  const n = bucketCount(from, to, bucket ?? 'MONTH');
  if (bucket && n > MAX_BUCKETS) return `at most ${MAX_BUCKETS} buckets, not ${n}: use a larger bucket or a shorter period`;
  return undefined;
}
