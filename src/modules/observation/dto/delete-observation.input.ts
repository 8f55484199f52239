import { InputType } from '@nestjs/graphql';
import { CorrectionInput } from '../../../common/corrections/correction.input';

@InputType({ description: 'Deletes an observation (soft: it stays in its history with the reason, and can be restored).' })
export class DeleteObservationInput extends CorrectionInput {}

@InputType({ description: 'Brings a deleted observation back, with a reason.' })
export class RestoreObservationInput extends CorrectionInput {}
