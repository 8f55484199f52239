import { badInput, conflict, forbidden } from '../../common/errors/domain-error';
import { registerConstraints } from '../../common/errors/pg-errors';

registerConstraints({
  fk_steering_instrument_imposed_by: { code: 'NOT_FOUND', field: 'input.imposedById', message: 'the organisation does not exist' },
  fk_steering_instrument_target_organisation: { code: 'NOT_FOUND', field: 'input.appliesToIds', message: 'one of the organisations does not exist' },
  fk_indicator_instrument: { code: 'NOT_FOUND', field: 'input.instrumentId', message: 'the steering instrument does not exist' },
  chk_steering_instrument_validity: { code: 'BAD_USER_INPUT', field: 'input.validTo', message: 'must not be before validFrom' },
  chk_indicator_dates: { code: 'BAD_USER_INPUT', field: 'input.retiredOn', message: 'must not be before introducedOn' },
});

export const SteeringErrors = {
  endBeforeStart: (field: string) => badInput(field, 'must not be before the start date'),
  onlyFunded: (field: string) => badInput(field, 'only agreements (STATE_SKL_AGREEMENT) and targeted grants (TARGETED_GRANT) have an amount and conditions'),
  notAllTargets: (what: string) => forbidden(`You correct an ${what} only if you report for every organisation its instrument applies to; ask an admin`),
  strandedReports: (what: string, n: number, start: string, end: string, field: string) =>
    conflict(
      `${n} report(s) cover periods outside the ${what}'s new dates (the first: ${start} – ${end}); withdraw them first, or choose dates that hold them`,
      field,
    ),
  onlyCompensationModel: () => badInput('input.compensationPrinciple', 'only a COMPENSATION_MODEL has a compensation principle'),
};
