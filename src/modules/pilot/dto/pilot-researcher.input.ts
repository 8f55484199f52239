import { Field, ID, InputType } from '@nestjs/graphql';
import { IsISO8601, IsOptional, IsUUID } from 'class-validator';
import { LocalDateResolver } from 'graphql-scalars';
import { ClientIdField } from '../../client-request/retryable.input';

@InputType({ description: 'A researcher (a user with role RESEARCHER) who follows the pilot.' })
export class PilotResearcherInput {
  @Field(() => ID)
  @IsUUID('all')
  userId: string;

  @Field(() => LocalDateResolver, { nullable: true, description: "Defaults to the pilot's start date." })
  @IsOptional()
  @IsISO8601({ strict: true })
  fromDate?: string;

  @Field(() => LocalDateResolver, { nullable: true })
  @IsOptional()
  @IsISO8601({ strict: true })
  toDate?: string | null;
}

@InputType()
export class AddPilotResearcherInput extends PilotResearcherInput {
  @ClientIdField()
  clientId?: string;

  @Field(() => ID)
  @IsUUID('all')
  pilotId: string;
}
