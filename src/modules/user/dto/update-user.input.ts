import { Field, ID, InputType, OmitType, PartialType } from '@nestjs/graphql';
import { IsBoolean, IsOptional, IsUUID } from 'class-validator';
import { CreateUserInput } from './create-user.input';
import { ReasonField } from '../../../common/corrections/correction.input';

@InputType({ description: 'Fields left out stay as they are.' })
export class UpdateUserInput extends PartialType(OmitType(CreateUserInput, ['clientId'] as const), { omitDefaultValues: true }) {
  @Field(() => ID, { description: 'The user.' })
  @IsUUID('all')
  id: string;

  @Field({ nullable: true, description: 'false deactivates the user: no login, and existing tokens stop working.' })
  @IsOptional()
  @IsBoolean()
  active?: boolean;

  @ReasonField()
  reason: string;
}
