import { ArgsType, Field, Float, GraphQLISODateTime, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsDate,
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { PageArgs } from '../../../common/pagination/connection';
import { RespondentCategory, SurveyDimension, TenureBand } from '../../survey/survey.enums';

export enum DiscretionGroupBy {
  WAVE = 'WAVE',
  UNIT = 'UNIT',
  RESPONDENT_CATEGORY = 'RESPONDENT_CATEGORY',
  TENURE_BAND = 'TENURE_BAND',
  PILOT = 'PILOT',
}
registerEnumType(DiscretionGroupBy, {
  name: 'DiscretionGroupBy',
  description: 'Ways to break results down. Results are always per wave (and so per pilot): WAVE and PILOT add nothing and are accepted for compatibility.',
  valuesMap: {
    WAVE: { description: 'Always applied: every result is one wave’s.' },
    UNIT: { description: 'By unit of the organisation tree (see unitDepth); never above an org reporter’s own organisation.' },
    RESPONDENT_CATEGORY: { description: 'By respondent category (front-line staff, first-line manager, …).' },
    TENURE_BAND: { description: 'By years in the current kind of work.' },
    PILOT: { description: 'Always applied: a wave belongs to one pilot.' },
  },
});

export enum MeasureKind {
  DIMENSION = 'DIMENSION',
  ITEM = 'ITEM',
}
registerEnumType(MeasureKind, {
  name: 'MeasureKind',
  description: 'What a result measures.',
  valuesMap: {
    DIMENSION: { description: 'A dimension score, 0–100.' },
    ITEM: { description: 'A single item on its own scale.' },
  },
});

/** What discretionResults and waveChange share: pilots, instrument, measures, grouping. */
@InputType({ isAbstract: true })
export abstract class DiscretionBaseInput {
  @Field(() => [ID], { description: 'The pilots whose waves to include.' })
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  pilotIds: string[];

  @Field(() => ID, { description: 'The instrument version whose waves to use.' })
  @IsUUID('all')
  instrumentId: string;

  @Field(() => [SurveyDimension], { nullable: true, description: 'Dimension scores, 0–100 (default: every dimension, unless items are asked for).' })
  @IsOptional()
  @ArrayUnique()
  @IsEnum(SurveyDimension, { each: true })
  dimensions?: SurveyDimension[];

  @Field(() => [String], { nullable: true, description: 'Single items by code, on their own scale, not flipped.' })
  @IsOptional()
  @ArrayMaxSize(200)
  @IsString({ each: true })
  @MaxLength(20, { each: true })
  itemCodes?: string[];

  @Field(() => [DiscretionGroupBy], { defaultValue: [], description: 'How to break results down (always per wave).' })
  @ArrayUnique()
  @IsEnum(DiscretionGroupBy, { each: true })
  groupBy: DiscretionGroupBy[];

  @Field(() => Int, { nullable: true, description: 'With UNIT: count each unit as its ancestor at this depth (0 = the top organisation).' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(20)
  unitDepth?: number;
}

@InputType({ description: 'Which discretion results to publish, and how to break them down.' })
export class DiscretionResultsInput extends DiscretionBaseInput {
  @Field(() => [ID], { nullable: true, description: 'Only these waves (default: every wave of the pilots with this instrument).' })
  @IsOptional()
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true })
  waveIds?: string[];
}

@ArgsType()
export class DiscretionResultsArgs {
  @Field(() => DiscretionResultsInput)
  @ValidateNested()
  @Type(() => DiscretionResultsInput)
  input: DiscretionResultsInput;
}

/** A result row's response rate: of the whole wave, or of one unit in it. */
export interface RateKey {
  waveId: string;
  unitId: string | null;
}

export const RESPONSE_RATE_DESCRIPTION =
  'Responses through the wave’s survey links ÷ staff invited through them: for the wave, or with groupBy UNIT (alone) for the unit. Null when suppressed, when fewer than MIN_GROUP_SIZE were invited, or for splits by category or tenure band (no invited count is theirs).';

@ObjectType({
  description:
    'One group: a fixed cell of one wave (× unit, category, tenure band as asked). Every number is published through disclosure control (docs/analysis.md): perturbed, never exact, and null when the group is suppressed.',
})
export class DiscretionResultRow {
  @Field({ description: 'A SurveyDimension, or an item code.' }) measure: string;
  @Field(() => MeasureKind, { description: 'Dimension score or single item.' }) measureKind: MeasureKind;
  @Field(() => ID, { nullable: true, description: 'The wave (always set).' }) waveId: string | null;
  @Field(() => ID, { nullable: true, description: 'The unit, with groupBy UNIT.' }) unitId: string | null;
  @Field(() => ID, { nullable: true, description: 'The wave’s pilot (always set).' }) pilotId: string | null;
  @Field(() => RespondentCategory, { nullable: true, description: 'With groupBy RESPONDENT_CATEGORY.' }) category: RespondentCategory | null;
  @Field(() => TenureBand, { nullable: true, description: 'With groupBy TENURE_BAND.' }) tenureBand: TenureBand | null;
  @Field(() => Int, { nullable: true, description: 'Respondents with a score, perturbed (never below MIN_GROUP_SIZE); null when suppressed.' }) n:
    number | null;
  @Field(() => Float, { nullable: true, description: 'Mean score, perturbed; null when suppressed.' }) mean: number | null;
  @Field(() => Float, {
    nullable: true,
    description: 'Standard deviation of the whole population in view in this wave (pooled, perturbed): per-group spreads are not published.',
  })
  sd: number | null;
  @Field(() => Float, { nullable: true, description: '95 % confidence interval (Student’s t, with n and the pooled sd).' }) ciLow: number | null;
  @Field(() => Float, { nullable: true, description: 'Upper end of the 95 % interval.' }) ciHigh: number | null;
  /** What the response rate is looked up by when asked for (the `responseRate` field): none where no rate is shown. */
  rateOf: RateKey | null;
  @Field({ description: 'Fewer respondents than MIN_GROUP_SIZE: no statistic is published.' })
  suppressed: boolean;
}

@InputType({ description: 'Which access-log entries to list.' })
export class AnalyticsAccessFilter {
  @Field(() => ID, { nullable: true, description: 'By this analyst.' })
  @IsOptional()
  @IsUUID('all')
  userId?: string;

  @Field({ nullable: true, description: 'This operation.' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  operation?: string;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'On or after this time.' })
  @IsOptional()
  @IsDate()
  from?: Date;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'Before this time.' })
  @IsOptional()
  @IsDate()
  to?: Date;
}

