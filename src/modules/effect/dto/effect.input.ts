import { ArgsType, Field, ID, InputType, IntersectionType, OmitType, PartialType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsEnum, IsISO8601, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength, ValidateNested } from 'class-validator';
import { LocalDateResolver } from 'graphql-scalars';
import { VersionedCorrectionInput } from '../../../common/corrections/correction.input';
import { PageArgs } from '../../../common/pagination/connection';
import { ClientIdField } from '../../client-request/retryable.input';
import { EffectAspect, EffectDirection, EvidenceStrength } from '../effect.enums';

@InputType({ description: 'An assessed effect of a pilot for a period (admins and the researchers following the pilot).' })
export class RecordEffectInput {
  @ClientIdField()
  clientId?: string;

  @Field(() => ID, { description: 'The pilot.' })
  @IsUUID('all')
  pilotId: string;

  @Field(() => LocalDateResolver, { description: 'The first day of the period assessed.' })
  @IsISO8601({ strict: true })
  periodStart: string;

  @Field(() => LocalDateResolver, { description: 'The last day of the period assessed.' })
  @IsISO8601({ strict: true })
  periodEnd: string;

  @Field(() => EffectAspect, { description: 'What the effect is on.' })
  @IsEnum(EffectAspect)
  aspect: EffectAspect;

  @Field(() => EffectDirection, { description: 'Which way it goes.' })
  @IsEnum(EffectDirection)
  direction: EffectDirection;

  @Field(() => EvidenceStrength, { description: 'How strong the evidence is.' })
  @IsEnum(EvidenceStrength)
  evidenceStrength: EvidenceStrength;

  @Field({ defaultValue: '', description: 'For whom.' })
  @IsString()
  @MaxLength(2_000)
  forWhom: string;

  @Field({ description: 'The assessment in words.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(20_000)
  assessment: string;

  @Field({ defaultValue: '', description: 'The evidence behind it, in words.' })
  @IsString()
  @MaxLength(20_000)
  evidence: string;
}

@InputType({ description: 'Corrects an assessed effect (fields left out stay as they are), with the version you read and a reason.' })
export class UpdateEffectInput extends IntersectionType(
  VersionedCorrectionInput,
  PartialType(OmitType(RecordEffectInput, ['clientId', 'pilotId'] as const), { omitDefaultValues: true }),
) {}

@InputType({ description: 'Which effects to list (all conditions must hold).' })
export class EffectFilter {
  @Field(() => ID, { nullable: true, description: 'Of this pilot.' })
  @IsOptional()
  @IsUUID('all')
  pilotId?: string;

  @Field(() => [EffectAspect], { nullable: true, description: 'On any of these.' })
  @IsOptional()
  @IsEnum(EffectAspect, { each: true })
  aspect?: EffectAspect[];

  @Field(() => [EffectDirection], { nullable: true, description: 'Going any of these ways.' })
  @IsOptional()
  @IsEnum(EffectDirection, { each: true })
  direction?: EffectDirection[];

  @Field(() => LocalDateResolver, { nullable: true, description: 'Periods that end on or after this day.' })
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;

  @Field(() => LocalDateResolver, { nullable: true, description: 'Periods that start on or before this day.' })
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;
}

@ArgsType()
export class EffectsArgs extends PageArgs {
  @Field(() => EffectFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => EffectFilter)
  filter?: EffectFilter;
}
