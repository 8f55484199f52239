import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsBoolean, IsEnum, IsISO8601, IsOptional, IsString, IsUUID, MaxLength, ValidateNested } from 'class-validator';
import { LocalDateResolver } from 'graphql-scalars';
import { PageArgs } from '../../../common/pagination/connection';
import { GovernanceForm, GovernancePhase, TrustMethod, TrustRelation, Trustworthiness } from '../../framework/framework.enums';
import { CodedOrientation, CodeMatch, ObservationKind, TrustEffect } from '../observation.enums';

@InputType({ description: 'Framework codes to look for; see `codeMatch`.' })
export class CodeFilter {
  @Field(() => [GovernanceForm], { nullable: true }) @IsOptional() @IsEnum(GovernanceForm, { each: true })
  forms?: GovernanceForm[];

  @Field(() => [TrustRelation], { nullable: true }) @IsOptional() @IsEnum(TrustRelation, { each: true })
  relations?: TrustRelation[];

  @Field(() => [TrustMethod], { nullable: true }) @IsOptional() @IsEnum(TrustMethod, { each: true })
  methods?: TrustMethod[];

  @Field(() => [Trustworthiness], { nullable: true }) @IsOptional() @IsEnum(Trustworthiness, { each: true })
  trustworthiness?: Trustworthiness[];

  @Field(() => [GovernancePhase], { nullable: true }) @IsOptional() @IsEnum(GovernancePhase, { each: true })
  phase?: GovernancePhase[];

  @Field(() => [CodedOrientation], { nullable: true }) @IsOptional() @IsEnum(CodedOrientation, { each: true })
  orientation?: CodedOrientation[];

  @Field(() => [TrustEffect], { nullable: true }) @IsOptional() @IsEnum(TrustEffect, { each: true })
  effectOnTrust?: TrustEffect[];
}

@InputType()
export class ObservationFilter {
  @Field(() => [ID], { nullable: true }) @IsOptional() @ArrayMaxSize(100) @IsUUID('all', { each: true })
  pilotId?: string[];

  @Field(() => ID, { nullable: true, description: 'Made at this organisation or one of its units.' })
  @IsOptional() @IsUUID('all')
  organisationId?: string;

  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID('all')
  authorId?: string;

  @Field(() => [ObservationKind], { nullable: true }) @IsOptional() @IsEnum(ObservationKind, { each: true })
  kind?: ObservationKind[];

  @Field(() => LocalDateResolver, { nullable: true, description: 'Occurred on or after.' })
  @IsOptional() @IsISO8601({ strict: true })
  from?: string;

  @Field(() => LocalDateResolver, { nullable: true, description: 'Occurred on or before.' })
  @IsOptional() @IsISO8601({ strict: true })
  to?: string;

  @Field(() => CodeFilter, { nullable: true })
  @IsOptional() @ValidateNested() @Type(() => CodeFilter)
  codes?: CodeFilter;

  @Field(() => CodeMatch, { defaultValue: CodeMatch.ANY })
  @IsEnum(CodeMatch)
  codeMatch: CodeMatch = CodeMatch.ANY;

  @Field({ nullable: true, description: 'Has this tag (exact).' })
  @IsOptional() @IsString() @MaxLength(100)
  tag?: string;

  @Field({ nullable: true, description: 'Full-text search of title and text, Swedish stemming ("styrningen" finds "styrning").' })
  @IsOptional() @IsString() @MaxLength(500)
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
