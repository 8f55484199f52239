import { registerConstraints } from '../../common/errors/pg-errors';

registerConstraints({
  uq_own_code_scope_name: { code: 'CONFLICT', field: 'input.name', message: 'a live own code of this name already exists here (shared, or in this pilot)' },
  chk_own_code_colour: { code: 'BAD_USER_INPUT', field: 'input.colour', message: 'must be a colour as #RRGGBB' },
});
