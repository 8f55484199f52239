import { badInput, conflict, forbidden } from '../../common/errors/domain-error';
import { registerConstraints } from '../../common/errors/pg-errors';
import { TEXT_MAX } from './observation.entity';

registerConstraints({
  fk_observation_pilot: { code: 'NOT_FOUND', field: 'input.pilotId', message: 'the pilot does not exist' },
  fk_observation_organisation: { code: 'NOT_FOUND', field: 'input.organisationId', message: 'the organisation does not exist' },
  chk_observation_text_length: { code: 'BAD_USER_INPUT', field: 'input.text', message: `is longer than ${TEXT_MAX} characters` },
  uq_observation_author_client_id: { code: 'CONFLICT', field: 'input.clientId', message: 'you already used this clientId' },
});

export const ObservationErrors = {
  notFollowing: (date: string) => forbidden(`You do not follow this pilot on ${date}: only its researchers (and admins) write to it`),
  notAuthor: () => forbidden('Only the author of the observation, or an admin, can change it'),
  stale: (current: number, expected: number) =>
    conflict(
      `The observation is at version ${current}, not ${expected}: someone changed it. Reload, apply your edit again and send version ${current}.`,
      'input.expectedVersion',
    ),
  clientIdReused: () => conflict('This clientId was already used for a different observation; use a new UUID for new content', 'input.clientId'),
  textTooLong: (n: number) => badInput('input.text', `is ${n} characters long; at most ${TEXT_MAX} are allowed`),
  notInPilot: () => badInput('input.organisationId', 'neither this organisation nor one it belongs to takes part in the pilot'),
  deleted: () => conflict('The observation is deleted: restore it first'),
};
