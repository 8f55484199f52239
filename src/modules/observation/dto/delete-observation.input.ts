import { Field, ID, InputType } from '@nestjs/graphql';
import { IsNotEmpty, IsString, IsUUID, MaxLength } from 'class-validator';

@InputType()
export class DeleteObservationInput {
  @Field(() => ID)
  @IsUUID('all')
  id: string;

  @Field({ description: 'Why it is deleted; kept with the observation’s history.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason: string;
}

@InputType()
export class RestoreObservationInput {
  @Field(() => ID)
  @IsUUID('all')
  id: string;
}
