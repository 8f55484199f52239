import { Field, Float, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsEnum,
  IsInt,
  IsISO8601,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { LocalDateResolver } from 'graphql-scalars';
import { ImprovementUse, PeriodKind } from '../burden.enums';
import { ClientIdField } from '../../client-request/retryable.input';
import { CorrectionInput } from '../../../common/corrections/correction.input';

@InputType({
  description:
    'The first report of an indicator, organisation and period creates it; sending the same key again replaces it only with expectedRevision (the revision you saw) and a reason. Earlier values are kept.',
})
export class ReportIndicatorBurdenInput {
  @ClientIdField()
  clientId?: string;

  @Field(() => ID, { description: 'The indicator reported on.' })
  @IsUUID('all')
  indicatorId: string;

  @Field(() => ID, { description: 'The unit that does the reporting.' })
  @IsUUID('all')
  organisationId: string;

  @Field(() => PeriodKind, { description: 'Month, quarter or year.' })
  @IsEnum(PeriodKind)
  periodKind: PeriodKind;

  @Field(() => LocalDateResolver, { description: 'First day of the month, quarter or year.' })
  @IsISO8601({ strict: true })
  periodStart: string;

  @Field(() => LocalDateResolver, { description: 'Last day of that month, quarter or year.' })
  @IsISO8601({ strict: true })
  periodEnd: string;

  @Field(() => Float, { description: 'Staff hours spent on measuring and reporting this indicator in the period.' })
  @IsNumber({ maxDecimalPlaces: 2 })
  @Min(0)
  @Max(1_000_000)
  staffHours: number;

  @Field(() => Int, { description: 'How many staff took part in it.' })
  @IsInt()
  @Min(0)
  @Max(100_000)
  staffCount: number;

  @Field(() => Int, { nullable: true, description: 'How many records (registrations, forms) it took, when known.' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(2_147_483_647)
  recordCount?: number | null;

  @Field({ defaultValue: false, description: 'Whether the same data is also registered elsewhere.' })
  @IsBoolean()
  doubleRegistration: boolean;

  @Field(() => ImprovementUse, { description: 'Whether the data is used to improve the work.' })
  @IsEnum(ImprovementUse)
  usedForImprovement: ImprovementUse;

  @Field(() => Int, { nullable: true, description: 'How useful the staff find it, 1 (not at all) to 5 (very).' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(5)
  perceivedUsefulness?: number | null;

  @Field({ defaultValue: '', description: 'A comment, up to 20,000 characters.' })
  @IsString()
  @MaxLength(20_000)
  comment: string;

  @Field(() => Int, { nullable: true, description: 'To replace an existing report: the revision it is at (CONFLICT otherwise, with the current one).' })
  @IsOptional()
  @IsInt()
  @Min(1)
  expectedRevision?: number | null;

  @Field(() => String, { nullable: true, description: 'Why the report is replaced (required with expectedRevision).' })
  @IsOptional()
  @IsString()
  @MaxLength(2_000)
  reason?: string | null;
}

/** Reports in one reportIndicatorBurdenBatch: a unit's month of every indicator, or an import. */
export const MAX_BURDEN_BATCH = 1_000;

@InputType({ description: 'Several burden reports stored together: all of them, or none.' })
export class ReportIndicatorBurdenBatchInput {
  @Field(() => [ReportIndicatorBurdenInput], {
    description: `1 to ${MAX_BURDEN_BATCH} reports, each checked by the same rules as reportIndicatorBurden. Give each its clientId, and a retried batch stores nothing twice.`,
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_BURDEN_BATCH)
  @ValidateNested({ each: true })
  @Type(() => ReportIndicatorBurdenInput)
  reports: ReportIndicatorBurdenInput[];
}

@InputType({ description: 'Takes a report out of every result; it stays in history, with the reason, and can be restored.' })
export class WithdrawBurdenReportInput extends CorrectionInput {}

@InputType({ description: 'Brings a withdrawn report back, with a reason.' })
export class RestoreBurdenReportInput extends CorrectionInput {}
