import { Field, ID, InputType } from '@nestjs/graphql';
import { IsEnum, IsISO8601, IsOptional, IsUUID } from 'class-validator';
import { LocalDateResolver } from 'graphql-scalars';
import { ParticipantRole, SteeringLevel } from '../pilot.enums';
import { ClientIdField } from '../../client-request/retryable.input';

@InputType({ description: 'An organisation taking part at one steering-chain level.' })
export class PilotParticipantInput {
  @Field(() => ID)
  @IsUUID('all')
  organisationId: string;

  @Field(() => SteeringLevel)
  @IsEnum(SteeringLevel)
  level: SteeringLevel;

  @Field(() => ParticipantRole, { defaultValue: ParticipantRole.PARTICIPANT })
  @IsEnum(ParticipantRole)
  role: ParticipantRole = ParticipantRole.PARTICIPANT;

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
export class AddPilotParticipantInput extends PilotParticipantInput {
  @ClientIdField()
  clientId?: string;

  @Field(() => ID)
  @IsUUID('all')
  pilotId: string;
}
