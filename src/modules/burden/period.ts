import { PeriodKind } from './burden.enums';

const iso = (d: Date) => d.toISOString().slice(0, 10);

/**
 * The last day of the calendar period of `kind` that starts on `start` (YYYY-MM-DD), or null
 * when `start` is not the first day of such a period.
 */
export function periodEnd(kind: PeriodKind, start: string): string | null {
  const [y, m, d] = start.split('-').map(Number);
  if (d !== 1) return null;
  const months = { MONTH: 1, QUARTER: 3, YEAR: 12 }[kind];
  if (kind === PeriodKind.QUARTER && (m - 1) % 3 !== 0) return null;
  if (kind === PeriodKind.YEAR && m !== 1) return null;
  return iso(new Date(Date.UTC(y, m - 1 + months, 0)));
}
