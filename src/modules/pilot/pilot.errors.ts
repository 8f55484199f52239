import { badInput } from '../../common/errors/domain-error';
import { registerConstraints } from '../../common/errors/pg-errors';

registerConstraints({
  uq_pilot_code: { code: 'CONFLICT', field: 'input.code', message: 'another pilot already has this code' },
  chk_pilot_dates: { code: 'BAD_USER_INPUT', field: 'input.endsOn', message: 'must not be before startsOn' },
  ex_pilot_participant_overlap: {
    code: 'CONFLICT',
    field: 'input.participants',
    message: 'this organisation already takes part in the pilot at this level during an overlapping period',
  },
  ex_pilot_researcher_overlap: {
    code: 'CONFLICT',
    field: 'input.researchers',
    message: 'this researcher already follows the pilot during an overlapping period',
  },
  fk_pilot_participant_organisation: {
    code: 'NOT_FOUND',
    field: 'input.organisationId',
    message: 'the organisation does not exist',
  },
  fk_pilot_participant_pilot: { code: 'NOT_FOUND', field: 'input.pilotId', message: 'the pilot does not exist' },
  fk_pilot_researcher_pilot: { code: 'NOT_FOUND', field: 'input.pilotId', message: 'the pilot does not exist' },
  fk_pilot_researcher_user: { code: 'NOT_FOUND', field: 'input.userId', message: 'the user does not exist' },
});

export const PilotErrors = {
  endBeforeStart: (field: string) => badInput(field, 'must not be before the start date'),
  fromDateNeeded: (field: string) => badInput(field, 'is required when the pilot has no start date'),
  notAResearcher: (field: string) => badInput(field, 'must be an active user with the role RESEARCHER'),
};
