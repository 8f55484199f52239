import { ArgsType, Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayUnique, IsEnum, IsISO8601, IsOptional, IsString, IsUUID, MaxLength, ValidateNested } from 'class-validator';
import { LocalDateResolver } from 'graphql-scalars';
import { LevelFilterField, RoleFilterField } from '../../observation/dto/where-fields';
import { ObservationKind, RespondentRole } from '../../observation/observation.enums';
import { SteeringLevel } from '../../pilot/pilot.enums';
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
  DEFINITION_PART = 'DEFINITION_PART',
  CONTROL_SYSTEM = 'CONTROL_SYSTEM',
  EFFECT_VARIABLE = 'EFFECT_VARIABLE',
  CONTEXTUAL_CONDITION = 'CONTEXTUAL_CONDITION',
  OWN_CODE = 'OWN_CODE',
}
registerEnumType(CodeDimension, {
  name: 'CodeDimension',
  description: 'A dimension of the coding framework.',
  valuesMap: {
    FORM: { description: 'Governance forms.' },
    PHASE: { description: 'The time dimension.' },
    RELATION: { description: 'Trust relations.' },
    METHOD: { description: 'Trust-based methods with their polarity: codes like "LESS_DETAIL_STEERING:WEAKENED_OR_REVERSED".' },
    TRUSTWORTHINESS: { description: 'Ability, integrity, benevolence.' },
    ORIENTATION: { description: 'Controlling, enabling or mixed steering.' },
    EFFECT_ON_TRUST: { description: 'What it did to trust.' },
    DEFINITION_PART: { description: 'Parts of the definition of trust-based steering.' },
    CONTROL_SYSTEM: { description: 'Simons’ control systems.' },
    EFFECT_VARIABLE: { description: 'Effect variables with their direction: codes like "STAFF_DISCRETION:WEAKENS".' },
    CONTEXTUAL_CONDITION: { description: 'Contextual conditions outside formal steering.' },
    OWN_CODE: { description: 'Researchers’ own codes: the code is the own code’s id (ownCodes has names; org reporters count none).' },
  },
});

/** What to break code counts down by, besides the code. */
export enum CodeGroupBy {
  PILOT = 'PILOT',
  LEVEL = 'LEVEL',
  RESPONDENT_ROLE = 'RESPONDENT_ROLE',
}
registerEnumType(CodeGroupBy, {
  name: 'CodeGroupBy',
  description: 'What to break code counts down by (any combination).',
  valuesMap: {
    PILOT: { description: 'The observation’s pilot.' },
    LEVEL: { description: 'The steering-chain level where it was made.' },
    RESPONDENT_ROLE: { description: 'Who spoke (observations without a role form their own group).' },
  },
});

export enum CodedUnit {
  OBSERVATIONS = 'OBSERVATIONS',
  SEGMENTS = 'SEGMENTS',
}
registerEnumType(CodedUnit, {
  name: 'CodedUnit',
  description: 'Count coded observations, or coded segments of their text.',
  valuesMap: {
    OBSERVATIONS: { description: 'Count observations carrying the code.' },
    SEGMENTS: { description: 'Count coded segments carrying the code.' },
  },
});

