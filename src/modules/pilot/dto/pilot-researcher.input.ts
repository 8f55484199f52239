import { Field, ID, InputType } from '@nestjs/graphql';
import { IsISO8601, IsOptional, IsUUID } from 'class-validator';
import { LocalDateResolver } from 'graphql-scalars';
import { ClientIdField } from '../../client-request/retryable.input';

@InputType({ description: 'A researcher (a user with role RESEARCHER) who follows the pilot.' })
export class PilotResearcherInput {
  @Field(() => ID, { description: 'The researcher (a user with role RESEARCHER).' })
  @IsUUID('all')
  userId: string;

  @Field(() => LocalDateResolver, { nullable: true, description: "Defaults to the pilot's start date." })
  @IsOptional()
  @IsISO8601({ strict: true })
  fromDate?: string;

  @Field(() => LocalDateResolver, { nullable: true, description: 'Their last day following it; leave out while they do.' })
  @IsOptional()
  @IsISO8601({ strict: true })
  toDate?: string | null;
}

@InputType({ description: 'Lets a researcher follow a pilot from a date (admins).' })
export class AddPilotResearcherInput extends PilotResearcherInput {
  @ClientIdField()
  clientId?: string;

  @Field(() => ID, { description: 'The pilot.' })
  @IsUUID('all')
  pilotId: string;
}