@ArgsType()
export class AnalyticsAccessArgs extends PageArgs {
  @Field(() => AnalyticsAccessFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => AnalyticsAccessFilter)
  filter?: AnalyticsAccessFilter;
}

@InputType({ description: 'Change between two waves of the same pilots and instrument.' })
export class WaveChangeInput extends DiscretionBaseInput {
  @Field(() => ID, { description: 'The earlier wave (e.g. the baseline).' })
  @IsUUID('all')
  fromWaveId: string;

  @Field(() => ID, { description: 'The later wave.' })
  @IsUUID('all')
  toWaveId: string;
}

@ArgsType()
export class WaveChangeArgs {
  @Field(() => WaveChangeInput)
  @ValidateNested()
  @Type(() => WaveChangeInput)
  input: WaveChangeInput;
}

@ObjectType({ description: 'Change between two waves for one group, from the two waves’ published cells. Null statistics where suppressed.' })
export class WaveChangeRow {
  @Field({ description: 'A SurveyDimension, or an item code.' }) measure: string;
  @Field(() => MeasureKind, { description: 'Dimension score or single item.' }) measureKind: MeasureKind;
  @Field(() => ID, { nullable: true, description: 'With groupBy UNIT.' }) unitId: string | null;
  @Field(() => ID, { nullable: true, description: 'The pilot of the waves.' }) pilotId: string | null;
  @Field(() => RespondentCategory, { nullable: true, description: 'With groupBy RESPONDENT_CATEGORY.' }) category: RespondentCategory | null;
  @Field(() => TenureBand, { nullable: true, description: 'With groupBy TENURE_BAND.' }) tenureBand: TenureBand | null;
  @Field(() => Int, { nullable: true, description: 'The earlier wave’s published n.' }) nFrom: number | null;
  @Field(() => Float, { nullable: true, description: 'The earlier wave’s published mean.' }) meanFrom: number | null;
  @Field(() => Int, { nullable: true, description: 'The later wave’s published n.' }) nTo: number | null;
  @Field(() => Float, { nullable: true, description: 'The later wave’s published mean.' }) meanTo: number | null;
  @Field(() => Float, { nullable: true, description: 'meanTo − meanFrom.' }) change: number | null;
  @Field(() => Float, { nullable: true, description: '95 % interval of the change (Welch, with the waves’ pooled spreads).' }) changeCiLow: number | null;
  @Field(() => Float, { nullable: true, description: 'Upper end of that interval.' }) changeCiHigh: number | null;
  @Field({ description: 'Either wave’s group has fewer respondents than MIN_GROUP_SIZE.' }) suppressed: boolean;
  @Field(() => Int, { nullable: true, description: 'Respondents linked by panel key who answered both waves (perturbed).' }) pairs: number | null;
  @Field(() => Float, { nullable: true, description: 'Mean of the linked respondents’ own changes (perturbed).' }) pairedChange: number | null;
  @Field(() => Float, { nullable: true, description: '95 % interval of the paired change (paired t, with the pooled spread of all pairs).' }) pairedCiLow:
    number | null;
  @Field(() => Float, { nullable: true, description: 'Upper end of that interval.' }) pairedCiHigh: number | null;
  @Field({ description: 'Fewer pairs than MIN_GROUP_SIZE: the pairs are a group of their own, under the same rules.' }) pairsSuppressed: boolean;
}
