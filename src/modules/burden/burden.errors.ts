import { badInput, conflict } from '../../common/errors/domain-error';
import { registerConstraints } from '../../common/errors/pg-errors';

registerConstraints({
  ex_burden_report_overlap: {
    code: 'CONFLICT',
    field: 'input.periodStart',
    message: 'the period overlaps another report for this indicator and organisation',
  },
  fk_burden_report_indicator: { code: 'NOT_FOUND', field: 'input.indicatorId', message: 'the indicator does not exist' },
  fk_burden_report_organisation: { code: 'NOT_FOUND', field: 'input.organisationId', message: 'the organisation does not exist' },
});

export const BurdenErrors = {
  notPeriodStart: (kind: string) => badInput('input.periodStart', `must be the first day of a calendar ${kind.toLowerCase()}`),
  wrongEnd: (kind: string, start: string, end: string) => badInput('input.periodEnd', `a ${kind.toLowerCase()} starting ${start} ends ${end}`),
  exists: (revision: number) =>
    conflict(
      `A report for this indicator, organisation and period exists (revision ${revision}): to replace it, send expectedRevision: ${revision} and a reason`,
      'input.expectedRevision',
    ),
  stale: (current: number, expected: number) =>
    conflict(
      `The report is at revision ${current}, not ${expected}: someone changed it. Reload it, and send expectedRevision: ${current} to replace it`,
      'input.expectedRevision',
    ),
  nothingToReplace: () =>
    conflict('There is no report for this indicator, organisation and period to replace: leave expectedRevision out to create it', 'input.expectedRevision'),
  overlap: (start: string, end: string) =>
    conflict(
      `The period overlaps the existing report for ${start} – ${end} (same indicator and organisation); resubmit that period to change it`,
      'input.periodStart',
    ),
};
