import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayUnique, IsEnum, IsISO8601, IsOptional, IsUUID, ValidateNested } from 'class-validator';
import { LocalDateResolver } from 'graphql-scalars';
import { Bucket } from '../../analytics/dto/series.input';
import { CompletenessGroupBy, ObligationStatus } from '../obligation.enums';

@ArgsType()
export class ReportingObligationsArgs {
  @Field(() => ID, { description: 'This organisation and everything below it.' })
  @IsUUID('all')
  organisationId: string;

  @Field(() => LocalDateResolver, { description: 'Periods that end on or after this day…' })
  @IsISO8601({ strict: true })
  from: string;

  @Field(() => LocalDateResolver, { description: '…and start on or before this one.' })
  @IsISO8601({ strict: true })
  to: string;

  @Field(() => [ObligationStatus], { nullable: true, description: 'Only these (e.g. [MISSING, PARTIAL]).' })
  @IsOptional()
  @ArrayUnique()
  @IsEnum(ObligationStatus, { each: true })
  status?: ObligationStatus[];

  @Field(() => ID, { nullable: true, description: 'Only this indicator.' })
  @IsOptional()
  @IsUUID('all')
  indicatorId?: string;
}

@InputType({ description: 'Which obligations to count, and how to group them.' })
export class ReportingCompletenessInput {
  @Field(() => LocalDateResolver, { description: 'Reporting periods that end on or after this day…' })
  @IsISO8601({ strict: true })
  from: string;

  @Field(() => LocalDateResolver, { description: '…and start on or before this one.' })
  @IsISO8601({ strict: true })
  to: string;

  @Field(() => ID, { nullable: true, description: 'The organisations taking part in this pilot, and their units.' })
  @IsOptional()
  @IsUUID('all')
  pilotId?: string;

  @Field(() => ID, { nullable: true, description: 'This organisation and its units.' })
  @IsOptional()
  @IsUUID('all')
  organisationId?: string;

  @Field(() => ID, { nullable: true, description: 'Only this indicator.' })
  @IsOptional()
  @IsUUID('all')
  indicatorId?: string;

  @Field(() => [CompletenessGroupBy], { defaultValue: [], description: 'Group by any of pilot, organisation, indicator and period; none: one total.' })
  @ArrayUnique()
  @IsEnum(CompletenessGroupBy, { each: true })
  groupBy: CompletenessGroupBy[];

  @Field(() => Bucket, { defaultValue: Bucket.YEAR, description: 'With PERIOD grouping.' })
  @IsEnum(Bucket)
  bucket: Bucket;
}

@ArgsType()
export class ReportingCompletenessArgs {
  @Field(() => ReportingCompletenessInput)
  @ValidateNested()
  @Type(() => ReportingCompletenessInput)
  input: ReportingCompletenessInput;
}
