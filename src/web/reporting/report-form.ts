import { ImprovementUse, PeriodKind } from '../../modules/burden/burden.enums';
import type { ReportIndicatorBurdenInput } from '../../modules/burden/dto/report-indicator-burden.input';
import { periodEnd } from '../../modules/burden/period';
import { Lang, text } from '../messages';

/** The report a period's obligation asks for: the calendar period that is it (a half-year: its first quarter). */
export function reportPeriod(start: string, end: string): { kind: PeriodKind; start: string; end: string } | null {
  for (const kind of [PeriodKind.MONTH, PeriodKind.QUARTER, PeriodKind.YEAR]) if (periodEnd(kind, start) === end) return { kind, start, end };
  const quarter = periodEnd(PeriodKind.QUARTER, start);
  return quarter ? { kind: PeriodKind.QUARTER, start, end: quarter } : null;
}

/** The form's fields as typed (so a form sent back with errors loses nothing). */
export type ReportValues = Record<
  'staffHours' | 'staffCount' | 'recordCount' | 'doubleRegistration' | 'usedForImprovement' | 'perceivedUsefulness' | 'comment' | 'reason',
  string
>;

export type ReportErrors = Partial<Record<keyof ReportValues | 'form', string>>;

/** A decimal as people type it here: "12,5" or "12.5", spaces as thousands separators. */
export const decimal = (v: string): number => (/^\s*-?[\d\s]+([.,]\d+)?\s*$/.test(v) ? Number(v.replace(/\s/g, '').replace(',', '.')) : NaN);

/** The values of a stored report, for the form. */
export function valuesOf(r: {
  staffHours: number;
  staffCount: number;
  recordCount: number | null;
  doubleRegistration: boolean;
  usedForImprovement: ImprovementUse;
  perceivedUsefulness: number | null;
  comment: string;
}): ReportValues {
  return {
    staffHours: String(r.staffHours),
    staffCount: String(r.staffCount),
    recordCount: r.recordCount === null ? '' : String(r.recordCount),
    doubleRegistration: r.doubleRegistration ? 'yes' : 'no',
    usedForImprovement: r.usedForImprovement,
    perceivedUsefulness: r.perceivedUsefulness === null ? '' : String(r.perceivedUsefulness),
    comment: r.comment,
    reason: '',
  };
}

export const emptyValues = (): ReportValues => ({
  staffHours: '',
  staffCount: '',
  recordCount: '',
  doubleRegistration: '',
  usedForImprovement: '',
  perceivedUsefulness: '',
  comment: '',
  reason: '',
});

const field = (form: Record<string, unknown>, name: string): string => (typeof form[name] === 'string' ? (form[name] as string) : '');

/**
 * Reads the report form: its values, a message per field the person must correct, and (when
 * there is none) the values as the API takes them. Ranges are the API input's; the service then
 * applies the same plausibility rules as for any report.
 */
export function parseReportForm(
  form: Record<string, unknown>,
  lang: Lang,
  correcting: boolean,
): {
  values: ReportValues;
  errors: ReportErrors;
  input?: Omit<ReportIndicatorBurdenInput, 'indicatorId' | 'organisationId' | 'periodKind' | 'periodStart' | 'periodEnd'>;
} {
  const values = Object.fromEntries(Object.keys(emptyValues()).map((k) => [k, field(form, k)])) as ReportValues;
  const errors: ReportErrors = {};
  const number = (name: keyof ReportValues, min: number, max: number, integer: boolean, optional = false): number | null => {
    if (optional && values[name].trim() === '') return null;
    const n = decimal(values[name]);
    const ok = Number.isFinite(n) && n >= min && n <= max && (integer ? Number.isInteger(n) : Math.round(n * 100) === n * 100);
    if (!ok) errors[name] = text(lang, 'report.error.number', { min, max: max.toLocaleString(lang === 'sv' ? 'sv-SE' : 'en-GB') });
    return ok ? n : null;
  };
  const staffHours = number('staffHours', 0, 1_000_000, false);
  const staffCount = number('staffCount', 0, 100_000, true);
  const recordCount = number('recordCount', 0, 2_147_483_647, true, true);
  const perceivedUsefulness = number('perceivedUsefulness', 1, 5, true, true);
  if (!['yes', 'no'].includes(values.doubleRegistration)) errors.doubleRegistration = text(lang, 'report.error.required');
  if (!Object.values(ImprovementUse).includes(values.usedForImprovement as ImprovementUse)) errors.usedForImprovement = text(lang, 'report.error.required');
  if (values.comment.length > 20_000) errors.comment = text(lang, 'report.error.number', { min: 0, max: 20_000 });
  if (correcting && !values.reason.trim()) errors.reason = text(lang, 'report.error.reason');
  if (values.reason.length > 2_000) errors.reason = text(lang, 'report.error.reason');
  if (Object.keys(errors).length) return { values, errors };
  return {
    values,
    errors,
    input: {
      staffHours: staffHours!,
      staffCount: staffCount!,
      recordCount,
      doubleRegistration: values.doubleRegistration === 'yes',
      usedForImprovement: values.usedForImprovement as ImprovementUse,
      perceivedUsefulness,
      comment: values.comment,
      reason: correcting ? values.reason.trim() : null,
    },
  };
}
