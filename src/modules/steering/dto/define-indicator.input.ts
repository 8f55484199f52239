import { Field, ID, InputType } from '@nestjs/graphql';
import { IsBoolean, IsEnum, IsISO8601, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { LocalDateResolver } from 'graphql-scalars';
import { AggregationLevel, MeasureType, ReportingFrequency } from '../steering.enums';
import { ClientIdField } from '../../client-request/retryable.input';

@InputType()
export class DefineIndicatorInput {
  @ClientIdField()
  clientId?: string;

  @Field() @IsString() @IsNotEmpty() @MaxLength(300)
  name: string;

  @Field({ defaultValue: '' }) @IsString() @MaxLength(20_000)
  description: string;

  @Field(() => ID) @IsUUID('all')
  instrumentId: string;

  @Field(() => MeasureType) @IsEnum(MeasureType)
  measureType: MeasureType;

  @Field(() => AggregationLevel) @IsEnum(AggregationLevel)
  aggregationLevel: AggregationLevel;

  @Field(() => ReportingFrequency) @IsEnum(ReportingFrequency)
  reportingFrequency: ReportingFrequency;

  @Field({ defaultValue: false }) @IsBoolean()
  paymentDependent: boolean;

  @Field(() => LocalDateResolver) @IsISO8601({ strict: true })
  introducedOn: string;

  @Field(() => LocalDateResolver, { nullable: true }) @IsOptional() @IsISO8601({ strict: true })
  retiredOn?: string | null;
}
