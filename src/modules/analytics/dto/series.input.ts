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
registerEnumType(Bucket, {
  name: 'Bucket',
  description: 'Calendar months, quarters or years.',
  valuesMap: {
    MONTH: { description: 'Calendar months.' },
    QUARTER: { description: 'Calendar quarters.' },
    YEAR: { description: 'Calendar years.' },
  },
});

/** Each bucket as PostgreSQL names it: the `date_trunc` unit and the step between buckets. */
export const BUCKET_STEP: Record<Bucket, [unit: string, step: string]> = {
  MONTH: ['month', '1 month'],
  QUARTER: ['quarter', '3 months'],
  YEAR: ['year', '1 year'],
};

export enum BurdenGroupBy {
  ORGANISATION = 'ORGANISATION',
  GOVERNANCE_FORM = 'GOVERNANCE_FORM',
  INSTRUMENT_KIND = 'INSTRUMENT_KIND',
  IMPOSED_BY = 'IMPOSED_BY',
  INDICATOR = 'INDICATOR',
  MEASURE_TYPE = 'MEASURE_TYPE',
}
registerEnumType(BurdenGroupBy, {
  name: 'BurdenGroupBy',
  description: 'What to group burden by (any combination).',
  valuesMap: {
    ORGANISATION: { description: 'The reporting organisation, or its ancestor at organisationDepth.' },
    GOVERNANCE_FORM: { description: 'The instrument’s governance form.' },
    INSTRUMENT_KIND: { description: 'The kind of steering instrument.' },
    IMPOSED_BY: { description: 'The organisation that imposes the instrument.' },
    INDICATOR: { description: 'The indicator.' },
    MEASURE_TYPE: { description: 'Structure, process or result measure.' },
  },
});

/** A date range cut into buckets, for an organisation (and its units) or everything in scope. */
@InputType({ isAbstract: true })
export abstract class SeriesInput {
  @Field(() => LocalDateResolver, { description: 'The first day counted (the first bucket is clipped to it).' })
  @IsISO8601({ strict: true })
  from: string;

  @Field(() => LocalDateResolver, { description: 'The last day counted (the last bucket is clipped to it).' })
  @IsISO8601({ strict: true })
  to: string;

  @Field(() => Bucket, { defaultValue: Bucket.MONTH, description: 'Calendar months, quarters or years.' })
  @IsEnum(Bucket)
  bucket: Bucket;

  @Field(() => ID, { nullable: true, description: 'This organisation and its units.' })
  @IsOptional()
  @IsUUID('all')
  organisationId?: string;

  @Field(() => ID, { nullable: true, description: 'The organisations taking part in this pilot, and their units.' })
  @IsOptional()
  @IsUUID('all')
  pilotId?: string;

