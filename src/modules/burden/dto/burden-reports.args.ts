import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsBoolean, IsEnum, IsISO8601, IsOptional, IsUUID, ValidateNested } from 'class-validator';
import { LocalDateResolver } from 'graphql-scalars';
import { PageArgs } from '../../../common/pagination/connection';
import { PeriodKind } from '../burden.enums';

@InputType({ description: 'Which burden reports to list (all conditions must hold).' })
export class BurdenReportFilter {
  @Field(() => ID, { nullable: true, description: 'Of this indicator.' })
  @IsOptional()
  @IsUUID('all')
  indicatorId?: string;

  @Field(() => ID, { nullable: true, description: 'Of this instrument’s indicators.' })
  @IsOptional()
  @IsUUID('all')
  instrumentId?: string;

  @Field(() => ID, { nullable: true, description: 'This organisation and its units.' })
  @IsOptional()
  @IsUUID('all')
  organisationId?: string;

  @Field(() => [PeriodKind], { nullable: true, description: 'Any of these period kinds.' })
  @IsOptional()
  @IsEnum(PeriodKind, { each: true })
  periodKind?: PeriodKind[];

  @Field(() => LocalDateResolver, { nullable: true, description: 'Periods ending on or after.' })
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;

  @Field(() => LocalDateResolver, { nullable: true, description: 'Periods starting on or before.' })
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;

  @Field({ nullable: true, defaultValue: false, description: 'Only withdrawn reports (admins, and those who report for the organisation).' })
  @IsOptional()
  @IsBoolean()
  withdrawn?: boolean;
}

@ArgsType()
export class BurdenReportsArgs extends PageArgs {
  @Field(() => BurdenReportFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => BurdenReportFilter)
  filter?: BurdenReportFilter;
}
