import { badInput } from '../../common/errors/domain-error';
import { registerConstraints } from '../../common/errors/pg-errors';

registerConstraints({
  uq_organisation_kind_official_code: {
    code: 'CONFLICT',
    field: 'input.officialCode',
    message: 'another organisation of this kind already has this official code',
  },
  fk_organisation_parent: { code: 'NOT_FOUND', field: 'input.parentId', message: 'the parent organisation does not exist' },
  chk_organisation_parent_not_self: { code: 'BAD_USER_INPUT', field: 'input.parentId', message: 'an organisation cannot be its own parent' },
});

export const OrganisationErrors = {
  cycle: () => badInput('input.parentId', 'the new parent lies inside this organisation’s own subtree; the tree would get a cycle'),
  officialCode: (expected: string) => badInput('input.officialCode', `for this kind the official code must be ${expected}`),
  countyMismatch: (county: string) => badInput('input.county', `does not match the official code, which belongs to ${county}`),
  skrGroupOnlyMunicipality: () => badInput('input.skrGroup', 'only municipalities have an SKR municipality group'),
  operatingForm: (allowed: string) => badInput('input.operatingForm', `for this kind the operating form must be ${allowed}`),
};
