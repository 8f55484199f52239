import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsBoolean, IsEnum, IsISO8601, IsOptional, IsString, IsUUID, MaxLength, ValidateNested } from 'class-validator';
import { LocalDateResolver } from 'graphql-scalars';
import { PageArgs } from '../../../common/pagination/connection';
import { GovernanceForm, GovernancePhase, MethodPolarity, TrustMethod, TrustRelation, Trustworthiness } from '../../framework/framework.enums';
import { SteeringLevel } from '../../pilot/pilot.enums';
import { CodedOrientation, CodeMatch, ObservationKind, RespondentRole, TrustEffect } from '../observation.enums';
import { LevelFilterField, RoleFilterField } from './where-fields';

@InputType({ description: 'Framework codes to look for; see `codeMatch`.' })
export class CodeFilter {
  @Field(() => [GovernanceForm], { nullable: true, description: 'Governance forms.' })
  @IsOptional()
  @IsEnum(GovernanceForm, { each: true })
  forms?: GovernanceForm[];

  @Field(() => [TrustRelation], { nullable: true, description: 'Trust relations.' })
  @IsOptional()
  @IsEnum(TrustRelation, { each: true })
  relations?: TrustRelation[];

  @Field(() => [TrustMethod], { nullable: true, description: 'Trust-based methods (with any polarity, unless `methodPolarity` is given).' })
  @IsOptional()
  @IsEnum(TrustMethod, { each: true })
  methods?: TrustMethod[];

  @Field(() => [MethodPolarity], {
    nullable: true,
    description: 'Only method codes with one of these polarities count (for `methods`, or for any method when `methods` is not given).',
  })
  @IsOptional()
  @IsEnum(MethodPolarity, { each: true })
  methodPolarity?: MethodPolarity[];

  @Field(() => [Trustworthiness], { nullable: true, description: 'Ability, integrity, benevolence.' })
  @IsOptional()
  @IsEnum(Trustworthiness, { each: true })
  trustworthiness?: Trustworthiness[];

  @Field(() => [GovernancePhase], { nullable: true, description: 'Phases of the time dimension.' })
  @IsOptional()
  @IsEnum(GovernancePhase, { each: true })
  phase?: GovernancePhase[];

  @Field(() => [CodedOrientation], { nullable: true, description: 'Controlling, enabling or mixed.' })
  @IsOptional()
  @IsEnum(CodedOrientation, { each: true })
  orientation?: CodedOrientation[];

  @Field(() => [TrustEffect], { nullable: true, description: 'Effects on trust.' })
  @IsOptional()
  @IsEnum(TrustEffect, { each: true })
  effectOnTrust?: TrustEffect[];
}

@InputType({ description: 'Which observations to list (all conditions must hold).' })
export class ObservationFilter {
  @Field(() => [ID], { nullable: true, description: 'Of any of these pilots.' })
  @IsOptional()
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true })
  pilotId?: string[];

  @Field(() => ID, { nullable: true, description: 'Made at this organisation or one of its units.' })
  @IsOptional()
  @IsUUID('all')
  organisationId?: string;

  @Field(() => ID, { nullable: true, description: 'Logged by this researcher.' })
  @IsOptional()
  @IsUUID('all')
  authorId?: string;

  @Field(() => [ObservationKind], { nullable: true, description: 'Any of these kinds.' })
  @IsOptional()
  @IsEnum(ObservationKind, { each: true })
  kind?: ObservationKind[];

  @LevelFilterField()
  level?: SteeringLevel[];

  @RoleFilterField()
  respondentRole?: RespondentRole[];

  @Field(() => LocalDateResolver, { nullable: true, description: 'Occurred on or after.' })
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;

  @Field(() => LocalDateResolver, { nullable: true, description: 'Occurred on or before.' })
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;

  @Field(() => CodeFilter, { nullable: true, description: 'Carrying these codes (see codeMatch).' })
  @IsOptional()
  @ValidateNested()
  @Type(() => CodeFilter)
  codes?: CodeFilter;

  @Field(() => CodeMatch, { defaultValue: CodeMatch.ANY, description: 'ANY: at least one of the codes; ALL: every one.' })
  @IsEnum(CodeMatch)
  codeMatch: CodeMatch = CodeMatch.ANY;

  @Field({ nullable: true, description: 'Has this tag (exact).' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  tag?: string;

  @Field({ nullable: true, description: 'Full-text search of title and text, Swedish stemming ("styrningen" finds "styrning").' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  text?: string;

  @Field({ defaultValue: false, description: 'Only deleted observations (yours, or any for admins), to restore them.' })
  @IsBoolean()
  deleted: boolean = false;
}

@ArgsType()
export class ObservationsArgs extends PageArgs {
  @Field(() => ObservationFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => ObservationFilter)
  filter?: ObservationFilter;
}
