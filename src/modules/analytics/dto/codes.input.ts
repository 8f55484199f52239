import { ArgsType, Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayUnique, IsEnum, IsISO8601, IsOptional, IsString, IsUUID, MaxLength, ValidateNested } from 'class-validator';
import { LocalDateResolver } from 'graphql-scalars';
import { ObservationKind } from '../../observation/observation.enums';
import { Bucket } from './series.input';

/** A dimension of the coding framework, as coded on observations and segments. */
export enum CodeDimension {
  FORM = 'FORM',
  PHASE = 'PHASE',
  RELATION = 'RELATION',
  METHOD = 'METHOD',
  TRUSTWORTHINESS = 'TRUSTWORTHINESS',
  ORIENTATION = 'ORIENTATION',
  EFFECT_ON_TRUST = 'EFFECT_ON_TRUST',
}
registerEnumType(CodeDimension, { name: 'CodeDimension' });

export enum CodedUnit {
  OBSERVATIONS = 'OBSERVATIONS',
  SEGMENTS = 'SEGMENTS',
}
registerEnumType(CodedUnit, { name: 'CodedUnit', description: 'Count coded observations, or coded segments of their text.' });

@InputType({ description: 'Which observations to count (as for `observations`); segments count by their observation.' })
export class CodeCountFilter {
  @Field(() => [ID], { nullable: true }) @IsOptional() @ArrayMaxSize(100) @IsUUID('all', { each: true })
  pilotId?: string[];

  @Field(() => ID, { nullable: true, description: 'Made at this organisation or its units.' }) @IsOptional() @IsUUID('all')
  organisationId?: string;

  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID('all')
  authorId?: string;

  @Field(() => [ObservationKind], { nullable: true }) @IsOptional() @IsEnum(ObservationKind, { each: true })
  kind?: ObservationKind[];

  @Field(() => LocalDateResolver, { nullable: true }) @IsOptional() @IsISO8601({ strict: true })
  from?: string;

  @Field(() => LocalDateResolver, { nullable: true }) @IsOptional() @IsISO8601({ strict: true })
  to?: string;

  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(100)
  tag?: string;
}

@InputType()
export class CodeFrequenciesInput {
  @Field(() => CodedUnit, { defaultValue: CodedUnit.OBSERVATIONS }) @IsEnum(CodedUnit)
  unit: CodedUnit;

  @Field(() => [CodeDimension], { nullable: true, description: 'Default: every dimension.' })
  @IsOptional() @ArrayUnique() @IsEnum(CodeDimension, { each: true })
  dimensions?: CodeDimension[];

  @Field(() => Bucket, { nullable: true, description: 'Count per month, quarter or year of occurredOn.' }) @IsOptional() @IsEnum(Bucket)
  bucket?: Bucket;

  @Field(() => CodeCountFilter, { nullable: true }) @IsOptional() @ValidateNested() @Type(() => CodeCountFilter)
  filter?: CodeCountFilter;
}

@InputType()
export class CodeCooccurrenceInput {
  @Field(() => CodedUnit, { defaultValue: CodedUnit.OBSERVATIONS }) @IsEnum(CodedUnit)
  unit: CodedUnit;

  @Field(() => CodeDimension) @IsEnum(CodeDimension)
  rows: CodeDimension;

  @Field(() => CodeDimension) @IsEnum(CodeDimension)
  columns: CodeDimension;

  @Field(() => CodeCountFilter, { nullable: true }) @IsOptional() @ValidateNested() @Type(() => CodeCountFilter)
  filter?: CodeCountFilter;
}

@ArgsType() export class CodeFrequenciesArgs { @Field(() => CodeFrequenciesInput) @ValidateNested() @Type(() => CodeFrequenciesInput) input: CodeFrequenciesInput; }
@ArgsType() export class CodeCooccurrenceArgs { @Field(() => CodeCooccurrenceInput) @ValidateNested() @Type(() => CodeCooccurrenceInput) input: CodeCooccurrenceInput; }

@ObjectType()
export class CodeFrequencyRow {
  @Field(() => LocalDateResolver, { nullable: true, description: 'Start of the bucket, when bucketed.' }) bucketStart: string | null;
  @Field(() => CodeDimension) dimension: CodeDimension;
  @Field({ description: 'The framework code (enum value of that dimension).' }) code: string;
  @Field(() => Int, { description: 'Observations (or segments) coded with it.' }) count: number;
}

@ObjectType()
export class CodeCooccurrenceCell {
  @Field() rowCode: string;
  @Field() columnCode: string;
  @Field(() => Int, { description: 'Observations (or segments) coded with both.' }) count: number;
}
