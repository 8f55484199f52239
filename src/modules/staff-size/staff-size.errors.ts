import { badInput } from '../../common/errors/domain-error';
import { registerConstraints } from '../../common/errors/pg-errors';

registerConstraints({
  ex_staff_size_overlap: {
    code: 'CONFLICT',
    field: 'input.validFrom',
    message: 'the period overlaps another staff size of this organisation: correct that one (updateStaffSize), or end it first',
  },
  fk_staff_size_organisation: { code: 'NOT_FOUND', field: 'input.organisationId', message: 'the organisation does not exist' },
});

export const StaffSizeErrors = {
  endBeforeStart: () => badInput('input.validTo', 'must not be before validFrom'),
};
