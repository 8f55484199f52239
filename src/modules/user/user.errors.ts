import { badInput } from '../../common/errors/domain-error';
import { registerConstraints } from '../../common/errors/pg-errors';

registerConstraints({
  uq_app_user_email: { code: 'CONFLICT', field: 'input.email', message: 'a user with this e-mail address already exists' },
  fk_app_user_organisation: { code: 'NOT_FOUND', field: 'input.organisationId', message: 'the organisation does not exist' },
  chk_app_user_reporter_organisation: {
    code: 'BAD_USER_INPUT',
    field: 'input.organisationId',
    message: 'an ORG_REPORTER belongs to exactly one organisation; other roles to none',
  },
});

export const UserErrors = {
  reporterNeedsOrganisation: () => badInput('input.organisationId', 'an ORG_REPORTER must belong to an organisation; other roles must not'),
};