  @Field(() => Int, { nullable: true, description: 'With organisation grouping: count each organisation as its ancestor at this depth (0 = top).' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(20)
  organisationDepth?: number;
}

@InputType({ description: 'Staff hours on indicator reporting over time, split pro rata by days into buckets.' })
export class BurdenSeriesInput extends SeriesInput {
  @Field(() => [BurdenGroupBy], { defaultValue: [], description: 'What to break the hours down by (none: one row per bucket).' })
  @ArrayUnique()
  @IsEnum(BurdenGroupBy, { each: true })
  groupBy: BurdenGroupBy[];

  @Field(() => ID, { nullable: true, description: 'Only this instrument’s indicators.' })
  @IsOptional()
  @IsUUID('all')
  instrumentId?: string;
}

@InputType({ description: 'How many indicators apply to each organisation over time.' })
export class IndicatorLoadInput extends SeriesInput {
  @Field(() => ID, { nullable: true, description: 'Only this instrument’s indicators.' })
  @IsOptional()
  @IsUUID('all')
  instrumentId?: string;
}

@InputType({ description: 'Time thieves reported, removed and kept over time.' })
export class TimeThiefSummaryInput extends SeriesInput {
  @Field({ defaultValue: false, description: 'One row per organisation (see organisationDepth) and bucket.' })
  @IsBoolean()
  byOrganisation: boolean;
}

@ArgsType()
export class BurdenSeriesArgs {
  @Field(() => BurdenSeriesInput) @ValidateNested() @Type(() => BurdenSeriesInput) input: BurdenSeriesInput;
}
@ArgsType()
export class IndicatorLoadArgs {
  @Field(() => IndicatorLoadInput) @ValidateNested() @Type(() => IndicatorLoadInput) input: IndicatorLoadInput;
}
@ArgsType()
export class TimeThiefSummaryArgs {
  @Field(() => TimeThiefSummaryInput) @ValidateNested() @Type(() => TimeThiefSummaryInput) input: TimeThiefSummaryInput;
}

@ObjectType({ description: 'Indicator reporting in one bucket (and group). Reports spanning several buckets are split by days.' })
export class BurdenSeriesRow {
  @Field(() => LocalDateResolver, { description: 'The bucket’s first day (clipped to from).' }) bucketStart: string;
  @Field(() => LocalDateResolver, { description: 'The bucket’s last day (clipped to to).' }) bucketEnd: string;
  @Field(() => ID, { nullable: true, description: 'With ORGANISATION: the organisation (or its ancestor at organisationDepth).' }) organisationId:
    string | null;
  @Field(() => GovernanceForm, { nullable: true, description: 'With GOVERNANCE_FORM: the instrument’s governance form.' })
  governanceForm: GovernanceForm | null;
  @Field(() => InstrumentKind, { nullable: true, description: 'With INSTRUMENT_KIND: the kind of instrument.' }) instrumentKind: InstrumentKind | null;
  @Field(() => ID, { nullable: true, description: 'With IMPOSED_BY: the organisation imposing the instrument.' }) imposedById: string | null;
  @Field(() => ID, { nullable: true, description: 'With INDICATOR: the indicator.' }) indicatorId: string | null;
  @Field(() => MeasureType, { nullable: true, description: 'With MEASURE_TYPE: structure, process or result.' }) measureType: MeasureType | null;
  @Field(() => Float, { description: 'Staff hours on recording and reporting (pro rata).' }) staffHours: number;
  @Field(() => Float, { description: 'Staff involved, weighted like the hours.' }) staffCount: number;
  @Field(() => Float, { nullable: true, description: 'staffHours / staffCount.' }) hoursPerStaff: number | null;
  @Field(() => Int, { description: 'Reports overlapping the bucket.' }) reports: number;
  @Field(() => Float, { description: 'Share of those reports whose indicator the unit uses for its own improvement (YES).' }) shareUsedForImprovement: number;
  @Field(() => Float, { description: 'Share answered PARTLY.' }) sharePartlyUsed: number;
}

@ObjectType({ description: 'Indicators in force for one organisation in one bucket.' })
export class IndicatorLoadRow {
  @Field(() => LocalDateResolver, { description: 'The bucket’s first day.' }) bucketStart: string;
  @Field(() => LocalDateResolver, { description: 'The bucket’s last day.' }) bucketEnd: string;
  @Field(() => ID, { description: 'The organisation the indicators apply to.' }) organisationId: string;
  @Field(() => Int, { description: 'Indicators of instruments applying to it, introduced and not retired during the bucket.' }) indicators: number;
  @Field(() => Int, { description: 'Of those, how many payment depends on.' }) paymentDependent: number;
}

@ObjectType({ description: 'Time thieves per bucket (by the date of each status change).' })
export class TimeThiefSummaryRow {
  @Field(() => LocalDateResolver, { description: 'The bucket’s first day.' }) bucketStart: string;
  @Field(() => LocalDateResolver, { description: 'The bucket’s last day.' }) bucketEnd: string;
  @Field(() => ID, { nullable: true, description: 'With byOrganisation: the organisation.' }) organisationId: string | null;
  @Field(() => Int, { description: 'Time thieves reported in the bucket.' }) reported: number;
  @Field(() => Int, { description: 'Time thieves removed in the bucket.' }) removed: number;
  @Field(() => Int, { description: 'Time thieves kept (with a reason) in the bucket.' }) kept: number;
  @Field(() => Float, { description: 'Staff hours per week freed by the removals: Σ minutes per week × staff affected / 60.' }) hoursFreedPerWeek: number;
}
