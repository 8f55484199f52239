import { badInput, conflict, forbidden } from '../../common/errors/domain-error';
import { registerConstraints } from '../../common/errors/pg-errors';

registerConstraints({
  fk_survey_wave_pilot: { code: 'NOT_FOUND', field: 'input.pilotId', message: 'the pilot does not exist' },
  fk_survey_wave_instrument: { code: 'NOT_FOUND', field: 'input.instrumentId', message: 'the survey instrument does not exist' },
  fk_survey_wave_unit_organisation: { code: 'NOT_FOUND', field: 'input.unitIds', message: 'one of the units does not exist' },
});

export const SurveyErrors = {
  twin: (id: string, label: string, opensOn: string, closesOn: string) =>
    conflict(
      `Wave ${id} ("${label}", ${opensOn} to ${closesOn}) already surveys one of these units under this label in overlapping dates; use it, or give this wave another label or other dates`,
      'input.label',
    ),
  notEmpty: (responses: number, batches: number) =>
    conflict(`The wave has ${responses} responses in ${batches} batches (withdrawn ones included) and stays in the record: close it instead`, 'input.id'),
  reopenNeedsDate: (closesOn: string, today: string, given: string | null) =>
    given
      ? badInput('input.closesOn', `must be today (${today}) or later to reopen the wave`)
      : badInput('input.closesOn', `is required: the wave's last day (${closesOn}) has passed; give a new one, today (${today}) or later`),
  closesBeforeOpens: () => badInput('input.closesOn', 'must not be before opensOn'),
  notFollowing: () => forbidden('Only admins, the researchers following the pilot, and reporters for every one of its units open and close a survey wave'),
  unitNotInPilot: (field: string) => badInput(field, 'neither this unit nor one it belongs to takes part in the pilot'),
  waveClosed: (label: string, opensOn: string, closesOn: string, closedAt: Date | null) =>
    conflict(
      closedAt
        ? `The wave "${label}" was closed on ${closedAt.toISOString().slice(0, 10)}; it takes no more responses`
        : `The wave "${label}" takes responses from ${opensOn} to ${closesOn} only`,
      'input.waveId',
    ),
};
