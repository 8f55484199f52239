import { ArgsType, Field, ID, InputType, IntersectionType, OmitType, PartialType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayUnique, IsEnum, IsISO8601, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength, ValidateNested } from 'class-validator';
import { LocalDateResolver } from 'graphql-scalars';
import { VersionedCorrectionInput } from '../../../common/corrections/correction.input';
import { PageArgs } from '../../../common/pagination/connection';
import { ClientIdField } from '../../client-request/retryable.input';
import { SteeringLevel } from '../../pilot/pilot.enums';
import { ChangeMaker, ObstacleStatus, ObstacleType } from '../obstacle.enums';

@InputType({ description: 'A new obstacle in a pilot (researchers following the pilot, and admins). It starts IDENTIFIED.' })
export class RecordObstacleInput {
  @ClientIdField()
  clientId?: string;

  @Field(() => ID, { description: 'The pilot it stands in the way of.' })
  @IsUUID('all')
  pilotId: string;

  @Field(() => [ID], { defaultValue: [], description: 'Organisations of the pilot where it is felt.' })
  @ArrayMaxSize(100)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  organisationIds: string[];

  @Field(() => ObstacleType, { description: 'Where it lies.' })
  @IsEnum(ObstacleType)
  type: ObstacleType;

  @Field({ description: 'What stands in the way.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(20_000)
  description: string;

  @Field(() => SteeringLevel, { description: 'The level of the steering chain where it arises.' })
  @IsEnum(SteeringLevel)
  level: SteeringLevel;

  @Field(() => ID, { nullable: true, description: 'The steering instrument that causes it, if one does.' })
  @IsOptional()
  @IsUUID('all')
  causeInstrumentId?: string | null;

  @Field(() => ID, { nullable: true, description: 'The organisation that causes it, if one does.' })
  @IsOptional()
  @IsUUID('all')
  causeOrganisationId?: string | null;

  @Field({ defaultValue: '', description: 'What causes it, in words.' })
  @IsString()
  @MaxLength(20_000)
  causeText: string;

  @Field({ defaultValue: '', description: 'The change proposed.' })
  @IsString()
  @MaxLength(20_000)
  proposedChange: string;

  @Field(() => ChangeMaker, { nullable: true, description: 'Who could make the change.' })
  @IsOptional()
  @IsEnum(ChangeMaker)
  changeBy?: ChangeMaker | null;

  @Field(() => LocalDateResolver, { description: 'When it was identified.' })
  @IsISO8601({ strict: true })
  identifiedOn: string;
}

@InputType({ description: 'A dated status change of an obstacle.' })
export class UpdateObstacleStatusInput {
  @Field(() => ID, { description: 'The obstacle.' })
  @IsUUID('all')
  id: string;

  @Field(() => ObstacleStatus, { description: 'The new status.' })
  @IsEnum(ObstacleStatus)
  status: ObstacleStatus;

  @Field(() => String, { nullable: true, description: 'Required for KEPT.' })
  @IsOptional()
  @IsString()
  @MaxLength(20_000)
  reason?: string | null;

  @Field(() => LocalDateResolver, { description: 'When the change took effect; not before the previous change.' })
  @IsISO8601({ strict: true })
  changedOn: string;
}

@InputType({
  description:
    'Corrects an obstacle (fields left out stay as they are; null clears a cause), with the version you read and a reason; the earlier values stay in the audit trail.',
})
export class UpdateObstacleInput extends IntersectionType(
  VersionedCorrectionInput,
  PartialType(OmitType(RecordObstacleInput, ['clientId', 'pilotId', 'identifiedOn'] as const), { omitDefaultValues: true }),
) {}

@InputType({ description: 'Which obstacles to list (all conditions must hold).' })
export class ObstacleFilter {
  @Field(() => ID, { nullable: true, description: 'In this pilot.' })
  @IsOptional()
  @IsUUID('all')
  pilotId?: string;

  @Field(() => [ObstacleType], { nullable: true, description: 'Of any of these types.' })
  @IsOptional()
  @IsEnum(ObstacleType, { each: true })
  type?: ObstacleType[];

  @Field(() => [ObstacleStatus], { nullable: true, description: 'In any of these statuses.' })
  @IsOptional()
  @IsEnum(ObstacleStatus, { each: true })
  status?: ObstacleStatus[];

  @Field(() => [SteeringLevel], { nullable: true, description: 'Arising at any of these levels.' })
  @IsOptional()
  @IsEnum(SteeringLevel, { each: true })
  level?: SteeringLevel[];
}

@ArgsType()
export class ObstaclesArgs extends PageArgs {
  @Field(() => ObstacleFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => ObstacleFilter)
  filter?: ObstacleFilter;
}
