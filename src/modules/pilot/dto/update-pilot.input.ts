import { Field, ID, InputType, OmitType, PartialType } from '@nestjs/graphql';
import { IsUUID } from 'class-validator';
import { CreatePilotInput } from './create-pilot.input';
import { ReasonField } from '../../../common/corrections/correction.input';

@InputType({ description: 'Fields left out stay as they are. Participants and researchers have their own mutations.' })
export class UpdatePilotInput extends PartialType(OmitType(CreatePilotInput, ['participants', 'researchers', 'clientId'] as const), {
  omitDefaultValues: true,
}) {
  @Field(() => ID, { description: 'The pilot.' })
  @IsUUID('all')
  id: string;

  @ReasonField()
  reason: string;
}
