import { ArgsType, Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayUnique, IsBoolean, IsEnum, IsISO8601, IsInt, IsOptional, IsUUID, Max, Min, ValidateNested } from 'class-validator';
import { LocalDateResolver } from 'graphql-scalars';
import { GovernanceForm } from '../../framework/framework.enums';
import { InstrumentKind, MeasureType } from '../../steering/steering.enums';

export enum Bucket {
  MONTH = 'MONTH',
  QUARTER = 'QUARTER',
  YEAR = 'YEAR',
}
registerEnumType(Bucket, { name: 'Bucket', description: 'Calendar months, quarters or years.' });

export enum BurdenGroupBy {
  ORGANISATION = 'ORGANISATION',
  GOVERNANCE_FORM = 'GOVERNANCE_FORM',
  INSTRUMENT_KIND = 'INSTRUMENT_KIND',
  IMPOSED_BY = 'IMPOSED_BY',
  INDICATOR = 'INDICATOR',
  MEASURE_TYPE = 'MEASURE_TYPE',
}
registerEnumType(BurdenGroupBy, { name: 'BurdenGroupBy' });

/** A date range cut into buckets, for an organisation (and its units) or everything in scope. */
@InputType({ isAbstract: true })
export abstract class SeriesInput {
  @Field(() => LocalDateResolver) @IsISO8601({ strict: true })
  from: string;

  @Field(() => LocalDateResolver) @IsISO8601({ strict: true })
  to: string;

  @Field(() => Bucket, { defaultValue: Bucket.MONTH }) @IsEnum(Bucket)
  bucket: Bucket;

  @Field(() => ID, { nullable: true, description: 'This organisation and its units.' }) @IsOptional() @IsUUID('all')
  organisationId?: string;

  @Field(() => ID, { nullable: true, description: 'The organisations taking part in this pilot, and their units.' }) @IsOptional() @IsUUID('all')
  pilotId?: string;

  @Field(() => Int, { nullable: true, description: 'With organisation grouping: count each organisation as its ancestor at this depth (0 = top).' })
  @IsOptional() @IsInt() @Min(0) @Max(20)
  organisationDepth?: number;
}

@InputType()
export class BurdenSeriesInput extends SeriesInput {
  @Field(() => [BurdenGroupBy], { defaultValue: [] }) @ArrayUnique() @IsEnum(BurdenGroupBy, { each: true })
  groupBy: BurdenGroupBy[];

  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID('all')
  instrumentId?: string;
}

@InputType()
export class IndicatorLoadInput extends SeriesInput {
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID('all')
  instrumentId?: string;
}

@InputType()
export class TimeThiefSummaryInput extends SeriesInput {
  @Field({ defaultValue: false, description: 'One row per organisation (see organisationDepth) and bucket.' }) @IsBoolean()
  byOrganisation: boolean;
}

@ArgsType() export class BurdenSeriesArgs { @Field(() => BurdenSeriesInput) @ValidateNested() @Type(() => BurdenSeriesInput) input: BurdenSeriesInput; }
@ArgsType() export class IndicatorLoadArgs { @Field(() => IndicatorLoadInput) @ValidateNested() @Type(() => IndicatorLoadInput) input: IndicatorLoadInput; }
@ArgsType() export class TimeThiefSummaryArgs { @Field(() => TimeThiefSummaryInput) @ValidateNested() @Type(() => TimeThiefSummaryInput) input: TimeThiefSummaryInput; }

@ObjectType({ description: 'Indicator reporting in one bucket (and group). Reports spanning several buckets are split by days.' })
export class BurdenSeriesRow {
  @Field(() => LocalDateResolver) bucketStart: string;
  @Field(() => LocalDateResolver) bucketEnd: string;
  @Field(() => ID, { nullable: true }) organisationId: string | null;
  @Field(() => GovernanceForm, { nullable: true }) governanceForm: GovernanceForm | null;
  @Field(() => InstrumentKind, { nullable: true }) instrumentKind: InstrumentKind | null;
  @Field(() => ID, { nullable: true }) imposedById: string | null;
  @Field(() => ID, { nullable: true }) indicatorId: string | null;
  @Field(() => MeasureType, { nullable: true }) measureType: MeasureType | null;
  @Field(() => Float, { description: 'Staff hours on recording and reporting (pro rata).' }) staffHours: number;
  @Field(() => Float, { description: 'Staff involved, weighted like the hours.' }) staffCount: number;
  @Field(() => Float, { nullable: true, description: 'staffHours / staffCount.' }) hoursPerStaff: number | null;
  @Field(() => Int, { description: 'Reports overlapping the bucket.' }) reports: number;
  @Field(() => Float, { description: 'Share of those reports whose indicator the unit uses for its own improvement (YES).' }) shareUsedForImprovement: number;
  @Field(() => Float, { description: 'Share answered PARTLY.' }) sharePartlyUsed: number;
}

@ObjectType({ description: 'Indicators in force for one organisation in one bucket.' })
export class IndicatorLoadRow {
  @Field(() => LocalDateResolver) bucketStart: string;
  @Field(() => LocalDateResolver) bucketEnd: string;
  @Field(() => ID) organisationId: string;
  @Field(() => Int, { description: 'Indicators of instruments applying to it, introduced and not retired during the bucket.' }) indicators: number;
  @Field(() => Int, { description: 'Of those, how many payment depends on.' }) paymentDependent: number;
}

@ObjectType({ description: 'Time thieves per bucket (by the date of each status change).' })
export class TimeThiefSummaryRow {
  @Field(() => LocalDateResolver) bucketStart: string;
  @Field(() => LocalDateResolver) bucketEnd: string;
  @Field(() => ID, { nullable: true }) organisationId: string | null;
  @Field(() => Int) reported: number;
  @Field(() => Int) removed: number;
  @Field(() => Int) kept: number;
  @Field(() => Float, { description: 'Staff hours per week freed by the removals: Σ minutes per week × staff affected / 60.' }) hoursFreedPerWeek: number;
}
