import { Field, ID, InputType, Int, OmitType, PartialType } from '@nestjs/graphql';
import { IsInt, IsUUID, Min } from 'class-validator';
import { LogObservationInput } from './log-observation.input';
import { ReasonField } from '../../../common/corrections/correction.input';

@InputType({ description: 'Fields left out stay as they are. The pilot and author do not change.' })
export class UpdateObservationInput extends PartialType(OmitType(LogObservationInput, ['clientId', 'pilotId'] as const), { omitDefaultValues: true }) {
  @Field(() => ID, { description: 'The observation.' })
  @IsUUID('all')
  id: string;

  @Field(() => Int, { description: 'The version you edited; a newer one on the server gives CONFLICT and changes nothing.' })
  @IsInt()
  @Min(1)
  expectedVersion: number;

  @ReasonField()
  reason: string;
}
