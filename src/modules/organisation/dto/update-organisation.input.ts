import { Field, ID, InputType, OmitType, PartialType } from '@nestjs/graphql';
import { IsUUID } from 'class-validator';
import { CreateOrganisationInput } from './create-organisation.input';
import { ReasonField } from '../../../common/corrections/correction.input';

@InputType({ description: 'Fields left out stay as they are; null clears an optional field.' })
export class UpdateOrganisationInput extends PartialType(OmitType(CreateOrganisationInput, ['clientId'] as const), { omitDefaultValues: true }) {
  @Field(() => ID, { description: 'The organisation.' })
  @IsUUID('all')
  id: string;

  @ReasonField()
  reason: string;
}
