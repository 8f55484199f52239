import { conflict } from '../../common/errors/domain-error';
import { registerConstraints } from '../../common/errors/pg-errors';

registerConstraints({
  fk_time_thief_organisation: { code: 'NOT_FOUND', field: 'input.organisationId', message: 'the organisation does not exist' },
  fk_time_thief_instrument: { code: 'NOT_FOUND', field: 'input.imposedByInstrumentId', message: 'the steering instrument does not exist' },
  fk_time_thief_imposed_by_organisation: { code: 'NOT_FOUND', field: 'input.imposedByOrganisationId', message: 'the organisation does not exist' },
});

export const TimeThiefErrors = {
  withdrawn: () => conflict('The time thief is withdrawn: restore it first (restoreTimeThief) to change it', 'input.id'),
};
