import { badInput, conflict, forbidden } from '../../common/errors/domain-error';
import { registerConstraints } from '../../common/errors/pg-errors';

registerConstraints({
  fk_survey_wave_pilot: { code: 'NOT_FOUND', field: 'input.pilotId', message: 'the pilot does not exist' },
  fk_survey_wave_instrument: { code: 'NOT_FOUND', field: 'input.instrumentId', message: 'the survey instrument does not exist' },
  fk_survey_wave_unit_organisation: { code: 'NOT_FOUND', field: 'input.unitIds', message: 'one of the units does not exist' },
});

export const SurveyErrors = {
  closesBeforeOpens: () => badInput('input.closesOn', 'must not be before opensOn'),
  notFollowing: () => forbidden('Only admins and the researchers following the pilot open and close its survey waves'),
  unitNotInPilot: (field: string) => badInput(field, 'neither this unit nor one it belongs to takes part in the pilot'),
  waveClosed: (label: string, opensOn: string, closesOn: string, closedAt: Date | null) =>
    conflict(
      closedAt
        ? `The wave "${label}" was closed on ${closedAt.toISOString().slice(0, 10)}; it takes no more responses`
        : `The wave "${label}" takes responses from ${opensOn} to ${closesOn} only`,
      'input.waveId',
    ),
};