@InputType({ description: 'Which observations to count (as for `observations`); segments count by their observation.' })
export class CodeCountFilter {
  @Field(() => [ID], { nullable: true, description: 'Of any of these pilots.' })
  @IsOptional()
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true })
  pilotId?: string[];

  @Field(() => ID, { nullable: true, description: 'Made at this organisation or its units.' })
  @IsOptional()
  @IsUUID('all')
  organisationId?: string;

  @Field(() => ID, { nullable: true, description: 'Logged by this researcher.' })
  @IsOptional()
  @IsUUID('all')
  authorId?: string;

  @Field(() => [ObservationKind], { nullable: true, description: 'Any of these kinds of observation.' })
  @IsOptional()
  @IsEnum(ObservationKind, { each: true })
  kind?: ObservationKind[];

  @LevelFilterField()
  level?: SteeringLevel[];

  @RoleFilterField()
  respondentRole?: RespondentRole[];

  @Field(() => LocalDateResolver, { nullable: true, description: 'Observations on or after this day.' })
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;

  @Field(() => LocalDateResolver, { nullable: true, description: 'Observations on or before this day.' })
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;

  @Field({ nullable: true, description: 'Carrying this tag.' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  tag?: string;
}

@InputType({ description: 'How often each framework code was used.' })
export class CodeFrequenciesInput {
  @Field(() => CodedUnit, { defaultValue: CodedUnit.OBSERVATIONS, description: 'Count observations or coded segments.' })
  @IsEnum(CodedUnit)
  unit: CodedUnit;

  @Field(() => [CodeDimension], { nullable: true, description: 'Default: every dimension.' })
  @IsOptional()
  @ArrayUnique()
  @IsEnum(CodeDimension, { each: true })
  dimensions?: CodeDimension[];

  @Field(() => Bucket, { nullable: true, description: 'Count per month, quarter or year of occurredOn.' })
  @IsOptional()
  @IsEnum(Bucket)
  bucket?: Bucket;

  @Field(() => [CodeGroupBy], { defaultValue: [], description: 'Break the counts down by pilot, level and/or respondent role.' })
  @ArrayUnique()
  @IsEnum(CodeGroupBy, { each: true })
  groupBy: CodeGroupBy[] = [];

  @Field(() => CodeCountFilter, { nullable: true, description: 'Which observations count.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => CodeCountFilter)
  filter?: CodeCountFilter;
}

@InputType({ description: 'How often codes of two dimensions were used together.' })
export class CodeCooccurrenceInput {
  @Field(() => CodedUnit, { defaultValue: CodedUnit.OBSERVATIONS, description: 'Count observations or coded segments.' })
  @IsEnum(CodedUnit)
  unit: CodedUnit;

  @Field(() => CodeDimension, { description: 'The dimension of the rows.' })
  @IsEnum(CodeDimension)
  rows: CodeDimension;

  @Field(() => CodeDimension, { description: 'The dimension of the columns.' })
  @IsEnum(CodeDimension)
  columns: CodeDimension;

  @Field(() => [CodeGroupBy], { defaultValue: [], description: 'Break the counts down by pilot, level and/or respondent role.' })
  @ArrayUnique()
  @IsEnum(CodeGroupBy, { each: true })
  groupBy: CodeGroupBy[] = [];

  @Field(() => CodeCountFilter, { nullable: true, description: 'Which observations count.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => CodeCountFilter)
  filter?: CodeCountFilter;
}

@ArgsType()
export class CodeFrequenciesArgs {
  @Field(() => CodeFrequenciesInput) @ValidateNested() @Type(() => CodeFrequenciesInput) input: CodeFrequenciesInput;
}
@ArgsType()
export class CodeCooccurrenceArgs {
  @Field(() => CodeCooccurrenceInput) @ValidateNested() @Type(() => CodeCooccurrenceInput) input: CodeCooccurrenceInput;
}

@ObjectType({ description: 'How often one code was used (in one bucket, when asked).' })
export class CodeFrequencyRow {
  @Field(() => LocalDateResolver, { nullable: true, description: 'Start of the bucket, when bucketed.' }) bucketStart: string | null;
  @Field(() => CodeDimension, { description: 'The code’s dimension.' }) dimension: CodeDimension;
  @Field({ description: 'The framework code (enum value of that dimension).' }) code: string;
  @Field(() => Int, { description: 'Observations (or segments) coded with it.' }) count: number;
  @Field(() => ID, { nullable: true, description: 'With groupBy PILOT: the pilot.' }) pilotId: string | null;
  @Field(() => SteeringLevel, { nullable: true, description: 'With groupBy LEVEL: the level.' }) level: SteeringLevel | null;
  @Field(() => RespondentRole, { nullable: true, description: 'With groupBy RESPONDENT_ROLE: the role (null: none given).' })
  respondentRole: RespondentRole | null;
}

@ObjectType({ description: 'How often a row code and a column code were used together.' })
export class CodeCooccurrenceCell {
  @Field({ description: 'The code of the rows’ dimension.' }) rowCode: string;
  @Field({ description: 'The code of the columns’ dimension.' }) columnCode: string;
  @Field(() => Int, { description: 'Observations (or segments) coded with both.' }) count: number;
  @Field(() => ID, { nullable: true, description: 'With groupBy PILOT: the pilot.' }) pilotId: string | null;
  @Field(() => SteeringLevel, { nullable: true, description: 'With groupBy LEVEL: the level.' }) level: SteeringLevel | null;
  @Field(() => RespondentRole, { nullable: true, description: 'With groupBy RESPONDENT_ROLE: the role (null: none given).' })
  respondentRole: RespondentRole | null;
}
