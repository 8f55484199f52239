import { Field, Float, ID, InputType, Int } from '@nestjs/graphql';
import { IsBoolean, IsEnum, IsInt, IsISO8601, IsNumber, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { LocalDateResolver } from 'graphql-scalars';
import { ImprovementUse, PeriodKind } from '../burden.enums';

@InputType({ description: 'Resubmitting the same indicator, organisation and period updates the report (earlier values are kept).' })
export class ReportIndicatorBurdenInput {
  @Field(() => ID) @IsUUID('all')
  indicatorId: string;

  @Field(() => ID, { description: 'The unit that does the reporting.' }) @IsUUID('all')
  organisationId: string;

  @Field(() => PeriodKind) @IsEnum(PeriodKind)
  periodKind: PeriodKind;

  @Field(() => LocalDateResolver, { description: 'First day of the month, quarter or year.' }) @IsISO8601({ strict: true })
  periodStart: string;

  @Field(() => LocalDateResolver, { description: 'Last day of that month, quarter or year.' }) @IsISO8601({ strict: true })
  periodEnd: string;

  @Field(() => Float) @IsNumber({ maxDecimalPlaces: 2 }) @Min(0) @Max(1_000_000)
  staffHours: number;

  @Field(() => Int) @IsInt() @Min(0) @Max(100_000)
  staffCount: number;

  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(0)
  recordCount?: number | null;

  @Field({ defaultValue: false }) @IsBoolean()
  doubleRegistration: boolean;

  @Field(() => ImprovementUse) @IsEnum(ImprovementUse)
  usedForImprovement: ImprovementUse;

  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(1) @Max(5)
  perceivedUsefulness?: number | null;

  @Field({ defaultValue: '' }) @IsString() @MaxLength(20_000)
  comment: string;
}
