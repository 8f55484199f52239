import { Field, ID, InputType } from '@nestjs/graphql';
import { IsEnum, IsISO8601, IsOptional, IsUUID } from 'class-validator';
import { LocalDateResolver } from 'graphql-scalars';
import { ParticipantRole, SteeringLevel } from '../pilot.enums';
import { ClientIdField } from '../../client-request/retryable.input';

@InputType({ description: 'An organisation taking part at one steering-chain level.' })
export class PilotParticipantInput {
  @Field(() => ID, { description: 'The organisation taking part.' })
  @IsUUID('all')
  organisationId: string;

  @Field(() => SteeringLevel, { description: 'Its level in the steering chain, from the state to the front line.' })
  @IsEnum(SteeringLevel)
  level: SteeringLevel;

  @Field(() => ParticipantRole, { defaultValue: ParticipantRole.PARTICIPANT, description: 'Lead, participant, support or supervisory.' })
  @IsEnum(ParticipantRole)
  role: ParticipantRole = ParticipantRole.PARTICIPANT;

  @Field(() => LocalDateResolver, { nullable: true, description: "Defaults to the pilot's start date." })
  @IsOptional()
  @IsISO8601({ strict: true })
  fromDate?: string;

  @Field(() => LocalDateResolver, { nullable: true, description: 'Its last day in the pilot; leave out while it takes part.' })
  @IsOptional()
  @IsISO8601({ strict: true })
  toDate?: string | null;
}

@InputType({ description: 'Adds an organisation to a pilot at one steering-chain level (admins).' })
export class AddPilotParticipantInput extends PilotParticipantInput {
  @ClientIdField()
  clientId?: string;

  @Field(() => ID, { description: 'The pilot.' })
  @IsUUID('all')
  pilotId: string;
}
