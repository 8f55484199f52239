import { Field, ID, InputType } from '@nestjs/graphql';
import { IsUUID } from 'class-validator';

@InputType()
export class RemoveByIdInput {
  @Field(() => ID)
  @IsUUID('all')
  id: string;
}
