import { ArgsType, Field, Float, GraphQLISODateTime, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsDate, IsEnum, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { PageArgs } from '../../../common/pagination/connection';
import { RespondentCategory, SurveyDimension, TenureBand } from '../../survey/survey.enums';

export enum DiscretionGroupBy {
  WAVE = 'WAVE',
  UNIT = 'UNIT',
  RESPONDENT_CATEGORY = 'RESPONDENT_CATEGORY',
  TENURE_BAND = 'TENURE_BAND',
  PILOT = 'PILOT',
}
registerEnumType(DiscretionGroupBy, { name: 'DiscretionGroupBy' });

export enum MeasureKind {
  DIMENSION = 'DIMENSION',
  ITEM = 'ITEM',
}
registerEnumType(MeasureKind, { name: 'MeasureKind' });

/** What discretionResults and waveChange share: pilots, instrument, measures, grouping. */
@InputType({ isAbstract: true })
export abstract class DiscretionBaseInput {
  @Field(() => [ID]) @ArrayMinSize(1) @ArrayMaxSize(100) @ArrayUnique() @IsUUID('all', { each: true })
  pilotIds: string[];

  @Field(() => ID, { description: 'The instrument version whose waves to use.' }) @IsUUID('all')
  instrumentId: string;

  @Field(() => [SurveyDimension], { nullable: true, description: 'Dimension scores, 0–100 (default: every dimension, unless items are asked for).' })
  @IsOptional() @ArrayUnique() @IsEnum(SurveyDimension, { each: true })
  dimensions?: SurveyDimension[];

  @Field(() => [String], { nullable: true, description: 'Single items by code, on their own scale, not flipped.' })
  @IsOptional() @ArrayMaxSize(200) @IsString({ each: true }) @MaxLength(20, { each: true })
  itemCodes?: string[];

  @Field(() => [DiscretionGroupBy], { defaultValue: [] }) @ArrayUnique() @IsEnum(DiscretionGroupBy, { each: true })
  groupBy: DiscretionGroupBy[];

  @Field(() => Int, { nullable: true, description: 'With UNIT: count each unit as its ancestor at this depth (0 = the top organisation).' })
  @IsOptional() @IsInt() @Min(0) @Max(20)
  unitDepth?: number;
}

@InputType()
export class DiscretionResultsInput extends DiscretionBaseInput {
  @Field(() => [ID], { nullable: true, description: 'Only these waves (default: every wave of the pilots with this instrument).' })
  @IsOptional() @ArrayMaxSize(100) @IsUUID('all', { each: true })
  waveIds?: string[];
}

@ArgsType()
export class DiscretionResultsArgs {
  @Field(() => DiscretionResultsInput)
  @ValidateNested() @Type(() => DiscretionResultsInput)
  input: DiscretionResultsInput;
}

@ObjectType({ description: 'One group. Statistics are null when the group is suppressed (too few respondents).' })
export class DiscretionResultRow {
  @Field({ description: 'A SurveyDimension, or an item code.' }) measure: string;
  @Field(() => MeasureKind) measureKind: MeasureKind;
  @Field(() => ID, { nullable: true }) waveId: string | null;
  @Field(() => ID, { nullable: true }) unitId: string | null;
  @Field(() => ID, { nullable: true }) pilotId: string | null;
  @Field(() => RespondentCategory, { nullable: true }) category: RespondentCategory | null;
  @Field(() => TenureBand, { nullable: true }) tenureBand: TenureBand | null;
  @Field(() => Int, { nullable: true, description: 'Respondents with a score; null when suppressed.' }) n: number | null;
  @Field(() => Float, { nullable: true }) mean: number | null;
  @Field(() => Float, { nullable: true, description: 'Sample standard deviation.' }) sd: number | null;
  @Field(() => Float, { nullable: true, description: '95 % confidence interval (Student’s t).' }) ciLow: number | null;
  @Field(() => Float, { nullable: true }) ciHigh: number | null;
  @Field({ description: `Fewer respondents than MIN_GROUP_SIZE, or hidden so that another hidden group cannot be worked out by subtraction.` })
  suppressed: boolean;
}

@InputType()
export class AnalyticsAccessFilter {
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID('all')
  userId?: string;

  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(100)
  operation?: string;

  @Field(() => GraphQLISODateTime, { nullable: true }) @IsOptional() @IsDate()
  from?: Date;

  @Field(() => GraphQLISODateTime, { nullable: true }) @IsOptional() @IsDate()
  to?: Date;
}

@ArgsType()
export class AnalyticsAccessArgs extends PageArgs {
  @Field(() => AnalyticsAccessFilter, { nullable: true })
  @IsOptional() @ValidateNested() @Type(() => AnalyticsAccessFilter)
  filter?: AnalyticsAccessFilter;
}

@InputType()
export class WaveChangeInput extends DiscretionBaseInput {
  @Field(() => ID, { description: 'The earlier wave (e.g. the baseline).' }) @IsUUID('all')
  fromWaveId: string;

  @Field(() => ID, { description: 'The later wave.' }) @IsUUID('all')
  toWaveId: string;
}

@ArgsType()
export class WaveChangeArgs {
  @Field(() => WaveChangeInput)
  @ValidateNested() @Type(() => WaveChangeInput)
  input: WaveChangeInput;
}

@ObjectType({ description: 'Change between two waves for one group. Null statistics where suppressed.' })
export class WaveChangeRow {
  @Field() measure: string;
  @Field(() => MeasureKind) measureKind: MeasureKind;
  @Field(() => ID, { nullable: true }) unitId: string | null;
  @Field(() => ID, { nullable: true }) pilotId: string | null;
  @Field(() => RespondentCategory, { nullable: true }) category: RespondentCategory | null;
  @Field(() => TenureBand, { nullable: true }) tenureBand: TenureBand | null;
  @Field(() => Int, { nullable: true }) nFrom: number | null;
  @Field(() => Float, { nullable: true }) meanFrom: number | null;
  @Field(() => Int, { nullable: true }) nTo: number | null;
  @Field(() => Float, { nullable: true }) meanTo: number | null;
  @Field(() => Float, { nullable: true, description: 'meanTo − meanFrom.' }) change: number | null;
  @Field(() => Float, { nullable: true, description: '95 % interval of the change (Welch).' }) changeCiLow: number | null;
  @Field(() => Float, { nullable: true }) changeCiHigh: number | null;
  @Field({ description: 'Either wave has too few respondents, or hidden to protect another group.' }) suppressed: boolean;
  @Field(() => Int, { nullable: true, description: 'Respondents linked by panel key who answered both waves.' }) pairs: number | null;
  @Field(() => Float, { nullable: true, description: 'Mean of the linked respondents’ own changes.' }) pairedChange: number | null;
  @Field(() => Float, { nullable: true, description: '95 % interval of the paired change (paired t).' }) pairedCiLow: number | null;
  @Field(() => Float, { nullable: true }) pairedCiHigh: number | null;
  @Field({ description: 'The pairs follow the same suppression rule as groups.' }) pairsSuppressed: boolean;
}
